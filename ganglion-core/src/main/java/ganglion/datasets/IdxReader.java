package ganglion.datasets;

import ganglion.Tensor;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte} and friends),
 * gzip-compressed or not: what Keras's {@code mnist.load_data} parses after download.
 *
 * <p>An IDX file is a 4-byte magic number {@code 0x0000TTNN} (TT the element type, {@code 0x08} for
 * unsigned bytes; NN the number of dimensions), then NN big-endian 32-bit sizes, then the values in
 * row-major order. The reader checks the magic number, that every size is positive, and that the file
 * holds exactly the promised number of values; each error names the file.
 */
public final class IdxReader {

    /** IDX type code of unsigned bytes, the only type MNIST-like data sets use. */
    public static final int TYPE_UBYTE = 0x08;
    private static final int BUFFER = 1 << 16;

    private IdxReader() {
    }

    /** The parsed content of an IDX file of unsigned bytes. */
    public record IdxData(String source, int[] dims, byte[] data) {

        /** Number of values, the product of {@link #dims()}. */
        public int count() {
            return data.length;
        }

        /** The values as floats 0..255 in a tensor of shape {@link #dims()}. */
        public Tensor toTensor() {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = data[i] & 0xFF;
            }
            return Tensor.wrap(f, dims.clone());
        }

        @Override
        public String toString() {
            return "IdxData[" + source + ", dims=" + Arrays.toString(dims) + "]";
        }
    }

    /** Reads an IDX file; gzip is recognized by its content (magic 1f 8b), whatever the file's name. */
    public static IdxData read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read IDX file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an IDX stream (gzip or plain), for example a class-path resource.
     *
     * @param name the file name to use in error messages
     */
    public static IdxData read(InputStream raw, String name) throws IOException {
        InputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        if (!gzip) {
            return parse(in, name, false);
        }
        try {
            return parse(new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER), name, true);
        } catch (ZipException | EOFException e) {
            throw new DatasetFormatException("IDX file " + name + " is a damaged or truncated gzip file ("
                    + e.getMessage() + "); download it again", e);
        }
    }

    /** Reads an IDX file that must hold images of shape [n, rows, cols] and returns them as floats 0..255. */
    public static Tensor readImages(Path file, int rows, int cols) {
        return checkImages(read(file), rows, cols).toTensor();
    }

    /** Reads an IDX file that must hold labels of shape [n] and returns them as floats (class indices). */
    public static Tensor readLabels(Path file) {
        return checkLabels(read(file)).toTensor();
    }

    /** Checks that {@code d} holds images of {@code rows x cols} pixels; returns it. */
    public static IdxData checkImages(IdxData d, int rows, int cols) {
        if (d.dims().length != 3 || d.dims()[1] != rows || d.dims()[2] != cols) {
            throw new DatasetFormatException("IDX file " + d.source() + " should hold images of shape [n, " + rows
                    + ", " + cols + "] (magic 0x00000803) but holds shape " + Arrays.toString(d.dims())
                    + "; is it a label file or another data set?");
        }
        return d;
    }

    /** Checks that {@code d} holds one label per example (rank 1); returns it. */
    public static IdxData checkLabels(IdxData d) {
        if (d.dims().length != 1) {
            throw new DatasetFormatException("IDX file " + d.source() + " should hold labels of shape [n]"
                    + " (magic 0x00000801) but holds shape " + Arrays.toString(d.dims())
                    + "; is it an image file?");
        }
        return d;
    }

    private static IdxData parse(InputStream in, String name, boolean gzip) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new DatasetFormatException("IDX file " + name + " is too short (" + magic.length
                    + " bytes) to hold the 4-byte magic number");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DatasetFormatException(String.format("File %s is not an IDX file: it starts with"
                    + " 0x%02x%02x%02x%02x, an IDX file starts with 0x0000, a type code and the number of"
                    + " dimensions (0x00000803 for images, 0x00000801 for labels). Is it an HTML error page"
                    + " or a different format?", name, magic[0], magic[1], magic[2], magic[3]));
        }
        int type = magic[2] & 0xFF;
        int rank = magic[3] & 0xFF;
        if (type != TYPE_UBYTE) {
            throw new DatasetFormatException(String.format("IDX file %s has element type 0x%02x; Ganglion"
                    + " reads only unsigned-byte IDX files (type 0x08), as MNIST-like data sets use", name, type));
        }
        if (rank == 0) {
            throw new DatasetFormatException("IDX file " + name + " declares 0 dimensions");
        }
        byte[] header = in.readNBytes(4 * rank);
        if (header.length < 4 * rank) {
            throw new DatasetFormatException("IDX file " + name + " is truncated inside its header: "
                    + rank + " dimensions need " + (4 * rank) + " bytes after the magic number, found "
                    + header.length);
        }
        int[] dims = new int[rank];
        long expected = 1;
        for (int i = 0; i < rank; i++) {
            int o = 4 * i;
            long v = ((header[o] & 0xFFL) << 24) | ((header[o + 1] & 0xFF) << 16)
                    | ((header[o + 2] & 0xFF) << 8) | (header[o + 3] & 0xFF);
            if (v <= 0 || v > Integer.MAX_VALUE) {
                throw new DatasetFormatException("IDX file " + name + " has an invalid size " + v
                        + " for dimension " + i + " (sizes must be positive)");
            }
            dims[i] = (int) v;
            expected *= v;
            if (expected > Integer.MAX_VALUE - 16) {
                throw new DatasetFormatException("IDX file " + name + " declares shape "
                        + Arrays.toString(Arrays.copyOf(dims, i + 1)) + "..., more than 2^31 values");
            }
        }
        byte[] data = in.readNBytes((int) expected);
        if (data.length < expected) {
            throw new DatasetFormatException("IDX file " + name + " is truncated: its header declares shape "
                    + Arrays.toString(dims) + " = " + expected + " values, but only " + data.length
                    + " follow" + (gzip ? " (after gunzip)" : "") + "; download it again");
        }
        long extra = 0;
        while (in.read() >= 0) {
            extra++;
            extra += in.skip(Long.MAX_VALUE);
        }
        if (extra > 0) {
            throw new DatasetFormatException("IDX file " + name + " has " + extra + " bytes after the "
                    + expected + " values its header declares (shape " + Arrays.toString(dims)
                    + "); the header or the file is damaged");
        }
        return new IdxData(name, dims, data);
    }
}
