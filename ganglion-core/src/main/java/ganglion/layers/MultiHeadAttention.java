package ganglion.layers;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Keras's {@code MultiHeadAttention} (Vaswani et al., 2017). Called on {@code [query, value]} or
 * {@code [query, value, key]} (key defaults to value). Each head h projects
 * {@code q_h = query W^Q_h + b}, {@code k_h = key W^K_h + b}, {@code v_h = value W^V_h + b}, computes
 * {@code softmax(q_h k_h^T / sqrt(key_dim)) v_h}; the heads are concatenated and projected back to the
 * query's last dimension (or {@code outputShape}).
 *
 * <p>Weights, in Keras's order and shapes: query kernel {@code (query_dim, num_heads, key_dim)} and bias
 * {@code (num_heads, key_dim)}, key kernel {@code (key_dim_in, num_heads, key_dim)} and bias, value kernel
 * {@code (value_dim_in, num_heads, value_dim)} and bias {@code (num_heads, value_dim)}, output kernel
 * {@code (num_heads, value_dim, output_dim)} and bias {@code (output_dim,)}. Biases only with {@code useBias}.
 *
 * <p>Masks: query, value and key masks combine into {@code mask[b, i, j] = q[b, i] * v[b, j] * k[b, j]}; with
 * {@code useCausalMask(true)} also {@code j <= i}. Masked scores are replaced by -1e9 before the softmax, as Keras's
 * {@code Softmax} layer does (a fully masked row becomes uniform). Dropout applies to
 * the attention probabilities in training. The output's mask is the query mask.
 *
 * <p><b>Input shapes:</b> query {@code (batch_size, Tq, query_dim)}, value {@code (batch_size, Tv, value_dim_in)},
 * key {@code (batch_size, Tv, key_dim_in)}. <b>Output shape:</b> {@code (batch_size, Tq, output_dim)}.
 *
 * <pre>{@code
 * SymbolicTensor x = Input.of(8, 16);
 * SymbolicTensor y = new MultiHeadAttention(2, 2).apply(x, x);      // self-attention, (None, 8, 16)
 * }</pre>
 */
public class MultiHeadAttention extends Layer {

    private final int numHeads;
    private final int keyDim;
    private int valueDim;
    private float dropout;
    private boolean useBias = true;
    private int outputDim = -1;
    private boolean useCausalMask;
    private Initializer kernelInitializer = Initializers.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializers.ZEROS;
    private Long seed;
    private Random seededRandom;
    private Variable qKernel, qBias, kKernel, kBias, vKernel, vBias, oKernel, oBias;

    /** {@code MultiHeadAttention(num_heads, key_dim)}; value_dim defaults to key_dim. */
    public MultiHeadAttention(int numHeads, int keyDim) {
        this.numHeads = Sequence1D.positive("MultiHeadAttention", "num_heads", numHeads);
        this.keyDim = Sequence1D.positive("MultiHeadAttention", "key_dim", keyDim);
        this.valueDim = keyDim;
    }

    /** @param valueDim size of each head for the value; default key_dim */
    public MultiHeadAttention valueDim(int valueDim) {
        checkNotBuilt("valueDim");
        this.valueDim = Sequence1D.positive("MultiHeadAttention", "value_dim", valueDim);
        return this;
    }

    /** @param rate dropout rate on the attention probabilities; default 0 */
    public MultiHeadAttention dropout(float rate) {
        checkNotBuilt("dropout");
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("MultiHeadAttention: `dropout` must be in [0, 1). Received: dropout="
                    + rate);
        }
        this.dropout = rate;
        return this;
    }

    /** @param useBias whether the projections have biases; default true */
    public MultiHeadAttention useBias(boolean useBias) {
        checkNotBuilt("useBias");
        this.useBias = useBias;
        return this;
    }

    /** @param outputDim last dimension of the output; default the query's last dimension */
    public MultiHeadAttention outputShape(int outputDim) {
        checkNotBuilt("outputShape");
        this.outputDim = Sequence1D.positive("MultiHeadAttention", "output_shape", outputDim);
        return this;
    }

    /** @param useCausalMask query step i attends to key steps 0..i only (Keras's call argument); default false */
    public MultiHeadAttention useCausalMask(boolean useCausalMask) {
        this.useCausalMask = useCausalMask;
        return this;
    }

    /** @param initializer the projection kernels' initializer; default glorot_uniform */
    public MultiHeadAttention kernelInitializer(Initializer initializer) {
        checkNotBuilt("kernelInitializer");
        this.kernelInitializer = Objects.requireNonNull(initializer);
        return this;
    }

    /** @param initializer the projection biases' initializer; default zeros */
    public MultiHeadAttention biasInitializer(Initializer initializer) {
        checkNotBuilt("biasInitializer");
        this.biasInitializer = Objects.requireNonNull(initializer);
        return this;
    }

    /** @param seed seed of the dropout masks; default none (the global generator) */
    public MultiHeadAttention seed(long seed) {
        checkNotBuilt("seed");
        this.seed = seed;
        this.seededRandom = new Random(seed);
        return this;
    }

    @Override
    public MultiHeadAttention name(String name) {
        super.name(name);
        return this;
    }

    public int numHeads() {
        return numHeads;
    }

    public int keyDim() {
        return keyDim;
    }

    public int valueDim() {
        return valueDim;
    }

    // ---------------------------------------------------------------- shapes and building

    private IllegalArgumentException notAList(int n) {
        return new IllegalArgumentException(describe() + " must be called on [query, value] or [query, value, key]. "
                + "Received " + n + " input" + (n == 1 ? "" : "s") + ". For self-attention pass the same tensor "
                + "twice: new MultiHeadAttention(h, d).apply(x, x).");
    }

    private void checkShapes(List<int[]> shapes) {
        if (shapes.size() < 2 || shapes.size() > 3) {
            throw notAList(shapes.size());
        }
        String[] names = {"query", "value", "key"};
        for (int i = 0; i < shapes.size(); i++) {
            int[] s = shapes.get(i);
            if (s.length != 2) {
                throw new IllegalArgumentException(describe() + ": " + names[i] + " must be 3-D (batch_size, steps, "
                        + "dim) but has shape " + withBatch(s) + ".");
            }
            if (s[1] < 0) {
                throw new IllegalArgumentException(describe() + ": the last dimension of " + names[i]
                        + " must be known; received " + withBatch(s) + ".");
            }
        }
        int[] v = shapes.get(1), k = shapes.size() > 2 ? shapes.get(2) : v;
        if (v[0] >= 0 && k[0] >= 0 && v[0] != k[0]) {
            throw new IllegalArgumentException(describe() + ": value and key must have the same number of steps; "
                    + "received value " + withBatch(v) + " and key " + withBatch(k) + ".");
        }
    }

    @Override
    protected void buildAll(List<int[]> inputShapes) {
        checkShapes(inputShapes);
        int qd = inputShapes.get(0)[1], vd = inputShapes.get(1)[1];
        int kd = inputShapes.size() > 2 ? inputShapes.get(2)[1] : vd;
        int od = outputDim > 0 ? outputDim : qd;
        qKernel = addWeight("query/kernel", new int[]{qd, numHeads, keyDim}, kernelInitializer, null);
        qBias = useBias ? addWeight("query/bias", new int[]{numHeads, keyDim}, biasInitializer, null) : null;
        kKernel = addWeight("key/kernel", new int[]{kd, numHeads, keyDim}, kernelInitializer, null);
        kBias = useBias ? addWeight("key/bias", new int[]{numHeads, keyDim}, biasInitializer, null) : null;
        vKernel = addWeight("value/kernel", new int[]{vd, numHeads, valueDim}, kernelInitializer, null);
        vBias = useBias ? addWeight("value/bias", new int[]{numHeads, valueDim}, biasInitializer, null) : null;
        oKernel = addWeight("attention_output/kernel", new int[]{numHeads, valueDim, od}, kernelInitializer, null);
        oBias = useBias ? addWeight("attention_output/bias", new int[]{od}, biasInitializer, null) : null;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        throw notAList(1);
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        checkShapes(inputShapes);
        int[] q = inputShapes.get(0);
        return List.of(new int[]{q[0], outputDim > 0 ? outputDim : q[1]});
    }

    @Override
    protected int[] symbolicCall(List<int[]> inputShapes) {
        ensureBuiltAll(inputShapes);
        return computeOutputShapes(inputShapes).get(0);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** The output mask is the query mask. */
    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        List<Tensor> r = new ArrayList<>();
        r.add(AttentionMasks.maskAt(masks, 0));
        return r;
    }

    // ---------------------------------------------------------------- computation

    @Override
    public Tensor call(Tensor input, boolean training) {
        throw notAList(1);
    }

    @Override
    public List<Tensor> callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        if (inputs.size() < 2 || inputs.size() > 3) {
            throw notAList(inputs.size());
        }
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            int[] s = t.shape();
            shapes.add(Arrays.copyOfRange(s, 1, s.length));
        }
        checkShapes(shapes);
        Tensor query = inputs.get(0), value = inputs.get(1);
        Tensor key = inputs.size() > 2 ? inputs.get(2) : value;
        Tensor qMask = AttentionMasks.maskAt(masks, 0), vMask = AttentionMasks.maskAt(masks, 1);
        Tensor kMask = inputs.size() > 2 ? AttentionMasks.maskAt(masks, 2) : null;
        if (qMask != null) {
            MaskSupport.checkMask(describe() + " (query mask)", query, qMask);
        }
        if (vMask != null) {
            MaskSupport.checkMask(describe() + " (value mask)", value, vMask);
        }
        if (kMask != null) {
            MaskSupport.checkMask(describe() + " (key mask)", key, kMask);
            vMask = vMask == null ? kMask : vMask.mul(kMask);
        }
        int b = query.shape(0), tq = query.shape(1), tv = value.shape(1);
        Tensor q = project(query, qKernel, qBias).mul((float) (1.0 / Math.sqrt(keyDim)));   // (B, H, Tq, Kd)
        Tensor k = project(key, kKernel, kBias);                                           // (B, H, Tv, Kd)
        Tensor v = project(value, vKernel, vBias);                                         // (B, H, Tv, Vd)
        Tensor scores = q.matmul(k, false, true);                                          // (B, H, Tq, Tv)
        Tensor mask = AttentionMasks.scoresMask(qMask, vMask, true, useCausalMask, tq, tv);
        if (mask != null) {
            mask = mask.expandDims(1);                                                     // over heads
        }
        Tensor probs = AttentionMasks.fillMasked(scores, mask).softmax(-1);
        if (training && dropout > 0) {
            probs = probs.mul(dropoutMask(probs.shape()));
        }
        Tensor heads = probs.matmul(v).permute(0, 2, 1, 3).reshape(b, tq, numHeads * valueDim);
        int od = oKernel.shape()[2];
        Tensor out = heads.matmul(oKernel.value().reshape(numHeads * valueDim, od));
        if (oBias != null) {
            out = out.add(oBias.value());
        }
        return List.of(out);
    }

    /** x (B, T, d) through a kernel (d, H, n) and bias (H, n) to (B, H, T, n). */
    private Tensor project(Tensor x, Variable kernel, Variable bias) {
        int[] ks = kernel.shape();
        int b = x.shape(0), t = x.shape(1);
        Tensor y = x.matmul(kernel.value().reshape(ks[0], ks[1] * ks[2]));
        if (bias != null) {
            y = y.add(bias.value().reshape(ks[1] * ks[2]));
        }
        return y.reshape(b, t, ks[1], ks[2]).permute(0, 2, 1, 3);
    }

    private Tensor dropoutMask(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] m = new float[n];
        Random rng = seededRandom != null ? seededRandom : Ganglion.random();
        float keep = 1f / (1f - dropout);
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() >= dropout) {
                m[i] = keep;
            }
        }
        return Tensor.wrap(m, shape);
    }

    /** Keras's config: num_heads, key_dim, value_dim, dropout, use_bias, output_shape, attention_axes, ... */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("num_heads", numHeads);
        c.put("key_dim", keyDim);
        c.put("value_dim", valueDim);
        c.put("dropout", Double.parseDouble(Float.toString(dropout)));
        c.put("use_bias", useBias);
        c.put("output_shape", outputDim > 0 ? outputDim : null);
        c.put("attention_axes", null);
        c.put("kernel_initializer", Initializers.serialize(kernelInitializer));
        c.put("bias_initializer", Initializers.serialize(biasInitializer));
        c.put("kernel_regularizer", null);
        c.put("bias_regularizer", null);
        c.put("activity_regularizer", null);
        c.put("kernel_constraint", null);
        c.put("bias_constraint", null);
        c.put("seed", seed);
        return c;
    }
}
