package ganglion.models;

import ganglion.Tensor;
import ganglion.internal.ops.Shapes;
import ganglion.layers.InputLayer;
import ganglion.layers.Layer;
import ganglion.layers.SymbolicTensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain stack of layers, each feeding the next, as Keras's {@code keras.Sequential}:
 * <pre>{@code
 * Sequential model = new Sequential();
 * model.add(new Flatten().inputShape(28, 28));
 * model.add(new Dense(128, "relu"));
 * model.add(new Dense(10, "softmax"));
 * }</pre>
 * When the input shape is known (the first layer's {@code inputShape(...)}, or {@code add(Input.of(...))})
 * every layer is built as it is added, so shape errors show at once and {@code summary()} works before
 * training; otherwise the model builds on its first batch. Default names are "sequential",
 * "sequential_1", ...
 */
public class Sequential extends Model {

    private final List<Layer> layers = new ArrayList<>();
    private final List<Layer> layersView = Collections.unmodifiableList(layers);
    private int[] inputShape;
    private Layer inputLayer;

    /** An empty model. */
    public Sequential() {
        name(); // take the default name now, in creation order, as Keras does
    }

    /** A model with these layers, added in order. */
    public Sequential(Layer... layers) {
        this();
        for (Layer l : layers) {
            add(l);
        }
    }

    /** A model with these layers, added in order. */
    public Sequential(List<? extends Layer> layers) {
        this();
        for (Layer l : layers) {
            add(l);
        }
    }

    /** Sets the model's name (before it is used). */
    @Override
    public Sequential name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Declares the input shape (without batch axis), as a first {@code Input}: builds every layer added so
     * far and every later one as it is added.
     */
    @Override
    public Sequential inputShape(int... shape) {
        if (inputShape != null) {
            throw new IllegalStateException("Sequential model '" + name() + "' already has input shape "
                    + Layer.withBatch(inputShape) + "; it cannot be changed");
        }
        super.inputShape(shape);
        buildChain(shape.clone());
        return this;
    }

    @Override
    public int[] declaredInputShape() {
        if (inputShape != null) {
            return inputShape.clone();
        }
        return layers.isEmpty() ? super.declaredInputShape() : layers.get(0).declaredInputShape();
    }

    /**
     * Adds a layer on top. If the model's input shape is known, the layer is built now, on the previous
     * layer's output shape (errors name the layer and both shapes). The first layer's
     * {@code inputShape(...)} fixes the model's input shape. An {@code InputLayer} sets the input instead.
     */
    public void add(Layer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("Sequential.add(): the layer must not be null");
        }
        if (layer instanceof InputLayer) {
            add(((InputLayer) layer).output());
            return;
        }
        if (layer == this) {
            throw new IllegalArgumentException("Sequential.add(): a model cannot be added to itself");
        }
        String n = layer.name();
        for (Layer l : layers) {
            if (l == layer) {
                throw new IllegalArgumentException("Sequential.add(): layer '" + n + "' is already in model '"
                        + name() + "'; create a new layer instead of adding the same one twice");
            }
            if (l.name().equals(n)) {
                throw new IllegalArgumentException("All layers added to a Sequential model should have unique names. "
                        + "Name '" + n + "' is already the name of a layer in model '" + name()
                        + "'. Pass a unique name with .name(...).");
            }
        }
        boolean inputFromLayer = false;
        if (layers.isEmpty() && inputShape == null && layer.declaredInputShape() != null) {
            inputShape = layer.declaredInputShape();
            inputFromLayer = true;
        }
        layers.add(layer);
        if (inputShape != null) {
            int[] in = layers.size() == 1 ? inputShape : layers.get(layers.size() - 2).outputShape();
            try {
                layer.ensureBuilt(in);
            } catch (RuntimeException e) {
                layers.remove(layers.size() - 1);
                if (inputFromLayer) {
                    inputShape = null;
                }
                throw e;
            }
        }
    }

    /**
     * Sets the model's input from {@code Input.of(shape)}, as Keras's {@code model.add(keras.Input(...))}.
     * Must come before any layer; the input is not listed in {@link #layers()}.
     */
    public void add(SymbolicTensor input) {
        if (input == null) {
            throw new IllegalArgumentException("Sequential.add(): the input must not be null");
        }
        if (!input.inputs().isEmpty()) {
            throw new IllegalArgumentException("Sequential.add() accepts layers, or a model input made by "
                    + "Input.of(...); received the output of layer '" + input.layer().name() + "'");
        }
        if (inputShape != null) {
            throw new IllegalArgumentException("Sequential model '" + name() + "' has already been configured to use "
                    + "input shape " + Layer.withBatch(inputShape) + ". You cannot add a different Input to it.");
        }
        if (!layers.isEmpty()) {
            throw new IllegalArgumentException("Sequential.add(Input): the input must be added before any layer "
                    + "(model '" + name() + "' already has " + layers.size() + ")");
        }
        inputShape = input.shape();
        inputLayer = input.layer();
    }

    /** Removes and returns the last layer, as Keras's {@code pop()}. The input shape stays. */
    public Layer pop() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("There are no layers in model '" + name() + "'.");
        }
        return layers.remove(layers.size() - 1);
    }

    /** The layers in order, without the input (Keras's {@code model.layers}). A read-only live view. */
    @Override
    public List<Layer> layers() {
        return layersView;
    }

    /** The input layer given through {@code add(Input.of(...))}, or null. */
    public Layer inputLayer() {
        return inputLayer;
    }

    // ------------------------------------------------------------------ building

    /** Builds every layer in turn on its predecessor's output shape. */
    @Override
    protected void build(int[] shape) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential model '" + name() + "' has no layers: add layers before "
                    + "building, fitting or predicting");
        }
        if (inputShape != null) {
            checkInputShape(shape);
        }
        buildChain(shape);
    }

    private void buildChain(int[] shape) {
        int[] s = shape;
        for (Layer l : layers) {
            l.ensureBuilt(s);
            s = l.outputShape();
        }
        if (inputShape == null) {
            inputShape = shape.clone();
        }
    }

    /** The first layer checks the input shape, so errors name it and both shapes. */
    @Override
    protected void checkInputShape(int[] shape) {
        if (!layers.isEmpty()) {
            layers.get(0).ensureBuilt(shape);
            return;
        }
        if (inputShape != null && !compatible(inputShape, shape)) {
            throw new IllegalArgumentException("Sequential model '" + name() + "' expects input of shape "
                    + Layer.withBatch(inputShape) + " but received input with shape " + Layer.withBatch(shape));
        }
    }

    private static boolean compatible(int[] expected, int[] shape) {
        if (expected.length != shape.length) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            if (expected[i] != -1 && shape[i] != -1 && expected[i] != shape[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the input shape is known and every layer is built. */
    @Override
    public boolean isBuilt() {
        if (inputShape == null || layers.isEmpty()) {
            return false;
        }
        for (Layer l : layers) {
            if (!l.isBuilt()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] builtInputShape() {
        return isBuilt() ? inputShape.clone() : null;
    }

    /** The last layer's output shape (without batch axis), or null while unbuilt. */
    @Override
    public int[] outputShape() {
        if (!isBuilt()) {
            return null;
        }
        return layers.get(layers.size() - 1).outputShape();
    }

    @Override
    public int[] computeOutputShape(int[] shape) {
        if (isBuilt() && compatible(inputShape, shape)) {
            return outputShape();
        }
        int[] s = shape;
        for (Layer l : layers) {
            s = l.computeOutputShape(s);
        }
        return s;
    }

    // ------------------------------------------------------------------ calling

    /** Runs the layers in order. */
    @Override
    public Tensor call(Tensor input, boolean training) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("Sequential model '" + name() + "' has no layers");
        }
        Tensor x = input;
        Tensor mask = null;   // Keras's mask protocol: Embedding(maskZero) or Masking start one
        for (int i = 0, n = layers.size(); i < n; i++) {
            Layer layer = layers.get(i);
            Tensor out = layer.apply(x, mask, training);
            mask = layer.computeMask(x, mask);
            x = out;
        }
        return x;
    }

    /**
     * Keras's config: name, trainable, dtype, each layer's class name and config, and the input shape with
     * a null batch axis as "build_input_shape" (when known). Saving code adds Keras's module and
     * registered-name entries.
     */
    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        List<Map<String, Object>> ls = new ArrayList<>();
        for (Layer l : layers) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("class_name", l.getClass().getSimpleName());
            entry.put("config", l.getConfig());
            ls.add(entry);
        }
        c.put("layers", ls);
        if (inputShape != null) {
            c.put("build_input_shape", shapeList(inputShape, true));
        }
        return c;
    }

    /** Keras's {@code build_config}: {"input_shape": [null, ...]}, or null while the input shape is unknown. */
    @Override
    public Map<String, Object> getBuildConfig() {
        if (inputShape == null) {
            return null;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("input_shape", shapeList(inputShape, true));
        return c;
    }

    @Override
    public String toString() {
        return "<Sequential name=" + name() + ", built=" + isBuilt() + ", layers=" + layers.size()
                + (inputShape == null ? "" : ", input=" + Shapes.str(inputShape)) + ">";
    }
}
