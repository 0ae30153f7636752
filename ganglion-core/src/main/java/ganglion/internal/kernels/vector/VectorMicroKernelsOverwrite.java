package ganglion.internal.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The six-row micro-kernels of {@link VectorMicroKernels} in the form that overwrites C instead of adding to it,
 * for the first k block of a product with beta 0: C is neither zeroed beforehand nor read.
 */
final class VectorMicroKernelsOverwrite {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;

    private VectorMicroKernelsOverwrite() {
    }

    /**
     * {@code C[6 x vecs*L] = A B} over {@code kc} k steps, for vecs in [1, 4]; operands as in
     * {@link VectorMicroKernels#add}. Same sums as {@code add} on a zeroed C, without reading C.
     */
    static void store(int rows, int vecs, int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        switch (rows * 8 + vecs) {
            case 52 -> store6x4(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 51 -> store6x3(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 50 -> store6x2(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 49 -> store6x1(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            default -> throw new IllegalArgumentException("no store micro-kernel for " + rows + "x" + vecs);
        }
    }

    private static void store6x4(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        FloatVector c10 = z, c11 = z, c12 = z, c13 = z;
        FloatVector c20 = z, c21 = z, c22 = z, c23 = z;
        FloatVector c30 = z, c31 = z, c32 = z, c33 = z;
        FloatVector c40 = z, c41 = z, c42 = z, c43 = z;
        FloatVector c50 = z, c51 = z, c52 = z, c53 = z;
        int a1 = ai + ars, a2 = ai + 2 * ars, a3 = ai + 3 * ars, a4 = ai + 4 * ars, a5 = ai + 5 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
            FloatVector x2 = FloatVector.broadcast(S, a[a2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22); c23 = x2.fma(b3, c23);
            FloatVector x3 = FloatVector.broadcast(S, a[a3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32); c33 = x3.fma(b3, c33);
            FloatVector x4 = FloatVector.broadcast(S, a[a4]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42); c43 = x4.fma(b3, c43);
            FloatVector x5 = FloatVector.broadcast(S, a[a5]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52); c53 = x5.fma(b3, c53);
            ai += aps; a1 += aps; a2 += aps; a3 += aps; a4 += aps; a5 += aps;
            bi += bs;
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + L); c02.intoArray(c, ci + 2 * L); c03.intoArray(c, ci + 3 * L);
        ci += ldc;
        c10.intoArray(c, ci); c11.intoArray(c, ci + L); c12.intoArray(c, ci + 2 * L); c13.intoArray(c, ci + 3 * L);
        ci += ldc;
        c20.intoArray(c, ci); c21.intoArray(c, ci + L); c22.intoArray(c, ci + 2 * L); c23.intoArray(c, ci + 3 * L);
        ci += ldc;
        c30.intoArray(c, ci); c31.intoArray(c, ci + L); c32.intoArray(c, ci + 2 * L); c33.intoArray(c, ci + 3 * L);
        ci += ldc;
        c40.intoArray(c, ci); c41.intoArray(c, ci + L); c42.intoArray(c, ci + 2 * L); c43.intoArray(c, ci + 3 * L);
        ci += ldc;
        c50.intoArray(c, ci); c51.intoArray(c, ci + L); c52.intoArray(c, ci + 2 * L); c53.intoArray(c, ci + 3 * L);
    }

    private static void store6x3(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z;
        FloatVector c10 = z, c11 = z, c12 = z;
        FloatVector c20 = z, c21 = z, c22 = z;
        FloatVector c30 = z, c31 = z, c32 = z;
        FloatVector c40 = z, c41 = z, c42 = z;
        FloatVector c50 = z, c51 = z, c52 = z;
        int a1 = ai + ars, a2 = ai + 2 * ars, a3 = ai + 3 * ars, a4 = ai + 4 * ars, a5 = ai + 5 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
            FloatVector x2 = FloatVector.broadcast(S, a[a2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21); c22 = x2.fma(b2, c22);
            FloatVector x3 = FloatVector.broadcast(S, a[a3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31); c32 = x3.fma(b2, c32);
            FloatVector x4 = FloatVector.broadcast(S, a[a4]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41); c42 = x4.fma(b2, c42);
            FloatVector x5 = FloatVector.broadcast(S, a[a5]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51); c52 = x5.fma(b2, c52);
            ai += aps; a1 += aps; a2 += aps; a3 += aps; a4 += aps; a5 += aps;
            bi += bs;
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + L); c02.intoArray(c, ci + 2 * L);
        ci += ldc;
        c10.intoArray(c, ci); c11.intoArray(c, ci + L); c12.intoArray(c, ci + 2 * L);
        ci += ldc;
        c20.intoArray(c, ci); c21.intoArray(c, ci + L); c22.intoArray(c, ci + 2 * L);
        ci += ldc;
        c30.intoArray(c, ci); c31.intoArray(c, ci + L); c32.intoArray(c, ci + 2 * L);
        ci += ldc;
        c40.intoArray(c, ci); c41.intoArray(c, ci + L); c42.intoArray(c, ci + 2 * L);
        ci += ldc;
        c50.intoArray(c, ci); c51.intoArray(c, ci + L); c52.intoArray(c, ci + 2 * L);
    }

    private static void store6x2(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        FloatVector c10 = z, c11 = z;
        FloatVector c20 = z, c21 = z;
        FloatVector c30 = z, c31 = z;
        FloatVector c40 = z, c41 = z;
        FloatVector c50 = z, c51 = z;
        int a1 = ai + ars, a2 = ai + 2 * ars, a3 = ai + 3 * ars, a4 = ai + 4 * ars, a5 = ai + 5 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(S, a[a2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(S, a[a3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(S, a[a4]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(S, a[a5]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
            ai += aps; a1 += aps; a2 += aps; a3 += aps; a4 += aps; a5 += aps;
            bi += bs;
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + L);
        ci += ldc;
        c10.intoArray(c, ci); c11.intoArray(c, ci + L);
        ci += ldc;
        c20.intoArray(c, ci); c21.intoArray(c, ci + L);
        ci += ldc;
        c30.intoArray(c, ci); c31.intoArray(c, ci + L);
        ci += ldc;
        c40.intoArray(c, ci); c41.intoArray(c, ci + L);
        ci += ldc;
        c50.intoArray(c, ci); c51.intoArray(c, ci + L);
    }

    private static void store6x1(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c10 = z;
        FloatVector c20 = z;
        FloatVector c30 = z;
        FloatVector c40 = z;
        FloatVector c50 = z;
        int a1 = ai + ars, a2 = ai + 2 * ars, a3 = ai + 3 * ars, a4 = ai + 4 * ars, a5 = ai + 5 * ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10);
            FloatVector x2 = FloatVector.broadcast(S, a[a2]);
            c20 = x2.fma(b0, c20);
            FloatVector x3 = FloatVector.broadcast(S, a[a3]);
            c30 = x3.fma(b0, c30);
            FloatVector x4 = FloatVector.broadcast(S, a[a4]);
            c40 = x4.fma(b0, c40);
            FloatVector x5 = FloatVector.broadcast(S, a[a5]);
            c50 = x5.fma(b0, c50);
            ai += aps; a1 += aps; a2 += aps; a3 += aps; a4 += aps; a5 += aps;
            bi += bs;
        }
        c00.intoArray(c, ci);
        ci += ldc;
        c10.intoArray(c, ci);
        ci += ldc;
        c20.intoArray(c, ci);
        ci += ldc;
        c30.intoArray(c, ci);
        ci += ldc;
        c40.intoArray(c, ci);
        ci += ldc;
        c50.intoArray(c, ci);
    }
}
