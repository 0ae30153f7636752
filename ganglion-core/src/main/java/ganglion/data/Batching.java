package ganglion.data;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.List;

/** Stacking elements into batches and splitting batches into elements, for Tensor and Tensor[] elements. */
final class Batching {

    private Batching() {
    }

    @SuppressWarnings("unchecked")
    static <T> T stack(List<T> elements) {
        Object first = elements.get(0);
        if (first instanceof Tensor) {
            return (T) stackTensors((List<Tensor>) elements, -1);
        }
        if (first instanceof Tensor[] f) {
            Tensor[] out = new Tensor[f.length];
            for (int c = 0; c < f.length; c++) {
                final int comp = c;
                out[c] = stackTensors(elements.stream().map(e -> {
                    Tensor[] parts = (Tensor[]) e;
                    if (parts.length != f.length) {
                        throw new IllegalArgumentException("Dataset.batch: elements have different numbers of "
                                + "components (" + f.length + " and " + parts.length + ")");
                    }
                    return parts[comp];
                }).toList(), comp);
            }
            return (T) out;
        }
        throw new IllegalArgumentException("Dataset.batch stacks Tensor or Tensor[] elements, not "
                + (first == null ? "null" : first.getClass().getName()) + "; map the elements to tensors first");
    }

    private static Tensor stackTensors(List<Tensor> ts, int component) {
        int[] shape = ts.get(0).shape();
        int len = ts.get(0).buffer().length;
        float[] out = new float[len * ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            Tensor t = ts.get(i);
            if (!Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("Dataset.batch: element " + i + (component >= 0
                        ? " component " + component : "") + " has shape " + Arrays.toString(t.shape())
                        + " but the first has " + Arrays.toString(shape)
                        + "; resize or pad the elements to one shape before batching");
            }
            System.arraycopy(t.buffer(), 0, out, i * len, len);
        }
        int[] batched = new int[shape.length + 1];
        batched[0] = ts.size();
        System.arraycopy(shape, 0, batched, 1, shape.length);
        return Tensor.wrap(out, batched);
    }

    /** Number of rows of a batched element. */
    static int rows(Object batch) {
        if (batch instanceof Tensor t) {
            return firstDim(t);
        }
        if (batch instanceof Tensor[] parts && parts.length > 0) {
            int n = firstDim(parts[0]);
            for (Tensor p : parts) {
                if (firstDim(p) != n) {
                    throw new IllegalArgumentException("Dataset.unbatch: components have different first dimensions ("
                            + n + " and " + firstDim(p) + ")");
                }
            }
            return n;
        }
        throw new IllegalArgumentException("Dataset.unbatch splits Tensor or Tensor[] elements, not "
                + (batch == null ? "null" : batch.getClass().getName()));
    }

    private static int firstDim(Tensor t) {
        if (t.rank() == 0) {
            throw new IllegalArgumentException("Dataset.unbatch: a scalar element has no batch axis");
        }
        return t.shape()[0];
    }

    @SuppressWarnings("unchecked")
    static <T> T row(T batch, int i) {
        if (batch instanceof Tensor t) {
            return (T) SliceSource.row(t, i);
        }
        Tensor[] parts = (Tensor[]) batch;
        Tensor[] out = new Tensor[parts.length];
        for (int c = 0; c < parts.length; c++) {
            out[c] = SliceSource.row(parts[c], i);
        }
        return (T) out;
    }
}
