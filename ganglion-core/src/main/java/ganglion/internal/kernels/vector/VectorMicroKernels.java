package ganglion.internal.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked GEMM micro-kernels that add a tile of A B to C: each keeps a {@code rows x vecs} block of C in
 * vector registers while it streams A (one broadcast per row and k step) and B ({@code vecs} vector loads per k
 * step) through fused multiply-adds. The 6 x 4 kernel (24 accumulators, 4 B vectors and one broadcast: 29 of
 * AVX-512's 32 registers) does the bulk of the work; the narrower ones finish the edges of a block without
 * computing padding rows. Operands are given by base index and strides, so packed panels and matrices read in
 * place share one code path.
 *
 * <p>The kernels hold no data-dependent branch (overwriting C is {@link VectorMicroKernelsOverwrite}'s job): a
 * rarely taken branch in these methods can leave C2's recompiled code boxing every vector for seconds.
 * Generated from one template; change the template, not one kernel.
 */
final class VectorMicroKernels {

    private static final VectorSpecies<Float> S = VectorLanes.SPECIES;
    private static final int L = VectorLanes.L;

    private VectorMicroKernels() {
    }

    /**
     * {@code C[rows x vecs*L] += A B} over {@code kc} k steps (rows in {6, 2, 1}, vecs in [1, 4]), where
     * {@code A(r, p) = a[ai + r*ars + p*aps]} and row p of B starts at {@code b[bi + p*bs]}: packed panels
     * and operands read in place go through the same code. Each accumulator starts at zero and sums its k
     * terms with fused multiply-adds in k order; C is added once at the end, so a C element's value does
     * not depend on which tile shape computed it.
     */
    static void add(int rows, int vecs, int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        switch (rows * 8 + vecs) {
            case 52 -> add6x4(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 51 -> add6x3(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 50 -> add6x2(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 49 -> add6x1(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 20 -> add2x4(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 19 -> add2x3(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 18 -> add2x2(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 17 -> add2x1(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 12 -> add1x4(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 11 -> add1x3(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 10 -> add1x2(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            case 9 -> add1x1(kc, a, ai, ars, aps, b, bi, bs, c, ci, ldc);
            default -> throw new IllegalArgumentException("no add micro-kernel for " + rows + "x" + vecs);
        }
    }

    private static void add6x4(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
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
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        c02 = c02.add(FloatVector.fromArray(S, c, o + 2 * L)); c03 = c03.add(FloatVector.fromArray(S, c, o + 3 * L));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o)); c11 = c11.add(FloatVector.fromArray(S, c, o + L));
        c12 = c12.add(FloatVector.fromArray(S, c, o + 2 * L)); c13 = c13.add(FloatVector.fromArray(S, c, o + 3 * L));
        o += ldc;
        c20 = c20.add(FloatVector.fromArray(S, c, o)); c21 = c21.add(FloatVector.fromArray(S, c, o + L));
        c22 = c22.add(FloatVector.fromArray(S, c, o + 2 * L)); c23 = c23.add(FloatVector.fromArray(S, c, o + 3 * L));
        o += ldc;
        c30 = c30.add(FloatVector.fromArray(S, c, o)); c31 = c31.add(FloatVector.fromArray(S, c, o + L));
        c32 = c32.add(FloatVector.fromArray(S, c, o + 2 * L)); c33 = c33.add(FloatVector.fromArray(S, c, o + 3 * L));
        o += ldc;
        c40 = c40.add(FloatVector.fromArray(S, c, o)); c41 = c41.add(FloatVector.fromArray(S, c, o + L));
        c42 = c42.add(FloatVector.fromArray(S, c, o + 2 * L)); c43 = c43.add(FloatVector.fromArray(S, c, o + 3 * L));
        o += ldc;
        c50 = c50.add(FloatVector.fromArray(S, c, o)); c51 = c51.add(FloatVector.fromArray(S, c, o + L));
        c52 = c52.add(FloatVector.fromArray(S, c, o + 2 * L)); c53 = c53.add(FloatVector.fromArray(S, c, o + 3 * L));
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

    private static void add6x3(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
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
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        c02 = c02.add(FloatVector.fromArray(S, c, o + 2 * L));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o)); c11 = c11.add(FloatVector.fromArray(S, c, o + L));
        c12 = c12.add(FloatVector.fromArray(S, c, o + 2 * L));
        o += ldc;
        c20 = c20.add(FloatVector.fromArray(S, c, o)); c21 = c21.add(FloatVector.fromArray(S, c, o + L));
        c22 = c22.add(FloatVector.fromArray(S, c, o + 2 * L));
        o += ldc;
        c30 = c30.add(FloatVector.fromArray(S, c, o)); c31 = c31.add(FloatVector.fromArray(S, c, o + L));
        c32 = c32.add(FloatVector.fromArray(S, c, o + 2 * L));
        o += ldc;
        c40 = c40.add(FloatVector.fromArray(S, c, o)); c41 = c41.add(FloatVector.fromArray(S, c, o + L));
        c42 = c42.add(FloatVector.fromArray(S, c, o + 2 * L));
        o += ldc;
        c50 = c50.add(FloatVector.fromArray(S, c, o)); c51 = c51.add(FloatVector.fromArray(S, c, o + L));
        c52 = c52.add(FloatVector.fromArray(S, c, o + 2 * L));
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

    private static void add6x2(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
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
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o)); c11 = c11.add(FloatVector.fromArray(S, c, o + L));
        o += ldc;
        c20 = c20.add(FloatVector.fromArray(S, c, o)); c21 = c21.add(FloatVector.fromArray(S, c, o + L));
        o += ldc;
        c30 = c30.add(FloatVector.fromArray(S, c, o)); c31 = c31.add(FloatVector.fromArray(S, c, o + L));
        o += ldc;
        c40 = c40.add(FloatVector.fromArray(S, c, o)); c41 = c41.add(FloatVector.fromArray(S, c, o + L));
        o += ldc;
        c50 = c50.add(FloatVector.fromArray(S, c, o)); c51 = c51.add(FloatVector.fromArray(S, c, o + L));
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

    private static void add6x1(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
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
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o));
        o += ldc;
        c20 = c20.add(FloatVector.fromArray(S, c, o));
        o += ldc;
        c30 = c30.add(FloatVector.fromArray(S, c, o));
        o += ldc;
        c40 = c40.add(FloatVector.fromArray(S, c, o));
        o += ldc;
        c50 = c50.add(FloatVector.fromArray(S, c, o));
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

    private static void add2x4(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        FloatVector c10 = z, c11 = z, c12 = z, c13 = z;
        int a1 = ai + ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12); c13 = x1.fma(b3, c13);
            ai += aps; a1 += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        c02 = c02.add(FloatVector.fromArray(S, c, o + 2 * L)); c03 = c03.add(FloatVector.fromArray(S, c, o + 3 * L));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o)); c11 = c11.add(FloatVector.fromArray(S, c, o + L));
        c12 = c12.add(FloatVector.fromArray(S, c, o + 2 * L)); c13 = c13.add(FloatVector.fromArray(S, c, o + 3 * L));
        c00.intoArray(c, ci); c01.intoArray(c, ci + L); c02.intoArray(c, ci + 2 * L); c03.intoArray(c, ci + 3 * L);
        ci += ldc;
        c10.intoArray(c, ci); c11.intoArray(c, ci + L); c12.intoArray(c, ci + 2 * L); c13.intoArray(c, ci + 3 * L);
    }

    private static void add2x3(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z;
        FloatVector c10 = z, c11 = z, c12 = z;
        int a1 = ai + ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11); c12 = x1.fma(b2, c12);
            ai += aps; a1 += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        c02 = c02.add(FloatVector.fromArray(S, c, o + 2 * L));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o)); c11 = c11.add(FloatVector.fromArray(S, c, o + L));
        c12 = c12.add(FloatVector.fromArray(S, c, o + 2 * L));
        c00.intoArray(c, ci); c01.intoArray(c, ci + L); c02.intoArray(c, ci + 2 * L);
        ci += ldc;
        c10.intoArray(c, ci); c11.intoArray(c, ci + L); c12.intoArray(c, ci + 2 * L);
    }

    private static void add2x2(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        FloatVector c10 = z, c11 = z;
        int a1 = ai + ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            ai += aps; a1 += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o)); c11 = c11.add(FloatVector.fromArray(S, c, o + L));
        c00.intoArray(c, ci); c01.intoArray(c, ci + L);
        ci += ldc;
        c10.intoArray(c, ci); c11.intoArray(c, ci + L);
    }

    private static void add2x1(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        FloatVector c10 = z;
        int a1 = ai + ars;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            FloatVector x1 = FloatVector.broadcast(S, a[a1]);
            c10 = x1.fma(b0, c10);
            ai += aps; a1 += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o));
        o += ldc;
        c10 = c10.add(FloatVector.fromArray(S, c, o));
        c00.intoArray(c, ci);
        ci += ldc;
        c10.intoArray(c, ci);
    }

    private static void add1x4(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z, c03 = z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02); c03 = x0.fma(b3, c03);
            ai += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        c02 = c02.add(FloatVector.fromArray(S, c, o + 2 * L)); c03 = c03.add(FloatVector.fromArray(S, c, o + 3 * L));
        c00.intoArray(c, ci); c01.intoArray(c, ci + L); c02.intoArray(c, ci + 2 * L); c03.intoArray(c, ci + 3 * L);
    }

    private static void add1x3(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c02 = z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01); c02 = x0.fma(b2, c02);
            ai += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        c02 = c02.add(FloatVector.fromArray(S, c, o + 2 * L));
        c00.intoArray(c, ci); c01.intoArray(c, ci + L); c02.intoArray(c, ci + 2 * L);
    }

    private static void add1x2(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            ai += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o)); c01 = c01.add(FloatVector.fromArray(S, c, o + L));
        c00.intoArray(c, ci); c01.intoArray(c, ci + L);
    }

    private static void add1x1(int kc, float[] a, int ai, int ars, int aps, float[] b, int bi, int bs,
            float[] c, int ci, int ldc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c00 = x0.fma(b0, c00);
            ai += aps;
            bi += bs;
        }
        int o = ci;
        c00 = c00.add(FloatVector.fromArray(S, c, o));
        c00.intoArray(c, ci);
    }
}
