package org.cathodekit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one place that decides parallelism: work is cut into chunks whose boundaries depend only on
 * the problem size and the chunk size (never on the thread count), each chunk writes only its own
 * part of the output, and per-chunk partial results are combined in chunk order. Results are
 * therefore bit-identical for any thread count.
 *
 * <p>The thread count comes from the system property {@code cathodekit.threads} (or the
 * environment variable {@code CATHODEKIT_THREADS}); default: all available processors. {@code 1}
 * runs everything sequentially on the calling thread.
 */
public final class Parallel {
    private Parallel() {
    }

    /** Work on the half-open index range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int chunkIndex, int from, int to) throws Exception;
    }

    /** @return the configured number of threads (>= 1). */
    public static int threads() {
        String s = System.getProperty("cathodekit.threads");
        if (s == null) {
            s = System.getenv("CATHODEKIT_THREADS");
        }
        if (s != null && !s.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cathodekit.threads / CATHODEKIT_THREADS must be a whole number, got '" + s + "'");
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** @return the number of chunks {@link #forEachChunk} makes for {@code n} items of {@code chunkSize}. */
    public static int chunkCount(int n, int chunkSize) {
        return n == 0 ? 0 : (n + chunkSize - 1) / chunkSize;
    }

    /**
     * Runs {@code task} on chunks {@code [k*chunkSize, min(n, (k+1)*chunkSize))} with
     * {@link #threads()} threads.
     */
    public static void forEachChunk(int n, int chunkSize, RangeTask task) {
        forEachChunk(n, chunkSize, threads(), task);
    }

    /** As {@link #forEachChunk(int, int, RangeTask)} with an explicit thread count. */
    public static void forEachChunk(int n, int chunkSize, int threads, RangeTask task) {
        Checks.requirePositive(chunkSize, "chunkSize");
        int chunks = chunkCount(n, chunkSize);
        if (threads <= 1 || chunks <= 1) {
            for (int k = 0; k < chunks; k++) {
                int from = k * chunkSize;
                runChunk(task, k, from, Math.min(n, from + chunkSize));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, chunks), r -> {
            Thread t = new Thread(r, "cathodekit-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(chunks);
            for (int k = 0; k < chunks; k++) {
                final int kk = k;
                final int from = k * chunkSize;
                final int to = Math.min(n, from + chunkSize);
                futures.add(pool.submit(() -> {
                    runChunk(task, kk, from, to);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    if (c instanceof Error er) {
                        throw er;
                    }
                    throw new IllegalStateException(c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runChunk(RangeTask task, int k, int from, int to) {
        try {
            task.run(k, from, to);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
