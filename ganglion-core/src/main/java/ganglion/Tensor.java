package ganglion;

import ganglion.internal.autodiff.Autograd;
import ganglion.internal.autodiff.Node;
import ganglion.internal.ops.Activations;
import ganglion.internal.ops.Elementwise;
import ganglion.internal.ops.Gather;
import ganglion.internal.ops.LinAlg;
import ganglion.internal.ops.Reductions;
import ganglion.internal.ops.Shapes;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array of float32 values in row-major order, like a NumPy array or a Keras tensor.
 *
 * <p>Arithmetic broadcasts as NumPy does; names follow NumPy and {@code keras.ops} in lowerCamelCase
 * ({@code logSumExp}, {@code takeAlongAxis}, {@code expandDims}). A tensor that {@link #requiresGrad()}
 * records the operations applied to it, so that {@link #backward()} can compute gradients (reverse-mode
 * autodiff, as Keras's TensorFlow backend does with a {@code GradientTape}); every op documented as
 * differentiable has a finite-difference gradient test. Tensors are immutable through this API, except for
 * {@link #buffer()}, which exposes the backing array to code that needs raw speed (and bypasses autograd).
 * Reshape-like ops ({@link #reshape}, {@link #expandDims}, {@link #squeeze}, {@link #detach}) share the
 * backing array instead of copying it.
 */
public final class Tensor {

    private final float[] data;
    private final int[] shape;
    private boolean requiresGrad;
    private boolean retainGrad;
    private Node gradFn;
    private float[] grad;
    /** When this tensor is the output of softmax/sigmoid, the logits it came from (as Keras's TF backend). */
    private Tensor activationLogits;

    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ------------------------------------------------------------------ creation

    /** A tensor holding a copy of {@code data}, with the given shape (empty shape: a scalar). */
    public static Tensor of(float[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        int[] s = Shapes.checkShape(shape);
        long n = Shapes.size(s);
        if (n != data.length) {
            throw new IllegalArgumentException("Tensor.of: " + data.length + " values do not fill shape "
                    + Shapes.str(s) + " (which holds " + n + ")");
        }
        return new Tensor(data.clone(), s);
    }

    /** A 1-D tensor holding a copy of {@code data}. */
    public static Tensor of(float... data) {
        return new Tensor(data.clone(), new int[]{data.length});
    }

    /** A tensor from a rectangular 2-D array. */
    public static Tensor of(float[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        float[] d = new float[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("Tensor.of: row " + i + " has " + rows[i].length
                        + " values, row 0 has " + c + "; rows must have equal lengths");
            }
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Tensor(d, new int[]{r, c});
    }

    /** A tensor of doubles converted to float32, with the given shape. */
    public static Tensor of(double[] data, int... shape) {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        int[] s = Shapes.checkShape(shape);
        if (Shapes.size(s) != f.length) {
            throw new IllegalArgumentException("Tensor.of: " + f.length + " values do not fill shape "
                    + Shapes.str(s) + " (which holds " + Shapes.size(s) + ")");
        }
        return new Tensor(f, s);
    }

    /** A 1-D tensor of doubles converted to float32. */
    public static Tensor of(double... data) {
        return of(data, data.length);
    }

    /** A tensor that uses {@code data} directly, without copying. The caller must not modify it later. */
    public static Tensor wrap(float[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        int[] s = Shapes.checkShape(shape);
        if (Shapes.size(s) != data.length) {
            throw new IllegalArgumentException("Tensor.wrap: " + data.length + " values do not fill shape "
                    + Shapes.str(s));
        }
        return new Tensor(data, s);
    }

    /** A scalar (rank 0) tensor. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[]{value}, new int[0]);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        int[] s = Shapes.checkShape(shape);
        return new Tensor(new float[Shapes.checkedSize(s)], s);
    }

    /** A tensor of ones. */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** A tensor filled with {@code value}. */
    public static Tensor full(float value, int... shape) {
        int[] s = Shapes.checkShape(shape);
        float[] d = new float[Shapes.checkedSize(s)];
        Arrays.fill(d, value);
        return new Tensor(d, s);
    }

    /** A tensor of zeros with the shape of {@code t}. */
    public static Tensor zerosLike(Tensor t) {
        return zeros(t.shape);
    }

    /** A tensor of ones with the shape of {@code t}. */
    public static Tensor onesLike(Tensor t) {
        return ones(t.shape);
    }

    /** Values 0, 1, ... below end, as a 1-D tensor (numpy.arange). */
    public static Tensor arange(int end) {
        return arange(0, end);
    }

    /** Values start, start+1, ... below end, as a 1-D tensor (numpy.arange). */
    public static Tensor arange(int start, int end) {
        int n = Math.max(0, end - start);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = start + i;
        }
        return new Tensor(d, new int[]{n});
    }

    /** The identity matrix of size n. */
    public static Tensor eye(int n) {
        float[] d = new float[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1f;
        }
        return new Tensor(d, new int[]{n, n});
    }

    /** Normal(0, 1) samples from Ganglion's seeded random source. */
    public static Tensor randomNormal(int... shape) {
        int[] s = Shapes.checkShape(shape);
        float[] d = new float[Shapes.checkedSize(s)];
        var rng = Ganglion.random();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return new Tensor(d, s);
    }

    /** Uniform samples in [low, high) from Ganglion's seeded random source. */
    public static Tensor randomUniform(float low, float high, int... shape) {
        int[] s = Shapes.checkShape(shape);
        float[] d = new float[Shapes.checkedSize(s)];
        var rng = Ganglion.random();
        for (int i = 0; i < d.length; i++) {
            d[i] = low + (high - low) * rng.nextFloat();
        }
        return new Tensor(d, s);
    }

    /** Concatenates tensors along an axis (negative counts from the end). Differentiable. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return Shapes.concat(axis, tensors);
    }

    /** Stacks equally shaped tensors along a new axis. Differentiable. */
    public static Tensor stack(int axis, Tensor... tensors) {
        return Shapes.stack(axis, tensors);
    }

    /**
     * {@code x} where {@code condition} is non-zero, else {@code y}; all three broadcast together
     * (numpy.where, keras.ops.where). Differentiable in x and y.
     */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        return Elementwise.where(condition, x, y);
    }

    /** {@link #where(Tensor, Tensor, Tensor)} with a constant for the "else" values. */
    public static Tensor where(Tensor condition, Tensor x, float y) {
        return Elementwise.where(condition, x, scalar(y));
    }

    // ------------------------------------------------------------------ inspection

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Length of one axis; negative axes count from the end. */
    public int shape(int axis) {
        return shape[Shapes.axis(axis, shape.length, "shape")];
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public long size() {
        return data.length;
    }

    /** The element at the given indices (one per axis; negative indices count from the end). */
    public float get(int... indices) {
        return data[Shapes.flatIndex(shape, indices)];
    }

    /** The value of a one-element tensor. */
    public float item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() needs a tensor with one element, got shape " + Shapes.str(shape));
        }
        return data[0];
    }

    /** A copy of the values in row-major order. */
    public float[] toFloatArray() {
        return data.clone();
    }

    /**
     * The backing array itself (row-major). Writing into it changes this tensor and every reshaped view
     * of it, and bypasses autograd: meant for loaders, kernels and tests.
     */
    public float[] buffer() {
        return data;
    }

    /** A copy that shares nothing with this tensor and records no history. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    // ------------------------------------------------------------------ autograd

    /** Whether gradients flow to (or through) this tensor. */
    public boolean requiresGrad() {
        return requiresGrad || gradFn != null;
    }

    /** Marks a leaf tensor as needing a gradient (a weight, or an input to differentiate against). */
    public Tensor requiresGrad(boolean flag) {
        if (gradFn != null && !flag) {
            throw new IllegalStateException("requiresGrad(false) on a computed tensor: use detach()");
        }
        this.requiresGrad = flag;
        return this;
    }

    /** The same values with no history: gradients stop here. Shares the data. */
    public Tensor detach() {
        return new Tensor(data, shape);
    }

    /** Keeps this intermediate tensor's gradient after {@link #backward()} (leaves always keep theirs). */
    public Tensor retainGrad() {
        this.retainGrad = true;
        return this;
    }

    /** Whether backward() keeps this tensor's gradient (true for leaves). */
    public boolean retainsGrad() {
        return retainGrad || gradFn == null;
    }

    /**
     * The accumulated gradient, or null when none has been computed. The returned tensor shares this
     * tensor's gradient buffer: it changes with later backward passes and {@link #zeroGrad()}.
     */
    public Tensor grad() {
        return grad == null ? null : new Tensor(grad, shape);
    }

    /** Clears the accumulated gradient (keeps the buffer, filled with zeros). */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad, 0f);
        }
    }

    /** Back-propagates from this scalar (or from the sum of its elements). */
    public void backward() {
        Autograd.backward(this, null);
    }

    /** Back-propagates from this tensor with the given output gradient (same shape). */
    public void backward(Tensor gradient) {
        if (!Arrays.equals(gradient.shape, shape)) {
            throw new IllegalArgumentException("backward: gradient shape " + Shapes.str(gradient.shape)
                    + " differs from tensor shape " + Shapes.str(shape));
        }
        Autograd.backward(this, gradient.data);
    }

    /** Internal: the node that produced this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** Internal: a new tensor that was produced by {@code node} from {@code data}. */
    public static Tensor fromOp(float[] data, int[] shape, Node node) {
        Tensor t = new Tensor(data, shape);
        t.gradFn = node;
        return t;
    }

    /** Internal: the raw gradient buffer, or null. */
    public float[] gradBufferOrNull() {
        return grad;
    }

    /** Internal: replaces the raw gradient buffer. */
    public void setGradBuffer(float[] g) {
        if (g != null && g.length != data.length) {
            throw new IllegalArgumentException("gradient has " + g.length + " values, tensor " + data.length);
        }
        this.grad = g;
    }

    /** Internal: the pre-activation logits when this tensor is a softmax/sigmoid output, else null. */
    public Tensor activationLogits() {
        return activationLogits;
    }

    /** Internal: records the logits this softmax/sigmoid output came from. */
    public Tensor withActivationLogits(Tensor logits) {
        this.activationLogits = logits;
        return this;
    }

    // ------------------------------------------------------------------ shape

    /** The same data with a new shape; one axis may be -1 (inferred). Differentiable, no copy. */
    public Tensor reshape(int... newShape) {
        return Shapes.reshape(this, newShape);
    }

    /** A 1-D view of all elements. */
    public Tensor flatten() {
        return reshape(-1);
    }

    /** Elements [start, end) along axis 0. */
    public Tensor slice(int start, int end) {
        return Shapes.slice(this, 0, start, end);
    }

    /** Elements [start, end) along an axis. Differentiable. */
    public Tensor slice(int axis, int start, int end) {
        return Shapes.slice(this, axis, start, end);
    }

    /** The rows (entries along axis 0) at the given indices, in that order. Differentiable. */
    public Tensor take(int[] indices) {
        return Shapes.take(this, indices);
    }

    /**
     * Entries along axis 0 at the given (whole-number) indices, numpy.take style: the result has shape
     * {@code indices.shape + shape[1:]}, e.g. an Embedding lookup. Differentiable in this tensor.
     */
    public Tensor take(Tensor indices) {
        return Gather.take(this, indices, 0);
    }

    /** Entries along an axis at the given indices: shape {@code shape[:axis] + indices.shape + shape[axis+1:]}. */
    public Tensor take(Tensor indices, int axis) {
        return Gather.take(this, indices, axis);
    }

    /** numpy.take_along_axis: picks, along an axis, the entry each index names. Differentiable. */
    public Tensor takeAlongAxis(Tensor indices, int axis) {
        return Gather.takeAlongAxis(this, indices, axis);
    }

    /** Splits into {@code sections} equal parts along an axis (numpy.split). Differentiable. */
    public Tensor[] split(int sections, int axis) {
        return Shapes.split(this, sections, axis);
    }

    /** Repeats each element {@code repeats} times along an axis (numpy.repeat). Differentiable. */
    public Tensor repeat(int repeats, int axis) {
        return Shapes.repeat(this, repeats, axis);
    }

    /** Repeats the whole tensor {@code reps[i]} times along each axis i (numpy.tile). Differentiable. */
    public Tensor tile(int... reps) {
        return Shapes.tile(this, reps);
    }

    /** Transpose of a matrix, or reversal of all axes for other ranks. */
    public Tensor transpose() {
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = perm.length - 1 - i;
        }
        return permute(perm);
    }

    /** Reorders axes like numpy.transpose(x, axes): output axis i is input axis axes[i]. Differentiable. */
    public Tensor transpose(int... axes) {
        return axes.length == 0 ? transpose() : permute(axes);
    }

    /** Exchanges two axes. Differentiable. */
    public Tensor swapAxes(int axis1, int axis2) {
        int[] perm = new int[shape.length];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = i;
        }
        int a = Shapes.axis(axis1, shape.length, "swapAxes"), b = Shapes.axis(axis2, shape.length, "swapAxes");
        perm[a] = b;
        perm[b] = a;
        return permute(perm);
    }

    /** Reorders axes: output axis i is input axis perm[i]. Differentiable. */
    public Tensor permute(int... perm) {
        return Shapes.permute(this, perm);
    }

    /** Inserts an axis of length 1. */
    public Tensor expandDims(int axis) {
        return Shapes.expandDims(this, axis);
    }

    /** Removes axes of length 1 (all of them when none is given). */
    public Tensor squeeze(int... axes) {
        return Shapes.squeeze(this, axes);
    }

    /** This tensor repeated to the given (broadcast-compatible) shape. Differentiable. */
    public Tensor broadcastTo(int... target) {
        return Elementwise.broadcastTo(this, target);
    }

    // ------------------------------------------------------------------ arithmetic (broadcasting)

    public Tensor add(Tensor other) {
        return Elementwise.binary(Elementwise.Op.ADD, this, other);
    }

    public Tensor sub(Tensor other) {
        return Elementwise.binary(Elementwise.Op.SUB, this, other);
    }

    public Tensor mul(Tensor other) {
        return Elementwise.binary(Elementwise.Op.MUL, this, other);
    }

    public Tensor div(Tensor other) {
        return Elementwise.binary(Elementwise.Op.DIV, this, other);
    }

    /** Elementwise maximum (gradient to the larger input; ties go to this). */
    public Tensor maximum(Tensor other) {
        return Elementwise.binary(Elementwise.Op.MAX, this, other);
    }

    /** Elementwise minimum (gradient to the smaller input; ties go to this). */
    public Tensor minimum(Tensor other) {
        return Elementwise.binary(Elementwise.Op.MIN, this, other);
    }

    /** Elementwise maximum with a constant (ties give this tensor the gradient). */
    public Tensor maximum(float s) {
        return maximum(scalar(s));
    }

    /** Elementwise minimum with a constant (ties give this tensor the gradient). */
    public Tensor minimum(float s) {
        return minimum(scalar(s));
    }

    public Tensor add(float s) {
        return Elementwise.addScalar(this, s);
    }

    public Tensor sub(float s) {
        return Elementwise.addScalar(this, -s);
    }

    public Tensor mul(float s) {
        return Elementwise.mulScalar(this, s);
    }

    public Tensor div(float s) {
        return Elementwise.divScalar(this, s);
    }

    /** s - this. */
    public Tensor rsub(float s) {
        return Elementwise.affine(this, -1f, s);
    }

    /** s / this. */
    public Tensor rdiv(float s) {
        return Elementwise.rdivScalar(this, s);
    }

    public Tensor neg() {
        return Elementwise.mulScalar(this, -1f);
    }

    public Tensor pow(float exponent) {
        return Elementwise.pow(this, exponent);
    }

    public Tensor square() {
        return Elementwise.unary(Elementwise.Unary.SQUARE, this);
    }

    public Tensor sqrt() {
        return Elementwise.unary(Elementwise.Unary.SQRT, this);
    }

    public Tensor exp() {
        return Elementwise.unary(Elementwise.Unary.EXP, this);
    }

    public Tensor log() {
        return Elementwise.unary(Elementwise.Unary.LOG, this);
    }

    public Tensor abs() {
        return Elementwise.unary(Elementwise.Unary.ABS, this);
    }

    /** 1 / x. */
    public Tensor reciprocal() {
        return Elementwise.unary(Elementwise.Unary.RECIPROCAL, this);
    }

    /** 1 / sqrt(x). */
    public Tensor rsqrt() {
        return Elementwise.unary(Elementwise.Unary.RSQRT, this);
    }

    /** log(1 + x), accurate near 0. */
    public Tensor log1p() {
        return Elementwise.unary(Elementwise.Unary.LOG1P, this);
    }

    /** e^x - 1, accurate near 0. */
    public Tensor expm1() {
        return Elementwise.unary(Elementwise.Unary.EXPM1, this);
    }

    public Tensor sin() {
        return Elementwise.unary(Elementwise.Unary.SIN, this);
    }

    public Tensor cos() {
        return Elementwise.unary(Elementwise.Unary.COS, this);
    }

    /** Largest whole number not above x; its gradient is zero. */
    public Tensor floor() {
        return Elementwise.unary(Elementwise.Unary.FLOOR, this);
    }

    /** Smallest whole number not below x; its gradient is zero. */
    public Tensor ceil() {
        return Elementwise.unary(Elementwise.Unary.CEIL, this);
    }

    /** Nearest whole number, halves to even as numpy.round; its gradient is zero. */
    public Tensor round() {
        return Elementwise.unary(Elementwise.Unary.ROUND, this);
    }

    /** Sign (-1, 0, 1); its gradient is zero. */
    public Tensor sign() {
        return Elementwise.unary(Elementwise.Unary.SIGN, this);
    }

    /** Values limited to [min, max]; the gradient passes only where the value was inside. */
    public Tensor clip(float min, float max) {
        return Elementwise.clip(this, min, max);
    }

    // ------------------------------------------------------------------ activations

    public Tensor relu() {
        return Activations.relu(this);
    }

    public Tensor sigmoid() {
        return Activations.sigmoid(this);
    }

    public Tensor tanh() {
        return Activations.tanh(this);
    }

    public Tensor softplus() {
        return Activations.softplus(this);
    }

    /** Softmax over the last axis. */
    public Tensor softmax() {
        return Activations.softmax(this, -1);
    }

    /** Softmax over an axis. */
    public Tensor softmax(int axis) {
        return Activations.softmax(this, axis);
    }

    /** Log of the softmax over the last axis, computed stably. */
    public Tensor logSoftmax() {
        return Activations.logSoftmax(this, -1);
    }

    /** Log of the softmax over an axis, computed stably. */
    public Tensor logSoftmax(int axis) {
        return Activations.logSoftmax(this, axis);
    }

    public Tensor elu(float alpha) {
        return Activations.elu(this, alpha);
    }

    public Tensor selu() {
        return Activations.selu(this);
    }

    /** GELU with the exact erf form (Keras's default, approximate=False). */
    public Tensor gelu() {
        return Activations.gelu(this, false);
    }

    /** GELU, exact (erf) or tanh-approximated. */
    public Tensor gelu(boolean approximate) {
        return Activations.gelu(this, approximate);
    }

    /** x * sigmoid(x), also called SiLU. */
    public Tensor swish() {
        return Activations.swish(this);
    }

    public Tensor leakyRelu(float negativeSlope) {
        return Activations.leakyRelu(this, negativeSlope);
    }

    /** Leaky ReLU with Keras's default slope, 0.2. */
    public Tensor leakyRelu() {
        return leakyRelu(0.2f);
    }

    /** Keras's hard_sigmoid: relu6(x + 3) / 6, i.e. clip(x / 6 + 0.5, 0, 1). */
    public Tensor hardSigmoid() {
        return add(3f).clip(0f, 6f).div(6f);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements, as a scalar tensor. */
    public Tensor sum() {
        return Reductions.sum(this, null, false);
    }

    /** Sum over one axis (the axis is removed). */
    public Tensor sum(int axis) {
        return Reductions.sum(this, new int[]{axis}, false);
    }

    /** Sum over one axis, keeping it with length 1 when keepDims. */
    public Tensor sum(int axis, boolean keepDims) {
        return Reductions.sum(this, new int[]{axis}, keepDims);
    }

    /** Sum over several axes. */
    public Tensor sum(int[] axes, boolean keepDims) {
        return Reductions.sum(this, axes, keepDims);
    }

    /** Mean of all elements, as a scalar tensor. */
    public Tensor mean() {
        return Reductions.mean(this, null, false);
    }

    /** Mean over one axis (the axis is removed). */
    public Tensor mean(int axis) {
        return Reductions.mean(this, new int[]{axis}, false);
    }

    public Tensor mean(int axis, boolean keepDims) {
        return Reductions.mean(this, new int[]{axis}, keepDims);
    }

    public Tensor mean(int[] axes, boolean keepDims) {
        return Reductions.mean(this, axes, keepDims);
    }

    /** Maximum of all elements. */
    public Tensor max() {
        return Reductions.max(this, null, false);
    }

    /** Maximum over one axis (removed). Ties share the gradient equally; NaN wins. */
    public Tensor max(int axis) {
        return Reductions.max(this, new int[]{axis}, false);
    }

    public Tensor max(int axis, boolean keepDims) {
        return Reductions.max(this, new int[]{axis}, keepDims);
    }

    /** Maximum over several axes. */
    public Tensor max(int[] axes, boolean keepDims) {
        return Reductions.max(this, axes, keepDims);
    }

    /** Minimum of all elements. */
    public Tensor min() {
        return Reductions.min(this, null, false);
    }

    /** Minimum over one axis (removed). */
    public Tensor min(int axis) {
        return Reductions.min(this, new int[]{axis}, false);
    }

    public Tensor min(int axis, boolean keepDims) {
        return Reductions.min(this, new int[]{axis}, keepDims);
    }

    /** Minimum over several axes. */
    public Tensor min(int[] axes, boolean keepDims) {
        return Reductions.min(this, axes, keepDims);
    }

    /** Population variance over an axis (numpy.var, ddof=0). */
    public Tensor variance(int axis, boolean keepDims) {
        return variance(new int[]{axis}, keepDims);
    }

    /** Population variance over several axes. */
    public Tensor variance(int[] axes, boolean keepDims) {
        Tensor m = mean(axes, true);
        return sub(m).square().mean(axes, keepDims);
    }

    /** Population variance of all elements, as a scalar. */
    public Tensor variance() {
        return sub(mean()).square().mean();
    }

    /** Standard deviation over an axis (numpy.std, ddof=0). */
    public Tensor std(int axis, boolean keepDims) {
        return variance(axis, keepDims).sqrt();
    }

    /** Standard deviation over several axes. */
    public Tensor std(int[] axes, boolean keepDims) {
        return variance(axes, keepDims).sqrt();
    }

    /** Standard deviation of all elements, as a scalar. */
    public Tensor std() {
        return variance().sqrt();
    }

    /** log(sum(exp(x))) of all elements, computed stably (keras.ops.logsumexp). */
    public Tensor logSumExp() {
        return Reductions.logSumExp(this, null, false);
    }

    /** log(sum(exp(x))) over an axis, computed stably. */
    public Tensor logSumExp(int axis, boolean keepDims) {
        return Reductions.logSumExp(this, new int[]{axis}, keepDims);
    }

    /** log(sum(exp(x))) over several axes, computed stably. */
    public Tensor logSumExp(int[] axes, boolean keepDims) {
        return Reductions.logSumExp(this, axes, keepDims);
    }

    /** Cumulative sum along an axis (numpy.cumsum). Differentiable. */
    public Tensor cumsum(int axis) {
        return Reductions.cumsum(this, axis);
    }

    /** Indices of the maxima along an axis, as float values (first one on ties). Not differentiable. */
    public Tensor argmax(int axis) {
        return Reductions.argIndex(this, axis, true);
    }

    /** Indices of the minima along an axis, as float values. Not differentiable. */
    public Tensor argmin(int axis) {
        return Reductions.argIndex(this, axis, false);
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product as numpy.matmul: 2-D × 2-D; n-D × 2-D multiplies the last axis; n-D × n-D is a
     * batched product over equal leading axes.
     */
    public Tensor matmul(Tensor other) {
        return LinAlg.matmul(this, other, false, false);
    }

    /** Matrix product with either operand transposed (last two axes), without materialising it. */
    public Tensor matmul(Tensor other, boolean transposeThis, boolean transposeOther) {
        return LinAlg.matmul(this, other, transposeThis, transposeOther);
    }

    // ------------------------------------------------------------------ comparisons (not differentiable)

    /** 1 where equal, else 0 (broadcasting). */
    public Tensor eq(Tensor other) {
        return Elementwise.compare(Elementwise.Cmp.EQ, this, other);
    }

    /** 1 where this &gt; other, else 0. */
    public Tensor gt(Tensor other) {
        return Elementwise.compare(Elementwise.Cmp.GT, this, other);
    }

    /** 1 where this &lt; other, else 0. */
    public Tensor lt(Tensor other) {
        return Elementwise.compare(Elementwise.Cmp.LT, this, other);
    }

    /** 1 where this &gt;= other, else 0. */
    public Tensor ge(Tensor other) {
        return Elementwise.compare(Elementwise.Cmp.GE, this, other);
    }

    /** 1 where this &lt;= other, else 0. */
    public Tensor le(Tensor other) {
        return Elementwise.compare(Elementwise.Cmp.LE, this, other);
    }

    /** 1 where not equal, else 0. */
    public Tensor ne(Tensor other) {
        return Elementwise.compare(Elementwise.Cmp.NE, this, other);
    }

    /** 1 where this &gt; s, else 0. */
    public Tensor gt(float s) {
        return Elementwise.compare(Elementwise.Cmp.GT, this, scalar(s));
    }

    /** 1 where this &lt; s, else 0. */
    public Tensor lt(float s) {
        return Elementwise.compare(Elementwise.Cmp.LT, this, scalar(s));
    }

    /** 1 where this &gt;= s, else 0. */
    public Tensor ge(float s) {
        return Elementwise.compare(Elementwise.Cmp.GE, this, scalar(s));
    }

    /** 1 where this &lt;= s, else 0. */
    public Tensor le(float s) {
        return Elementwise.compare(Elementwise.Cmp.LE, this, scalar(s));
    }

    /** 1 where this == s, else 0. */
    public Tensor eq(float s) {
        return Elementwise.compare(Elementwise.Cmp.EQ, this, scalar(s));
    }

    /** Whether any element is NaN or infinite. */
    public boolean hasNonFinite() {
        for (float v : data) {
            if (!Float.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #allClose(Tensor, float, float)} with numpy's tolerances, rtol 1e-5 and atol 1e-8. */
    public boolean allClose(Tensor other) {
        return allClose(other, 1e-5f, 1e-8f);
    }

    /** Same shape and every element within {@code atol + rtol * |other|}. */
    public boolean allClose(Tensor other, float rtol, float atol) {
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            float a = data[i], b = other.data[i];
            if (Float.isNaN(a) || Float.isNaN(b) || Math.abs(a - b) > atol + rtol * Math.abs(b)) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ text

    /** A readable rendering like numpy's repr, e.g. {@code tensor([[1., 2.], [3., 4.]], shape=(2, 2))}. */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
