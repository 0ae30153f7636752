package ganglion.optimizers;

import ganglion.Tensor;
import ganglion.Variable;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of every optimizer, as Keras 3's {@code keras.optimizers.Optimizer}: it keeps an iteration
 * counter, a learning rate and per-variable slots (Adam's m and v...), and updates weights in place from
 * their gradients. State order, for saving, is Keras's: iteration, learning rate, then each variable's
 * slots interleaved (m0, v0, m1, v1, ...).
 */
public abstract class Optimizer {

    private final String name;
    private float learningRate;
    private long iterations;
    private Float clipNorm;
    private Float clipValue;
    private final Map<Variable, float[][]> slots = new IdentityHashMap<>();
    private final List<Variable> built = new ArrayList<>();

    protected Optimizer(String name, float learningRate) {
        if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException(name + ": learning rate must be a non-negative number, got " + learningRate);
        }
        this.name = name;
        this.learningRate = learningRate;
    }

    /** Keras's name of the optimizer class in snake case, e.g. "adam". */
    public String name() {
        return name;
    }

    public float learningRate() {
        return learningRate;
    }

    /** Changes the learning rate (used by schedules and ReduceLROnPlateau). */
    public void setLearningRate(float lr) {
        if (!(lr >= 0)) {
            throw new IllegalArgumentException(name + ": learning rate must be non-negative, got " + lr);
        }
        this.learningRate = lr;
    }

    /** Number of updates applied so far (Keras's {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    /** Restores the iteration counter (when loading saved state). */
    public void setIterations(long iterations) {
        this.iterations = iterations;
    }

    /** Clips each gradient to this L2 norm (Keras's {@code clipnorm}). */
    public Optimizer clipNorm(float norm) {
        this.clipNorm = norm;
        return this;
    }

    /** Clips each gradient value to [-v, v] (Keras's {@code clipvalue}). */
    public Optimizer clipValue(float v) {
        this.clipValue = v;
        return this;
    }

    /** Number of slot arrays per variable (Adam: 2, SGD with momentum: 1, plain SGD: 0). */
    protected abstract int slotsPerVariable();

    /**
     * Updates one weight in place. {@code t} is the 1-based step number (iterations + 1);
     * {@code slots} are this variable's slot arrays, each as long as {@code w}.
     */
    protected abstract void update(float[] w, float[] g, float[][] slots, long t, float lr);

    /** Applies one step to every trainable variable that has a gradient, then zeroes the gradients. */
    public void apply(List<Variable> variables) {
        long t = iterations + 1;
        for (Variable v : variables) {
            if (!v.trainable()) {
                continue;
            }
            float[] g = v.gradBuffer();
            if (g == null) {
                continue;
            }
            clip(g);
            update(v.value().buffer(), g, slotsOf(v), t, learningRate);
            java.util.Arrays.fill(g, 0f);
        }
        iterations = t;
    }

    private void clip(float[] g) {
        if (clipValue != null) {
            float c = clipValue;
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.max(-c, Math.min(c, g[i]));
            }
        }
        if (clipNorm != null) {
            double ss = 0;
            for (float x : g) {
                ss += (double) x * x;
            }
            double norm = Math.sqrt(ss);
            if (norm > clipNorm) {
                float s = (float) (clipNorm / norm);
                for (int i = 0; i < g.length; i++) {
                    g[i] *= s;
                }
            }
        }
    }

    private float[][] slotsOf(Variable v) {
        float[][] s = slots.get(v);
        if (s == null) {
            int n = (int) v.size();
            s = new float[slotsPerVariable()][n];
            slots.put(v, s);
            built.add(v);
        }
        return s;
    }

    /** Creates the slots for these variables now (Keras's {@code optimizer.build}). */
    public void build(List<Variable> variables) {
        for (Variable v : variables) {
            if (v.trainable()) {
                slotsOf(v);
            }
        }
    }

    /** The variables this optimizer has slots for, in the order they were built. */
    public List<Variable> builtVariables() {
        return List.copyOf(built);
    }

    /**
     * The optimizer's state as Keras saves it: iteration, learning rate, then each built variable's slots
     * interleaved, each slot shaped like its variable.
     */
    public List<Tensor> stateTensors() {
        List<Tensor> r = new ArrayList<>();
        r.add(Tensor.scalar(iterations));
        r.add(Tensor.scalar(learningRate));
        for (Variable v : built) {
            for (float[] s : slots.get(v)) {
                r.add(Tensor.wrap(s.clone(), v.shape()));
            }
        }
        return r;
    }

    /** Restores state written by {@link #stateTensors()} for the given variables (in the same order). */
    public void loadState(List<Tensor> state, List<Variable> variables) {
        int per = slotsPerVariable();
        int trainable = 0;
        for (Variable v : variables) {
            if (v.trainable()) {
                trainable++;
            }
        }
        if (state.size() != 2 + per * trainable) {
            throw new IllegalArgumentException(name + ": saved optimizer state has " + state.size()
                    + " tensors, expected " + (2 + per * trainable) + " for " + trainable + " trainable variables");
        }
        iterations = (long) state.get(0).item();
        learningRate = state.get(1).item();
        int i = 2;
        for (Variable v : variables) {
            if (!v.trainable()) {
                continue;
            }
            float[][] s = slotsOf(v);
            for (int k = 0; k < per; k++) {
                float[] src = state.get(i++).buffer();
                if (src.length != s[k].length) {
                    throw new IllegalArgumentException(name + ": saved slot for " + v.path() + " has "
                            + src.length + " values, expected " + s[k].length);
                }
                System.arraycopy(src, 0, s[k], 0, src.length);
            }
        }
    }

    /** Keras config keys and values, e.g. {"name": "adam", "learning_rate": 0.001, ...}. */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("learning_rate", (double) learningRate);
        c.put("clipnorm", clipNorm == null ? null : (double) clipNorm);
        c.put("clipvalue", clipValue == null ? null : (double) clipValue);
        return c;
    }
}
