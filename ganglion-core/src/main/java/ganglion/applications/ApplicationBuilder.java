package ganglion.applications;

import ganglion.layers.GlobalAveragePooling2D;
import ganglion.layers.GlobalMaxPooling2D;
import ganglion.layers.Input;
import ganglion.layers.SymbolicTensor;
import ganglion.models.Model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The options every Keras application takes ({@code include_top}, {@code weights}, {@code input_shape},
 * {@code pooling}, {@code classes}, {@code classifier_activation}, {@code name}), with Keras's defaults and
 * checks ({@code imagenet_utils.obtain_input_shape}). Each application's builder extends it.
 *
 * @param <B> the concrete builder, returned by the setters
 */
public abstract class ApplicationBuilder<B extends ApplicationBuilder<B>> {

    private boolean includeTop = true;
    private Path weights;
    private boolean imagenet;
    private int[] inputShape;
    private String pooling;
    private int classes = 1000;
    private String classifierActivation = "softmax";
    private String name;

    protected ApplicationBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** @param includeTop whether to add the classifier on top; default true */
    public B includeTop(boolean includeTop) {
        this.includeTop = includeTop;
        return self();
    }

    /**
     * @param path a Keras weight file (e.g. {@code vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5}) loaded
     *             with {@code model.loadWeights}, or null for random initialisation (the default here; Keras's
     *             default "imagenet" downloads, which Ganglion never does unasked: see {@link #imagenetWeights()})
     */
    public B weights(Path path) {
        this.weights = path;
        this.imagenet = false;
        return self();
    }

    /**
     * Keras's {@code weights="imagenet"}: loads Keras's published file for this configuration from the local
     * folders {@link Applications#weightsPath} searches (no download; the error says where to get it).
     * (A {@code weights(String)} overload would make API.md's {@code weights(null)} ambiguous, hence the name.)
     */
    public B imagenetWeights() {
        this.weights = null;
        this.imagenet = true;
        return self();
    }

    /** @param shape (height, width, channels) of one image; default (224, 224, 3) */
    public B inputShape(int... shape) {
        if (shape != null && shape.length != 3) {
            throw new IllegalArgumentException(appName() + ": input_shape must be (height, width, channels), got "
                    + Arrays.toString(shape));
        }
        this.inputShape = shape == null ? null : shape.clone();
        return self();
    }

    /** @param pooling with {@code includeTop(false)}: "avg", "max" or null (4-D feature maps); default null */
    public B pooling(String pooling) {
        if (pooling != null && !pooling.equals("avg") && !pooling.equals("max")) {
            throw new IllegalArgumentException(appName() + ": pooling must be \"avg\", \"max\" or null, got '"
                    + pooling + "'");
        }
        this.pooling = pooling;
        return self();
    }

    /** @param classes classifier outputs with {@code includeTop(true)}; default 1000 */
    public B classes(int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException(appName() + ": classes must be positive, got " + classes);
        }
        this.classes = classes;
        return self();
    }

    /** @param activation the classifier's activation name; null or "linear" gives logits; default "softmax" */
    public B classifierActivation(String activation) {
        this.classifierActivation = activation;
        return self();
    }

    /** @param name the model's name; default Keras's ("vgg16", "resnet50", "mobilenetv2_1.00_224", ...) */
    public B name(String name) {
        this.name = name;
        return self();
    }

    /** Builds the model (and loads the weights when given). */
    public abstract Model build();

    // ------------------------------------------------------------------ for the applications

    /** Keras's application name for messages, e.g. "VGG16". */
    protected abstract String appName();

    /** Keras's file name of the published weights for this configuration. */
    protected abstract String kerasWeightFile(int[] inputShape);

    /** The input shape given with {@link #inputShape}, or null. */
    protected int[] requestedShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    protected boolean top() {
        return includeTop;
    }

    protected int classes() {
        return classes;
    }

    protected String activation() {
        return classifierActivation == null ? "linear" : classifierActivation;
    }

    protected String modelName(String keras) {
        return name == null ? keras : name;
    }

    protected String poolingMode() {
        return pooling;
    }

    /**
     * Keras's {@code obtain_input_shape}: the given shape or (default, default, 3), checked: at least
     * {@code minSize} square pixels; with ImageNet weights, 3 channels and (with the top) exactly the default size.
     */
    protected int[] resolveInputShape(int defaultSize, int minSize) {
        int[] def = {defaultSize, defaultSize, 3};
        if (imagenet && includeTop && classes != 1000) {
            throw new IllegalArgumentException("If using `weights='imagenet'` with `include_top=True`, `classes` "
                    + "should be 1000.  Received classes=" + classes);
        }
        if (inputShape == null) {
            return def;
        }
        int[] s = inputShape.clone();
        if (imagenet && s[2] != 3) {
            throw new IllegalArgumentException(appName() + ": the input must have 3 channels; Received "
                    + "`input_shape=" + Arrays.toString(s) + "`");
        }
        if (imagenet && includeTop && !Arrays.equals(s, def)) {
            throw new IllegalArgumentException(appName() + ": when setting `include_top=True` and loading "
                    + "`imagenet` weights, `input_shape` should be " + Arrays.toString(def) + ".  Received: "
                    + "input_shape=" + Arrays.toString(s));
        }
        if ((s[0] > 0 && s[0] < minSize) || (s[1] > 0 && s[1] < minSize)) {
            throw new IllegalArgumentException(appName() + ": input size must be at least " + minSize + "x"
                    + minSize + "; Received: input_shape=" + Arrays.toString(s));
        }
        if (includeTop && (s[0] < 0 || s[1] < 0) && requiresFixedSizeWithTop()) {
            throw new IllegalArgumentException(appName() + ": with include_top=True the input size must be known; "
                    + "Received: input_shape=" + Arrays.toString(s));
        }
        return s;
    }

    /** Whether the top needs a known image size (VGG's Flatten); global-pooling tops do not. */
    protected boolean requiresFixedSizeWithTop() {
        return false;
    }

    /** The image input. */
    protected SymbolicTensor input(int[] shape) {
        return Input.of(shape);
    }

    /** Keras's {@code pooling} for a model without top; layer names as the application gives them (null: default). */
    protected SymbolicTensor pool(SymbolicTensor x, String avgName, String maxName) {
        if ("avg".equals(pooling)) {
            GlobalAveragePooling2D p = new GlobalAveragePooling2D();
            if (avgName != null) {
                p.name(avgName);
            }
            return p.apply(x);
        }
        if ("max".equals(pooling)) {
            GlobalMaxPooling2D p = new GlobalMaxPooling2D();
            if (maxName != null) {
                p.name(maxName);
            }
            return p.apply(x);
        }
        return x;
    }

    /** Loads the weights into the built model, as Keras's {@code model.load_weights(weights)}. */
    protected Model finish(Model model, int[] inputShape) {
        Path w = weights;
        if (imagenet) {
            w = Applications.weightsPath(kerasWeightFile(inputShape));
        }
        if (w != null) {
            if (!Files.isRegularFile(w)) {
                throw new IllegalArgumentException("The `weights` argument should be either `null` (random "
                        + "initialization), \"imagenet\" (pre-training on ImageNet), or the path to the weights file "
                        + "to be loaded.  Received: weights=" + w + " (no such file)");
            }
            model.loadWeights(w);
        }
        return model;
    }
}
