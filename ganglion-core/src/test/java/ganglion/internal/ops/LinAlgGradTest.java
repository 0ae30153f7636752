package ganglion.internal.ops;

import ganglion.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static ganglion.testing.GradCheck.check;
import static ganglion.testing.GradCheck.uniform;

/** Finite-difference gradient checks of matmul in all its forms. */
class LinAlgGradTest {

    /** Operand shapes as stored (before the transpose flags), m=2, k=3, n=4. */
    static Stream<Arguments> forms() {
        List<Arguments> args = new ArrayList<>();
        for (boolean ta : new boolean[]{false, true}) {
            for (boolean tb : new boolean[]{false, true}) {
                int[] a2 = ta ? new int[]{3, 2} : new int[]{2, 3};
                int[] b2 = tb ? new int[]{4, 3} : new int[]{3, 4};
                args.add(Arguments.of("2-D x 2-D", a2, b2, ta, tb));
                args.add(Arguments.of("3-D x 2-D", prepend(5, a2), b2, ta, tb));
                args.add(Arguments.of("4-D x 2-D", prepend(2, prepend(2, a2)), b2, ta, tb));
                args.add(Arguments.of("batched", prepend(2, a2), prepend(2, b2), ta, tb));
                args.add(Arguments.of("2-D x 3-D", a2, prepend(2, b2), ta, tb));
                args.add(Arguments.of("broadcast batch", prepend(2, prepend(1, a2)), prepend(1, prepend(3, b2)), ta, tb));
            }
        }
        return args.stream();
    }

    static int[] prepend(int d, int[] s) {
        int[] r = new int[s.length + 1];
        r[0] = d;
        System.arraycopy(s, 0, r, 1, s.length);
        return r;
    }

    @ParameterizedTest(name = "{0} {1} {2} transA={3} transB={4}")
    @MethodSource("forms")
    void matmulGradient(String form, int[] as, int[] bs, boolean ta, boolean tb) {
        check(in -> in.get(0).matmul(in.get(1), ta, tb), uniform(91, as), uniform(92, bs));
    }

    @Test
    void vectorOperands() {
        check(in -> in.get(0).matmul(in.get(1)), uniform(93, 3), uniform(94, 3, 4));
        check(in -> in.get(0).matmul(in.get(1)), uniform(95, 2, 3), uniform(96, 3));
        check(in -> in.get(0).matmul(in.get(1)), uniform(97, 3), uniform(98, 3));
        check(in -> in.get(0).matmul(in.get(1)), uniform(99, 3), uniform(100, 2, 3, 4));
        check(in -> in.get(0).matmul(in.get(1)), uniform(101, 2, 2, 3), uniform(102, 3));
    }

    @Test
    void sameTensorOnBothSides() {
        check(in -> in.get(0).matmul(in.get(0)), uniform(103, 3, 3));
        check(in -> in.get(0).matmul(in.get(0), false, true), uniform(104, 2, 3));
        check(in -> in.get(0).matmul(in.get(0), true, false), uniform(105, 2, 3));
    }

    @Test
    void denseLayerStep() {
        Tensor x = uniform(106, 8, 5);
        check(in -> x.matmul(in.get(0)).add(in.get(1)).relu().softmax(), uniform(107, 5, 4), uniform(108, 4));
    }
}
