package org.cathodekit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ParallelTest {

    /** Per-chunk partial sums combined in chunk order: floating-point sums must not depend on threads. */
    private static double chunkedSum(double[] x, int threads) {
        int chunk = 1000;
        double[] partial = new double[Parallel.chunkCount(x.length, chunk)];
        Parallel.forEachChunk(x.length, chunk, threads, (k, from, to) -> {
            double s = 0;
            for (int i = from; i < to; i++) {
                s += x[i];
            }
            partial[k] = s;
        });
        double total = 0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        SplittableRandom r = new SplittableRandom(42);
        double[] x = new double[123_457];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-1e6, 1e6) * Math.pow(10, r.nextInt(-8, 8));
        }
        double one = chunkedSum(x, 1);
        for (int t : new int[] {2, 3, 8}) {
            assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(chunkedSum(x, t)), "threads=" + t);
        }
    }

    @Test
    void everyIndexIsVisitedExactlyOnce() {
        int[] hits = new int[10_001];
        Parallel.forEachChunk(hits.length, 64, 4, (k, from, to) -> {
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        int[] ones = new int[hits.length];
        java.util.Arrays.fill(ones, 1);
        assertArrayEquals(ones, hits);
        Parallel.forEachChunk(0, 64, 4, (k, from, to) -> {
            throw new AssertionError("no chunk expected for n = 0");
        });
    }

    @Test
    void exceptionsFromWorkersReachTheCaller() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallel.forEachChunk(100, 10, 3, (k, from, to) -> {
                    if (k == 7) {
                        throw new IllegalArgumentException("chunk 7 is bad");
                    }
                }));
        assertEquals("chunk 7 is bad", e.getMessage());
    }

    /**
     * One pool for many calls (as Xanes.maps runs one per slab): every index once per call, the first
     * failing chunk's exception (in chunk order) reaches the caller only after the chunks already running
     * have finished, and the pool keeps working after a failure.
     */
    @Test
    void aPoolRunsManyCallsAndSurvivesAFailingChunk() {
        try (Parallel.Pool pool = Parallel.pool(3)) {
            for (int call = 0; call < 20; call++) {
                int[] hits = new int[1000 + call];
                pool.forEachChunk(hits.length, 37, (k, from, to) -> {
                    for (int i = from; i < to; i++) {
                        hits[i]++;
                    }
                });
                for (int i = 0; i < hits.length; i++) {
                    assertEquals(1, hits[i], "call " + call + " index " + i);
                }
            }
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.forEachChunk(100, 10, (k, from, to) -> {
                running.incrementAndGet();
                try {
                    if (k == 2 || k == 5) {
                        throw new IllegalStateException("chunk " + k + " is bad");
                    }
                    Thread.sleep(5);
                } finally {
                    running.decrementAndGet();
                }
            }));
            assertEquals("chunk 2 is bad", e.getMessage());
            assertEquals(0, running.get(), "no chunk still running when the failure is reported");
            int[] after = new int[50];
            pool.forEachChunk(after.length, 7, (k, from, to) -> {
                for (int i = from; i < to; i++) {
                    after[i] = 1;
                }
            });
            assertEquals(50, java.util.Arrays.stream(after).sum());
        }
    }
}
