package ganglion.internal.npy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one {@code .npy} file, as {@code numpy.load} does: format versions 1.0, 2.0 and 3.0, the dtypes
 * of {@link NpyDtype} in either byte order, C or Fortran order (returned as C order), and object arrays of
 * lists of ints through {@link SafePickle}.
 *
 * <p>Sizes are checked before anything is allocated: the header may not exceed {@link #MAX_HEADER_BYTES},
 * and the data the header announces must fit in the bytes the source can still hold.
 */
public final class Npy {

    /** The largest header accepted (NumPy's own default limit is 10000 bytes). */
    public static final int MAX_HEADER_BYTES = 1 << 20;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK = 1 << 16;

    private Npy() {
    }

    /** Reads a {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            return read(in, size, file.toString());
        }
    }

    /** Reads a {@code .npy} image held in memory. */
    public static NpyArray read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes), bytes.length, "npy data");
    }

    /**
     * Reads a {@code .npy} image from a stream that holds at most {@code maxBytes} bytes (a bound used to
     * refuse a header that announces more data than can be present); {@code source} names it in errors.
     * Trailing bytes after the data are ignored, as NumPy ignores them.
     */
    public static NpyArray read(InputStream in, long maxBytes, String source) throws IOException {
        if (maxBytes < 10) {
            throw new NpyFormatException(source + ": not a .npy file (" + maxBytes + " bytes)");
        }
        byte[] start = readExactly(in, 8, source, "the magic string");
        for (int i = 0; i < MAGIC.length; i++) {
            if (start[i] != MAGIC[i]) {
                throw new NpyFormatException(source + ": not a .npy file (the magic string \\x93NUMPY is missing)");
            }
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpyFormatException(source + ": unsupported .npy format version " + major + "." + minor);
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lb = readExactly(in, lenBytes, source, "the header length");
        long headerLen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) {
            headerLen = (headerLen << 8) | (lb[i] & 0xFF);
        }
        long remaining = maxBytes - 8 - lenBytes;
        if (headerLen > MAX_HEADER_BYTES || headerLen > remaining) {
            throw new NpyFormatException(source + ": header length " + headerLen + " exceeds "
                    + (headerLen > remaining ? "the " + remaining + " bytes left in the file"
                    : "the limit of " + MAX_HEADER_BYTES + " bytes"));
        }
        byte[] hb = readExactly(in, (int) headerLen, source, "the header");
        String headerText = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(headerText, source);
        remaining -= headerLen;

        int n = header.count();
        int[] shape = header.shape();
        if (header.dtype() == NpyDtype.OBJECT) {
            return readObjects(in, remaining, header, source);
        }
        long bytes = (long) n * header.dtype().itemSize();
        if (bytes > remaining) {
            throw new NpyFormatException(source + ": truncated: the header announces " + bytes
                    + " bytes of data for shape " + java.util.Arrays.toString(shape) + " but only " + remaining
                    + " remain");
        }
        Object data = readNumeric(in, header, source);
        if (header.fortranOrder() && shape.length > 1) {
            data = fortranToC(data, shape);
        }
        return new NpyArray(header.dtype(), shape, data, header.fortranOrder());
    }

    private static NpyArray readObjects(InputStream in, long remaining, NpyHeader header, String source)
            throws IOException {
        if (remaining > Integer.MAX_VALUE - 8) {
            throw new NpyFormatException(source + ": pickled object array larger than 2 GB");
        }
        byte[] pickle = in.readNBytes((int) remaining);
        SafePickle.ObjectArray arr = SafePickle.readObjectArray(pickle, 0, pickle.length, source);
        int[] shape = header.shape();
        if (!java.util.Arrays.equals(arr.shape, shape)) {
            throw new NpyFormatException(source + ": the pickled array has shape "
                    + java.util.Arrays.toString(arr.shape) + " but the header says " + java.util.Arrays.toString(shape));
        }
        Object data = arr.lists;
        if (arr.fortran && shape.length > 1) {
            data = fortranToC(data, shape);
        }
        return new NpyArray(NpyDtype.OBJECT, shape, data, header.fortranOrder() || arr.fortran);
    }

    private static Object readNumeric(InputStream in, NpyHeader h, String source) throws IOException {
        int n = h.count();
        int size = h.dtype().itemSize();
        ByteOrder order = h.order();
        Object out;
        switch (h.dtype()) {
            case BOOL: out = new boolean[n]; break;
            case INT8: case UINT8:
                return readExactly(in, n, source, "the data");
            case INT16: case FLOAT16: out = new short[n]; break;
            case UINT16: out = new char[n]; break;
            case INT32: case UINT32: out = new int[n]; break;
            case INT64: case UINT64: out = new long[n]; break;
            case FLOAT32: out = new float[n]; break;
            case FLOAT64: out = new double[n]; break;
            default: throw new IllegalStateException(h.dtype().toString());
        }
        byte[] buf = new byte[CHUNK];
        int perChunk = CHUNK / size;
        for (int done = 0; done < n; ) {
            int k = Math.min(n - done, perChunk);
            int got = in.readNBytes(buf, 0, k * size);
            if (got != k * size) {
                throw new NpyFormatException(source + ": truncated: the data ends after "
                        + ((long) done * size + got) + " of " + ((long) n * size) + " bytes");
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, k * size).order(order);
            switch (h.dtype()) {
                case BOOL: {
                    boolean[] b = (boolean[]) out;
                    for (int i = 0; i < k; i++) {
                        b[done + i] = buf[i] != 0;
                    }
                    break;
                }
                case INT16: case FLOAT16: bb.asShortBuffer().get((short[]) out, done, k); break;
                case UINT16: bb.asCharBuffer().get((char[]) out, done, k); break;
                case INT32: case UINT32: bb.asIntBuffer().get((int[]) out, done, k); break;
                case INT64: case UINT64: bb.asLongBuffer().get((long[]) out, done, k); break;
                case FLOAT32: bb.asFloatBuffer().get((float[]) out, done, k); break;
                default: bb.asDoubleBuffer().get((double[]) out, done, k); break;
            }
            done += k;
        }
        return out;
    }

    /** Reorders column-major data of the given shape into row-major order. */
    static Object fortranToC(Object src, int[] shape) {
        int n = Array.getLength(src);
        Object dst = Array.newInstance(src.getClass().getComponentType(), n);
        int rank = shape.length;
        int[] fstride = new int[rank];
        int s = 1;
        for (int d = 0; d < rank; d++) {
            fstride[d] = s;
            s *= shape[d];
        }
        int[] idx = new int[rank];
        int from = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(src, from, dst, i, 1);
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) {
                    from += fstride[d];
                    break;
                }
                from -= fstride[d] * (shape[d] - 1);
                idx[d] = 0;
            }
        }
        return dst;
    }

    private static byte[] readExactly(InputStream in, int n, String source, String what) throws IOException {
        byte[] b = new byte[n];
        int got = in.readNBytes(b, 0, n);
        if (got != n) {
            throw new NpyFormatException(source + ": truncated while reading " + what + " (" + got
                    + " of " + n + " bytes)");
        }
        return b;
    }
}
