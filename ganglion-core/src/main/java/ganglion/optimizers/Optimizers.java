package ganglion.optimizers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Looks optimizers up by their Keras names, as {@code keras.optimizers.get} does: the class name in any
 * case ("sgd", "SGD", "adam", "Adam", "rmsprop", "adagrad", "adamw", "nadam"), giving an instance with
 * Keras's default hyperparameters.
 */
public final class Optimizers {

    private static final Map<String, Supplier<Optimizer>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("sgd", SGD::new);
        BY_NAME.put("adam", Adam::new);
        BY_NAME.put("adamw", AdamW::new);
        BY_NAME.put("rmsprop", RMSprop::new);
        BY_NAME.put("adagrad", Adagrad::new);
        BY_NAME.put("nadam", Nadam::new);
    }

    private Optimizers() {
    }

    /**
     * A new optimizer with Keras's defaults.
     *
     * @throws IllegalArgumentException naming the valid names when the name is unknown
     */
    public static Optimizer get(String name) {
        Supplier<Optimizer> s = name == null ? null : BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("Could not interpret optimizer identifier: '" + name
                    + "'. Valid names (any case): " + names());
        }
        return s.get();
    }

    /** The names {@link #get} accepts, in lower case. */
    public static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }

    /**
     * Rebuilds an optimizer from its Keras class name and {@code get_config()} dictionary, as
     * {@code keras.optimizers.deserialize} does. Unknown keys are ignored; loss scaling and gradient
     * accumulation are not supported and must be absent or off.
     */
    public static Optimizer fromConfig(String className, Map<String, ?> config) {
        Optimizer o = get(className);
        Float lr = number(config, "learning_rate");
        if (lr != null) {
            o.setLearningRate(lr);
        }
        Float v;
        if ((v = number(config, "weight_decay")) != null) {
            o.weightDecay(v);
        }
        if ((v = number(config, "clipnorm")) != null) {
            o.clipNorm(v);
        }
        if ((v = number(config, "global_clipnorm")) != null) {
            o.globalClipnorm(v);
        }
        if ((v = number(config, "clipvalue")) != null) {
            o.clipValue(v);
        }
        if (Boolean.TRUE.equals(config.get("use_ema"))) {
            o.useEma(true);
            if ((v = number(config, "ema_momentum")) != null) {
                o.emaMomentum(v);
            }
            if (config.get("ema_overwrite_frequency") instanceof Number f) {
                o.emaOverwriteFrequency(f.intValue());
            }
        }
        if (o instanceof SGD sgd) {
            if ((v = number(config, "momentum")) != null) {
                sgd.momentum(v);
            }
            if (config.get("nesterov") instanceof Boolean b) {
                sgd.nesterov(b);
            }
        } else if (o instanceof Adam adam) {
            if ((v = number(config, "beta_1")) != null) {
                adam.beta1(v);
            }
            if ((v = number(config, "beta_2")) != null) {
                adam.beta2(v);
            }
            if ((v = number(config, "epsilon")) != null) {
                adam.epsilon(v);
            }
            if (config.get("amsgrad") instanceof Boolean b) {
                adam.amsgrad(b);
            }
        } else if (o instanceof RMSprop rms) {
            if ((v = number(config, "rho")) != null) {
                rms.rho(v);
            }
            if ((v = number(config, "momentum")) != null) {
                rms.momentum(v);
            }
            if ((v = number(config, "epsilon")) != null) {
                rms.epsilon(v);
            }
            if (config.get("centered") instanceof Boolean b) {
                rms.centered(b);
            }
        } else if (o instanceof Adagrad ada) {
            if ((v = number(config, "initial_accumulator_value")) != null) {
                ada.initialAccumulatorValue(v);
            }
            if ((v = number(config, "epsilon")) != null) {
                ada.epsilon(v);
            }
        } else if (o instanceof Nadam nadam) {
            if ((v = number(config, "beta_1")) != null) {
                nadam.beta1(v);
            }
            if ((v = number(config, "beta_2")) != null) {
                nadam.beta2(v);
            }
            if ((v = number(config, "epsilon")) != null) {
                nadam.epsilon(v);
            }
        }
        return o;
    }

    private static Float number(Map<String, ?> config, String key) {
        Object v = config.get(key);
        return v instanceof Number n ? n.floatValue() : null;
    }
}
