package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static ganglion.testing.GradCheck.uniform;

/** Finite-difference gradient checks of every op, over both paddings, strides 1 and 2, dilation 2, odd sizes. */
class ConvOpsGradTest {

    /** Distinct values at least 0.05 apart in random order, so max ties never sit within a perturbation. */
    private static Tensor distinct(long seed, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        Random r = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i - n / 2) * 0.05f;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            float t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Tensor.wrap(v, shape);
    }

    @ParameterizedTest(name = "conv2d {0}x{1} k{2}x{3} s{4} d{5} {6} bias={7}")
    @CsvSource({
            "5, 6, 3, 3, 1, 1, valid, true",
            "5, 6, 3, 3, 1, 1, same, true",
            "7, 7, 3, 3, 2, 1, same, false",
            "8, 6, 3, 2, 2, 1, same, true",
            "7, 6, 3, 3, 2, 1, valid, true",
            "7, 7, 3, 3, 1, 2, valid, true",
            "6, 5, 3, 3, 1, 2, same, false",
            "5, 5, 4, 4, 1, 1, same, true",
            "4, 5, 1, 1, 1, 1, valid, true",
            "5, 5, 1, 1, 2, 1, same, true"})
    void conv2d(int h, int w, int kh, int kw, int s, int d, String padding, boolean bias) {
        Tensor x = uniform(1, 2, h, w, 3);
        Tensor k = uniform(2, kh, kw, 3, 2);
        boolean same = padding.equals("same");
        if (bias) {
            GradCheck.check(in -> ConvOps.conv2d(in.get(0), in.get(1), in.get(2), s, s, d, d, same), x, k, uniform(3, 2));
        } else {
            GradCheck.check(in -> ConvOps.conv2d(in.get(0), in.get(1), null, s, s, d, d, same), x, k);
        }
    }

    @ParameterizedTest(name = "conv2dTranspose {0}x{1} k{2} s{3} d{4} {5}")
    @CsvSource({
            "3, 4, 3, 1, 1, valid",
            "3, 4, 3, 2, 1, valid",
            "3, 3, 3, 2, 1, same",
            "3, 2, 4, 2, 1, same",
            "2, 3, 2, 3, 1, valid",
            "3, 3, 3, 1, 2, valid",
            "3, 3, 3, 1, 1, same"})
    void conv2dTranspose(int h, int w, int k, int s, int d, String padding) {
        Tensor x = uniform(4, 2, h, w, 3);
        Tensor kernel = uniform(5, k, k, 2, 3);
        boolean same = padding.equals("same");
        GradCheck.check(in -> ConvOps.conv2dTranspose(in.get(0), in.get(1), in.get(2), s, s, d, d, same),
                x, kernel, uniform(6, 2));
    }

    @ParameterizedTest(name = "depthwiseConv2d {0}x{1} k{2} m{3} s{4} d{5} {6}")
    @CsvSource({
            "5, 6, 3, 1, 1, 1, valid",
            "7, 7, 3, 1, 2, 1, same",
            "6, 5, 3, 2, 1, 2, same",
            "5, 5, 2, 3, 1, 1, valid"})
    void depthwiseConv2d(int h, int w, int k, int m, int s, int d, String padding) {
        boolean same = padding.equals("same");
        GradCheck.check(in -> ConvOps.depthwiseConv2d(in.get(0), in.get(1), in.get(2), s, s, d, d, same),
                uniform(23, 5, h, w, 3), uniform(24, k, k, 3, m), uniform(25, 3 * m));
    }

    @ParameterizedTest(name = "{0} pool {1}x{2} s{3} {4} on {5}x{6}")
    @CsvSource({
            "max, 2, 2, 2, valid, 5, 6",
            "max, 3, 3, 2, same, 7, 6",
            "max, 3, 2, 1, valid, 5, 5",
            "max, 2, 2, 1, same, 4, 5",
            "avg, 2, 2, 2, valid, 5, 6",
            "avg, 3, 3, 2, same, 7, 6",
            "avg, 3, 2, 1, valid, 5, 5",
            "avg, 2, 2, 1, same, 4, 5"})
    void pooling(String kind, int ph, int pw, int s, String padding, int h, int w) {
        Tensor x = distinct(7, 2, h, w, 3);
        boolean same = padding.equals("same");
        GradCheck.check(in -> kind.equals("max")
                ? ConvOps.maxPool2d(in.get(0), ph, pw, s, s, same)
                : ConvOps.avgPool2d(in.get(0), ph, pw, s, s, same), x);
    }

    @Test
    void globalPooling() {
        GradCheck.check(in -> ConvOps.globalAvgPool(in.get(0), false), uniform(8, 2, 3, 5, 4));
        GradCheck.check(in -> ConvOps.globalAvgPool(in.get(0), true), uniform(9, 2, 3, 5, 4));
        GradCheck.check(in -> ConvOps.globalMaxPool(in.get(0), false), distinct(10, 2, 3, 5, 4));
        GradCheck.check(in -> ConvOps.globalMaxPool(in.get(0), true), distinct(11, 2, 3, 5, 4));
    }

    @Test
    void zeroPaddingAndUpSampling() {
        GradCheck.check(in -> ConvOps.zeroPadding2d(in.get(0), 1, 2, 0, 3), uniform(12, 2, 3, 4, 2));
        GradCheck.check(in -> ConvOps.upSampling2d(in.get(0), 2, 3), uniform(13, 2, 3, 2, 2));
    }

    @Test
    void batchNormTraining() {
        Tensor x = uniform(14, 4, 3, 3, 5).mul(2f).add(0.3f);
        GradCheck.check(in -> ConvOps.batchNormTraining(in.get(0), in.get(1), in.get(2), 1e-3f).output(),
                1e-2, 3e-2, 2e-3, x, uniform(15, 5).add(1.5f), uniform(16, 5));
        GradCheck.check(in -> ConvOps.batchNormTraining(in.get(0), null, null, 1e-3f).output(),
                1e-2, 3e-2, 2e-3, uniform(17, 9, 4).mul(2f));
    }

    @Test
    void batchNormInference() {
        Tensor mean = uniform(18, 5).mul(0.1f), var = uniform(19, 5).mul(0.2f).add(1f);
        GradCheck.check(in -> ConvOps.batchNormInference(in.get(0), in.get(1), in.get(2), mean, var, 1e-3f),
                uniform(20, 3, 2, 2, 5), uniform(21, 5).add(1.5f), uniform(22, 5));
    }
}
