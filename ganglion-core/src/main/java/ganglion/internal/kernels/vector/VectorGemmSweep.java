package ganglion.internal.kernels.vector;

import java.util.Arrays;

/**
 * One k block of {@code C += op(A) op(B)} (or {@code C =}, for the first block of a beta-0 product) over an
 * {@code mc x nc} block of C, tile by tile, each operand either packed ({@link VectorGemmPacking}) or read in
 * place. C may be addressed transposed (the {@code C^T = B A^T} form of {@link VectorGemm}). Mutable per-thread
 * state ({@link VectorGemmWorkspace#sweep}), so that the loops allocate nothing.
 */
final class VectorGemmSweep {

    private static final int L = VectorLanes.L;
    private static final int MR = VectorGemm.MR;
    private static final int NR = VectorGemm.NR;

    /** C(i, j) = c[base + i*crs + j*ccs]: ccs is 1, or crs is 1 for a transposed C. */
    float[] c;
    int crs, ccs;
    /** Depth of the current k block. */
    int kc;
    /** True for the first k block of a beta-0 product: tiles overwrite C instead of adding to it. */
    boolean overwrite;

    // A: packed panels (ars < 0), or A(i, p) = a[aBase + i*ars + p*acs].
    private float[] a;
    private int aBase, ars, acs;
    // B: packed panels (bs < 0), or row p of the block at b[bBase + p*bs].
    private float[] b;
    private int bBase, bs;
    // The last, partial column panel of an in-place B, packed on first use into edge.
    private float[] edge, edgeSrc;
    private int edgeStart, edgeBOff, edgeLdb, edgeP0, edgeJ0;
    private boolean edgePacked;
    // The B panel of the current column tile.
    private float[] panel;
    private int panelIndex, panelStride;

    /** A in place with the given strides, or packed panels when the strides are -1. */
    void setA(float[] a, int base, int rowStride, int colStride) {
        this.a = a;
        this.aBase = base;
        this.ars = rowStride;
        this.acs = colStride;
    }

    /** B packed into panels starting at {@code base}. */
    void setPackedB(float[] packed, int base) {
        this.b = packed;
        this.bBase = base;
        this.bs = -1;
    }

    /**
     * B in place: row p of the block starts at {@code src[bOff + (p0 + p)*ldb + j0]}; a last panel that is not a
     * whole number of vectors is packed into {@code edgeBuffer} (from index {@code edgeStart}) when first needed.
     */
    void setInPlaceB(float[] src, int bOff, int ldb, int p0, int j0, float[] edgeBuffer, int edgeStart) {
        this.b = src;
        this.bBase = bOff + p0 * ldb + j0;
        this.bs = ldb;
        this.edge = edgeBuffer;
        this.edgeStart = edgeStart;
        this.edgeSrc = src;
        this.edgeBOff = bOff;
        this.edgeLdb = ldb;
        this.edgeP0 = p0;
        this.edgeJ0 = j0;
        this.edgePacked = false;
    }

    /** Runs all tiles of the block whose top-left element of C is at {@code cBase}. */
    void run(int mc, int nc, int cBase, float[] tile) {
        for (int jr = 0; jr < nc; jr += NR) {
            int valid = Math.min(NR, nc - jr);
            int vecs = (valid + L - 1) / L;
            selectPanel(jr, valid, vecs * L);
            for (int ir = 0; ir < mc; ) {
                int mr = VectorGemmPacking.rowsAt(mc - ir);
                int ai, rs, cs;
                if (ars < 0) {
                    ai = ir * kc;
                    rs = 1;
                    cs = mr;
                } else {
                    ai = aBase + ir * ars;
                    rs = ars;
                    cs = acs;
                }
                int ci = cBase + ir * crs + jr * ccs;
                if (ccs != 1) {
                    transposedTile(mr, vecs, valid, ai, rs, cs, ci, tile);
                } else if (valid == vecs * L) {
                    directTile(mr, vecs, ai, rs, cs, ci);
                } else {
                    paddedTile(mr, vecs, valid, ai, rs, cs, ci, tile);
                }
                ir += mr;
            }
        }
    }

    private void selectPanel(int jr, int valid, int w) {
        if (bs < 0) {
            panel = b;
            panelIndex = bBase + jr * kc;
            panelStride = w;
        } else if (valid == w) {
            panel = b;
            panelIndex = bBase + jr;
            panelStride = bs;
        } else {
            if (!edgePacked) {
                VectorGemmPacking.packB(false, edgeSrc, edgeBOff, edgeLdb, edgeP0, edgeJ0 + jr, valid, kc, edge,
                        edgeStart);
                edgePacked = true;
            }
            panel = edge;
            panelIndex = edgeStart;
            panelStride = w;
        }
    }

    /** A tile of whole vectors, computed straight into C. */
    private void directTile(int mr, int vecs, int ai, int rs, int cs, int ci) {
        if (overwrite && mr == MR) {
            VectorMicroKernelsOverwrite.store(mr, vecs, kc, a, ai, rs, cs, panel, panelIndex, panelStride, c, ci, crs);
            return;
        }
        if (overwrite) {
            for (int r = 0; r < mr; r++) {
                Arrays.fill(c, ci + r * crs, ci + r * crs + vecs * L, 0f);
            }
        }
        VectorMicroKernels.add(mr, vecs, kc, a, ai, rs, cs, panel, panelIndex, panelStride, c, ci, crs);
    }

    /** Last columns that are not a whole vector: the kernel works on a zero-padded copy of the tile. */
    private void paddedTile(int mr, int vecs, int valid, int ai, int rs, int cs, int ci, float[] tile) {
        int w = vecs * L;
        for (int r = 0; r < mr; r++) {
            if (overwrite) {
                Arrays.fill(tile, r * w, r * w + w, 0f);
            } else {
                System.arraycopy(c, ci + r * crs, tile, r * w, valid);
                Arrays.fill(tile, r * w + valid, r * w + w, 0f);
            }
        }
        VectorMicroKernels.add(mr, vecs, kc, a, ai, rs, cs, panel, panelIndex, panelStride, tile, 0, w);
        for (int r = 0; r < mr; r++) {
            System.arraycopy(tile, r * w, c, ci + r * crs, valid);
        }
    }

    /** A tile of a transposed C (crs == 1): computed in the tile buffer, then stored or added column-wise. */
    private void transposedTile(int mr, int vecs, int valid, int ai, int rs, int cs, int ci, float[] tile) {
        int w = vecs * L;
        if (mr == MR) {
            VectorMicroKernelsOverwrite.store(mr, vecs, kc, a, ai, rs, cs, panel, panelIndex, panelStride, tile, 0, w);
        } else {
            Arrays.fill(tile, 0, mr * w, 0f);
            VectorMicroKernels.add(mr, vecs, kc, a, ai, rs, cs, panel, panelIndex, panelStride, tile, 0, w);
        }
        for (int j = 0; j < valid; j++) {
            int o = ci + j * ccs;
            if (overwrite) {
                for (int r = 0; r < mr; r++) {
                    c[o + r] = tile[r * w + j];
                }
            } else {
                for (int r = 0; r < mr; r++) {
                    c[o + r] = tile[r * w + j] + c[o + r];
                }
            }
        }
    }
}
