package org.cathodekit.synthetic;

import java.util.SplittableRandom;

/** Derived seeds: every random stream is a {@link SplittableRandom} seeded from (seed, stream, index). */
final class Seeds {
    private Seeds() {
    }

    /** Stream tags, so that the grain, SoC-noise and spectrum-noise streams never coincide. */
    static final long GRAVEL_SEEDS = 0x6772617665L;
    static final long ROD_SEEDS = 0x726f64L;
    static final long SOC_NOISE = 0x736f63L;
    static final long SPECTRUM_NOISE = 0x73706563L;

    /** The splitmix64 finaliser (Steele, Lea, Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A seed derived from a base seed, a stream tag and an index (cell or z-slice). */
    static long derive(long seed, long stream, long index) {
        return mix64(mix64(mix64(seed) ^ stream) + index * 0x9e3779b97f4a7c15L);
    }

    static SplittableRandom random(long seed, long stream, long index) {
        return new SplittableRandom(derive(seed, stream, index));
    }
}
