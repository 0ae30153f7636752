package ganglion.models;

import ganglion.Ganglion;

/**
 * The epoch schedule of an in-memory feed: how many batches an epoch has, which one comes next, and the row order
 * (a fresh permutation from {@link Ganglion#random()} before each epoch when shuffling, else null: rows in order).
 * Shared by {@link BatchFeed.Rows} (one x, one y) and {@link GraphTrainer}'s feed (several of each), which cut
 * their tensors with {@link Batcher}s along it.
 */
final class RowSchedule {

    private final int[] order;
    private int steps;
    private int step;

    /**
     * @param steps   batches per epoch
     * @param count   rows in the feed
     * @param shuffle whether to draw a new row order before each epoch
     */
    RowSchedule(int steps, int count, boolean shuffle) {
        this.steps = steps;
        this.order = shuffle ? new int[count] : null;
    }

    /** Keeps at most {@code maxSteps} batches per epoch (the first ones); 0 keeps them all. */
    void limit(int maxSteps) {
        if (maxSteps > 0) {
            steps = Math.min(steps, maxSteps);
        }
    }

    int steps() {
        return steps;
    }

    /** Starts an epoch: back to the first batch, with a new row order when shuffling. */
    void beginEpoch() {
        step = 0;
        if (order != null) {
            FitLoop.shuffle(order, Ganglion.random());
        }
    }

    /** The index of the next batch of this epoch, or -1 when the epoch is over. */
    int next() {
        return step < steps ? step++ : -1;
    }

    /** This epoch's row order, or null for rows in order. */
    int[] order() {
        return order;
    }
}
