package ganglion.layers;

import ganglion.Tensor;
import ganglion.Variable;
import ganglion.initializers.Initializer;
import ganglion.initializers.Initializers;
import ganglion.internal.ops.conv.ConvOps;
import ganglion.regularizers.Regularizer;
import ganglion.regularizers.Regularizers;

import java.util.Map;
import java.util.Objects;

/**
 * Keras's {@code BatchNormalization}: normalises each feature (the {@code axis}, by default the last one:
 * the channels of an image) to zero mean and unit variance, then scales by {@code gamma} and shifts by
 * {@code beta}: {@code y = gamma * (x - mean) / sqrt(var + epsilon) + beta}.
 *
 * <p>In training ({@code training=true} and the layer trainable) it uses the batch's mean and biased
 * variance over every other axis, and updates {@code moving = moving * momentum + batch * (1 - momentum)}.
 * In inference, or when the layer is frozen ({@code setTrainable(false)}, as in Keras), it uses the moving
 * statistics. Weights, in Keras order: {@code gamma}, {@code beta} (trainable), {@code moving_mean},
 * {@code moving_variance} (never trainable).
 *
 * <p><b>Input shape:</b> any. <b>Output shape:</b> the input's.
 *
 * <pre>{@code
 * new BatchNormalization();                         // momentum 0.99, epsilon 1e-3
 * new BatchNormalization().epsilon(1.001e-5);       // as ResNet50's conv1_bn
 * }</pre>
 */
public class BatchNormalization extends Layer {

    private int axis = -1;
    private double momentum = 0.99;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private Initializer betaInitializer = Initializers.ZEROS;
    private Initializer gammaInitializer = Initializers.ONES;
    private Initializer movingMeanInitializer = Initializers.ZEROS;
    private Initializer movingVarianceInitializer = Initializers.ONES;
    private Regularizer betaRegularizer;
    private Regularizer gammaRegularizer;
    private Variable gamma, beta, movingMean, movingVariance;

    /** {@code BatchNormalization()} with Keras's defaults. */
    public BatchNormalization() {
    }

    /** @param axis the feature axis, counted with the batch axis (negative from the end); default -1 */
    public BatchNormalization axis(int axis) {
        checkNotBuilt("axis");
        if (axis == 0) {
            throw new IllegalArgumentException("BatchNormalization: axis 0 is the batch axis and cannot be "
                    + "normalised over. Received: axis=0");
        }
        this.axis = axis;
        return this;
    }

    /** @param momentum weight of the old moving statistics in each update; default 0.99 */
    public BatchNormalization momentum(double momentum) {
        checkNotBuilt("momentum");
        this.momentum = momentum;
        return this;
    }

    /** @param epsilon added to the variance to avoid dividing by zero; default 1e-3 */
    public BatchNormalization epsilon(double epsilon) {
        checkNotBuilt("epsilon");
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("BatchNormalization: epsilon must be positive. Received: epsilon="
                    + epsilon);
        }
        this.epsilon = epsilon;
        return this;
    }

    /** @param center whether to add the offset beta; default true */
    public BatchNormalization center(boolean center) {
        checkNotBuilt("center");
        this.center = center;
        return this;
    }

    /** @param scale whether to multiply by gamma; default true */
    public BatchNormalization scale(boolean scale) {
        checkNotBuilt("scale");
        this.scale = scale;
        return this;
    }

    /** @param name initializer name for beta; default "zeros" */
    public BatchNormalization betaInitializer(String name) {
        return betaInitializer(Initializers.get(name));
    }

    /** @param initializer initializer for beta; default {@code Zeros} */
    public BatchNormalization betaInitializer(Initializer initializer) {
        checkNotBuilt("betaInitializer");
        this.betaInitializer = Objects.requireNonNull(initializer, "betaInitializer");
        return this;
    }

    /** @param name initializer name for gamma; default "ones" */
    public BatchNormalization gammaInitializer(String name) {
        return gammaInitializer(Initializers.get(name));
    }

    /** @param initializer initializer for gamma; default {@code Ones} */
    public BatchNormalization gammaInitializer(Initializer initializer) {
        checkNotBuilt("gammaInitializer");
        this.gammaInitializer = Objects.requireNonNull(initializer, "gammaInitializer");
        return this;
    }

    /** @param name initializer name for the moving mean; default "zeros" */
    public BatchNormalization movingMeanInitializer(String name) {
        return movingMeanInitializer(Initializers.get(name));
    }

    /** @param initializer initializer for the moving mean; default {@code Zeros} */
    public BatchNormalization movingMeanInitializer(Initializer initializer) {
        checkNotBuilt("movingMeanInitializer");
        this.movingMeanInitializer = Objects.requireNonNull(initializer, "movingMeanInitializer");
        return this;
    }

    /** @param name initializer name for the moving variance; default "ones" */
    public BatchNormalization movingVarianceInitializer(String name) {
        return movingVarianceInitializer(Initializers.get(name));
    }

    /** @param initializer initializer for the moving variance; default {@code Ones} */
    public BatchNormalization movingVarianceInitializer(Initializer initializer) {
        checkNotBuilt("movingVarianceInitializer");
        this.movingVarianceInitializer = Objects.requireNonNull(initializer, "movingVarianceInitializer");
        return this;
    }

    /** @param regularizer penalty on beta; default none (null) */
    public BatchNormalization betaRegularizer(Regularizer regularizer) {
        checkNotBuilt("betaRegularizer");
        this.betaRegularizer = regularizer;
        return this;
    }

    /** @param regularizer penalty on gamma; default none (null) */
    public BatchNormalization gammaRegularizer(Regularizer regularizer) {
        checkNotBuilt("gammaRegularizer");
        this.gammaRegularizer = regularizer;
        return this;
    }

    @Override
    public BatchNormalization inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public BatchNormalization name(String name) {
        super.name(name);
        return this;
    }

    public int axis() {
        return axis;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    /** gamma, or null without scale or before the build. */
    public Variable gamma() {
        return gamma;
    }

    /** beta, or null without center or before the build. */
    public Variable beta() {
        return beta;
    }

    public Variable movingMean() {
        return movingMean;
    }

    public Variable movingVariance() {
        return movingVariance;
    }

    /** The feature axis within a batch-less shape of the given rank. */
    private int featureAxis(int rankWithoutBatch) {
        int full = rankWithoutBatch + 1;
        int a = axis < 0 ? axis + full : axis;
        if (a <= 0 || a >= full) {
            throw new IllegalArgumentException(describe() + ": axis " + axis + " is out of range for input of rank "
                    + full + " (batch axis included); use an axis in [1, " + (full - 1) + "] or -1.");
        }
        return a - 1;
    }

    @Override
    protected void build(int[] inputShape) {
        int c = inputShape.length == 0 ? -1 : inputShape[featureAxis(inputShape.length)];
        if (c < 0) {
            throw new IllegalArgumentException(describe() + ": the normalised axis " + axis + " of the input "
                    + withBatch(inputShape) + " must have a known length.");
        }
        int[] shape = {c};
        if (scale) {
            gamma = addWeight("gamma", shape, gammaInitializer, gammaRegularizer);
        }
        if (center) {
            beta = addWeight("beta", shape, betaInitializer, betaRegularizer);
        }
        movingMean = addWeight("moving_mean", shape, movingMeanInitializer, null, false);
        movingVariance = addWeight("moving_variance", shape, movingVarianceInitializer, null, false);
    }

    @Override
    protected boolean isAlwaysNonTrainable(Variable v) {
        return v == movingMean || v == movingVariance || super.isAlwaysNonTrainable(v);
    }

    /** As Keras's InputSpec: the same rank, and the built length on the normalised axis. */
    @Override
    protected void checkInputShape(int[] shape) {
        int rank = builtInputShape().length;
        requireInputRankAndAxis(shape, rank, featureAxis(rank));
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor call(Tensor input, boolean training) {
        int rank = input.rank();
        int a = featureAxis(rank - 1) + 1;
        // The op normalises the last axis: move another feature axis there and back.
        int[] perm = null, inverse = null;
        if (a != rank - 1) {
            perm = new int[rank];
            inverse = new int[rank];
            for (int i = 0, j = 0; i < rank; i++) {
                if (i != a) {
                    perm[j++] = i;
                }
            }
            perm[rank - 1] = a;
            for (int i = 0; i < rank; i++) {
                inverse[perm[i]] = i;
            }
        }
        Tensor x = perm == null ? input : input.permute(perm);
        Tensor g = gamma == null ? null : gamma.value();
        Tensor b = beta == null ? null : beta.value();
        Tensor y;
        if (training && isTrainable()) {
            ConvOps.BatchNormResult r = ConvOps.batchNormTraining(x, g, b, (float) epsilon);
            updateMoving(movingMean.value().buffer(), r.mean());
            updateMoving(movingVariance.value().buffer(), r.variance());
            y = r.output();
        } else {
            y = ConvOps.batchNormInference(x, g, b, movingMean.value(), movingVariance.value(), (float) epsilon);
        }
        return perm == null ? y : y.permute(inverse);
    }

    /** moving = moving * momentum + batch * (1 - momentum), in float32 as Keras computes it. */
    private void updateMoving(float[] moving, float[] batch) {
        float m = (float) momentum, rest = (float) (1.0 - momentum);
        for (int i = 0; i < moving.length; i++) {
            moving[i] = moving[i] * m + batch[i] * rest;
        }
    }

    /** Keras's config: axis, momentum, epsilon, center, scale, initializers, regularizers, constraints, synchronized. */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("axis", axis);
        c.put("momentum", momentum);
        c.put("epsilon", epsilon);
        c.put("center", center);
        c.put("scale", scale);
        c.put("beta_initializer", Initializers.serialize(betaInitializer));
        c.put("gamma_initializer", Initializers.serialize(gammaInitializer));
        c.put("moving_mean_initializer", Initializers.serialize(movingMeanInitializer));
        c.put("moving_variance_initializer", Initializers.serialize(movingVarianceInitializer));
        c.put("beta_regularizer", Regularizers.serialize(betaRegularizer));
        c.put("gamma_regularizer", Regularizers.serialize(gammaRegularizer));
        c.put("beta_constraint", null);
        c.put("gamma_constraint", null);
        c.put("synchronized", false);
        return c;
    }
}
