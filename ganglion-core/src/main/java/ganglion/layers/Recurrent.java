package ganglion.layers;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.activations.Activations;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.internal.ops.rnn.RecurrentOps;
import ganglion.internal.ops.rnn.RnnActivation;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The shared part of Keras's built-in recurrent layers ({@code SimpleRNN}, {@code LSTM}, {@code GRU}, i.e.
 * {@code keras.layers.RNN} around their cells): options, weights in Keras's shapes, masks, dropout and the
 * several outputs of {@code returnState}. The computation is fused: the input projection of all time steps is
 * one GEMM, then one autograd node runs the whole recurrence ({@link RecurrentOps}).
 *
 * <p><b>Input shape:</b> {@code (batch, timesteps, features)}. <b>Output shape:</b> {@code (batch, units)}, or
 * {@code (batch, timesteps, units)} with {@code returnSequences}; with {@code returnState} the final states
 * follow as extra outputs ({@link #callAll}). Extra inputs after the sequence are initial states, as Keras's
 * {@code initial_state}. A mask ({@code Embedding(maskZero)}, {@code Masking}) makes masked steps carry the
 * state and the output through unchanged.
 *
 * @param <T> the concrete layer type, returned by the fluent setters
 */
public abstract class Recurrent<T extends Recurrent<T>> extends Layer {

    final int units;
    private ganglion.activations.Activation activation = Activations.TANH;
    private ganglion.activations.Activation recurrentActivation = Activations.SIGMOID;
    private boolean useBias = true;
    private boolean returnSequences;
    private boolean returnState;
    private boolean goBackwards;
    private boolean zeroOutputForMask;
    private double dropout;
    private double recurrentDropout;
    private Long seed;
    private Random seededRandom;
    private Initializer kernelInitializer = Initializers.GLOROT_UNIFORM;
    private Initializer recurrentInitializer = Initializers.ORTHOGONAL;
    private Initializer biasInitializer = Initializers.ZEROS;
    private Regularizer kernelRegularizer;
    private Regularizer recurrentRegularizer;
    private Regularizer biasRegularizer;
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;

    Recurrent(int units) {
        if (units <= 0) {
            throw new IllegalArgumentException("Received an invalid value for argument `units`, expected a positive "
                    + "integer, got " + units + ".");
        }
        this.units = units;
    }

    @SuppressWarnings("unchecked")
    final T self() {
        return (T) this;
    }

    /** The cell the fused kernel runs. */
    abstract RecurrentOps.Cell cell();

    /** A new unbuilt layer with this one's configuration (for Bidirectional's backward copy). */
    abstract T newCopy();

    /** Copies the shared options into a fresh layer of the same kind. */
    final T copyOptionsTo(T other) {
        Recurrent<T> o = other;
        o.activation = activation;
        o.recurrentActivation = recurrentActivation;
        o.useBias = useBias;
        o.returnSequences = returnSequences;
        o.returnState = returnState;
        o.goBackwards = goBackwards;
        o.zeroOutputForMask = zeroOutputForMask;
        o.dropout = dropout;
        o.recurrentDropout = recurrentDropout;
        o.seed = seed;
        o.seededRandom = seed == null ? null : new Random(seed + 1);
        o.kernelInitializer = kernelInitializer;
        o.recurrentInitializer = recurrentInitializer;
        o.biasInitializer = biasInitializer;
        o.kernelRegularizer = kernelRegularizer;
        o.recurrentRegularizer = recurrentRegularizer;
        o.biasRegularizer = biasRegularizer;
        return other;
    }

    // ---------------------------------------------------------------- options

    public int units() {
        return units;
    }

    /** @param name activation of the candidate state and output; default "tanh" */
    public T activation(String name) {
        return activation(Activations.get(name));
    }

    public T activation(ganglion.activations.Activation activation) {
        checkNotBuilt("activation");
        this.activation = activation == null ? Activations.LINEAR : activation;
        checkFused(this.activation, "activation");
        return self();
    }

    public ganglion.activations.Activation activation() {
        return activation;
    }

    /** @param name activation of the gates; default "sigmoid" (unused by SimpleRNN) */
    public T recurrentActivation(String name) {
        return recurrentActivation(Activations.get(name));
    }

    public T recurrentActivation(ganglion.activations.Activation activation) {
        checkNotBuilt("recurrentActivation");
        this.recurrentActivation = activation == null ? Activations.LINEAR : activation;
        checkFused(this.recurrentActivation, "recurrentActivation");
        return self();
    }

    public ganglion.activations.Activation recurrentActivation() {
        return recurrentActivation;
    }

    private void checkFused(ganglion.activations.Activation a, String option) {
        if (RnnActivation.forName(a.name()) == null) {
            throw new IllegalArgumentException(describe() + ": " + option + " '" + a.name() + "' is not available "
                    + "in the fused recurrent kernel; use tanh, sigmoid, relu, hard_sigmoid or linear");
        }
    }

    /** @param useBias whether the layer adds biases; default true */
    public T useBias(boolean useBias) {
        checkNotBuilt("useBias");
        this.useBias = useBias;
        return self();
    }

    public boolean useBias() {
        return useBias;
    }

    /** @param returnSequences return the whole output sequence instead of the last output; default false */
    public T returnSequences(boolean returnSequences) {
        checkNotBuilt("returnSequences");
        this.returnSequences = returnSequences;
        return self();
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    /** @param returnState also return the final state(s) as extra outputs; default false */
    public T returnState(boolean returnState) {
        checkNotBuilt("returnState");
        this.returnState = returnState;
        return self();
    }

    public boolean returnState() {
        return returnState;
    }

    /** @param goBackwards process the sequence backwards (the output sequence is then reversed); default false */
    public T goBackwards(boolean goBackwards) {
        checkNotBuilt("goBackwards");
        this.goBackwards = goBackwards;
        return self();
    }

    public boolean goBackwards() {
        return goBackwards;
    }

    /** Whether masked steps output zeros instead of carrying the previous output (Bidirectional sets it). */
    public T zeroOutputForMask(boolean zero) {
        this.zeroOutputForMask = zero;
        return self();
    }

    public boolean zeroOutputForMask() {
        return zeroOutputForMask;
    }

    /** @param rate fraction of the input features dropped during training (same mask at every step); default 0 */
    public T dropout(double rate) {
        this.dropout = checkRate(rate, "dropout");
        return self();
    }

    public double dropout() {
        return dropout;
    }

    /** @param rate fraction of the recurrent state dropped before the recurrent product in training; default 0 */
    public T recurrentDropout(double rate) {
        this.recurrentDropout = checkRate(rate, "recurrent_dropout");
        return self();
    }

    public double recurrentDropout() {
        return recurrentDropout;
    }

    private double checkRate(double rate, String arg) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(describe() + ": `" + arg + "` must be between 0 and 1. Received: "
                    + arg + "=" + rate);
        }
        return rate;
    }

    /** Gives the dropout masks their own seeded generator. */
    public T seed(long seed) {
        this.seed = seed;
        this.seededRandom = new Random(seed);
        return self();
    }

    public T kernelInitializer(String name) {
        return kernelInitializer(Initializers.get(name));
    }

    /** @param initializer for the input kernel; default glorot_uniform */
    public T kernelInitializer(Initializer initializer) {
        checkNotBuilt("kernelInitializer");
        this.kernelInitializer = Objects.requireNonNull(initializer, "kernelInitializer");
        return self();
    }

    public T recurrentInitializer(String name) {
        return recurrentInitializer(Initializers.get(name));
    }

    /** @param initializer for the recurrent kernel; default orthogonal */
    public T recurrentInitializer(Initializer initializer) {
        checkNotBuilt("recurrentInitializer");
        this.recurrentInitializer = Objects.requireNonNull(initializer, "recurrentInitializer");
        return self();
    }

    public T biasInitializer(String name) {
        return biasInitializer(Initializers.get(name));
    }

    /** @param initializer for the bias; default zeros */
    public T biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        this.biasInitializer = Objects.requireNonNull(initializer, "biasInitializer");
        return self();
    }

    Initializer biasInitializer() {
        return biasInitializer;
    }

    public T kernelRegularizer(Regularizer r) {
        checkNotBuilt("kernelRegularizer");
        this.kernelRegularizer = r;
        return self();
    }

    public T recurrentRegularizer(Regularizer r) {
        checkNotBuilt("recurrentRegularizer");
        this.recurrentRegularizer = r;
        return self();
    }

    public T biasRegularizer(Regularizer r) {
        checkNotBuilt("biasRegularizer");
        this.biasRegularizer = r;
        return self();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T inputShape(int... shape) {
        super.inputShape(shape);
        return self();
    }

    @Override
    public T name(String name) {
        super.name(name);
        return self();
    }

    /** The input kernel (features, gates * units); null before building. */
    public Variable kernel() {
        return kernel;
    }

    /** The recurrent kernel (units, gates * units); null before building. */
    public Variable recurrentKernel() {
        return recurrentKernel;
    }

    /** The bias; null before building or without bias. */
    public Variable bias() {
        return bias;
    }

    // ---------------------------------------------------------------- shapes and building

    /** The bias shape in Keras's layout. */
    int[] biasShape() {
        return new int[]{cell().gates() * units};
    }

    /** The bias initializer actually used (LSTM's unit forget bias overrides it). */
    Initializer effectiveBiasInitializer() {
        return biasInitializer;
    }

    private void checkSequenceShape(int[] shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException(describe() + " expects a 3-D input (batch_size, timesteps, features) "
                    + "but received input with shape " + withBatch(shape) + " (rank " + (shape.length + 1) + "). "
                    + (shape.length == 1 ? "Put an Embedding layer first, or reshape to (batch, timesteps, 1)."
                    : "Reshape each sample to (timesteps, features), or wrap per-step layers in TimeDistributed."));
        }
        if (shape[1] < 0) {
            throw new IllegalArgumentException(describe() + ": the last dimension (features) of the input must be "
                    + "defined; received input with shape " + withBatch(shape));
        }
    }

    @Override
    protected void build(int[] inputShape) {
        checkSequenceShape(inputShape);
        int g = cell().gates() * units;
        kernel = addWeight("kernel", new int[]{inputShape[1], g}, kernelInitializer, kernelRegularizer);
        recurrentKernel = addWeight("recurrent_kernel", new int[]{units, g}, recurrentInitializer,
                recurrentRegularizer);
        if (useBias) {
            bias = addWeight("bias", biasShape(), effectiveBiasInitializer(), biasRegularizer);
        }
    }

    @Override
    protected void buildAll(List<int[]> inputShapes) {
        build(inputShapes.get(0).clone());
    }

    /** Keras passes initial states as {@code initial_state=[...]}. */
    @Override
    public String extraInputsKeyword() {
        return "initial_state";
    }

    /** Any number of time steps; the rank and the feature count must match. */
    @Override
    protected void checkInputShape(int[] shape) {
        int[] built = builtInputShape();
        checkSequenceShape(shape);
        if (shape[1] != built[1]) {
            throw incompatibleInput(built, shape);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        checkSequenceShape(inputShape);
        return returnSequences ? new int[]{inputShape[0], units} : new int[]{units};
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        List<int[]> r = new ArrayList<>();
        r.add(computeOutputShape(inputShapes.get(0)));
        if (returnState) {
            for (int i = 0; i < cell().states(); i++) {
                r.add(new int[]{units});
            }
        }
        return r;
    }

    @Override
    public boolean hasSeveralOutputs() {
        return returnState;
    }

    @Override
    protected int[] symbolicCall(List<int[]> inputShapes) {
        ensureBuiltAll(inputShapes);
        return computeOutputShapes(inputShapes).get(0);
    }

    // ---------------------------------------------------------------- masks

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** The output keeps the input's mask when it is a sequence; otherwise no mask. */
    @Override
    public Tensor computeMask(Tensor input, Tensor mask) {
        return returnSequences ? mask : null;
    }

    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        Tensor m = masks == null || masks.isEmpty() ? null : masks.get(0);
        List<Tensor> r = new ArrayList<>();
        r.add(returnSequences ? m : null);
        if (returnState) {
            for (int i = 0; i < cell().states(); i++) {
                r.add(null);
            }
        }
        return r;
    }

    // ---------------------------------------------------------------- calling

    @Override
    public Tensor call(Tensor input, boolean training) {
        return call(input, null, training);
    }

    @Override
    public Tensor call(Tensor input, Tensor mask, boolean training) {
        return run(input, mask, null, null, training).get(0);
    }

    @Override
    public List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        Tensor m = masks == null || masks.isEmpty() ? null : masks.get(0);
        Tensor h0 = inputs.size() > 1 ? inputs.get(1) : null;
        Tensor c0 = inputs.size() > 2 ? inputs.get(2) : null;
        if (inputs.size() > 1 + cell().states()) {
            throw new IllegalArgumentException(describe() + " takes a sequence and at most " + cell().states()
                    + " initial state(s), but was called on " + inputs.size() + " inputs");
        }
        return run(inputs.get(0), m, h0, c0, training);
    }

    /** Runs the layer: every output (the sequence or last output, then the final states when returnState). */
    List<Tensor> run(Tensor input, Tensor mask, Tensor h0, Tensor c0, boolean training) {
        int[] s = input.shape();
        if (s.length != 3) {
            checkSequenceShape(Arrays.copyOfRange(s, Math.min(1, s.length), s.length));
        }
        int batch = s[0], steps = s[1];
        if (steps == 0) {
            throw new IllegalArgumentException(describe() + " received a sequence with no time steps, shape "
                    + withBatch(Arrays.copyOfRange(s, 1, 3)));
        }
        checkState(h0, batch, "initial h");
        checkState(c0, batch, "initial c");
        float[] maskData = null;
        if (mask != null) {
            MaskSupport.checkMask(describe(), input, mask);
            maskData = mask.buffer();
        }
        Tensor x = input;
        if (training && dropout > 0) {
            x = x.mul(dropMask(new int[]{batch, 1, s[2]}, dropout));
        }
        Tensor xp = x.matmul(kernel.value());
        Tensor recBias = null;
        if (bias != null) {
            Tensor b = bias.value();
            if (b.rank() == 2) {   // GRU resetAfter: row 0 input bias, row 1 recurrent bias
                int w = b.shape(1);
                xp = xp.add(b.slice(0, 0, 1).reshape(w));
                recBias = b.slice(0, 1, 2).reshape(w);
            } else {
                xp = xp.add(b);
            }
        }
        float[] recDrop = null;
        if (training && recurrentDropout > 0) {
            recDrop = dropMask(new int[]{batch, units}, recurrentDropout).buffer();
        }
        RecurrentOps.Spec spec = new RecurrentOps.Spec(cell(), units,
                RnnActivation.forName(activation.name()), RnnActivation.forName(recurrentActivation.name()),
                goBackwards, zeroOutputForMask);
        Tensor packed = RecurrentOps.run(spec, xp, recurrentKernel.value(), recBias, h0, c0, maskData, recDrop);
        List<Tensor> outs = new ArrayList<>();
        outs.add(returnSequences ? RecurrentOps.outputs(packed, steps) : RecurrentOps.lastOutput(packed, steps));
        if (returnState) {
            for (int i = 0; i < cell().states(); i++) {
                outs.add(RecurrentOps.finalState(packed, steps, i));
            }
        }
        return outs;
    }

    private void checkState(Tensor st, int batch, String what) {
        if (st != null && !Arrays.equals(st.shape(), new int[]{batch, units})) {
            throw new IllegalArgumentException(describe() + ": the " + what + " state must have shape ("
                    + batch + ", " + units + "), got " + Arrays.toString(st.shape()));
        }
    }

    private Tensor dropMask(int[] shape, double rate) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] m = new float[n];
        if (rate < 1) {
            Random rng = seededRandom != null ? seededRandom : Ganglion.random();
            float keep = (float) (1.0 / (1.0 - rate));
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() >= rate) {
                    m[i] = keep;
                }
            }
        }
        return Tensor.wrap(m, shape);
    }

    // ---------------------------------------------------------------- config

    /** Keras's config keys of the recurrent layers. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("return_sequences", returnSequences);
        c.put("return_state", returnState);
        c.put("go_backwards", goBackwards);
        c.put("stateful", false);
        c.put("unroll", false);
        c.put("zero_output_for_mask", zeroOutputForMask);
        c.put("units", units);
        c.put("activation", Activations.serialize(activation));
        if (cell() != RecurrentOps.Cell.SIMPLE_RNN) {
            c.put("recurrent_activation", Activations.serialize(recurrentActivation));
        }
        c.put("use_bias", useBias);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("recurrent_initializer", Initializers.serialize(recurrentInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        addCellConfig(c);
        c.put("kernel_regularizer", Regularizers.serialize(kernelRegularizer));
        c.put("recurrent_regularizer", Regularizers.serialize(recurrentRegularizer));
        c.put("bias_regularizer", Regularizers.serialize(biasRegularizer));
        c.put("kernel_constraint", null);
        c.put("recurrent_constraint", null);
        c.put("bias_constraint", null);
        c.put("dropout", dropout);
        c.put("recurrent_dropout", recurrentDropout);
        c.put("seed", seed);
        return c;
    }

    /** Cell-specific config entries (unit_forget_bias, reset_after). */
    void addCellConfig(Map<String, Object> c) {
    }
}
