package org.cathodekit.xanes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The in-memory stacks' buffer reads (what {@link Xanes#maps} reads slabs with) give the same floats
 * as their array reads, for boxes at any depth and row offset and a plane stride larger than the box.
 */
class StackSourceBufferReadTest {
    private static final double[] E = {8300, 8330, 8340, 8350, 8400};

    @Test
    void bufferReadsEqualArrayReads() throws IOException {
        int nz = 4;
        int ny = 5;
        int nx = 7;
        SplittableRandom r = new SplittableRandom(11);
        float[] flat = new float[E.length * nz * ny * nx];
        float[][][][] nested = new float[E.length][nz][ny][nx];
        for (int e = 0, i = 0; e < E.length; e++) {
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++, i++) {
                        flat[i] = (float) r.nextGaussian();
                        nested[e][z][y][x] = flat[i];
                    }
                }
            }
        }
        for (StackSource s : new StackSource[] {StackSource.flat(E, flat, nz, ny, nx, true), StackSource.inMemory(E, nested, true)}) {
            for (int[] box : new int[][] {{0, 4, 0, 5}, {1, 2, 0, 5}, {3, 1, 0, 5}, {0, 1, 2, 3}}) {
                int len = box[1] * box[3] * nx;
                int stride = len + 5;
                float[][] want = new float[E.length][len];
                s.read(box[0], box[1], box[2], box[3], want);
                ByteBuffer got = ByteBuffer.allocateDirect(4 * E.length * stride).order(ByteOrder.nativeOrder());
                s.read(box[0], box[1], box[2], box[3], got, stride);
                for (int e = 0; e < E.length; e++) {
                    for (int i = 0; i < len; i++) {
                        assertEquals(want[e][i], got.getFloat(4 * (e * stride + i)), s.describe() + " box " + java.util.Arrays.toString(box)
                                + " energy " + e + " value " + i);
                    }
                }
            }
        }
    }
}
