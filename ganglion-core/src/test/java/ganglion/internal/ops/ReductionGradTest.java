package ganglion.internal.ops;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static ganglion.testing.GradCheck.check;
import static ganglion.testing.GradCheck.distinct;
import static ganglion.testing.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Finite-difference gradient checks of the reductions over every kind of axis set. */
class ReductionGradTest {

    /** Axis sets for a [2, 3, 4] tensor: null is "all"; {0, 2} is scattered (goes through a permute). */
    static final int[][] AXES = {null, {0}, {1}, {2}, {-1}, {0, 1}, {1, 2}, {0, 2}, {0, 1, 2}, {}};

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (String op : new String[]{"sum", "mean", "max", "min", "logSumExp", "variance", "std"}) {
            for (int[] axes : AXES) {
                for (boolean keep : new boolean[]{false, true}) {
                    if (axes == null && keep && !op.equals("logSumExp")) {
                        continue;
                    }
                    if (axes != null && axes.length == 0 && (op.equals("variance") || op.equals("std"))) {
                        continue; // variance over no axes is 0: sqrt has no gradient there
                    }
                    args.add(Arguments.of(op, axes, keep));
                }
            }
        }
        return args.stream();
    }

    static Tensor apply(String op, Tensor x, int[] axes, boolean keep) {
        return switch (op) {
            case "sum" -> axes == null ? x.sum() : x.sum(axes, keep);
            case "mean" -> axes == null ? x.mean() : x.mean(axes, keep);
            case "max" -> axes == null ? x.max() : x.max(axes, keep);
            case "min" -> axes == null ? x.min() : x.min(axes, keep);
            case "logSumExp" -> Reductions.logSumExp(x, axes, keep);
            case "variance" -> axes == null ? x.variance() : x.variance(axes, keep);
            default -> axes == null ? x.std() : x.std(axes, keep);
        };
    }

    @ParameterizedTest(name = "{0} axes={1} keepDims={2}")
    @MethodSource("cases")
    void reductionGradient(String op, int[] axes, boolean keep) {
        // distinct values 0.1 apart: no ties for max/min, and no value within eps of another
        Tensor x = distinct(41, 0.02f, 2, 3, 4);
        check(in -> apply(op, in.get(0), axes, keep), x);
    }

    @Test
    void singleAxisOverloads() {
        Tensor x = distinct(42, 0.02f, 3, 4);
        check(in -> in.get(0).sum(1), x);
        check(in -> in.get(0).mean(0), x);
        check(in -> in.get(0).max(-1), x);
        check(in -> in.get(0).min(0, true), x);
        check(in -> in.get(0).max(1, true), x);
        check(in -> in.get(0).sum(0, true), x);
        check(in -> in.get(0).logSumExp(1, false), x);
        check(in -> in.get(0).logSumExp(), x);
        check(in -> in.get(0).variance(1, true), x);
        check(in -> in.get(0).std(0, false), x);
    }

    @Test
    void reductionsOverAxesOfLengthOne() {
        Tensor x = distinct(43, 0.02f, 2, 1, 3);
        check(in -> in.get(0).sum(new int[]{0, 2}, true), x);
        check(in -> in.get(0).max(new int[]{1}, false), x);
        check(in -> in.get(0).mean(new int[]{0, 1}, false), x);
    }

    @Test
    void meanOfAVector() {
        check(in -> in.get(0).mean(), uniform(44, 128));
    }

    @Test
    void cumsumAlongEachAxis() {
        Tensor x = uniform(45, 2, 3, 4);
        check(in -> in.get(0).cumsum(0), x);
        check(in -> in.get(0).cumsum(1), x);
        check(in -> in.get(0).cumsum(-1), x);
        check(in -> in.get(0).cumsum(0), uniform(46, 5));
    }

    @Test
    void maxSplitsTheGradientBetweenTies() {
        Tensor x = Tensor.of(new float[]{1, 3, 3, 2, 5, 5, 5, 0}, 2, 4).requiresGrad(true);
        x.max(1, false).sum().backward();
        assertArrayEquals(new float[]{0, 0.5f, 0.5f, 0, 1 / 3f, 1 / 3f, 1 / 3f, 0}, x.grad().toFloatArray(), 1e-6f);
        Tensor y = Tensor.of(new float[]{-1, -1, 4}).requiresGrad(true);
        y.min().backward();
        assertArrayEquals(new float[]{0.5f, 0.5f, 0}, y.grad().toFloatArray());
    }

    @Test
    void maxGivesTheGradientToANaN() {
        Tensor x = Tensor.of(new float[]{1, Float.NaN, 3}).requiresGrad(true);
        Tensor m = x.max();
        x.max().backward();
        assertArrayEquals(new float[]{0, 1, 0}, x.grad().toFloatArray());
        org.junit.jupiter.api.Assertions.assertTrue(Float.isNaN(m.item()));
    }
}
