package ganglion.models;

import ganglion.Tensor;

/**
 * Cuts a run of samples (rows along axis 0) of a data tensor into batches, in order or in a given order
 * (shuffling). Each batch is copied into a buffer that is reused from step to step, so a training loop
 * allocates no batch arrays after the first epoch. A batch tensor is valid until the next call.
 */
final class Batcher {

    private final float[] src;
    private final int[] rowShape;
    private final int inner;
    private final int start;
    private final int count;
    private final int batchSize;
    private float[] full;
    private float[] last;

    /** Rows [start, start + count) of {@code data}, in batches of {@code batchSize}. */
    Batcher(Tensor data, int start, int count, int batchSize) {
        int[] shape = data.shape();
        this.src = data.buffer();
        this.rowShape = shape;
        long in = 1;
        for (int i = 1; i < shape.length; i++) {
            in *= shape[i];
        }
        this.inner = (int) in;
        this.start = start;
        this.count = count;
        this.batchSize = batchSize;
    }

    /** ceil(count / batchSize). */
    int steps() {
        return (count + batchSize - 1) / batchSize;
    }

    /** Samples in batch {@code step} (the last one may be smaller). */
    int rows(int step) {
        return Math.min(batchSize, count - step * batchSize);
    }

    /**
     * Batch {@code step}: rows {@code order[step*batch ...]} (relative to this run's start), or the rows in
     * sequence when {@code order} is null.
     */
    Tensor batch(int step, int[] order) {
        int rows = rows(step);
        float[] dst = buffer(rows);
        int first = step * batchSize;
        if (order == null) {
            System.arraycopy(src, (start + first) * inner, dst, 0, rows * inner);
        } else {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(src, (start + order[first + i]) * inner, dst, i * inner, inner);
            }
        }
        int[] shape = rowShape.clone();
        shape[0] = rows;
        return Tensor.wrap(dst, shape);
    }

    private float[] buffer(int rows) {
        int n = rows * inner;
        if (rows == batchSize) {
            if (full == null) {
                full = new float[n];
            }
            return full;
        }
        if (last == null || last.length != n) {
            last = new float[n];
        }
        return last;
    }
}
