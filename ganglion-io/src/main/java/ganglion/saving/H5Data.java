package ganglion.saving;

import ganglion.Tensor;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.object.message.DataLayout;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves tensors in and out of HDF5 through jHDF. Writing: float32 datasets of any rank (jHDF takes nested
 * Java arrays), scalars. Reading: any numeric dataset (float32/64, integers, Keras's bfloat16 marked by a
 * "dtype" attribute) as float32, after checking that the dimensions are sane and fit the limits.
 *
 * <p>Before jHDF turns stored bytes into Java arrays, every read is checked against the size of the file
 * (see {@link H5Input}): a dataset's values must fit in the file ({@value #MAX_CHUNKED_RATIO} times the file
 * for a chunked, deflate-compressed dataset), attributes must be strings or numbers, and a variable-length
 * string attribute may not point twice at the same heap object (which would let a small file expand into
 * many copies of one large string).
 */
final class H5Data {

    private H5Data() {
    }

    /** Writes a tensor as a float32 dataset of the tensor's shape (a rank-0 tensor as a scalar). */
    static void putTensor(H5Tree.Group g, String name, Tensor t) {
        int[] shape = t.shape();
        float[] data = t.toFloatArray();
        if (shape.length == 0) {
            g.putDataset(name, Float.valueOf(data[0]));
            return;
        }
        for (int d : shape) {
            if (d == 0) {
                throw new IllegalArgumentException("cannot save '" + name + "': a zero-length weight tensor "
                        + "(jHDF 0.10.0 cannot write empty datasets)");
            }
        }
        g.putDataset(name, nested(data, shape));
    }

    /** A Java array of rank shape.length holding data in row-major order. */
    static Object nested(float[] data, int[] shape) {
        if (shape.length == 1) {
            return data.clone();
        }
        Object arr = Array.newInstance(float.class, shape);
        int last = shape[shape.length - 1];
        int[] idx = new int[shape.length - 1];
        int rows = data.length / last;
        for (int r = 0; r < rows; r++) {
            Object a = arr;
            for (int k = 0; k < idx.length - 1; k++) {
                a = Array.get(a, idx[k]);
            }
            float[] row = (float[]) Array.get(a, idx[idx.length - 1]);
            System.arraycopy(data, r * last, row, 0, last);
            for (int k = idx.length - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) {
                    break;
                }
                idx[k] = 0;
            }
        }
        return arr;
    }

    /** The child node at a relative path, or null. Refuses odd paths. */
    static Node child(Group g, String path) {
        Node n = g;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(n instanceof Group gr)) {
                return null;
            }
            if (!gr.getChildren().containsKey(part)) {
                return null;
            }
            n = gr.getChild(part);
        }
        return n;
    }

    static Group group(Group g, String path) {
        Node n = child(g, path);
        return n instanceof Group gr && !(n instanceof Dataset) ? gr : null;
    }

    /** Datasets "0", "1", ... of a Keras 3 vars group, in order. */
    static List<Tensor> readVars(Group vars, Path file, String where) throws GanglionFormatException {
        List<Tensor> r = new ArrayList<>();
        int n = vars.getChildren().size();
        for (int i = 0; i < n; i++) {
            Node c = vars.getChildren().get(String.valueOf(i));
            if (!(c instanceof Dataset ds)) {
                throw new GanglionFormatException(file, where + " has " + n + " entries but no dataset named '" + i + "'");
            }
            r.add(readTensor(ds, file, where + "/" + i));
        }
        return r;
    }

    /** Reads a numeric dataset as a float32 tensor, checking its size first. */
    static Tensor readTensor(Dataset ds, Path file, String where) throws GanglionFormatException {
        int[] dims = ds.getDimensions();
        if (dims.length > 32) {
            throw new GanglionFormatException(file, where + " has rank " + dims.length + "; weights have at most 32 axes");
        }
        long count = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new GanglionFormatException(file, where + " has a negative dimension " + d);
            }
            count *= d;
            if (count > SavingLimits.MAX_ARRAY || count * 4 > SavingLimits.maxBytes()) {
                throw new GanglionFormatException(file, where + " has dimensions " + java.util.Arrays.toString(dims)
                        + ", too large (limit " + SavingLimits.maxBytes() + " bytes, system property "
                        + "ganglion.saving.maxBytes)");
            }
        }
        checkValues(ds, count, file, where);
        Object flat;
        try {
            flat = ds.isScalar() ? ds.getData() : ds.getDataFlat();
        } catch (RuntimeException | OutOfMemoryError e) {
            throw new GanglionFormatException(file, "could not read dataset " + where + ": " + e, e);
        }
        boolean bf16 = isBfloat16(ds);
        float[] v = toFloats(flat, bf16, file, where);
        if (v.length != count) {
            throw new GanglionFormatException(file, where + " holds " + v.length + " values for dimensions "
                    + java.util.Arrays.toString(dims));
        }
        return Tensor.wrap(v, dims);
    }

    /** The largest ratio of a chunked, compressed dataset's values to the file's size (deflate reaches ~1000). */
    static final long MAX_CHUNKED_RATIO = 512;

    /** HDF5 filters whose output size is bounded by their input (deflate, shuffle, fletcher32). */
    private static final Set<Integer> SAFE_FILTERS = Set.of(1, 2, 3);

    /**
     * Refuses a dataset whose values jHDF would build from sizes the file cannot back: a non-numeric type, or
     * more bytes of values than the file holds (a chunked dataset: {@value #MAX_CHUNKED_RATIO} times, with
     * at most one chunk per 8 bytes of file, and only the deflate/shuffle/fletcher32 filters).
     */
    static void checkValues(Dataset ds, long count, Path file, String where) throws GanglionFormatException {
        DataType type = ds.getDataType();
        if (!(type instanceof FloatingPoint || type instanceof FixedPoint)) {
            throw new GanglionFormatException(file, where + " is not numeric (HDF5 type "
                    + type.getClass().getSimpleName() + ")");
        }
        int size = type.getSize();
        if (size < 1 || size > 8) {
            throw new GanglionFormatException(file, where + " has " + size + "-byte values; weights have 1 to 8");
        }
        long fileSize = H5Input.fileSize(ds);
        long bytes = count * size;
        long bound = fileSize;
        if (ds.getDataLayout() == DataLayout.CHUNKED) {
            bound = fileSize * MAX_CHUNKED_RATIO;
            for (PipelineFilterWithData f : ds.getFilters()) {
                if (!SAFE_FILTERS.contains(f.getId())) {
                    throw new GanglionFormatException(file, where + " uses HDF5 filter " + f.getId() + " ("
                            + f.getName() + "); only deflate, shuffle and fletcher32 are read");
                }
            }
            int[] chunk = ((ChunkedDataset) ds).getChunkDimensions();
            int[] dims = ds.getDimensions();
            long cells = 1;
            long chunkBytes = size;
            for (int i = 0; i < dims.length; i++) {
                int c = i < chunk.length ? chunk[i] : 1;
                if (c < 1) {
                    throw new GanglionFormatException(file, where + " has a chunk dimension " + c);
                }
                cells = Math.multiplyExact(cells, (dims[i] + (long) c - 1) / c);
                chunkBytes = Math.min(Long.MAX_VALUE / 2, chunkBytes * c);
                if (cells > fileSize / 8 + 1 || chunkBytes > bound) {
                    throw new GanglionFormatException(file, where + " has chunks " + java.util.Arrays.toString(chunk)
                            + " for dimensions " + java.util.Arrays.toString(dims) + ": more or larger chunks than a "
                            + fileSize + "-byte file can hold");
                }
            }
        }
        if (bytes > bound) {
            throw new GanglionFormatException(file, where + " declares " + bytes + " bytes of values but the file has "
                    + "only " + fileSize + " bytes" + (bound > fileSize ? " (x" + MAX_CHUNKED_RATIO + " for compressed "
                    + "chunks)" : ""));
        }
    }

    /** A numeric scalar dataset's value (checked like {@link #readTensor}), or null if it is not one. */
    static Object scalar(Dataset ds, Path file, String where) throws GanglionFormatException {
        if (!ds.isScalar()) {
            return null;
        }
        checkValues(ds, 1, file, where);
        return ds.getData();
    }

    private static boolean isBfloat16(Dataset ds) {
        try {
            Object d = attributeValue(ds, "dtype");
            return d instanceof String s && s.equals("bfloat16");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The value of a string or numeric attribute, or null when absent; refuses (with {@link H5Input.Refused})
     * other types and variable-length strings that point twice at one heap object.
     */
    static Object attributeValue(Node node, String name) {
        Attribute a = node.getAttributes().get(name);
        if (a == null) {
            return null;
        }
        DataType type = a.getDataType();
        String where = "attribute '" + name + "' of " + node.getPath();
        long count = a.getSize();
        if (type instanceof VariableLength vl) {
            if (!vl.isVariableLengthString()) {
                throw new H5Input.Refused(where + " is a variable-length sequence, not a string");
            }
            checkDistinctHeapIds(a, node, where, count);
        } else if (!(type instanceof StringData || type instanceof FloatingPoint || type instanceof FixedPoint)) {
            throw new H5Input.Refused(where + " has HDF5 type " + type.getClass().getSimpleName()
                    + "; only strings and numbers are read");
        }
        ByteBuffer data = a.getBuffer();
        int available = data == null ? 0 : data.remaining();
        if (count > 0 && (type.getSize() < 1 || count > available)) {
            throw new H5Input.Refused(where + " declares " + count + " values of " + type.getSize()
                    + " bytes in " + available + " bytes");
        }
        return a.getData();
    }

    /** Each element of a variable-length string attribute must be its own global-heap object. */
    private static void checkDistinctHeapIds(Attribute a, Node node, String where, long count) {
        int offsets = node.getHdfFile().getHdfBackingStorage().getSizeOfOffsets();
        int element = 4 + offsets + 4;
        if (count == 0) {
            return;
        }
        if (a.getBuffer() == null) {
            throw new H5Input.Refused(where + " declares " + count + " strings but holds no data");
        }
        ByteBuffer b = a.getBuffer().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (count * element > b.remaining()) {
            throw new H5Input.Refused(where + " declares " + count + " strings in " + b.remaining() + " bytes");
        }
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < count; i++) {
            int p = b.position() + (int) (i * element) + 4;
            long address = offsets == 8 ? b.getLong(p) : b.getInt(p) & 0xffffffffL;
            int index = b.getInt(p + offsets);
            if (!seen.add(address + ":" + index)) {
                throw new H5Input.Refused(where + " refers twice to global heap object " + index + " at " + address);
            }
        }
    }

    private static float[] toFloats(Object flat, boolean bf16, Path file, String where) throws GanglionFormatException {
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat instanceof Float f) {
            return new float[]{f};
        }
        if (flat instanceof Number n) {
            return new float[]{n.floatValue()};
        }
        if (flat instanceof double[] d) {
            float[] r = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                r[i] = (float) d[i];
            }
            return r;
        }
        if (flat instanceof short[] s) {
            float[] r = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                r[i] = bf16 ? Float.intBitsToFloat((s[i] & 0xffff) << 16) : s[i];
            }
            return r;
        }
        if (flat instanceof int[] a) {
            float[] r = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = bf16 ? Float.intBitsToFloat((a[i] & 0xffff) << 16) : a[i];
            }
            return r;
        }
        if (flat instanceof long[] a) {
            float[] r = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i];
            }
            return r;
        }
        if (flat instanceof byte[] a) {
            float[] r = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i];
            }
            return r;
        }
        if (flat instanceof boolean[] a) {
            float[] r = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                r[i] = a[i] ? 1f : 0f;
            }
            return r;
        }
        throw new GanglionFormatException(file, where + " is not numeric ("
                + (flat == null ? "null" : flat.getClass().getSimpleName()) + ")");
    }

    /** A string-list attribute as Keras reads it (bytes or str, one value or an array), or null if absent. */
    static List<String> stringList(Node node, String name) {
        if (node.getAttributes().get(name) == null) {
            return null;
        }
        Object d = attributeValue(node, name);
        List<String> r = new ArrayList<>();
        if (d instanceof String s) {
            r.add(s);
        } else if (d != null && d.getClass().isArray()) {
            int n = Array.getLength(d);
            for (int i = 0; i < n; i++) {
                Object x = Array.get(d, i);
                if (x instanceof String s) {
                    r.add(s);
                } else if (x != null && !(x instanceof Number)) {
                    r.add(String.valueOf(x));
                }
            }
        }
        return r;
    }

    /** Keras's chunked string attribute: name, or name0, name1, ... (HDF5_OBJECT_HEADER_LIMIT). */
    static List<String> chunkedStrings(Node node, String name) {
        List<String> r = stringList(node, name);
        if (r != null) {
            return r;
        }
        r = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            List<String> part = stringList(node, name + i);
            if (part == null) {
                break;
            }
            r.addAll(part);
        }
        return r;
    }

    /** A string attribute, or null. */
    static String string(Node node, String name) {
        Object d = attributeValue(node, name);
        if (d instanceof String s) {
            return s;
        }
        if (d instanceof byte[] b) {
            return new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        return d == null ? null : String.valueOf(d);
    }
}
