package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializer;
import ganglion.layers.Layer;
import ganglion.losses.Loss;
import ganglion.metrics.Metric;
import ganglion.optimizers.Optimizer;
import ganglion.regularizers.Regularizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Tiny test-only layers, losses, optimizers and metrics written against the base classes, so the models
 * tests do not depend on the work of other packages. Class names match Keras's so that default layer
 * names and summary rows read "dense (Dense)".
 */
final class TestKit {

    private TestKit() {
    }

    static final Initializer GLOROT = new Initializer() {
        @Override
        public String name() {
            return "glorot_uniform";
        }

        @Override
        public Tensor create(int... shape) {
            int fanIn = shape.length > 1 ? shape[0] : shape[0];
            int fanOut = shape.length > 1 ? shape[1] : shape[0];
            float limit = (float) Math.sqrt(6.0 / (fanIn + fanOut));
            Random r = Ganglion.random();
            float[] d = new float[fanIn * (shape.length > 1 ? fanOut : 1)];
            for (int i = 0; i < d.length; i++) {
                d[i] = (r.nextFloat() * 2 - 1) * limit;
            }
            return Tensor.wrap(d, shape);
        }
    };

    static final Initializer ZEROS = new Initializer() {
        @Override
        public String name() {
            return "zeros";
        }

        @Override
        public Tensor create(int... shape) {
            return Tensor.zeros(shape);
        }
    };

    /** y = act(x W + b) with W of shape (in, units). */
    static final class Dense extends Layer {
        private final int units;
        private final String activation;
        private final Regularizer kernelRegularizer;
        Variable kernel;
        Variable bias;

        Dense(int units) {
            this(units, "linear", null);
        }

        Dense(int units, String activation) {
            this(units, activation, null);
        }

        Dense(int units, String activation, Regularizer kernelRegularizer) {
            this.units = units;
            this.activation = activation;
            this.kernelRegularizer = kernelRegularizer;
        }

        @Override
        protected void build(int[] in) {
            kernel = addWeight("kernel", new int[]{in[in.length - 1], units}, GLOROT, kernelRegularizer, true);
            bias = addWeight("bias", new int[]{units}, ZEROS, null, true);
        }

        @Override
        public int[] computeOutputShape(int[] in) {
            int[] out = in.clone();
            out[out.length - 1] = units;
            return out;
        }

        @Override
        public Tensor call(Tensor x, boolean training) {
            Tensor y = x.matmul(kernel.value()).add(bias.value());
            switch (activation) {
                case "relu":
                    return y.relu();
                case "softmax":
                    return y.softmax(-1);
                default:
                    return y;
            }
        }
    }

    /** Flattens all axes but the batch axis. */
    static final class Flatten extends Layer {
        @Override
        public int[] computeOutputShape(int[] in) {
            int n = 1;
            for (int d : in) {
                n *= d;
            }
            return new int[]{n};
        }

        @Override
        public Tensor call(Tensor x, boolean training) {
            return x.reshape(x.shape(0), -1);
        }
    }

    /** Identity that records the training flags it was called with. */
    static final class Probe extends Layer {
        final List<Boolean> flags = new ArrayList<>();

        @Override
        public int[] computeOutputShape(int[] in) {
            return in.clone();
        }

        @Override
        public Tensor call(Tensor x, boolean training) {
            synchronized (flags) {
                flags.add(training);
            }
            return x;
        }
    }

    /** A stand-in for the InputLayer that Input.of(...) produces. */
    static final class InputLayer extends Layer {
        @Override
        public int[] computeOutputShape(int[] in) {
            return in.clone();
        }

        @Override
        public Tensor call(Tensor x, boolean training) {
            return x;
        }
    }

    static final class Sgd extends Optimizer {
        Sgd(float lr) {
            super("sgd", lr);
        }

        @Override
        protected int slotsPerVariable() {
            return 0;
        }

        @Override
        protected void update(float[] w, float[] g, float[][] slots, long t, float lr) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= lr * g[i];
            }
        }
    }

    static final class Adam extends Optimizer {
        Adam(float lr) {
            super("adam", lr);
        }

        @Override
        protected int slotsPerVariable() {
            return 2;
        }

        @Override
        protected void update(float[] w, float[] g, float[][] slots, long t, float lr) {
            float[] m = slots[0];
            float[] v = slots[1];
            double alpha = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
            for (int i = 0; i < w.length; i++) {
                m[i] += (g[i] - m[i]) * 0.1f;
                v[i] += (g[i] * g[i] - v[i]) * 0.001f;
                w[i] -= (float) (m[i] * alpha / (Math.sqrt(v[i]) + 1e-7));
            }
        }
    }

    static final class Mse extends Loss {
        Mse() {
            super("mse");
        }

        @Override
        public Tensor call(Tensor yTrue, Tensor yPred) {
            return yTrue.sub(yPred).square().mean(-1, false);
        }
    }

    static final class CategoricalCrossentropy extends Loss {
        CategoricalCrossentropy() {
            super("categorical_crossentropy");
        }

        @Override
        public Tensor call(Tensor yTrue, Tensor yPred) {
            return yTrue.mul(yPred.clip(1e-7f, 1 - 1e-7f).log()).sum(-1, false).neg();
        }
    }

    /** Mean absolute error as a stateful metric. */
    static final class Mae extends Metric {
        private double total;
        private long count;

        Mae() {
            super("mae");
        }

        @Override
        public void update(Tensor yTrue, Tensor yPred) {
            float[] t = yTrue.buffer();
            float[] p = yPred.buffer();
            for (int i = 0; i < t.length; i++) {
                total += Math.abs(t[i] - p[i]);
            }
            count += t.length;
        }

        @Override
        public double result() {
            return count == 0 ? 0 : total / count;
        }

        @Override
        public void reset() {
            total = 0;
            count = 0;
        }
    }

    /** Categorical accuracy over one-hot targets. */
    static final class Accuracy extends Metric {
        private long correct;
        private long count;

        Accuracy() {
            super("accuracy");
        }

        @Override
        public void update(Tensor yTrue, Tensor yPred) {
            Tensor a = yTrue.argmax(-1);
            Tensor b = yPred.argmax(-1);
            for (int i = 0; i < a.size(); i++) {
                if (a.buffer()[i] == b.buffer()[i]) {
                    correct++;
                }
            }
            count += a.size();
        }

        @Override
        public double result() {
            return count == 0 ? 0 : (double) correct / count;
        }

        @Override
        public void reset() {
            correct = 0;
            count = 0;
        }
    }

    /** Records every target value it is shown, for checking which samples a phase saw. */
    static final class Recorder extends Metric {
        final List<Float> seen = new ArrayList<>();

        Recorder() {
            super("recorder");
        }

        @Override
        public void update(Tensor yTrue, Tensor yPred) {
            for (float v : yTrue.buffer()) {
                seen.add(v);
            }
        }

        @Override
        public double result() {
            return seen.size();
        }

        @Override
        public void reset() {
        }
    }

    static final Regularizer L2 = new Regularizer() {
        @Override
        public String name() {
            return "l2";
        }

        @Override
        public Tensor apply(Tensor weight) {
            return weight.square().sum().mul(0.01f);
        }
    };

    /** n samples of 4 features with y = x·w + 0.5 (a learnable linear problem). */
    static Tensor[] linearData(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 4];
        float[] y = new float[n];
        float[] w = {0.5f, -1f, 2f, 0.25f};
        for (int i = 0; i < n; i++) {
            float s = 0.5f;
            for (int j = 0; j < 4; j++) {
                float v = (float) r.nextGaussian();
                x[i * 4 + j] = v;
                s += v * w[j];
            }
            y[i] = s;
        }
        return new Tensor[]{Tensor.wrap(x, n, 4), Tensor.wrap(y, n, 1)};
    }

    /** A compiled 4 → 8 (relu) → 1 regression model. */
    static Sequential regressionModel() {
        Sequential m = new Sequential();
        m.add(new Dense(8, "relu").inputShape(4));
        m.add(new Dense(1));
        m.compile(new Sgd(0.05f), new Mse(), new Mae());
        return m;
    }
}
