package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.initializers.RandomUniform;
import ganglion.regularizers.Regularizer;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code Embedding}: turns non-negative integer ids into dense vectors of fixed size by looking up rows
 * of the {@code embeddings} matrix {@code (inputDim, outputDim)} (initialised uniform in [-0.05, 0.05)). The
 * gradient scatter-adds into the looked-up rows. With {@code maskZero} id 0 is padding: the layer emits a
 * {@code [batch, time]} mask that recurrent layers and pooling honour (and {@code inputDim} must count id 0).
 *
 * <p><b>Input shape:</b> {@code (batch, ...)} of whole-number ids. <b>Output shape:</b> {@code (batch, ..., outputDim)}.
 *
 * <pre>{@code
 * new Embedding(10000, 64).inputLength(100).maskZero(true);
 * }</pre>
 */
public class Embedding extends Layer {

    private final int inputDim;
    private final int outputDim;
    private Integer inputLength;
    private boolean maskZero;
    private Initializer embeddingsInitializer = new RandomUniform(-0.05, 0.05);
    private Regularizer embeddingsRegularizer;
    private Variable embeddings;

    /**
     * @param inputDim  size of the vocabulary: the largest id plus one
     * @param outputDim size of each embedding vector
     */
    public Embedding(int inputDim, int outputDim) {
        if (inputDim <= 0 || outputDim <= 0) {
            throw new IllegalArgumentException("Both `input_dim` and `output_dim` should be positive, Received "
                    + "input_dim = " + inputDim + " and output_dim = " + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    /**
     * The length of the input sequences, as Keras 2's {@code input_length}: declares the input shape
     * {@code (inputLength,)} (unless one was given) so the model builds at once.
     */
    public Embedding inputLength(int inputLength) {
        checkNotBuilt("inputLength");
        if (inputLength <= 0) {
            throw new IllegalArgumentException(describe() + ": inputLength must be positive, got " + inputLength);
        }
        this.inputLength = inputLength;
        if (declaredInputShape() == null) {
            super.inputShape(inputLength);
        }
        return this;
    }

    public Integer inputLength() {
        return inputLength;
    }

    /** @param maskZero treat id 0 as padding and emit a mask; default false */
    public Embedding maskZero(boolean maskZero) {
        checkNotBuilt("maskZero");
        this.maskZero = maskZero;
        return this;
    }

    public boolean maskZero() {
        return maskZero;
    }

    public Embedding embeddingsInitializer(String name) {
        return embeddingsInitializer(Initializers.get(name));
    }

    /** @param initializer of the embeddings; default uniform in [-0.05, 0.05) */
    public Embedding embeddingsInitializer(Initializer initializer) {
        checkNotBuilt("embeddingsInitializer");
        this.embeddingsInitializer = Objects.requireNonNull(initializer, "embeddingsInitializer");
        return this;
    }

    /** @param regularizer penalty on the embeddings; default none */
    public Embedding embeddingsRegularizer(Regularizer regularizer) {
        checkNotBuilt("embeddingsRegularizer");
        this.embeddingsRegularizer = regularizer;
        return this;
    }

    @Override
    public Embedding inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public Embedding name(String name) {
        super.name(name);
        return this;
    }

    /** The embeddings matrix (inputDim, outputDim); null before building. */
    public Variable embeddings() {
        return embeddings;
    }

    @Override
    protected void build(int[] inputShape) {
        embeddings = addWeight("embeddings", new int[]{inputDim, outputDim}, embeddingsInitializer,
                embeddingsRegularizer);
    }

    /** Any sequence length and rank are accepted (the ids are looked up elementwise). */
    @Override
    protected void checkInputShape(int[] shape) {
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] out = Arrays.copyOf(inputShape, inputShape.length + 1);
        out[inputShape.length] = outputDim;
        return out;
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        float[] ids = input.buffer();
        for (int i = 0; i < ids.length; i++) {
            float v = ids[i];
            if (!(v >= 0 && v < inputDim) || v != Math.rint(v)) {
                throw new IllegalArgumentException(describe() + " received id " + v + " at flat position " + i
                        + " of an input with shape " + Arrays.toString(input.shape()) + ", but ids must be whole "
                        + "numbers in [0, " + inputDim + "). Raise inputDim to the vocabulary size plus one, or "
                        + "limit the tokenizer (Tokenizer numWords) so that ids stay below " + inputDim + ".");
            }
        }
        return embeddings.value().take(input);
    }

    @Override
    public boolean supportsMasking() {
        return maskZero;
    }

    /** With maskZero, 1 where the id is not 0; else no mask. */
    @Override
    public Tensor computeMask(Tensor input, Tensor mask) {
        if (!maskZero) {
            return null;
        }
        float[] ids = input.buffer();
        float[] m = new float[ids.length];
        for (int i = 0; i < ids.length; i++) {
            m[i] = ids[i] != 0f ? 1f : 0f;
        }
        return Tensor.wrap(m, input.shape());
    }

    /** Keras's Embedding config. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("input_dim", inputDim);
        c.put("output_dim", outputDim);
        c.put("embeddings_initializer", Initializers.serialize(embeddingsInitializer));
        c.put("embeddings_regularizer", ganglion.regularizers.Regularizers.serialize(embeddingsRegularizer));
        c.put("embeddings_constraint", null);
        c.put("mask_zero", maskZero);
        return c;
    }
}
