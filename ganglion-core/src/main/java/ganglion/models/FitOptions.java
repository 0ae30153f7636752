package ganglion.models;

import ganglion.Tensor;
import ganglion.callbacks.Callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The keyword arguments of Keras's {@code model.fit()}, as fluent setters with Keras's defaults:
 * {@code new FitOptions().epochs(10).batchSize(32).validationSplit(0.2).verbose(1).callbacks(cb)}.
 * Validation data may be tensors ({@code validationData(xVal, yVal)}, or lists for several inputs/outputs) or a
 * {@link ganglion.data.Dataset} of batches ({@code validationData(valDs).validationSteps(20)}), as Keras's
 * {@code validation_data} and {@code validation_steps}. Each setter checks its value at once and says what it expected.
 */
public final class FitOptions {

    private int epochs = 1;
    private int batchSize = 32;
    private double validationSplit;
    private List<Tensor> validationXs;
    private List<Tensor> validationYs;
    private Iterable<Tensor[]> validationBatches;
    private int validationSteps;
    private boolean shuffle = true;
    private int verbose = 1;
    private List<Callback> callbacks = List.of();
    private int initialEpoch;
    private boolean stopOnNaN = true;
    private int stepsPerEpoch;

    /** Options with Keras's defaults: 1 epoch, batch 32, no validation, shuffling, verbose 1. */
    public FitOptions() {
    }

    /** @param epochs the epoch to stop before (counting from 0, with {@link #initialEpoch}); default 1 */
    public FitOptions epochs(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be a non-negative integer. Received: epochs=" + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** @param batchSize samples per gradient update; default 32 */
    public FitOptions batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be a positive integer. Received: batchSize=" + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * @param split the fraction of the data, in [0, 1), held out for validation: the LAST samples, taken
     *              before shuffling, as Keras does; default 0 (none). Ignored when validationData is set.
     */
    public FitOptions validationSplit(double split) {
        if (!(split >= 0 && split < 1)) {
            throw new IllegalArgumentException("validationSplit must be a number in [0, 1). Received: validationSplit="
                    + split);
        }
        this.validationSplit = split;
        return this;
    }

    /**
     * Keras's {@code validation_data=(x_val, y_val)}: evaluated silently at the end of each epoch, in batches of
     * {@link #batchSize}, and logged as {@code val_*}. Replaces any earlier validationData; wins over
     * validationSplit. Default none.
     *
     * @param x validation inputs
     * @param y validation targets
     */
    public FitOptions validationData(Tensor x, Tensor y) {
        Objects.requireNonNull(x, "validationData: x must not be null");
        Objects.requireNonNull(y, "validationData: y must not be null");
        return validationData(List.of(x), List.of(y));
    }

    /**
     * Validation data of a model with several inputs and/or outputs (Keras's
     * {@code validation_data=([x1, x2], [y1, y2])}), in the same order as {@code fit(xs, ys, options)} takes its
     * training data: one tensor per model input, one target per output, all with the same number of samples.
     *
     * @param xs validation inputs, one per model input
     * @param ys validation targets, one per model output
     */
    public FitOptions validationData(List<Tensor> xs, List<Tensor> ys) {
        this.validationXs = copyOf(xs, "xs");
        this.validationYs = copyOf(ys, "ys");
        this.validationBatches = null;
        return this;
    }

    /**
     * Keras's {@code validation_data=dataset}: an Iterable of ready-made batches, usually a
     * {@link ganglion.data.Dataset} of {@code Tensor[]} batches ({@code Dataset.fromTensorSlices(x, y).batch(32)}),
     * evaluated at the end of each epoch. Each batch is {@code {x, y}} for a one-input, one-output model, and
     * {@code {x1, ..., xN, y1, ..., yM}} (the N inputs, then the M targets, in model order) for a functional model
     * with several inputs or outputs, the layout {@code fit(Iterable, options)} takes too. Without
     * {@link #validationSteps} every epoch validates on one full pass; a dataset that repeats forever then fails
     * at the start of fit. Replaces any earlier validationData; wins over validationSplit.
     *
     * @param batches the validation batches; read afresh for each full pass
     */
    public FitOptions validationData(Iterable<Tensor[]> batches) {
        this.validationBatches = Objects.requireNonNull(batches, "validationData: batches must not be null");
        this.validationXs = null;
        this.validationYs = null;
        return this;
    }

    /**
     * Keras's {@code validation_steps}: how many batches to draw from the validation data at the end of each epoch.
     * Default 0: the whole validation data every epoch. With a positive count and a batch Iterable, one iterator
     * carries over from epoch to epoch (the next epoch validates on the following batches) and starts afresh when
     * it runs dry, as Keras's cached validation iterator does; it is required when the validation Dataset repeats
     * forever ({@code repeat()}). With tensors it limits the batches evaluated (the first ones, each epoch).
     *
     * @param steps batches per validation, or 0 for all
     */
    public FitOptions validationSteps(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("validationSteps must be a positive integer, or 0 for the whole "
                    + "validation data. Received: validationSteps=" + steps);
        }
        this.validationSteps = steps;
        return this;
    }

    private static List<Tensor> copyOf(List<Tensor> ts, String what) {
        Objects.requireNonNull(ts, "validationData: " + what + " must not be null");
        if (ts.isEmpty()) {
            throw new IllegalArgumentException("validationData: " + what + " must hold at least one tensor");
        }
        List<Tensor> copy = new ArrayList<>(ts.size());
        for (int i = 0; i < ts.size(); i++) {
            copy.add(Objects.requireNonNull(ts.get(i), "validationData: " + what + "[" + i + "] must not be null"));
        }
        return Collections.unmodifiableList(copy);
    }

    /** @param shuffle whether to reshuffle the training samples before each epoch; default true */
    public FitOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** @param verbose 0 = silent, 1 = progress bar, 2 = one line per epoch; default 1 (Keras's "auto") */
    public FitOptions verbose(int verbose) {
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException("verbose must be 0, 1 or 2. Received: verbose=" + verbose);
        }
        this.verbose = verbose;
        return this;
    }

    /** @param verbose "auto" (= 1), or "0", "1", "2" */
    public FitOptions verbose(String verbose) {
        if ("auto".equals(verbose)) {
            return verbose(1);
        }
        try {
            return verbose(Integer.parseInt(verbose));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("verbose must be \"auto\", 0, 1 or 2. Received: verbose=" + verbose);
        }
    }

    /** @param callbacks called during training, in this order; default none */
    public FitOptions callbacks(Callback... callbacks) {
        return callbacks(List.of(callbacks));
    }

    /** @param callbacks called during training, in this order; default none */
    public FitOptions callbacks(List<? extends Callback> callbacks) {
        List<Callback> copy = new ArrayList<>();
        for (Callback c : callbacks) {
            copy.add(Objects.requireNonNull(c, "callbacks must not contain null"));
        }
        this.callbacks = Collections.unmodifiableList(copy);
        return this;
    }

    /** @param initialEpoch the epoch to start from (to resume training); default 0 */
    public FitOptions initialEpoch(int initialEpoch) {
        if (initialEpoch < 0) {
            throw new IllegalArgumentException("initialEpoch must be a non-negative integer. Received: initialEpoch="
                    + initialEpoch);
        }
        this.initialEpoch = initialEpoch;
        return this;
    }

    /**
     * @param stop whether a NaN or infinite loss stops {@code fit()} with a {@link NonFiniteLossException};
     *             default true (Keras itself keeps going: pass false for that)
     */
    public FitOptions stopOnNaN(boolean stop) {
        this.stopOnNaN = stop;
        return this;
    }

    /**
     * @param steps batches per epoch (Keras's {@code steps_per_epoch}); default 0: one full pass over the data. With
     *              an Iterable of batches that never ends (a generator such as {@code ImageDataGenerator.flow}) it
     *              must be set; the iterator then carries over from one epoch to the next.
     */
    public FitOptions stepsPerEpoch(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("stepsPerEpoch must be a positive integer, or 0 for a full pass. "
                    + "Received: stepsPerEpoch=" + steps);
        }
        this.stepsPerEpoch = steps;
        return this;
    }

    /** Batches per epoch, or 0 for a full pass over the data. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public double validationSplit() {
        return validationSplit;
    }

    /** The validation inputs when validationData was given one input tensor, else null. */
    public Tensor validationX() {
        return validationXs != null && validationXs.size() == 1 ? validationXs.get(0) : null;
    }

    /** The validation targets when validationData was given one target tensor, else null. */
    public Tensor validationY() {
        return validationYs != null && validationYs.size() == 1 ? validationYs.get(0) : null;
    }

    /** The validation input tensors (one per model input), or null when none or batches were given. */
    public List<Tensor> validationXs() {
        return validationXs;
    }

    /** The validation target tensors (one per model output), or null when none or batches were given. */
    public List<Tensor> validationYs() {
        return validationYs;
    }

    /** The validation batches given to {@link #validationData(Iterable)}, or null. */
    public Iterable<Tensor[]> validationBatches() {
        return validationBatches;
    }

    /** Whether any validationData (tensors or batches) was given. */
    public boolean hasValidationData() {
        return validationXs != null || validationBatches != null;
    }

    /** Batches per validation pass, or 0 for the whole validation data. */
    public int validationSteps() {
        return validationSteps;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public int verbose() {
        return verbose;
    }

    public List<Callback> callbacks() {
        return callbacks;
    }

    public int initialEpoch() {
        return initialEpoch;
    }

    /**
     * Whether fit throws {@link NonFiniteLossException} on a NaN or infinite loss: true by default, false when
     * told so or when a {@link ganglion.callbacks.TerminateOnNaN} is among the callbacks (it then stops training
     * the Keras way, after reporting the batch).
     */
    public boolean stopOnNaN() {
        if (!stopOnNaN) {
            return false;
        }
        for (Callback c : callbacks()) {
            if (c instanceof ganglion.callbacks.TerminateOnNaN) {
                return false;
            }
        }
        return true;
    }
}
