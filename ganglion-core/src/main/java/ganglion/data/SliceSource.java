package ganglion.data;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.NoSuchElementException;

/** {@link Dataset#fromTensorSlices}: element i holds row i of every tensor, copied out on demand. */
final class SliceSource extends Dataset<Tensor[]> {

    private final Tensor[] tensors;
    private final int rows;

    SliceSource(Tensor[] tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("Dataset.fromTensorSlices needs at least one tensor");
        }
        this.tensors = tensors.clone();
        int n = -1;
        for (Tensor t : tensors) {
            if (t.rank() == 0) {
                throw new IllegalArgumentException("Dataset.fromTensorSlices: a scalar has no first axis to slice");
            }
            if (n >= 0 && t.shape()[0] != n) {
                StringBuilder shapes = new StringBuilder();
                for (Tensor u : tensors) {
                    shapes.append(shapes.length() == 0 ? "" : ", ").append(Arrays.toString(u.shape()));
                }
                throw new IllegalArgumentException("Dataset.fromTensorSlices: the tensors have different first "
                        + "dimensions (shapes " + shapes + "); x and y must hold the same number of samples");
            }
            n = t.shape()[0];
        }
        this.rows = n;
    }

    static Tensor row(Tensor t, int i) {
        int[] shape = t.shape();
        int[] rowShape = Arrays.copyOfRange(shape, 1, shape.length);
        int len = 1;
        for (int d : rowShape) {
            len *= d;
        }
        float[] out = new float[len];
        System.arraycopy(t.buffer(), i * len, out, 0, len);
        return Tensor.wrap(out, rowShape);
    }

    @Override
    public DatasetIterator<Tensor[]> iterator() {
        return DatasetIterator.of(new java.util.Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < rows;
            }

            @Override
            public Tensor[] next() {
                if (i >= rows) {
                    throw new NoSuchElementException();
                }
                Tensor[] e = new Tensor[tensors.length];
                for (int k = 0; k < tensors.length; k++) {
                    e[k] = row(tensors[k], i);
                }
                i++;
                return e;
            }
        });
    }

    @Override
    public long cardinality() {
        return rows;
    }
}
