package ganglion.internal.ops;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;

import static ganglion.testing.GradCheck.check;
import static ganglion.testing.GradCheck.distinct;
import static ganglion.testing.GradCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Finite-difference gradient checks of every elementwise op, on every broadcasting layout. */
class ElementwiseGradTest {

    /** Shape pairs covering every layout: full, scalar, row (bias), column, general, on both sides. */
    static final int[][][] LAYOUTS = {
            {{2, 3}, {2, 3}},          // same shape
            {{2, 3}, {}},              // scalar b
            {{}, {2, 3}},              // scalar a
            {{2, 3}, {1}},             // one-element b with a rank
            {{4, 3}, {3}},             // row vector b (bias)
            {{3}, {4, 3}},             // row vector a
            {{2, 4, 3}, {1, 3}},       // row with leading 1
            {{2, 3, 4}, {2, 3, 1}},    // column b
            {{2, 1}, {2, 3}},          // column a
            {{2, 1, 4}, {3, 1}},       // general on both sides
            {{3, 1}, {1, 4}},          // outer product shape
            {{1, 3, 1}, {2, 1, 4}},    // general
    };

    static Stream<Arguments> layoutsAndOps() {
        List<Arguments> args = new ArrayList<>();
        String[] ops = {"add", "sub", "mul", "div", "maximum", "minimum"};
        for (String op : ops) {
            for (int[][] l : LAYOUTS) {
                args.add(Arguments.of(op, l[0], l[1]));
            }
        }
        return args.stream();
    }

    static BinaryOperator<Tensor> op(String name) {
        return switch (name) {
            case "add" -> Tensor::add;
            case "sub" -> Tensor::sub;
            case "mul" -> Tensor::mul;
            case "div" -> Tensor::div;
            case "maximum" -> Tensor::maximum;
            default -> Tensor::minimum;
        };
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("layoutsAndOps")
    void binaryOpOnEveryLayout(String name, int[] as, int[] bs) {
        BinaryOperator<Tensor> f = op(name);
        Tensor a = distinct(1, 0.03f, as);
        Tensor b = name.equals("div") ? uniform(2, 0.5f, 1.5f, bs) : distinct(2, 0.08f, bs);
        check(in -> f.apply(in.get(0), in.get(1)), a, b);
    }

    @ParameterizedTest(name = "{0} with a constant")
    @MethodSource("opNames")
    void binaryOpWithOneSideConstant(String name) {
        BinaryOperator<Tensor> f = op(name);
        boolean div = name.equals("div");
        Tensor c = div ? uniform(3, 0.5f, 1.5f, 3) : distinct(3, 0.08f, 3);
        check(in -> f.apply(in.get(0), c), distinct(4, 0.03f, 2, 3));
        Tensor d = distinct(5, 0.03f, 2, 3);
        check(in -> f.apply(d, in.get(0)), div ? uniform(6, 0.5f, 1.5f, 3) : distinct(6, 0.08f, 3));
    }

    static Stream<String> opNames() {
        return Stream.of("add", "sub", "mul", "div", "maximum", "minimum");
    }

    @ParameterizedTest(name = "{0}(x, x)")
    @MethodSource("opNames")
    void sameTensorOnBothSides(String name) {
        BinaryOperator<Tensor> f = op(name);
        check(in -> f.apply(in.get(0), in.get(0)), uniform(7, 0.5f, 1.5f, 2, 3));
    }

    @Test
    void bothSidesBroadcastFromTheSameTensor() {
        check(in -> in.get(0).reshape(3, 1).mul(in.get(0).reshape(1, 3)), uniform(8, 3));
    }

    @Test
    void scalarFunctions() {
        Tensor x = uniform(9, 2, 3);
        check(in -> in.get(0).add(2.5f), x);
        check(in -> in.get(0).sub(1.5f), x);
        check(in -> in.get(0).mul(-3f), x);
        check(in -> in.get(0).div(4f), x);
        check(in -> in.get(0).rsub(2f), x);
        check(in -> in.get(0).neg(), x);
        check(in -> in.get(0).rdiv(2f), uniform(10, 0.5f, 2f, 2, 3));
    }

    @Test
    void powers() {
        Tensor pos = uniform(11, 0.5f, 2f, 2, 3);
        check(in -> in.get(0).pow(3f), uniform(12, 2, 3));
        check(in -> in.get(0).pow(2f), uniform(13, 2, 3));
        check(in -> in.get(0).pow(1f), uniform(14, 2, 3));
        check(in -> in.get(0).pow(0.5f), pos);
        check(in -> in.get(0).pow(-1.5f), pos);
        check(in -> in.get(0).pow(0f), pos);
    }

    @Test
    void unaryFunctions() {
        Tensor x = uniform(15, 2, 3);
        Tensor pos = uniform(16, 0.5f, 2f, 2, 3);
        check(in -> in.get(0).square(), x);
        check(in -> in.get(0).sqrt(), pos);
        check(in -> in.get(0).rsqrt(), pos);
        check(in -> in.get(0).exp(), x);
        check(in -> in.get(0).expm1(), x);
        check(in -> in.get(0).log(), pos);
        check(in -> in.get(0).log1p(), pos);
        check(in -> in.get(0).abs(), distinct(17, 0.05f, 2, 3));
        check(in -> in.get(0).reciprocal(), pos);
        check(in -> in.get(0).sin(), x);
        check(in -> in.get(0).cos(), x);
    }

    @Test
    void piecewiseConstantFunctionsHaveZeroGradient() {
        for (var f : List.<java.util.function.UnaryOperator<Tensor>>of(Tensor::sign, Tensor::floor, Tensor::ceil,
                Tensor::round)) {
            Tensor x = distinct(18, 0.05f, 2, 3).requiresGrad(true);
            Tensor y = f.apply(x);
            assertNull(y.gradFn(), "no node for a zero-gradient op");
            check(in -> f.apply(in.get(0)).add(in.get(0)), distinct(18, 0.05f, 2, 3));
        }
    }

    @Test
    void clip() {
        // values 0.1 apart and clip bounds between them: no value within eps of a bound
        check(in -> in.get(0).clip(-0.25f, 0.35f), distinct(19, 0.03f, 3, 4));
    }

    @Test
    void whereOnEveryLayout() {
        Tensor cond = Tensor.of(new float[]{1, 0, 1, 0, 0, 1}, 2, 3);
        check(in -> Tensor.where(cond, in.get(0), in.get(1)), uniform(20, 2, 3), uniform(21, 2, 3));
        check(in -> Tensor.where(cond, in.get(0), in.get(1)), uniform(22, 3), uniform(23));
        check(in -> Tensor.where(cond, in.get(0), in.get(1)), uniform(24, 2, 1), uniform(25, 1, 3));
        check(in -> Tensor.where(cond.slice(0, 1), in.get(0), in.get(1)), uniform(26, 4, 3), uniform(27, 4, 1));
        check(in -> Tensor.where(cond, in.get(0), 0.5f), uniform(28, 2, 3));
    }

    @Test
    void broadcastToOnEveryLayout() {
        check(in -> in.get(0).broadcastTo(2, 3), uniform(29, 2, 3));
        check(in -> in.get(0).broadcastTo(2, 3), uniform(30));
        check(in -> in.get(0).broadcastTo(4, 3), uniform(31, 3));
        check(in -> in.get(0).broadcastTo(2, 3, 4), uniform(32, 2, 3, 1));
        check(in -> in.get(0).broadcastTo(2, 3, 4), uniform(33, 2, 1, 4));
    }

    @Test
    void constantOperandGetsNoGradient() {
        Tensor x = uniform(34, 2, 3).requiresGrad(true);
        Tensor c = uniform(35, 3);
        x.mul(c).sum().backward();
        assertNull(c.grad());
        assertArrayEquals(new float[]{c.get(0), c.get(1), c.get(2), c.get(0), c.get(1), c.get(2)},
                x.grad().toFloatArray());
    }

    @Test
    void gradCheckHelperIsDeterministic() {
        assertArrayEquals(GradCheck.uniform(1, 3).toFloatArray(), GradCheck.uniform(1, 3).toFloatArray());
    }
}
