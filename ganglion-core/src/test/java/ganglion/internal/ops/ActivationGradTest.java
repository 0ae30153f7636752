package ganglion.internal.ops;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static ganglion.testing.GradCheck.check;
import static ganglion.testing.GradCheck.distinct;
import static ganglion.testing.GradCheck.uniform;

/** Finite-difference gradient checks of every activation. */
class ActivationGradTest {

    /** Values 0.1 apart, none within 0.03 of zero: safe across the kinks at 0. */
    private static Tensor kinked() {
        return distinct(81, 0.03f, 3, 5);
    }

    private static Tensor wide() {
        return uniform(82, -3f, 3f, 3, 5);
    }

    @Test
    void relu() {
        check(in -> in.get(0).relu(), kinked());
    }

    @Test
    void leakyRelu() {
        check(in -> in.get(0).leakyRelu(0.1f), kinked());
        check(in -> in.get(0).leakyRelu(), kinked());
    }

    @Test
    void sigmoidTanhSoftplus() {
        check(in -> in.get(0).sigmoid(), wide());
        check(in -> in.get(0).tanh(), wide());
        check(in -> in.get(0).softplus(), wide());
    }

    @Test
    void eluAndSelu() {
        check(in -> in.get(0).elu(1f), kinked());
        check(in -> in.get(0).elu(0.5f), kinked());
        check(in -> in.get(0).selu(), kinked());
    }

    @Test
    void geluExactAndApproximate() {
        check(in -> in.get(0).gelu(), wide());
        check(in -> in.get(0).gelu(false), wide());
        check(in -> in.get(0).gelu(true), wide());
    }

    @Test
    void swishAndHardSigmoid() {
        check(in -> in.get(0).swish(), wide());
        check(in -> in.get(0).hardSigmoid(), distinct(83, 0.03f, 3, 5).mul(2f));
    }

    @Test
    void softmaxOverEachAxis() {
        Tensor x = uniform(84, -2f, 2f, 2, 3, 4);
        check(in -> in.get(0).softmax(), x);
        check(in -> in.get(0).softmax(-1), x);
        check(in -> in.get(0).softmax(0), x);
        check(in -> in.get(0).softmax(1), x);
        check(in -> in.get(0).softmax(), uniform(85, 5));
    }

    @Test
    void logSoftmaxOverEachAxis() {
        Tensor x = uniform(86, -2f, 2f, 2, 3, 4);
        check(in -> in.get(0).logSoftmax(), x);
        check(in -> in.get(0).logSoftmax(0), x);
        check(in -> in.get(0).logSoftmax(1), x);
        check(in -> in.get(0).logSoftmax(), uniform(87, 5));
    }

    @Test
    void softmaxFeedingALoss() {
        Tensor y = Tensor.of(new float[]{0, 1, 0, 1, 0, 0}, 2, 3);
        check(in -> in.get(0).softmax().log().mul(y).sum(-1).neg().mean(), uniform(88, 2, 3));
    }
}
