package ganglion.saving;

import ganglion.initializers.Initializer;
import ganglion.layers.*;
import ganglion.regularizers.Regularizer;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The factories for Ganglion's own layers, reading Keras 3 (and Keras 2) config keys. */
final class BuiltinLayers {

    private BuiltinLayers() {
    }

    static void registerAll(Map<String, LayerFactory> m) {
        m.put("Dense", c -> {
            Dense d = new Dense(c.getInt("units"), c.activation("activation", "linear"));
            d.useBias(c.getBool("use_bias", true));
            ifInit(c, "kernel_initializer", d::kernelInitializer);
            ifInit(c, "bias_initializer", d::biasInitializer);
            ifReg(c, "kernel_regularizer", d::kernelRegularizer);
            ifReg(c, "bias_regularizer", d::biasRegularizer);
            return d;
        });
        m.put("Activation", c -> new ganglion.layers.Activation(c.activation("activation", "linear")));
        m.put("Dropout", c -> {
            Dropout d = new Dropout(c.getDouble("rate"));
            Long seed = c.getLong("seed");
            if (seed != null) {
                d.seed(seed);
            }
            if (c.has("noise_shape")) {
                d.noiseShape(c.getShape("noise_shape"));
            }
            return d;
        });
        m.put("Flatten", c -> new Flatten().dataFormat(c.getString("data_format", "channels_last")));
        m.put("Reshape", c -> new Reshape(c.getShape("target_shape")));
        m.put("Conv2D", c -> {
            int[] k = c.getInts("kernel_size", 2);
            Conv2D l = new Conv2D(c.getInt("filters"), k[0], k[1]);
            int[] s = c.getInts("strides", 2);
            int[] d = c.has("dilation_rate") ? c.getInts("dilation_rate", 2) : new int[]{1, 1};
            channelsLast(c);
            l.strides(s[0], s[1]).padding(c.getString("padding", "valid")).dilationRate(d[0], d[1]);
            l.activation(c.activation("activation", "linear")).useBias(c.getBool("use_bias", true));
            ifInit(c, "kernel_initializer", l::kernelInitializer);
            ifInit(c, "bias_initializer", l::biasInitializer);
            ifReg(c, "kernel_regularizer", l::kernelRegularizer);
            ifReg(c, "bias_regularizer", l::biasRegularizer);
            return l;
        });
        m.put("DepthwiseConv2D", c -> {
            int[] k = c.getInts("kernel_size", 2);
            DepthwiseConv2D l = new DepthwiseConv2D(k[0], k[1]);
            int[] s = c.getInts("strides", 2);
            int[] d = c.has("dilation_rate") ? c.getInts("dilation_rate", 2) : new int[]{1, 1};
            if (d[0] != d[1]) {
                throw new IllegalArgumentException("DepthwiseConv2D '" + c.name() + "': only equal dilation rates are supported");
            }
            channelsLast(c);
            l.strides(s[0], s[1]).padding(c.getString("padding", "valid")).dilationRate(d[0]);
            l.depthMultiplier(c.getInt("depth_multiplier", 1));
            l.activation(c.activation("activation", "linear")).useBias(c.getBool("use_bias", true));
            ifInit(c, "depthwise_initializer", l::depthwiseInitializer);
            ifInit(c, "bias_initializer", l::biasInitializer);
            ifReg(c, "depthwise_regularizer", l::depthwiseRegularizer);
            ifReg(c, "bias_regularizer", l::biasRegularizer);
            return l;
        });
        m.put("ReLU", c -> {
            ReLU r = new ReLU();
            Object max = c.get("max_value");
            if (max instanceof Number n) {
                r.maxValue(n.floatValue());
            }
            r.negativeSlope(c.getDouble("negative_slope", 0));
            r.threshold(c.getDouble("threshold", 0));
            return r;
        });
        // Keras 3 writes negative_slope; Keras 2 files say alpha
        m.put("LeakyReLU", c -> new LeakyReLU(c.has("negative_slope") ? c.getDouble("negative_slope", 0.3)
                : c.getDouble("alpha", LeakyReLU.DEFAULT_NEGATIVE_SLOPE)));
        m.put("Conv2DTranspose", c -> {
            int[] k = c.getInts("kernel_size", 2);
            Conv2DTranspose l = new Conv2DTranspose(c.getInt("filters"), k[0], k[1]);
            int[] s = c.getInts("strides", 2);
            int[] d = c.has("dilation_rate") ? c.getInts("dilation_rate", 2) : new int[]{1, 1};
            channelsLast(c);
            l.strides(s[0], s[1]).padding(c.getString("padding", "valid")).dilationRate(d[0], d[1]);
            l.activation(c.activation("activation", "linear")).useBias(c.getBool("use_bias", true));
            ifInit(c, "kernel_initializer", l::kernelInitializer);
            ifInit(c, "bias_initializer", l::biasInitializer);
            ifReg(c, "kernel_regularizer", l::kernelRegularizer);
            ifReg(c, "bias_regularizer", l::biasRegularizer);
            return l;
        });
        m.put("SeparableConv2D", c -> {
            int[] k = c.getInts("kernel_size", 2);
            SeparableConv2D l = new SeparableConv2D(c.getInt("filters"), k[0], k[1]);
            int[] s = c.getInts("strides", 2);
            int[] d = c.has("dilation_rate") ? c.getInts("dilation_rate", 2) : new int[]{1, 1};
            channelsLast(c);
            l.strides(s[0], s[1]).padding(c.getString("padding", "valid")).dilationRate(d[0], d[1]);
            l.depthMultiplier(c.getInt("depth_multiplier", 1));
            l.activation(c.activation("activation", "linear")).useBias(c.getBool("use_bias", true));
            ifInit(c, "depthwise_initializer", l::depthwiseInitializer);
            ifInit(c, "pointwise_initializer", l::pointwiseInitializer);
            ifInit(c, "bias_initializer", l::biasInitializer);
            ifReg(c, "depthwise_regularizer", l::depthwiseRegularizer);
            ifReg(c, "pointwise_regularizer", l::pointwiseRegularizer);
            ifReg(c, "bias_regularizer", l::biasRegularizer);
            return l;
        });
        m.put("MaxPooling2D", c -> {
            int[] p = c.getInts("pool_size", 2);
            int[] s = c.has("strides") ? c.getInts("strides", 2) : p;
            channelsLast(c);
            return new MaxPooling2D(p[0], p[1]).strides(s[0], s[1]).padding(c.getString("padding", "valid"));
        });
        m.put("AveragePooling2D", c -> {
            int[] p = c.getInts("pool_size", 2);
            int[] s = c.has("strides") ? c.getInts("strides", 2) : p;
            channelsLast(c);
            return new AveragePooling2D(p[0], p[1]).strides(s[0], s[1]).padding(c.getString("padding", "valid"));
        });
        m.put("GlobalAveragePooling2D", c -> new GlobalAveragePooling2D().keepdims(c.getBool("keepdims", false)));
        m.put("GlobalMaxPooling2D", c -> new GlobalMaxPooling2D().keepdims(c.getBool("keepdims", false)));
        m.put("GlobalAveragePooling1D", c -> new GlobalAveragePooling1D().keepdims(c.getBool("keepdims", false)));
        m.put("GlobalMaxPooling1D", c -> new GlobalMaxPooling1D().keepdims(c.getBool("keepdims", false)));
        m.put("MaxPooling1D", c -> {
            int p = c.getInts("pool_size", 1)[0];
            int s = c.has("strides") ? c.getInts("strides", 1)[0] : p;
            return new MaxPooling1D(p).strides(s).padding(c.getString("padding", "valid"));
        });
        m.put("AveragePooling1D", c -> {
            int p = c.getInts("pool_size", 1)[0];
            int s = c.has("strides") ? c.getInts("strides", 1)[0] : p;
            return new AveragePooling1D(p).strides(s).padding(c.getString("padding", "valid"));
        });
        m.put("Conv1D", c -> {
            Conv1D l = new Conv1D(c.getInt("filters"), c.getInts("kernel_size", 1)[0]);
            l.strides(c.has("strides") ? c.getInts("strides", 1)[0] : 1);
            l.dilationRate(c.has("dilation_rate") ? c.getInts("dilation_rate", 1)[0] : 1);
            l.padding(c.getString("padding", "valid"));
            l.activation(c.activation("activation", "linear")).useBias(c.getBool("use_bias", true));
            ifInit(c, "kernel_initializer", l::kernelInitializer);
            ifInit(c, "bias_initializer", l::biasInitializer);
            ifReg(c, "kernel_regularizer", l::kernelRegularizer);
            ifReg(c, "bias_regularizer", l::biasRegularizer);
            return l;
        });
        m.put("BatchNormalization", c -> {
            BatchNormalization b = new BatchNormalization();
            Object axis = c.get("axis");
            if (axis instanceof List<?> l && l.size() == 1 && l.get(0) instanceof Number n) {
                b.axis(n.intValue());
            } else if (axis != null) {
                b.axis(c.getInt("axis"));
            }
            b.momentum(c.getDouble("momentum", 0.99)).epsilon(c.getDouble("epsilon", 1e-3));
            b.center(c.getBool("center", true)).scale(c.getBool("scale", true));
            ifInit(c, "beta_initializer", b::betaInitializer);
            ifInit(c, "gamma_initializer", b::gammaInitializer);
            ifInit(c, "moving_mean_initializer", b::movingMeanInitializer);
            ifInit(c, "moving_variance_initializer", b::movingVarianceInitializer);
            ifReg(c, "beta_regularizer", b::betaRegularizer);
            ifReg(c, "gamma_regularizer", b::gammaRegularizer);
            return b;
        });
        m.put("LayerNormalization", c -> {
            LayerNormalization l = new LayerNormalization();
            Object axis = c.get("axis");
            if (axis instanceof List<?> list) {
                int[] a = new int[list.size()];
                for (int i = 0; i < a.length; i++) {
                    if (!(list.get(i) instanceof Number n)) {
                        throw new IllegalArgumentException("LayerNormalization '" + c.name() + "': axis must be integers");
                    }
                    a[i] = n.intValue();
                }
                l.axis(a);
            } else if (axis != null) {
                l.axis(c.getInt("axis"));
            }
            l.epsilon((float) c.getDouble("epsilon", 1e-3)).center(c.getBool("center", true))
                    .scale(c.getBool("scale", true));
            ifInit(c, "beta_initializer", l::betaInitializer);
            ifInit(c, "gamma_initializer", l::gammaInitializer);
            ifReg(c, "beta_regularizer", l::betaRegularizer);
            ifReg(c, "gamma_regularizer", l::gammaRegularizer);
            return l;
        });
        m.put("ZeroPadding2D", c -> {
            Object p = c.get("padding");
            if (p instanceof List<?> l && l.size() == 2 && l.get(0) instanceof List<?> a && l.get(1) instanceof List<?> b
                    && a.size() == 2 && b.size() == 2) {
                return new ZeroPadding2D(num(a.get(0)), num(a.get(1)), num(b.get(0)), num(b.get(1)));
            }
            int[] hw = c.getInts("padding", 2);
            return new ZeroPadding2D(hw[0], hw[1]);
        });
        m.put("UpSampling2D", c -> {
            int[] s = c.getInts("size", 2);
            return new UpSampling2D(s[0], s[1]).interpolation(c.getString("interpolation", "nearest"));
        });
        m.put("SimpleRNN", c -> recurrent(new SimpleRNN(c.getInt("units")), c));
        m.put("LSTM", c -> recurrent(new LSTM(c.getInt("units")), c).unitForgetBias(c.getBool("unit_forget_bias", true)));
        m.put("GRU", c -> recurrent(new GRU(c.getInt("units")), c).resetAfter(c.getBool("reset_after", true)));
        m.put("Attention", c -> {
            Attention a = new Attention().useScale(c.getBool("use_scale", false))
                    .scoreMode(c.getString("score_mode", "dot")).dropout((float) c.getDouble("dropout", 0));
            Long seed = c.getLong("seed");
            if (seed != null) {
                a.seed(seed);
            }
            return a;
        });
        m.put("MultiHeadAttention", c -> {
            MultiHeadAttention a = new MultiHeadAttention(c.getInt("num_heads"), c.getInt("key_dim"));
            if (c.has("value_dim")) {
                a.valueDim(c.getInt("value_dim"));
            }
            a.dropout((float) c.getDouble("dropout", 0)).useBias(c.getBool("use_bias", true));
            if (c.has("output_shape")) {
                Object o = c.get("output_shape");
                a.outputShape(o instanceof List<?> l && l.size() == 1 ? num(l.get(0)) : c.getInt("output_shape"));
            }
            ifInit(c, "kernel_initializer", a::kernelInitializer);
            ifInit(c, "bias_initializer", a::biasInitializer);
            Long seed = c.getLong("seed");
            if (seed != null) {
                a.seed(seed);
            }
            return a;
        });
        Optional.register(m);
    }

    private static <T extends Recurrent<T>> T recurrent(T r, LayerConfig c) {
        r.activation(c.activation("activation", "tanh"));
        if (c.has("recurrent_activation")) {
            r.recurrentActivation(c.activation("recurrent_activation", "sigmoid"));
        }
        r.useBias(c.getBool("use_bias", true)).returnSequences(c.getBool("return_sequences", false))
                .returnState(c.getBool("return_state", false)).goBackwards(c.getBool("go_backwards", false))
                .zeroOutputForMask(c.getBool("zero_output_for_mask", false))
                .dropout(c.getDouble("dropout", 0)).recurrentDropout(c.getDouble("recurrent_dropout", 0));
        if (c.getBool("stateful", false)) {
            throw new IllegalArgumentException("layer '" + c.name() + "' (" + c.className()
                    + "): stateful=True is not supported by Ganglion");
        }
        Long seed = c.getLong("seed");
        if (seed != null) {
            r.seed(seed);
        }
        ifInit(c, "kernel_initializer", r::kernelInitializer);
        ifInit(c, "recurrent_initializer", r::recurrentInitializer);
        ifInit(c, "bias_initializer", r::biasInitializer);
        ifReg(c, "kernel_regularizer", r::kernelRegularizer);
        ifReg(c, "recurrent_regularizer", r::recurrentRegularizer);
        ifReg(c, "bias_regularizer", r::biasRegularizer);
        return r;
    }

    private static int num(Object o) {
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("expected an integer, found " + o);
    }

    private static void channelsLast(LayerConfig c) {
        String f = c.getString("data_format", "channels_last");
        if (!"channels_last".equals(f)) {
            throw new IllegalArgumentException("layer '" + c.name() + "' (" + c.className() + "): data_format='"
                    + f + "' is not supported; Ganglion uses channels_last");
        }
    }

    private static void ifInit(LayerConfig c, String key, Consumer<Initializer> set) {
        Initializer i = c.initializer(key);
        if (i != null) {
            set.accept(i);
        }
    }

    private static void ifReg(LayerConfig c, String key, Consumer<Regularizer> set) {
        Regularizer r = c.regularizer(key);
        if (r != null) {
            set.accept(r);
        }
    }

    /** Layers written by other engineers that may not exist yet in this build: none for now. */
    static final class Optional {
        private Optional() {
        }

        static void register(Map<String, LayerFactory> m) {
            m.put("Embedding", c -> {
                Embedding e = new Embedding(c.getInt("input_dim"), c.getInt("output_dim"))
                        .maskZero(c.getBool("mask_zero", false));
                if (c.has("input_length")) {
                    e.inputLength(c.getInt("input_length"));
                }
                ifInit(c, "embeddings_initializer", e::embeddingsInitializer);
                ifReg(c, "embeddings_regularizer", e::embeddingsRegularizer);
                return e;
            });
            m.put("Masking", c -> new Masking((float) c.getDouble("mask_value", 0)));
            m.put("Rescaling", c -> new Rescaling(c.getDouble("scale"), c.getDouble("offset", 0)));
            m.put("RandomFlip", c -> {
                RandomFlip r = new RandomFlip(c.getString("mode", "horizontal_and_vertical"));
                return seeded(r, c, r::seed);
            });
            m.put("RandomRotation", c -> {
                RandomRotation r = new RandomRotation(pair(c, "factor"));
                r.fillMode(c.getString("fill_mode", "reflect")).interpolation(c.getString("interpolation", "bilinear"))
                        .fillValue(c.getDouble("fill_value", 0));
                return seeded(r, c, r::seed);
            });
            m.put("RandomZoom", c -> {
                RandomZoom r = new RandomZoom(pair(c, "height_factor"));
                if (c.has("width_factor")) {
                    r.widthFactor(pair(c, "width_factor"));
                }
                r.fillMode(c.getString("fill_mode", "reflect")).interpolation(c.getString("interpolation", "bilinear"))
                        .fillValue(c.getDouble("fill_value", 0));
                return seeded(r, c, r::seed);
            });
            m.put("RandomTranslation", c -> {
                RandomTranslation r = new RandomTranslation(pair(c, "height_factor"), pair(c, "width_factor"));
                r.fillMode(c.getString("fill_mode", "reflect")).interpolation(c.getString("interpolation", "bilinear"))
                        .fillValue(c.getDouble("fill_value", 0));
                return seeded(r, c, r::seed);
            });
            m.put("Add", c -> new Add());
            m.put("Subtract", c -> new Subtract());
            m.put("Multiply", c -> new Multiply());
            m.put("Average", c -> new Average());
            m.put("Maximum", c -> new Maximum());
            m.put("Minimum", c -> new Minimum());
            m.put("Concatenate", c -> new Concatenate(c.getInt("axis", -1)));
            m.put("Dot", c -> {
                int[] a = c.getInts("axes", 2);
                return new Dot(a[0], a[1]).normalize(c.getBool("normalize", false));
            });
            m.put("Bidirectional", c -> {
                Layer inner = nested(c, "layer");
                if (!(inner instanceof Recurrent<?> r)) {
                    throw new IllegalArgumentException("Bidirectional '" + c.name() + "' wraps "
                            + inner.getClass().getSimpleName() + "; it needs a recurrent layer");
                }
                Object mode = c.get("merge_mode");
                return mode == null && c.map().containsKey("merge_mode") ? new Bidirectional(r, null)
                        : new Bidirectional(r, c.getString("merge_mode", "concat"));
            });
            m.put("TimeDistributed", c -> new TimeDistributed(nested(c, "layer")));
        }

        private static <L extends Layer> L seeded(L l, LayerConfig c, java.util.function.LongConsumer setSeed) {
            Long seed = c.getLong("seed");
            if (seed != null) {
                setSeed.accept(seed);
            }
            return l;
        }

        private static double[] pair(LayerConfig c, String key) {
            Object v = c.get(key);
            if (v instanceof Number n) {
                return new double[]{-n.doubleValue(), n.doubleValue()};
            }
            if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
                return new double[]{a.doubleValue(), b.doubleValue()};
            }
            throw new IllegalArgumentException("layer '" + c.name() + "' (" + c.className() + "): '" + key
                    + "' must be a number or a pair of numbers");
        }

        @SuppressWarnings("unchecked")
        private static Layer nested(LayerConfig c, String key) {
            if (!(c.get(key) instanceof Map<?, ?> inner)) {
                throw new IllegalArgumentException("layer '" + c.name() + "' (" + c.className() + ") has no '" + key
                        + "' to wrap");
            }
            try {
                return ModelConfigs.deserializeLayer((Map<String, Object>) inner, null, 1);
            } catch (GanglionFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
