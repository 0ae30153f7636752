package ganglion.data;

import ganglion.Tensor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.NoSuchElementException;

/**
 * {@link Dataset#cache(Path)}: the first complete pass streams each element to a temporary file beside
 * {@code file}, which is synced and renamed to {@code file} when the pass ends; from then on (also in later
 * runs) passes read the file. The format is Ganglion's own: magic "GDSCACHE", version 1, then per element a
 * tag (1 Tensor, 2 Tensor[]), component count, and per tensor its rank, dimensions and float32 values
 * (big-endian); tag 0 ends the file. Lengths are checked against the remaining file size.
 */
final class FileCacheDataset<T> extends Transformed<T, T> {

    private static final long MAGIC = 0x4744534341434845L; // "GDSCACHE"
    private static final int VERSION = 1;

    private final Path file;

    FileCacheDataset(Dataset<T> upstream, Path file) {
        super(upstream);
        this.file = file.toAbsolutePath();
    }

    @Override
    public DatasetIterator<T> iterator() {
        if (Files.isRegularFile(file)) {
            return reader();
        }
        if (upstream.cardinality() == INFINITE) {
            throw new IllegalStateException("Dataset.cache(" + file + ") on an infinite dataset would never "
                    + "complete: cache before repeat()");
        }
        return writer();
    }

    private DatasetIterator<T> writer() {
        Path tmp;
        DataOutputStream out;
        try {
            Path dir = file.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16));
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("Dataset.cache: cannot write " + file + ": " + e.getMessage(), e);
        }
        final Path partial = tmp;
        return new Pass<T, T>(upstream.iterator()) {
            boolean finished;

            @Override
            public boolean hasNext() {
                boolean more = in.hasNext();
                if (!more && !finished) {
                    finished = true;
                    commit();
                }
                return more;
            }

            @Override
            public T next() {
                if (!in.hasNext()) {
                    throw new NoSuchElementException();
                }
                T e = in.next();
                try {
                    write(out, e);
                } catch (IOException ex) {
                    abandon();
                    throw new UncheckedIOException("Dataset.cache: writing " + partial + " failed: " + ex.getMessage(), ex);
                }
                return e;
            }

            private void commit() {
                try {
                    out.writeByte(0);
                    out.close();
                    try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                        ch.force(true);
                    }
                    try {
                        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException ex) {
                    abandon();
                    throw new UncheckedIOException("Dataset.cache: finishing " + file + " failed: " + ex.getMessage(), ex);
                }
            }

            private void abandon() {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the partial file is deleted next
                }
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // best effort: a stray .partial file is harmless
                }
            }

            @Override
            public void close() {
                if (!finished) {
                    finished = true;
                    abandon();   // an interrupted pass must not leave a cache that looks complete
                }
                super.close();
            }
        };
    }

    private static void write(DataOutputStream out, Object e) throws IOException {
        if (e instanceof Tensor t) {
            out.writeByte(1);
            out.writeInt(1);
            writeTensor(out, t);
        } else if (e instanceof Tensor[] ts) {
            out.writeByte(2);
            out.writeInt(ts.length);
            for (Tensor t : ts) {
                writeTensor(out, t);
            }
        } else {
            throw new IllegalArgumentException("Dataset.cache(file) stores Tensor or Tensor[] elements, not "
                    + (e == null ? "null" : e.getClass().getName()) + "; use cache() (memory) for other types");
        }
    }

    private static void writeTensor(DataOutputStream out, Tensor t) throws IOException {
        int[] s = t.shape();
        out.writeInt(s.length);
        for (int d : s) {
            out.writeInt(d);
        }
        for (float v : t.buffer()) {
            out.writeFloat(v);
        }
    }

    private DatasetIterator<T> reader() {
        DataInputStream in;
        long size;
        try {
            size = Files.size(file);
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            if (in.readLong() != MAGIC || in.readInt() != VERSION) {
                in.close();
                throw new IllegalStateException("Dataset.cache: " + file + " is not a Ganglion dataset cache "
                        + "(wrong magic or version); delete it or choose another cache file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Dataset.cache: cannot read " + file + ": " + e.getMessage(), e);
        }
        final long fileSize = size;
        return new DatasetIterator<>() {
            Object pending;
            boolean done;

            @Override
            public boolean hasNext() {
                if (pending != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    int tag = in.readByte();
                    if (tag == 0) {
                        done = true;
                        in.close();
                        return false;
                    }
                    int n = in.readInt();
                    if ((tag != 1 && tag != 2) || n < 0 || n > 1 << 16 || (tag == 1 && n != 1)) {
                        throw corrupt("bad element header");
                    }
                    Tensor[] ts = new Tensor[n];
                    for (int i = 0; i < n; i++) {
                        ts[i] = readTensor();
                    }
                    pending = tag == 1 ? ts[0] : ts;
                    return true;
                } catch (EOFException e) {
                    close();
                    throw corrupt("truncated");
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException("Dataset.cache: reading " + file + " failed: " + e.getMessage(), e);
                }
            }

            private Tensor readTensor() throws IOException {
                int rank = in.readInt();
                if (rank < 0 || rank > 32) {
                    throw corrupt("rank " + rank);
                }
                int[] shape = new int[rank];
                long len = 1;
                for (int i = 0; i < rank; i++) {
                    shape[i] = in.readInt();
                    if (shape[i] < 0) {
                        throw corrupt("negative dimension");
                    }
                    len *= shape[i];
                    if (len * 4 > fileSize) {
                        throw corrupt("a tensor larger than the file");
                    }
                }
                float[] v = new float[(int) len];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                return Tensor.wrap(v, shape);
            }

            private IllegalStateException corrupt(String what) {
                return new IllegalStateException("Dataset.cache: " + file + " is corrupt (" + what
                        + "); delete it to rebuild the cache");
            }

            @Override
            @SuppressWarnings("unchecked")
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object e = pending;
                pending = null;
                return (T) e;
            }

            @Override
            public void close() {
                done = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        };
    }

    @Override
    public long cardinality() {
        return upstream.cardinality();
    }
}
