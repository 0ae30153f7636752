package ganglion.data;

import ganglion.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** {@link Dataset#zip}: the components of the i-th elements side by side; stops at the shortest. */
final class ZipDataset extends Dataset<Tensor[]> {

    private final Dataset<?>[] parts;

    ZipDataset(Dataset<?>[] parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("Dataset.zip needs at least one dataset");
        }
        this.parts = parts.clone();
    }

    @Override
    public DatasetIterator<Tensor[]> iterator() {
        List<DatasetIterator<?>> its = new ArrayList<>();
        for (Dataset<?> d : parts) {
            its.add(d.iterator());
        }
        return new DatasetIterator<>() {
            @Override
            public boolean hasNext() {
                for (DatasetIterator<?> it : its) {
                    if (!it.hasNext()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public Tensor[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Tensor> out = new ArrayList<>();
                for (DatasetIterator<?> it : its) {
                    Object e = it.next();
                    if (e instanceof Tensor t) {
                        out.add(t);
                    } else if (e instanceof Tensor[] ts) {
                        out.addAll(List.of(ts));
                    } else {
                        throw new IllegalArgumentException("Dataset.zip combines datasets of Tensor or Tensor[] "
                                + "elements, not " + (e == null ? "null" : e.getClass().getName()));
                    }
                }
                return out.toArray(new Tensor[0]);
            }

            @Override
            public void close() {
                for (DatasetIterator<?> it : its) {
                    it.close();
                }
            }
        };
    }

    @Override
    public long cardinality() {
        long min = INFINITE;
        boolean unknown = false;
        for (Dataset<?> d : parts) {
            long n = d.cardinality();
            if (n == UNKNOWN) {
                unknown = true;
            } else if (n >= 0) {
                min = min == INFINITE ? n : Math.min(min, n);
            }
        }
        return unknown ? (min == INFINITE ? UNKNOWN : UNKNOWN) : min;
    }
}
