package ganglion.activations;

import ganglion.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Keras's built-in activation functions ({@code keras.activations}), as constants and by name through
 * {@link #get(String)}. Each is composed of differentiable {@link Tensor} ops, so gradients come for free.
 *
 * <p>Defaults follow Keras 3: {@code leaky_relu} uses {@code negative_slope=0.2}, {@code elu} {@code alpha=1},
 * {@code gelu} the exact erf form, {@code hard_sigmoid} is {@code relu6(x + 3) / 6}, and {@code swish} is an
 * alias of {@code silu} (so it serialises as "silu", as in Keras).
 */
public final class Activations {

    /** {@code x}: no activation (Keras's default for Dense when none is given). */
    public static final Activation LINEAR = new Named("linear", x -> x);
    /** {@code max(x, 0)}. */
    public static final Activation RELU = new Named("relu", Tensor::relu);
    /** {@code 1 / (1 + exp(-x))}. */
    public static final Activation SIGMOID = new Named("sigmoid", Tensor::sigmoid);
    /** Hyperbolic tangent. */
    public static final Activation TANH = new Named("tanh", Tensor::tanh);
    /** Softmax over the last axis. */
    public static final Activation SOFTMAX = new Named("softmax", x -> x.softmax());
    /** {@code log(exp(x) + 1)}. */
    public static final Activation SOFTPLUS = new Named("softplus", Tensor::softplus);
    /** {@code x / (|x| + 1)}. */
    public static final Activation SOFTSIGN = new Named("softsign", x -> x.div(x.abs().add(1f)));
    /** {@code x} if {@code x > 0}, else {@code exp(x) - 1} (alpha 1). */
    public static final Activation ELU = new Named("elu", x -> x.elu(1f));
    /** Scaled ELU with Keras's constants (alpha 1.67326324, scale 1.05070098). */
    public static final Activation SELU = new Named("selu", Tensor::selu);
    /** Gaussian error linear unit, exact (erf) form as Keras's default {@code approximate=False}. */
    public static final Activation GELU = new Named("gelu", x -> x.gelu());
    /** {@code x * sigmoid(x)}; Keras's name is "silu" and "swish" is its alias. */
    public static final Activation SILU = new Named("silu", Tensor::swish);
    /** Alias of {@link #SILU}. */
    public static final Activation SWISH = SILU;
    /** {@code x} if {@code x > 0}, else {@code 0.2 * x} (Keras 3's default negative slope). */
    public static final Activation LEAKY_RELU = new Named("leaky_relu", x -> x.leakyRelu(0.2f));
    /** {@code min(max(x, 0), 6)}. */
    public static final Activation RELU6 = new Named("relu6", x -> x.clip(0f, 6f));
    /** {@code relu6(x + 3) / 6}, i.e. {@code clip(x / 6 + 0.5, 0, 1)}. */
    public static final Activation HARD_SIGMOID = new Named("hard_sigmoid", Activations::hardSigmoid);
    /** {@code x * hard_sigmoid(x)}; "hard_swish" is its alias. */
    public static final Activation HARD_SILU = new Named("hard_silu", x -> x.mul(hardSigmoid(x)));
    /** {@code exp(x)}. */
    public static final Activation EXPONENTIAL = new Named("exponential", Tensor::exp);
    /** {@code x * tanh(softplus(x))}. */
    public static final Activation MISH = new Named("mish", x -> x.mul(x.softplus().tanh()));
    /** Log of the softmax over the last axis, computed stably. */
    public static final Activation LOG_SOFTMAX = new Named("log_softmax", Tensor::logSoftmax);

    private static final Map<String, Activation> BY_NAME = buildRegistry();

    private Activations() {
    }

    private static Map<String, Activation> buildRegistry() {
        Map<String, Activation> m = new LinkedHashMap<>();
        for (Activation a : new Activation[]{RELU, SIGMOID, TANH, SOFTMAX, SOFTPLUS, SOFTSIGN, LINEAR, ELU, SELU,
                GELU, SILU, LEAKY_RELU, RELU6, HARD_SIGMOID, HARD_SILU, EXPONENTIAL, MISH, LOG_SOFTMAX}) {
            m.put(a.name(), a);
        }
        m.put("swish", SILU);
        m.put("hard_swish", HARD_SILU);
        return Collections.unmodifiableMap(m);
    }

    /**
     * The activation with a Keras name, as {@code keras.activations.get(name)}; null gives {@link #LINEAR}.
     *
     * @throws IllegalArgumentException for an unknown name; the message lists the valid ones
     */
    public static Activation get(String name) {
        if (name == null) {
            return LINEAR;
        }
        Activation a = BY_NAME.get(name);
        if (a == null) {
            throw new IllegalArgumentException("Could not interpret activation function identifier: '" + name
                    + "'. Valid names: " + String.join(", ", BY_NAME.keySet()));
        }
        return a;
    }

    /** The names {@link #get} accepts, aliases included. */
    public static java.util.Set<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * The activation as a layer config stores it, as {@code keras.activations.serialize}: its name
     * (e.g. "relu"; "swish" gives "silu").
     */
    public static String serialize(Activation activation) {
        return activation == null ? LINEAR.name() : activation.name();
    }

    private static Tensor hardSigmoid(Tensor x) {
        return x.mul(1f / 6f).add(0.5f).clip(0f, 1f);
    }

    /** A named tensor function. */
    static final class Named implements Activation {
        private final String name;
        private final UnaryOperator<Tensor> fn;

        Named(String name, UnaryOperator<Tensor> fn) {
            this.name = name;
            this.fn = fn;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Tensor apply(Tensor x) {
            return fn.apply(x);
        }

        @Override
        public String toString() {
            return "Activation(" + name + ")";
        }
    }
}
