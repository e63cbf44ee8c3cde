package io.github.ignitionassets.backoff;

import java.util.random.RandomGenerator;

/**
 * The numbers {@link java.util.Random} gives for a seed, from {@link #nextInt()} and {@link #nextLong()}, without the
 * atomic update that lets a {@code Random} be shared between threads. The load figures draw a jitter for each of up
 * to 200k simulated attempts in each build's fresh JVM, where that update is several interpreted calls a draw; the
 * figures must not change, so the generator is {@code Random}'s own, as its documentation specifies it. Other
 * methods are {@link RandomGenerator}'s defaults, which {@code Random} does not share.
 */
final class UnsharedRandom implements RandomGenerator {

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;

    private long seed;

    UnsharedRandom(long seed) {
        this.seed = (seed ^ MULTIPLIER) & MASK;
    }

    private int next(int bits) {
        seed = (seed * MULTIPLIER + ADDEND) & MASK;
        return (int) (seed >>> (48 - bits));
    }

    @Override
    public int nextInt() {
        return next(32);
    }

    @Override
    public long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }
}
