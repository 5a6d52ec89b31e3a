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
        try (Pool pool = pool(Math.min(threads, Math.max(1, chunkCount(n, chunkSize))))) {
            pool.forEachChunk(n, chunkSize, task);
        }
    }

    /**
     * @return worker threads for many {@link Pool#forEachChunk} calls (e.g. one per slab of a stack),
     *         so that each call does not start threads of its own; {@code threads <= 1} runs every
     *         chunk on the calling thread. Close it when done.
     */
    public static Pool pool(int threads) {
        return new Pool(threads);
    }

    /** Worker threads that run chunked work; the chunks, and so the results, do not depend on the thread count. */
    public static final class Pool implements AutoCloseable {
        private final ExecutorService executor;

        private Pool(int threads) {
            this.executor = threads <= 1 ? null : Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "cathodekit-worker");
                t.setDaemon(true);
                return t;
            });
        }

        /** Runs {@code task} on chunks {@code [k*chunkSize, min(n, (k+1)*chunkSize))} and waits for all of them. */
        public void forEachChunk(int n, int chunkSize, RangeTask task) {
            Checks.requirePositive(chunkSize, "chunkSize");
            int chunks = chunkCount(n, chunkSize);
            if (executor == null || chunks <= 1) {
                for (int k = 0; k < chunks; k++) {
                    int from = k * chunkSize;
                    runChunk(task, k, from, Math.min(n, from + chunkSize));
                }
                return;
            }
            // after a failure the chunks above the lowest failed index are skipped (so the failure reported, the
            // lowest failing chunk's, is the same for any thread count); every submitted task is waited for, so
            // that none is still running (on this pool, for the next call) when the failure is reported
            java.util.concurrent.atomic.AtomicInteger lowestFailed = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
            List<Future<?>> futures = new ArrayList<>(chunks);
            for (int k = 0; k < chunks; k++) {
                final int kk = k;
                final int from = k * chunkSize;
                final int to = Math.min(n, from + chunkSize);
                futures.add(executor.submit(() -> {
                    if (kk > lowestFailed.get()) {
                        return null;
                    }
                    try {
                        runChunk(task, kk, from, to);
                    } catch (RuntimeException | Error e) {
                        lowestFailed.accumulateAndGet(kk, Math::min);
                        throw e;
                    }
                    return null;
                }));
            }
            Throwable failure = null;
            boolean interrupted = false;
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get();
                        break;
                    } catch (ExecutionException e) {
                        if (failure == null) {
                            failure = e.getCause(); // the first failing chunk in chunk order
                        }
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                        lowestFailed.set(-1); // skip every chunk not yet started
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error er) {
                throw er;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }

        @Override
        public void close() {
            if (executor != null) {
                executor.shutdownNow();
            }
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
