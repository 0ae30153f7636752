package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.internal.ops.Shapes;

import java.util.Iterator;

/**
 * Where the training, evaluation and prediction loops take their batches from, as Keras's epoch iterator: either
 * rows of in-memory tensors cut by {@link Batcher}s (shuffled per epoch or in order), or an {@link Iterable} of
 * ready-made batches {@code {x, y}} (a Keras generator or {@code PyDataset}: {@code ImageDataGenerator.flow}, a
 * {@code Dataset}, a list). After {@link #next()} returned true, {@link #x()}, {@link #y()} and {@link #rows()}
 * describe the current batch until the next call.
 */
abstract class BatchFeed {

    protected Tensor x;
    protected Tensor y;
    protected int rows;

    /** The current batch's inputs. */
    final Tensor x() {
        return x;
    }

    /** The current batch's targets (null for prediction from inputs alone). */
    final Tensor y() {
        return y;
    }

    /** Samples in the current batch. */
    final int rows() {
        return rows;
    }

    /** Steps per epoch when known in advance, else -1 (Keras's "Unknown"). */
    abstract int steps();

    /** Starts an epoch (reshuffles in-memory data when asked). */
    abstract void beginEpoch();

    /** Moves to the next batch of this epoch; false when the epoch's data is exhausted. */
    abstract boolean next();

    /** Rows [start, start + count) of in-memory x and y (y may be null), optionally in a fresh order each epoch. */
    static final class Rows extends BatchFeed {
        private final Batcher bx;
        private final Batcher by;
        private final RowSchedule schedule;

        /** @param shuffle whether to reshuffle the rows before each epoch from {@link Ganglion#random()} */
        Rows(Tensor xs, Tensor ys, int start, int count, int batchSize, boolean shuffle) {
            this.bx = new Batcher(xs, start, count, batchSize);
            this.by = ys == null ? null : new Batcher(ys, start, count, batchSize);
            this.schedule = new RowSchedule(bx.steps(), count, shuffle);
        }

        /** Keeps at most {@code maxSteps} batches per epoch (the first ones); 0 keeps them all. Returns this. */
        Rows limit(int maxSteps) {
            schedule.limit(maxSteps);
            return this;
        }

        @Override
        int steps() {
            return schedule.steps();
        }

        @Override
        void beginEpoch() {
            schedule.beginEpoch();
        }

        @Override
        boolean next() {
            int step = schedule.next();
            if (step < 0) {
                return false;
            }
            rows = bx.rows(step);
            x = bx.batch(step, schedule.order());
            y = by == null ? null : by.batch(step, schedule.order());
            return true;
        }
    }

    /**
     * Batches from an Iterable, each an array {@code {x, y}} ({@code {x}} or {@code {x, ...}} where only inputs are
     * needed). Without a step count every epoch runs one full pass of a fresh iterator. With {@code stepsPerEpoch}
     * each epoch takes that many batches from one iterator that carries over from epoch to epoch, as Keras does;
     * when it runs dry a fresh iterator continues the epoch, and when a fresh one has nothing the epoch ends early.
     */
    static final class Batches extends BatchFeed {
        private final Iterable<Tensor[]> source;
        private final String where;
        private final boolean needY;
        private final int stepsPerEpoch;
        private Iterator<Tensor[]> it;
        private Tensor[] pending;
        private Tensor[] current;
        private int step;
        private long served;
        private boolean exhausted;

        /** @param stepsPerEpoch batches per epoch, or 0 for one full pass per epoch */
        Batches(Iterable<Tensor[]> source, int stepsPerEpoch, boolean needY, String where) {
            this(source, stepsPerEpoch, needY, where, "steps");
        }

        /**
         * @param stepsPerEpoch batches per epoch, or 0 for one full pass per epoch
         * @param stepsOption   the option that sets the step count, named in the error for an endless Dataset
         */
        Batches(Iterable<Tensor[]> source, int stepsPerEpoch, boolean needY, String where, String stepsOption) {
            if (source == null) {
                throw new IllegalArgumentException(where + "(): the batches must not be null");
            }
            if (stepsPerEpoch <= 0 && source instanceof ganglion.data.Dataset<?> d
                    && d.cardinality() == ganglion.data.Dataset.INFINITE) {
                throw new IllegalArgumentException(where + "(): the Dataset repeats forever (cardinality INFINITE, "
                        + "e.g. after repeat()), so one full pass would never end. Set " + stepsOption + "(n) to "
                        + "draw n batches per pass, or use repeat(count) / take(n) to make it finite.");
            }
            this.source = source;
            this.stepsPerEpoch = stepsPerEpoch;
            this.needY = needY;
            this.where = where;
        }

        /**
         * The first batch, read ahead (to build the model from its shapes) and handed out again as the first
         * step. Fails when the data has no batch at all.
         */
        Tensor[] peek() {
            if (pending == null) {
                it = source.iterator();
                if (!it.hasNext()) {
                    throw new IllegalArgumentException(where + "(): the batches are empty: the Iterable yielded no "
                            + "batch. Pass at least one {x, y} array.");
                }
                pending = check(it.next());
            }
            return pending;
        }

        /** The current batch as the source gave it (all its tensors), after {@link #next()} returned true. */
        Tensor[] batch() {
            return current;
        }

        /** Batches handed out so far, over all epochs. */
        long served() {
            return served;
        }

        /** True when the last epoch ended because even a fresh iterator yielded nothing. */
        boolean exhausted() {
            return exhausted;
        }

        /**
         * The step count: stepsPerEpoch when given, else the length of a source that knows it (a Dataset of known
         * cardinality, an ImageDataset, a Collection) so the progress bar shows it, else -1 (Keras's "Unknown").
         */
        @Override
        int steps() {
            if (stepsPerEpoch > 0) {
                return stepsPerEpoch;
            }
            long n = -1;
            if (source instanceof ganglion.data.Dataset<?> d) {
                n = d.cardinality();
            } else if (source instanceof ganglion.utils.ImageDataset d) {
                n = d.size();
            } else if (source instanceof java.util.Collection<?> c) {
                n = c.size();
            }
            return n > 0 && n <= Integer.MAX_VALUE ? (int) n : -1;
        }

        @Override
        void beginEpoch() {
            step = 0;
            if (stepsPerEpoch <= 0 && pending == null) {
                it = source.iterator();   // a full pass per epoch
            }
        }

        @Override
        boolean next() {
            if (stepsPerEpoch > 0 && step >= stepsPerEpoch) {
                return false;
            }
            Tensor[] b = pending;
            pending = null;
            if (b == null) {
                if (it == null) {
                    it = source.iterator();
                }
                if (!it.hasNext()) {
                    if (stepsPerEpoch <= 0) {
                        return false;
                    }
                    it = source.iterator();   // carry on with a fresh pass
                    if (!it.hasNext()) {
                        exhausted = true;
                        return false;
                    }
                }
                b = check(it.next());
            }
            current = b;
            x = b[0];
            y = b.length > 1 ? b[1] : null;
            rows = x.shape(0);
            step++;
            served++;
            return true;
        }

        private Tensor[] check(Tensor[] b) {
            if (b == null || b.length == 0 || b[0] == null) {
                throw new IllegalArgumentException(where + "(): each batch must be an array {x, y} of tensors; "
                        + "received " + (b == null ? "null" : b.length == 0 ? "an empty array" : "a null x"));
            }
            if (needY && (b.length < 2 || b[1] == null)) {
                throw new IllegalArgumentException(where + "(): each batch must be an array {x, y} with targets; "
                        + "received an array of " + b.length + " without y. Pass new Tensor[]{x, y}.");
            }
            if (b[0].rank() == 0) {
                throw new IllegalArgumentException(where + "(): batch inputs must have a batch axis (axis 0); "
                        + "received a scalar");
            }
            if (needY && (b[1].rank() == 0 || b[1].shape(0) != b[0].shape(0))) {
                throw new IllegalArgumentException(where + "(): a batch's x and y must have the same number of "
                        + "samples; received x " + Shapes.str(b[0].shape()) + " and y " + Shapes.str(b[1].shape()));
            }
            return b;
        }

        @Override
        public String toString() {
            return where + " batches";
        }
    }
}
