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
 * Each setter checks its value at once and says what it expected.
 */
public final class FitOptions {

    private int epochs = 1;
    private int batchSize = 32;
    private double validationSplit;
    private Tensor validationX;
    private Tensor validationY;
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

    /** @param x validation inputs; @param y validation targets (evaluated after each epoch); default none */
    public FitOptions validationData(Tensor x, Tensor y) {
        this.validationX = Objects.requireNonNull(x, "validationData: x must not be null");
        this.validationY = Objects.requireNonNull(y, "validationData: y must not be null");
        return this;
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

    /** The validation inputs, or null. */
    public Tensor validationX() {
        return validationX;
    }

    /** The validation targets, or null. */
    public Tensor validationY() {
        return validationY;
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
