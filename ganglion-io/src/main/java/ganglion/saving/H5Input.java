package ganglion.saving;

import io.jhdf.HdfFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Opens HDF5 files (a ".weights.h5", a legacy ".h5", the "model.weights.h5" inside a ".keras" archive) for
 * reading so that no size, offset or count in the file can make jHDF allocate more memory than the file
 * holds. The defect it closes: jHDF's file-channel storage serves every structure (object header chunks,
 * heaps, B-tree nodes) with {@code ByteBuffer.allocate(length)} where {@code length} comes from the file, so
 * a 1.5 KB file declaring a 1.5 GB object header chunk allocated 1.5 GB. Here jHDF always reads from an
 * in-memory or memory-mapped view of the whole file: each structure is then a <em>slice</em> of the file,
 * and a size that reaches past its end fails at once instead of allocating. Before the reader runs,
 * {@link H5Structure} checks that the B-trees and symbol tables jHDF walks form a tree inside the file. What
 * jHDF still allocates from counts in the file (dataset and attribute values) is checked by {@link H5Data}
 * against the file's size before any value is read.
 *
 * <p>Every failure inside jHDF (any {@code RuntimeException}, and the {@code StackOverflowError} of a
 * structure nested too deeply) becomes a {@link GanglionFormatException} naming the file.
 */
final class H5Input {

    /** Files up to this size are read onto the heap; bigger ones are memory-mapped (no heap copy). */
    private static final long HEAP_COPY_LIMIT = 16L << 20;

    /** A ByteBuffer (and so jHDF's in-memory storage) addresses at most this many bytes. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8L;

    /** Reads an open HDF5 file. */
    @FunctionalInterface
    interface Reader<T> {
        T read(HdfFile h5) throws GanglionFormatException;
    }

    /** A refusal raised where no checked exception can be thrown (inside jHDF callbacks, string helpers). */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private H5Input() {
    }

    /** Reads the HDF5 file at {@code file} with {@code reader}. */
    static <T> T read(Path file, Reader<T> reader) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new GanglionFormatException(file, "HDF5 file of " + size + " bytes; files over "
                    + MAX_FILE_BYTES + " bytes (2 GiB) are not supported");
        }
        ByteBuffer bytes;
        if (size <= HEAP_COPY_LIMIT) {
            bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        } else {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            }
        }
        return read(bytes, file, "HDF5 file", reader);
    }

    /** Reads HDF5 content held in memory ({@code what} names it in messages, e.g. "model.weights.h5"). */
    static <T> T read(byte[] bytes, Path file, String what, Reader<T> reader) throws GanglionFormatException {
        return read(ByteBuffer.wrap(bytes), file, what, reader);
    }

    private static <T> T read(ByteBuffer bytes, Path file, String what, Reader<T> reader)
            throws GanglionFormatException {
        HdfFile h5;
        try {
            h5 = HdfFile.fromByteBuffer(bytes);
        } catch (RuntimeException | StackOverflowError e) {
            throw new GanglionFormatException(file, what + " is not a readable HDF5 file: " + describe(e), e);
        }
        try (h5) {
            H5Structure.check(h5);
            return reader.read(h5);
        } catch (GanglionFormatException e) {
            throw e;
        } catch (Refused e) {
            throw new GanglionFormatException(file, what + ": " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new GanglionFormatException(file, "damaged " + what + ": " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "structures nested too deeply (or in a cycle)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }

    /** The size in bytes of the file a node belongs to (the bound for everything read from it). */
    static long fileSize(io.jhdf.api.Node node) {
        return node.getHdfFile().getHdfBackingStorage().size();
    }
}
