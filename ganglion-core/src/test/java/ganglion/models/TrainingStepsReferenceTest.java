package ganglion.models;

import ganglion.Tensor;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.optimizers.Adam;
import ganglion.optimizers.SGD;
import ganglion.testing.ReferenceCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whole training steps against PyTorch in float64 (tools/pytorch_reference/train_steps_reference.py): the same
 * initial weights and batches through {@link Model#trainOnBatch}, for a CNN with BatchNormalization under Adam and
 * under SGD with momentum. Every step's loss and the final weights, moving statistics included, must agree. This is
 * what lets an accuracy gap between the two frameworks be read as seed noise rather than a numerical difference.
 */
class TrainingStepsReferenceTest {

    private static Sequential model() {
        Sequential m = new Sequential();
        m.add(new Conv2D(6, 3).padding("same").activation("relu").inputShape(8, 8, 3));
        m.add(new BatchNormalization());
        m.add(new MaxPooling2D(2));
        m.add(new Conv2D(8, 3).activation("relu"));
        m.add(new MaxPooling2D(2));
        m.add(new Flatten());
        m.add(new Dense(12, "relu"));
        m.add(new Dense(5, "softmax"));
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cnn_bn_adam", "cnn_bn_sgd_momentum"})
    void trainOnBatchFollowsPyTorchStepByStep(String name) throws Exception {
        ReferenceCase c = ReferenceCase.load("/reference/train/" + name + ".txt");
        Sequential m = model();
        m.compile("adam".equals(c.word("optimizer")) ? new Adam() : new SGD(0.05).momentum(0.9),
                "categorical_crossentropy");
        int n = m.getWeights().size();
        List<Tensor> init = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            init.add(c.tensor("w" + i));
        }
        m.setWeights(init);
        Tensor x = c.tensor("x");
        Tensor y = c.tensor("y");
        int batch = c.param("batch", 0);
        int steps = c.param("steps", 0);
        float[] losses = new float[steps];
        for (int s = 0; s < steps; s++) {
            losses[s] = (float) (double) m.trainOnBatch(x.slice(s * batch, (s + 1) * batch),
                    y.slice(s * batch, (s + 1) * batch)).get("loss");
        }
        c.assertClose("losses", Tensor.of(losses, steps));
        List<Tensor> after = m.getWeights();
        assertEquals(n, after.size());
        for (int i = 0; i < n; i++) {
            c.assertClose("final" + i, after.get(i));
        }
    }
}
