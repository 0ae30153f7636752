package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code LayerNormalization}: normalises each sample over the given axes (default the last),
 * {@code y = (x - mean) / sqrt(var + epsilon) * gamma + beta}, with the biased (population) variance. Unlike
 * BatchNormalization it has no moving statistics and behaves the same in training and inference. Masks pass
 * through unchanged.
 *
 * <p>Weights, in Keras order: {@code gamma} (when {@code scale}), then {@code beta} (when {@code center}), each
 * of the shape of the normalised axes.
 *
 * <p><b>Input shape:</b> any. <b>Output shape:</b> the input's.
 *
 * <pre>{@code
 * new LayerNormalization().epsilon(1e-6f);
 * }</pre>
 */
public class LayerNormalization extends Layer {

    private int[] axes = {-1};
    private float epsilon = 1e-3f;
    private boolean center = true;
    private boolean scale = true;
    private Initializer betaInitializer = Initializers.ZEROS;
    private Initializer gammaInitializer = Initializers.ONES;
    private Regularizer betaRegularizer;
    private Regularizer gammaRegularizer;
    private Variable gamma;
    private Variable beta;
    private int[] resolvedAxes;

    /** {@code LayerNormalization()}: over the last axis, epsilon 1e-3, with gamma and beta. */
    public LayerNormalization() {
    }

    /**
     * @param axes the axes to normalise over, counted with the batch axis as Keras does (-1 = last); default -1.
     *             The batch axis (0) cannot be one of them.
     */
    public LayerNormalization axis(int... axes) {
        checkNotBuilt("axis");
        if (axes == null || axes.length == 0) {
            throw new IllegalArgumentException("LayerNormalization: `axis` must name at least one axis. Received: "
                    + "axis=" + Arrays.toString(axes));
        }
        this.axes = axes.clone();
        return this;
    }

    /** @param epsilon small float added to the variance; default 1e-3 */
    public LayerNormalization epsilon(float epsilon) {
        checkNotBuilt("epsilon");
        this.epsilon = epsilon;
        return this;
    }

    /** @param center whether to add the offset beta; default true */
    public LayerNormalization center(boolean center) {
        checkNotBuilt("center");
        this.center = center;
        return this;
    }

    /** @param scale whether to multiply by gamma; default true */
    public LayerNormalization scale(boolean scale) {
        checkNotBuilt("scale");
        this.scale = scale;
        return this;
    }

    /** @param initializer initializer of beta; default zeros */
    public LayerNormalization betaInitializer(Initializer initializer) {
        checkNotBuilt("betaInitializer");
        this.betaInitializer = Objects.requireNonNull(initializer);
        return this;
    }

    /** @param initializer initializer of gamma; default ones */
    public LayerNormalization gammaInitializer(Initializer initializer) {
        checkNotBuilt("gammaInitializer");
        this.gammaInitializer = Objects.requireNonNull(initializer);
        return this;
    }

    /** @param regularizer penalty on beta; default none */
    public LayerNormalization betaRegularizer(Regularizer regularizer) {
        checkNotBuilt("betaRegularizer");
        this.betaRegularizer = regularizer;
        return this;
    }

    /** @param regularizer penalty on gamma; default none */
    public LayerNormalization gammaRegularizer(Regularizer regularizer) {
        checkNotBuilt("gammaRegularizer");
        this.gammaRegularizer = regularizer;
        return this;
    }

    @Override
    public LayerNormalization inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public LayerNormalization name(String name) {
        super.name(name);
        return this;
    }

    public float epsilon() {
        return epsilon;
    }

    /** gamma, or null (before building or without scale). */
    public Variable gamma() {
        return gamma;
    }

    /** beta, or null (before building or without center). */
    public Variable beta() {
        return beta;
    }

    @Override
    public boolean supportsMasking() {
        return true;
    }

    /** The axes (with batch) resolved for a batch-less shape; sorted. */
    private int[] resolve(int[] inputShape) {
        int rank = inputShape.length + 1;
        int[] r = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a <= 0 || a >= rank) {
                throw new IllegalArgumentException(describe() + ": axis " + axes[i] + " is out of range for input "
                        + "shape " + withBatch(inputShape) + " (rank " + rank + "); the batch axis 0 cannot be "
                        + "normalised over");
            }
            r[i] = a;
        }
        Arrays.sort(r);
        return r;
    }

    @Override
    protected void build(int[] inputShape) {
        resolvedAxes = resolve(inputShape);
        int[] paramShape = new int[resolvedAxes.length];
        for (int i = 0; i < resolvedAxes.length; i++) {
            paramShape[i] = inputShape[resolvedAxes[i] - 1];
            if (paramShape[i] < 0) {
                throw new IllegalArgumentException(describe() + ": the normalised axis " + resolvedAxes[i]
                        + " must have a known length; received input shape " + withBatch(inputShape));
            }
        }
        if (scale) {
            gamma = addWeight("gamma", paramShape, gammaInitializer, gammaRegularizer);
        }
        if (center) {
            beta = addWeight("beta", paramShape, betaInitializer, betaRegularizer);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        resolve(inputShape);
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        int[] s = input.shape();
        int[] ax = resolvedAxes;
        Tensor mean = input.mean(ax, true);
        Tensor centered = input.sub(mean);
        Tensor var = centered.square().mean(ax, true);
        Tensor y = centered.mul(var.add(epsilon).rsqrt());
        int[] bshape = new int[s.length];
        Arrays.fill(bshape, 1);
        for (int a : ax) {
            bshape[a] = s[a];
        }
        if (gamma != null) {
            y = y.mul(gamma.value().reshape(bshape));
        }
        if (beta != null) {
            y = y.add(beta.value().reshape(bshape));
        }
        return y;
    }

    /** Keras's config: axis, epsilon, center, scale, rms_scaling, initializers, regularizers, constraints. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        List<Integer> a = new ArrayList<>();
        for (int x : axes) {
            a.add(x);
        }
        c.put("axis", a.size() == 1 ? a.get(0) : a);
        c.put("epsilon", Double.parseDouble(Float.toString(epsilon)));
        c.put("center", center);
        c.put("scale", scale);
        c.put("rms_scaling", false);
        c.put("beta_initializer", Initializers.serialize(betaInitializer));
        c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
        c.put("beta_regularizer", Regularizers.serialize(betaRegularizer));
        c.put("gamma_regularizer", Regularizers.serialize(gammaRegularizer));
        c.put("beta_constraint", null);
        c.put("gamma_constraint", null);
        return c;
    }
}
