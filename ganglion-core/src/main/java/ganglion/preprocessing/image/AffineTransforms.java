package ganglion.preprocessing.image;

import ganglion.Tensor;

import java.util.Arrays;

/**
 * Affine resampling of channels-last images, as Keras's {@code apply_affine_transform} (which calls
 * {@code scipy.ndimage.affine_transform} with {@code order=1}) and {@code keras.ops.image.affine_transform}.
 *
 * <p>{@link #applyAffineTransform} composes, as Keras, rotation by {@code theta} degrees, the shift
 * {@code (tx, ty)}, a shear of {@code shear} degrees and the zoom {@code (zx, zy)} about the image centre, then
 * swaps the coordinate order (Keras builds the matrix in (x, y) and applies it in (row, column)); so {@code tx}
 * moves the sampling grid along columns and {@code ty} along rows. A rotation by +90 degrees gives
 * {@code np.rot90(image)} (counter-clockwise). Each output pixel (r, c) takes the input at
 * {@code (m0 r + m1 c + m2, m3 r + m4 c + m5)}, linearly interpolated, with points outside filled by
 * {@code fillMode}: "nearest" (aaaa|abcd|dddd), "reflect" (dcba|abcd|dcba), "wrap" (abcd|abcd|abcd) or
 * "constant" (cval outside the image, as SciPy's "constant"); "grid-constant" reads cval for neighbours
 * outside the image, as TensorFlow's fill.
 */
public final class AffineTransforms {

    private AffineTransforms() {
    }

    /**
     * The 2x3 sampling matrix {m0..m5} of Keras's {@code apply_affine_transform} for an image of
     * {@code h x w} (row-major: input row = m0 r + m1 c + m2, input column = m3 r + m4 c + m5).
     */
    public static double[] kerasMatrix(int h, int w, double theta, double tx, double ty, double shear,
                                       double zx, double zy) {
        double[][] m = identity();
        if (theta != 0) {
            double t = Math.toRadians(theta);
            m = mul(m, new double[][]{{Math.cos(t), -Math.sin(t), 0}, {Math.sin(t), Math.cos(t), 0}, {0, 0, 1}});
        }
        if (tx != 0 || ty != 0) {
            m = mul(m, new double[][]{{1, 0, tx}, {0, 1, ty}, {0, 0, 1}});
        }
        if (shear != 0) {
            double s = Math.toRadians(shear);
            m = mul(m, new double[][]{{1, -Math.sin(s), 0}, {0, Math.cos(s), 0}, {0, 0, 1}});
        }
        if (zx != 1 || zy != 1) {
            m = mul(m, new double[][]{{zx, 0, 0}, {0, zy, 0}, {0, 0, 1}});
        }
        double ox = h / 2.0 - 0.5;
        double oy = w / 2.0 - 0.5;
        m = mul(mul(new double[][]{{1, 0, ox}, {0, 1, oy}, {0, 0, 1}}, m),
                new double[][]{{1, 0, -ox}, {0, 1, -oy}, {0, 0, 1}});
        // swap x and y: M' = P M P
        return new double[]{m[1][1], m[1][0], m[1][2], m[0][1], m[0][0], m[0][2]};
    }

    /**
     * Keras's {@code apply_affine_transform(x, theta, tx, ty, shear, zx, zy, fill_mode, cval)} on one image
     * [h, w, c] (or [h, w]); returns a new tensor of the same shape.
     */
    public static Tensor applyAffineTransform(Tensor image, double theta, double tx, double ty, double shear,
                                              double zx, double zy, String fillMode, float cval) {
        int[] s = image.shape();
        if (s.length != 3 && s.length != 2) {
            throw new IllegalArgumentException("applyAffineTransform: expected one image of shape [height, width,"
                    + " channels] or [height, width], got " + Arrays.toString(s));
        }
        int h = s[0];
        int w = s[1];
        int c = s.length == 3 ? s[2] : 1;
        float[] out = new float[h * w * c];
        double[] m = kerasMatrix(h, w, theta, tx, ty, shear, zx, zy);
        resample(image.toFloatArray(), 0, h, w, c, m, fillMode, cval, out, 0);
        return Tensor.wrap(out, s.clone());
    }

    /**
     * Bilinear resampling of one image at {@code src[srcOff..]} into {@code dst[dstOff..]} (both h x w x c,
     * channels last) with the sampling matrix {@code m} (see the class comment).
     */
    public static void resample(float[] src, int srcOff, int h, int w, int c, double[] m, String fillMode,
                                float cval, float[] dst, int dstOff) {
        int mode = mode(fillMode);
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) {
                double ir = m[0] * r + m[1] * col + m[2];
                double ic = m[3] * r + m[4] * col + m[5];
                int o = dstOff + (r * w + col) * c;
                if (mode == CONSTANT && (ir < -1e-9 || ir > h - 1 + 1e-9 || ic < -1e-9 || ic > w - 1 + 1e-9)) {
                    for (int k = 0; k < c; k++) {
                        dst[o + k] = cval;
                    }
                    continue;
                }
                double fr = Math.floor(ir);
                double fc = Math.floor(ic);
                double ar = ir - fr;
                double ac = ic - fc;
                if (ar < 1e-9) {
                    ar = 0;
                }
                if (ac < 1e-9) {
                    ac = 0;
                }
                int r0 = (int) fr;
                int c0 = (int) fc;
                int r1 = r0 + 1;
                int c1 = c0 + 1;
                int mr0 = index(r0, h, mode);
                int mr1 = ar == 0 ? mr0 : index(r1, h, mode);
                int mc0 = index(c0, w, mode);
                int mc1 = ac == 0 ? mc0 : index(c1, w, mode);
                for (int k = 0; k < c; k++) {
                    double v00 = value(src, srcOff, mr0, mc0, w, c, k, cval);
                    double v01 = ac == 0 ? 0 : value(src, srcOff, mr0, mc1, w, c, k, cval);
                    double v10 = ar == 0 ? 0 : value(src, srcOff, mr1, mc0, w, c, k, cval);
                    double v11 = ar == 0 || ac == 0 ? 0 : value(src, srcOff, mr1, mc1, w, c, k, cval);
                    double top = v00 * (1 - ac) + v01 * ac;
                    double bottom = v10 * (1 - ac) + v11 * ac;
                    dst[o + k] = (float) (top * (1 - ar) + bottom * ar);
                }
            }
        }
    }

    static final int NEAREST = 0;
    static final int REFLECT = 1;
    static final int WRAP = 2;
    static final int CONSTANT = 3;
    static final int GRID_CONSTANT = 4;

    static int mode(String fillMode) {
        switch (fillMode) {
            case "nearest":
                return NEAREST;
            case "reflect":
                return REFLECT;
            case "wrap":
                return WRAP;
            case "constant":
                return CONSTANT;
            case "grid-constant":
                return GRID_CONSTANT;
            default:
                throw new IllegalArgumentException("Unknown `fill_mode` " + fillMode + ". Expected one of"
                        + " \"constant\", \"nearest\", \"reflect\", \"wrap\"");
        }
    }

    /** Maps an integer index into [0, n) by the fill mode; -1 means "outside" (cval). */
    private static int index(int i, int n, int mode) {
        if (i >= 0 && i < n) {
            return i;
        }
        switch (mode) {
            case NEAREST:
            case CONSTANT:
                return i < 0 ? 0 : n - 1;
            case REFLECT: {
                int p = 2 * n;
                int k = Math.floorMod(i, p);
                return k < n ? k : p - 1 - k;
            }
            case WRAP:
                return Math.floorMod(i, n);
            default:
                return -1;
        }
    }

    private static double value(float[] src, int off, int r, int col, int w, int c, int k, float cval) {
        if (r < 0 || col < 0) {
            return cval;
        }
        return src[off + (r * w + col) * c + k];
    }

    private static double[][] identity() {
        return new double[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    }

    private static double[][] mul(double[][] a, double[][] b) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i][k] * b[k][j];
                }
                r[i][j] = s;
            }
        }
        return r;
    }
}
