package ganglion.optimizers;

import ganglion.Tensor;
import ganglion.Variable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The base of every optimizer, as Keras 3's {@code keras.optimizers.Optimizer}: it keeps an iteration
 * counter, a learning rate and per-variable slots (Adam's m and v...), and updates weights in place from
 * their gradients.
 *
 * <p>One {@link #apply} step does what Keras's {@code apply_gradients} does, in its order: build slots for
 * every trainable variable not seen before, clip the gradients ({@code clipnorm}, {@code global_clipnorm} or
 * {@code clipvalue}: at most one), apply decoupled weight decay {@code w -= w * weight_decay * lr}, run each
 * variable's update rule with {@code t = iterations + 1}, update the moving averages of the weights when {@link
 * #useEma} is on (and overwrite the weights with them every {@link #emaOverwriteFrequency} steps), then count the
 * iteration.
 *
 * <p>State order, for saving, is Keras's {@code optimizer.variables}: iteration, learning rate, the moving
 * averages when EMA is on (one per variable, {@code <path>_average}), then the slots.
 * Slots created together are interleaved per variable (Adam: m0, v0, m1, v1, ...); slots Keras creates in a
 * later pass follow as their own block (AMSGrad's v-hat, RMSprop's momentum and average gradient). Any extra
 * scalar state (Nadam's u-product) comes last.
 */
public abstract class Optimizer {

    private final String name;
    private float learningRate;
    private long iterations;
    private Float clipNorm;
    private Float clipValue;
    private Float globalClipNorm;
    private Float weightDecay;
    private final Map<Variable, float[][]> slots = new IdentityHashMap<>();
    private final List<Variable> built = new ArrayList<>();
    private final Set<Variable> noDecay = Collections.newSetFromMap(new IdentityHashMap<>());
    private Pattern noDecayNames;
    private boolean useEma;
    private float emaMomentum = 0.99f;
    private Integer emaOverwriteFrequency;
    /** Moving average of each built variable's value, when EMA is on (Keras's {@code <path>_average}). */
    private final Map<Variable, float[]> averages = new IdentityHashMap<>();

    protected Optimizer(String name, float learningRate) {
        this.name = name;
        this.learningRate = checkLearningRate(learningRate);
    }

    private float checkLearningRate(float lr) {
        if (!(lr >= 0) || Float.isInfinite(lr)) {
            throw new IllegalArgumentException(name + ": learning rate must be a non-negative number, got " + lr);
        }
        return lr;
    }

    /** Keras's name of the optimizer, e.g. "adam" ("SGD" for SGD, as in Keras). */
    public String name() {
        return name;
    }

    public float learningRate() {
        return learningRate;
    }

    /** Changes the learning rate (used by schedules and ReduceLROnPlateau). */
    public void setLearningRate(float lr) {
        this.learningRate = checkLearningRate(lr);
    }

    /** As {@link #setLearningRate(float)}, for a double literal such as {@code 1e-3}. */
    public void setLearningRate(double lr) {
        setLearningRate((float) lr);
    }

    /** Number of updates applied so far (Keras's {@code optimizer.iterations}). */
    public long iterations() {
        return iterations;
    }

    /** Restores the iteration counter (when loading saved state). */
    public void setIterations(long iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException(name + ": iterations must be >= 0, got " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * Rescales each gradient whose L2 norm exceeds {@code norm} to that norm (Keras's {@code clipnorm}).
     *
     * @param norm positive; by default gradients are not clipped
     */
    public Optimizer clipNorm(float norm) {
        checkClip("clipnorm", norm, clipValue == null && globalClipNorm == null);
        this.clipNorm = norm;
        return this;
    }

    /** As {@link #clipNorm(float)}, for a double literal such as {@code 1e-3}. */
    public Optimizer clipNorm(double norm) {
        return clipNorm((float) norm);
    }

    /**
     * Clips each gradient value to [-v, v] (Keras's {@code clipvalue}).
     *
     * @param v positive; by default gradients are not clipped
     */
    public Optimizer clipValue(float v) {
        checkClip("clipvalue", v, clipNorm == null && globalClipNorm == null);
        this.clipValue = v;
        return this;
    }

    /** As {@link #clipValue(float)}, for a double literal such as {@code 1e-3}. */
    public Optimizer clipValue(double v) {
        return clipValue((float) v);
    }

    /**
     * Rescales all gradients together when their joint L2 norm exceeds {@code norm} (Keras's
     * {@code global_clipnorm}).
     *
     * @param norm positive; by default gradients are not clipped
     */
    public Optimizer globalClipnorm(float norm) {
        checkClip("global_clipnorm", norm, clipNorm == null && clipValue == null);
        this.globalClipNorm = norm;
        return this;
    }

    /** As {@link #globalClipnorm(float)}, for a double literal such as {@code 1e-3}. */
    public Optimizer globalClipnorm(double norm) {
        return globalClipnorm((float) norm);
    }

    private void checkClip(String what, float v, boolean alone) {
        if (!(v > 0) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": " + what + " must be a positive number, got " + v);
        }
        if (!alone) {
            throw new IllegalArgumentException(name + ": only one of `clipnorm`, `clipvalue` and `global_clipnorm` "
                    + "can be set. Received: clipnorm=" + clipNorm + ", clipvalue=" + clipValue
                    + ", global_clipnorm=" + globalClipNorm + ", and now " + what + "=" + v);
        }
    }

    /**
     * Decoupled weight decay (Keras's {@code weight_decay}): before each update, {@code w -= w * decay * lr}.
     *
     * @param decay non-negative; by default none (AdamW: 0.004)
     */
    public Optimizer weightDecay(float decay) {
        if (!(decay >= 0) || Float.isInfinite(decay)) {
            throw new IllegalArgumentException(name + ": weight_decay must be a non-negative number, got " + decay);
        }
        this.weightDecay = decay;
        return this;
    }

    /** As {@link #weightDecay(float)}, for a double literal such as {@code 1e-3}. */
    public Optimizer weightDecay(double decay) {
        return weightDecay((float) decay);
    }

    /** The weight decay, or null when none is applied. */
    public Float weightDecay() {
        return weightDecay;
    }

    /**
     * Keeps these variables, and variables whose name contains any of {@code names}, out of weight decay
     * (Keras's {@code exclude_from_weight_decay}; e.g. {@code names = "bias"}). Must be called before the first
     * step.
     */
    public Optimizer excludeFromWeightDecay(List<Variable> variables, String... names) {
        if (!built.isEmpty()) {
            throw new IllegalStateException(name + ": exclude_from_weight_decay() can only be configured before "
                    + "the optimizer is built");
        }
        noDecay.clear();
        if (variables != null) {
            noDecay.addAll(variables);
        }
        noDecayNames = names == null || names.length == 0 ? null
                : Pattern.compile(String.join("|", Arrays.stream(names).map(Pattern::quote).toList()));
        return this;
    }

    // ------------------------------------------------------------------ what subclasses describe

    /**
     * Keeps an exponential moving average of the weights (Keras's {@code use_ema}): after every step, {@code average
     * = ema_momentum * average + (1 - ema_momentum) * weight} (the first step copies the weight). {@code fit} puts
     * the averages into the weights when it ends ({@link #finalizeVariableValues}); so does every {@link
     * #emaOverwriteFrequency}-th step when that is set. Set it before the first step.
     */
    public Optimizer useEma(boolean on) {
        checkNotBuilt("useEma");
        this.useEma = on;
        return this;
    }

    public boolean useEma() {
        return useEma;
    }

    /** Keras's {@code ema_momentum} (default 0.99), in [0, 1]: how slowly the averages follow the weights. */
    public Optimizer emaMomentum(double momentum) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(name + ": ema_momentum must be in the range [0, 1]; got " + momentum);
        }
        this.emaMomentum = (float) momentum;
        return this;
    }

    public float emaMomentum() {
        return emaMomentum;
    }

    /**
     * Keras's {@code ema_overwrite_frequency}: every this many steps the weights are overwritten with their moving
     * averages; null (the default) only at the end of {@code fit}.
     */
    public Optimizer emaOverwriteFrequency(Integer steps) {
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException(name + ": ema_overwrite_frequency must be an integer >= 1 or null; got "
                    + steps);
        }
        this.emaOverwriteFrequency = steps;
        return this;
    }

    public Integer emaOverwriteFrequency() {
        return emaOverwriteFrequency;
    }

    /**
     * Keras's {@code finalize_variable_values}: with EMA on, copies each variable's moving average into it (what
     * {@code fit} does when it ends); without EMA, does nothing. Variables this optimizer has never stepped have no
     * average and are left as they are.
     */
    public void finalizeVariableValues(List<Variable> variables) {
        if (!useEma) {
            return;
        }
        for (Variable v : variables) {
            float[] a = averages.get(v);
            if (a != null) {
                System.arraycopy(a, 0, v.value().buffer(), 0, a.length);
            }
        }
    }

    /** A variable's moving average (live, not a copy), or null when EMA is off or it has none yet. */
    public float[] average(Variable v) {
        return averages.get(v);
    }

    /** Number of slot arrays per variable (Adam: 2, SGD with momentum: 1, plain SGD: 0). */
    protected abstract int slotsPerVariable();

    /**
     * How the slots are grouped for saving: each group's slots are interleaved per variable, and groups
     * follow one another. The default, one group, interleaves all of them. The sizes add up to
     * {@link #slotsPerVariable()}.
     */
    protected int[] slotGroups() {
        return new int[]{slotsPerVariable()};
    }

    /** Keras's name suffix for each slot, e.g. {"momentum", "velocity"}. */
    protected String[] slotNames() {
        String[] n = new String[slotsPerVariable()];
        for (int i = 0; i < n.length; i++) {
            n[i] = "slot" + i;
        }
        return n;
    }

    /** The value a new slot starts from (Adagrad's accumulators: its initial accumulator value). */
    protected float initialSlotValue(int slot) {
        return 0f;
    }

    /** Called once per step with t = iterations + 1, before any variable is updated (Nadam's u-product). */
    protected void beginStep(long t) {
    }

    /** Scalar state saved after the slots (Nadam: the u-product). */
    protected float[] extraState() {
        return new float[0];
    }

    /** Restores the scalars written by {@link #extraState()}. */
    protected void loadExtraState(float[] values) {
    }

    /** Names of the {@link #extraState()} values. */
    protected String[] extraStateNames() {
        return new String[0];
    }

    /**
     * Updates one weight in place. {@code t} is the 1-based step number (iterations + 1);
     * {@code slots} are this variable's slot arrays, each as long as {@code w}.
     */
    protected abstract void update(float[] w, float[] g, float[][] slots, long t, float lr);

    /** Throws when an option that changes the slot layout is set after slots exist. */
    /**
     * Whether {@link #update} also zeroes the gradient it was given (a fused loop saves a pass over it); when
     * false, the default, the gradient is zeroed after each update.
     */
    protected boolean updateZeroesGradient() {
        return false;
    }

    protected final void checkNotBuilt(String option) {
        if (!built.isEmpty()) {
            throw new IllegalStateException(name + ": " + option + " cannot change once the optimizer has built "
                    + "its slots; set it before the first training step");
        }
    }

    // ------------------------------------------------------------------ stepping

    /** Applies one step to every trainable variable that has a gradient, then zeroes the gradients. */
    public void apply(List<Variable> variables) {
        long t = iterations + 1;
        List<Variable> active = new ArrayList<>(variables.size());
        for (Variable v : variables) {
            if (!v.trainable()) {
                continue;
            }
            slotsOf(v);
            if (v.gradBuffer() != null) {
                active.add(v);
            }
        }
        if (!active.isEmpty()) {
            clip(active);
            float lr = learningRate;
            if (weightDecay != null && weightDecay > 0) {
                float f = weightDecay * lr;
                for (Variable v : active) {
                    if (decays(v)) {
                        float[] w = v.value().buffer();
                        for (int i = 0; i < w.length; i++) {
                            w[i] -= w[i] * f;
                        }
                    }
                }
            }
            beginStep(t);
            for (Variable v : active) {
                float[] g = v.gradBuffer();
                update(v.value().buffer(), g, slotsOf(v), t, lr);
                if (!updateZeroesGradient()) {
                    Arrays.fill(g, 0f);
                }
            }
            if (useEma) {
                updateAverages();
            }
        }
        iterations = t;
    }

    /** Keras's EMA step, over every built variable (not only those with a gradient), before counting the step. */
    private void updateAverages() {
        float m = iterations == 0 ? 0f : emaMomentum;
        for (Variable v : built) {
            float[] a = averages.get(v);
            float[] w = v.value().buffer();
            for (int i = 0; i < a.length; i++) {
                a[i] = m * a[i] + (1 - m) * w[i];
            }
        }
        if (emaOverwriteFrequency != null && (iterations + 1) % emaOverwriteFrequency == 0) {
            finalizeVariableValues(built);
        }
    }

    private boolean decays(Variable v) {
        if (noDecay.contains(v)) {
            return false;
        }
        return noDecayNames == null || !noDecayNames.matcher(v.name()).find();
    }

    private void clip(List<Variable> active) {
        if (clipNorm != null) {
            for (Variable v : active) {
                float[] g = v.gradBuffer();
                scale(g, clipNorm / Math.max(norm(g), clipNorm));
            }
        } else if (globalClipNorm != null) {
            double ss = 0;
            for (Variable v : active) {
                double n = norm(v.gradBuffer());
                ss += n * n;
            }
            double global = Math.sqrt(ss);
            if (global > globalClipNorm) {
                double s = globalClipNorm / global;
                for (Variable v : active) {
                    scale(v.gradBuffer(), s);
                }
            }
        } else if (clipValue != null) {
            float c = clipValue;
            for (Variable v : active) {
                float[] g = v.gradBuffer();
                for (int i = 0; i < g.length; i++) {
                    g[i] = Math.max(-c, Math.min(c, g[i]));
                }
            }
        }
    }

    private static double norm(float[] g) {
        double ss = 0;
        for (float x : g) {
            ss += (double) x * x;
        }
        return Math.sqrt(ss);
    }

    private static void scale(float[] g, double s) {
        if (s == 1.0) {
            return;
        }
        float f = (float) s;
        for (int i = 0; i < g.length; i++) {
            g[i] *= f;
        }
    }

    private float[][] slotsOf(Variable v) {
        float[][] s = slots.get(v);
        if (s == null) {
            int n = (int) v.size();
            s = new float[slotsPerVariable()][n];
            for (int k = 0; k < s.length; k++) {
                float init = initialSlotValue(k);
                if (init != 0f) {
                    Arrays.fill(s[k], init);
                }
            }
            slots.put(v, s);
            built.add(v);
            if (useEma) {
                averages.put(v, new float[n]);
            }
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

    /** The slot arrays of a variable (live, not copies), or null when it has none yet. For tests and tools. */
    public float[][] slots(Variable v) {
        return slots.get(v);
    }

    // ------------------------------------------------------------------ state

    /** For each saved slot position: {slot index}, in Keras's order within one variable's walk. */
    private int[][] groups() {
        int[] sizes = slotGroups();
        int[][] g = new int[sizes.length][];
        int k = 0;
        for (int i = 0; i < sizes.length; i++) {
            g[i] = new int[sizes[i]];
            for (int j = 0; j < sizes[i]; j++) {
                g[i][j] = k++;
            }
        }
        if (k != slotsPerVariable()) {
            throw new IllegalStateException(name + ": slot groups " + Arrays.toString(sizes) + " do not add up to "
                    + slotsPerVariable() + " slots");
        }
        return g;
    }

    /**
     * The optimizer's state as Keras saves it: iteration, learning rate, then each built variable's slots in
     * Keras's order (see the class comment), each shaped like its variable, then any extra scalars.
     */
    public List<Tensor> stateTensors() {
        List<Tensor> r = new ArrayList<>();
        r.add(Tensor.scalar(iterations));
        r.add(Tensor.scalar(learningRate));
        if (useEma) {
            for (Variable v : built) {
                r.add(Tensor.wrap(averages.get(v).clone(), v.shape()));
            }
        }
        for (int[] group : groups()) {
            for (Variable v : built) {
                float[][] s = slots.get(v);
                for (int k : group) {
                    r.add(Tensor.wrap(s[k].clone(), v.shape()));
                }
            }
        }
        for (float x : extraState()) {
            r.add(Tensor.scalar(x));
        }
        return r;
    }

    /**
     * Keras's names for {@link #stateTensors()}, in the same order: "iteration", "learning_rate", then
     * {@code <variable path with '/' as '_'>_<slot>} (e.g. "dense_kernel_momentum"), then the extra scalars.
     */
    public List<String> stateNames() {
        List<String> r = new ArrayList<>();
        r.add("iteration");
        r.add("learning_rate");
        if (useEma) {
            for (Variable v : built) {
                r.add(v.path().replace('/', '_') + "_average");
            }
        }
        String[] names = slotNames();
        for (int[] group : groups()) {
            for (Variable v : built) {
                for (int k : group) {
                    r.add(v.path().replace('/', '_') + "_" + names[k]);
                }
            }
        }
        r.addAll(Arrays.asList(extraStateNames()));
        return r;
    }

    /** Restores state written by {@link #stateTensors()} for the given variables (in the same order). */
    public void loadState(List<Tensor> state, List<Variable> variables) {
        int per = slotsPerVariable();
        List<Variable> trainable = new ArrayList<>();
        for (Variable v : variables) {
            if (v.trainable()) {
                trainable.add(v);
            }
        }
        int extra = extraState().length;
        int ema = useEma ? trainable.size() : 0;
        int expected = 2 + ema + per * trainable.size() + extra;
        if (state.size() != expected) {
            throw new IllegalArgumentException(name + ": saved optimizer state has " + state.size()
                    + " tensors, expected " + expected + " for " + trainable.size() + " trainable variables ("
                    + "iteration, learning rate, " + (useEma ? "a moving average and " : "") + per
                    + " slot(s) per variable"
                    + (extra > 0 ? ", " + extra + " extra scalar(s)" : "") + ")");
        }
        for (Variable v : trainable) {
            slotsOf(v);
        }
        int i = 2;
        for (int j = 0; j < ema; j++) {
            Variable v = trainable.get(j);
            restore(state.get(i++), averages.get(v), "moving average for " + v.path());
        }
        for (int[] group : groups()) {
            for (Variable v : trainable) {
                float[][] s = slots.get(v);
                for (int k : group) {
                    restore(state.get(i), s[k], "slot " + i + " for " + v.path());
                    i++;
                }
            }
        }
        float[] extras = new float[extra];
        for (int k = 0; k < extra; k++) {
            extras[k] = state.get(i++).item();
        }
        iterations = (long) state.get(0).item();
        learningRate = checkLearningRate(state.get(1).item());
        if (extra > 0) {
            loadExtraState(extras);
        }
    }

    /** Copies one saved state tensor into its live array, refusing one of another size. */
    private void restore(Tensor saved, float[] into, String what) {
        float[] src = saved.buffer();
        if (src.length != into.length) {
            throw new IllegalArgumentException(name + ": saved " + what + " has " + src.length + " values, expected "
                    + into.length);
        }
        System.arraycopy(src, 0, into, 0, src.length);
    }

    /**
     * Keras config keys and values, e.g. {"name": "adam", "learning_rate": 0.001, ...}: the base keys of
     * {@code BaseOptimizer.get_config} (loss scaling and gradient accumulation are not supported and appear with
     * their defaults), then each subclass's options.
     */
    public Map<String, Object> getConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("learning_rate", decimal(learningRate));
        c.put("weight_decay", decimal(weightDecay));
        c.put("clipnorm", decimal(clipNorm));
        c.put("global_clipnorm", decimal(globalClipNorm));
        c.put("clipvalue", decimal(clipValue));
        c.put("use_ema", useEma);
        c.put("ema_momentum", decimal(emaMomentum));
        c.put("ema_overwrite_frequency", emaOverwriteFrequency);
        c.put("loss_scale_factor", null);
        c.put("gradient_accumulation_steps", null);
        return c;
    }

    /**
     * A float as the double with the same shortest decimal form (0.9f gives 0.9, not 0.8999999761581421), so
     * that configs read as Keras writes them; null stays null.
     */
    protected static Double decimal(Float f) {
        return f == null ? null : Double.valueOf(Float.toString(f));
    }

    /** Checks that a hyperparameter lies in [lo, hi) (or [lo, hi] when {@code closed}). */
    protected final float checkRange(String key, float v, float lo, float hi, boolean closed) {
        boolean ok = v >= lo && (closed ? v <= hi : v < hi);
        if (!ok) {
            throw new IllegalArgumentException(name + ": `" + key + "` must be in [" + lo + ", " + hi
                    + (closed ? "]" : ")") + ". Received: " + key + "=" + v);
        }
        return v;
    }

    /** Checks that a hyperparameter is a finite number >= 0. */
    protected final float checkNonNegative(String key, float v) {
        if (!(v >= 0) || Float.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": `" + key + "` must be a non-negative number. Received: "
                    + key + "=" + v);
        }
        return v;
    }

    @Override
    public String toString() {
        return name;
    }
}
