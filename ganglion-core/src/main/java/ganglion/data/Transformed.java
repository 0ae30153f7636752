package ganglion.data;

/** A dataset computed from one upstream dataset; closing a pass closes the upstream pass. */
abstract class Transformed<S, T> extends Dataset<T> {

    final Dataset<S> upstream;

    Transformed(Dataset<S> upstream) {
        this.upstream = java.util.Objects.requireNonNull(upstream, "upstream");
    }

    /** An iterator that reads one upstream pass and closes it when closed. */
    abstract static class Pass<S, T> implements DatasetIterator<T> {
        final DatasetIterator<S> in;

        Pass(DatasetIterator<S> in) {
            this.in = in;
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
