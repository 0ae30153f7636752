package ganglion.layers;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code Attention}: Luong-style dot-product attention. Called on {@code [query, value]} or
 * {@code [query, value, key]} (key defaults to value):
 * {@code scores = query @ key^T} (times a learned scalar {@code scale} when {@code useScale}), softmax over the
 * value steps, then {@code output = weights @ value}. With {@code scoreMode("concat")} the scores are
 * {@code concat_score_weight * sum(tanh(scale * (query_i + key_j)))} instead.
 *
 * <p>Masks: a value mask keeps padded value steps out of the softmax (their scores lose 1e9); with
 * {@code useCausalMask(true)} query step i sees value steps 0..i only; a query mask zeroes the outputs of padded
 * query steps and is the output's mask. Dropout applies to the attention weights in training.
 *
 * <p><b>Input shapes:</b> query {@code (batch_size, Tq, dim)}, value {@code (batch_size, Tv, dim)}, key
 * {@code (batch_size, Tv, dim)}. <b>Output shape:</b> {@code (batch_size, Tq, dim)}; with
 * {@code returnAttentionScores(true)} a second output, the weights {@code (batch_size, Tq, Tv)}.
 *
 * <pre>{@code
 * SymbolicTensor q = Input.of(10, 16), v = Input.of(12, 16);
 * SymbolicTensor context = new Attention().useScale(true).apply(q, v);     // (None, 10, 16)
 * }</pre>
 */
public class Attention extends Layer {

    private boolean useScale;
    private String scoreMode = "dot";
    private float dropout;
    private boolean useCausalMask;
    private boolean returnAttentionScores;
    private Long seed;
    private Random seededRandom;
    private Variable scale;
    private Variable concatScoreWeight;

    /** {@code Attention()}: dot scores, no scale, no dropout. */
    public Attention() {
    }

    /** @param useScale learn a scalar that multiplies the scores; default false */
    public Attention useScale(boolean useScale) {
        checkNotBuilt("useScale");
        this.useScale = useScale;
        return this;
    }

    /** @param scoreMode "dot" (default) or "concat" */
    public Attention scoreMode(String scoreMode) {
        checkNotBuilt("scoreMode");
        if (!"dot".equals(scoreMode) && !"concat".equals(scoreMode)) {
            throw new IllegalArgumentException("Attention: invalid value for argument score_mode. Expected one of "
                    + "{'dot', 'concat'}. Received: score_mode=" + scoreMode);
        }
        this.scoreMode = scoreMode;
        return this;
    }

    /** @param rate fraction of attention weights dropped in training; default 0 */
    public Attention dropout(float rate) {
        checkNotBuilt("dropout");
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Attention: `dropout` must be in [0, 1). Received: dropout=" + rate);
        }
        this.dropout = rate;
        return this;
    }

    /** @param seed seed of the dropout masks; default none (the global generator) */
    public Attention seed(long seed) {
        checkNotBuilt("seed");
        this.seed = seed;
        this.seededRandom = new Random(seed);
        return this;
    }

    /**
     * Keras's call argument {@code use_causal_mask}: query step i attends to value steps 0..i only.
     *
     * @param useCausalMask default false
     */
    public Attention useCausalMask(boolean useCausalMask) {
        this.useCausalMask = useCausalMask;
        return this;
    }

    /**
     * Keras's call argument {@code return_attention_scores}: also output the attention weights.
     *
     * @param returnAttentionScores default false
     */
    public Attention returnAttentionScores(boolean returnAttentionScores) {
        checkNotBuilt("returnAttentionScores");
        this.returnAttentionScores = returnAttentionScores;
        return this;
    }

    @Override
    public Attention name(String name) {
        super.name(name);
        return this;
    }

    public boolean useScale() {
        return useScale;
    }

    public String scoreMode() {
        return scoreMode;
    }

    public boolean useCausalMask() {
        return useCausalMask;
    }

    // ---------------------------------------------------------------- shapes and building

    private IllegalArgumentException notAList(int n) {
        return new IllegalArgumentException(describe() + " must be called on a list of inputs, namely [query, value] "
                + "or [query, value, key]. Received " + n + " input" + (n == 1 ? "" : "s")
                + ". Use the functional API: new Attention().apply(query, value), or applyAll(List.of(query, value), "
                + "masks, training).");
    }

    private void checkShapes(List<int[]> shapes) {
        if (shapes.size() < 2 || shapes.size() > 3) {
            throw notAList(shapes.size());
        }
        String[] names = {"query", "value", "key"};
        for (int i = 0; i < shapes.size(); i++) {
            if (shapes.get(i).length != 2) {
                throw new IllegalArgumentException(describe() + ": " + names[i] + " must be 3-D (batch_size, steps, "
                        + "dim) but has shape " + withBatch(shapes.get(i)) + ".");
            }
        }
        int[] q = shapes.get(0), v = shapes.get(1), k = shapes.size() > 2 ? shapes.get(2) : v;
        if (q[1] >= 0 && k[1] >= 0 && q[1] != k[1]) {
            throw new IllegalArgumentException(describe() + ": query and key must have the same last dimension for "
                    + "dot-product scores; received query " + withBatch(q) + " and key " + withBatch(k) + ".");
        }
        if (v[0] >= 0 && k[0] >= 0 && v[0] != k[0]) {
            throw new IllegalArgumentException(describe() + ": value and key must have the same number of steps; "
                    + "received value " + withBatch(v) + " and key " + withBatch(k) + ".");
        }
    }

    @Override
    protected void buildAll(List<int[]> inputShapes) {
        checkShapes(inputShapes);
        if (useScale) {
            scale = addWeight("scale", new int[0], Initializers.ONES, null);
        }
        if ("concat".equals(scoreMode)) {
            concatScoreWeight = addWeight("concat_score_weight", new int[0], Initializers.ONES, null);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        throw notAList(1);
    }

    @Override
    public List<int[]> computeOutputShapes(List<int[]> inputShapes) {
        checkShapes(inputShapes);
        int[] q = inputShapes.get(0), v = inputShapes.get(1);
        List<int[]> out = new ArrayList<>();
        out.add(new int[]{q[0], v[1]});
        if (returnAttentionScores) {
            out.add(new int[]{q[0], v[0]});
        }
        return out;
    }

    @Override
    public boolean hasSeveralOutputs() {
        return returnAttentionScores;
    }

    @Override
    protected int[] symbolicCall(List<int[]> inputShapes) {
        checkShapes(inputShapes);
        ensureBuiltAll(inputShapes);
        return computeOutputShapes(inputShapes).get(0);
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** The output mask is the query mask, as Keras's {@code compute_mask}. */
    @Override
    public List<Tensor> computeMasks(List<Tensor> inputs, List<Tensor> masks) {
        List<Tensor> r = new ArrayList<>();
        r.add(AttentionMasks.maskAt(masks, 0));
        if (returnAttentionScores) {
            r.add(null);
        }
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
        Tensor query = inputs.get(0), value = inputs.get(1);
        Tensor key = inputs.size() > 2 ? inputs.get(2) : value;
        List<int[]> shapes = new ArrayList<>();
        for (Tensor t : inputs) {
            int[] s = t.shape();
            shapes.add(Arrays.copyOfRange(s, 1, s.length));
        }
        checkShapes(shapes);
        Tensor qMask = AttentionMasks.maskAt(masks, 0), vMask = AttentionMasks.maskAt(masks, 1);
        if (qMask != null) {
            MaskSupport.checkMask(describe() + " (query mask)", query, qMask);
        }
        if (vMask != null) {
            MaskSupport.checkMask(describe() + " (value mask)", value, vMask);
        }
        Tensor scores = scores(query, key);
        int tq = query.shape(1), tv = value.shape(1);
        Tensor scoresMask = AttentionMasks.scoresMask(null, vMask, false, useCausalMask, tq, tv);
        Tensor weights = AttentionMasks.applyToScores(scores, scoresMask).softmax(-1);
        Tensor used = training && dropout > 0 ? weights.mul(dropoutMask(weights.shape())) : weights;
        Tensor result = used.matmul(value);
        if (qMask != null) {
            result = result.mul(qMask.expandDims(2));
        }
        return returnAttentionScores ? List.of(result, weights) : List.of(result);
    }

    private Tensor scores(Tensor query, Tensor key) {
        if ("dot".equals(scoreMode)) {
            Tensor s = query.matmul(key, false, true);
            return scale == null ? s : s.mul(scale.value());
        }
        Tensor sum = query.expandDims(2).add(key.expandDims(1));   // (B, Tq, Tv, dim)
        if (scale != null) {
            sum = sum.mul(scale.value());
        }
        return sum.tanh().sum(-1).mul(concatScoreWeight.value());
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

    /** Keras's config: use_scale, score_mode, dropout, seed. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("use_scale", useScale);
        c.put("score_mode", scoreMode);
        c.put("dropout", Double.parseDouble(Float.toString(dropout)));
        c.put("seed", seed);
        return c;
    }
}
