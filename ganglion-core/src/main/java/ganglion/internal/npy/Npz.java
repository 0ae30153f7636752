package ganglion.internal.npy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads {@code .npz} archives ({@code numpy.savez}, stored, and {@code numpy.savez_compressed}, deflated),
 * as {@code numpy.load} does: each {@code name.npy} entry is an array under the key {@code name}.
 * Entries that are not {@code .npy} files are ignored.
 *
 * <p>An entry's data is bounded by its recorded size, and a deflated entry by its compressed size times
 * deflate's largest possible ratio (1032:1), so a lying or hostile archive cannot make the reader allocate
 * more than its bytes can hold. The arrays of one archive may not hold more than {@link #maxBytes()} bytes
 * in all (2 GiB by default; system property {@value #MAX_BYTES_PROPERTY}), and entry names that climb out of
 * the archive ({@code ..} segments) or are absolute are refused, although nothing is ever written to disk.
 */
public final class Npz {

    /** Deflate never expands data by more than this factor. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    /** System property that sets {@link #maxBytes()}, in bytes. */
    public static final String MAX_BYTES_PROPERTY = "ganglion.npz.maxBytes";

    private static final long DEFAULT_MAX_BYTES = 2L << 30;

    /** The most bytes of array data one archive may hold, all entries together. */
    public static long maxBytes() {
        return Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES);
    }

    private Npz() {
    }

    /** Every array of the archive, in the archive's order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = open(file)) {
            long fileSize = Files.size(file);
            long budget = maxBytes();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String key = keyOf(e, file);
                if (key != null && !out.containsKey(key)) {
                    NpyArray a = readEntry(zip, e, fileSize, file, budget);
                    budget -= (long) a.size() * Math.max(1, a.dtype().itemSize());
                    out.put(key, a);
                }
            }
        }
        return out;
    }

    /** One array of the archive; {@code key} is the entry name without {@code .npy}. */
    public static NpyArray read(Path file, String key) throws IOException {
        try (ZipFile zip = open(file)) {
            ZipEntry e = zip.getEntry(key + ".npy");
            if (e == null) {
                throw new NpyFormatException(file + ": no array named '" + key + "' (has " + keys(zip, file) + ")");
            }
            keyOf(e, file);
            return readEntry(zip, e, Files.size(file), file, maxBytes());
        }
    }

    /** The keys of the archive's arrays, in order. */
    public static List<String> keys(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            return keys(zip, file);
        }
    }

    private static List<String> keys(ZipFile zip, Path file) throws NpyFormatException {
        List<String> keys = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String k = keyOf(entries.nextElement(), file);
            if (k != null) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static String keyOf(ZipEntry e, Path file) throws NpyFormatException {
        String name = e.getName();
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':') || n.equals("..") || n.startsWith("../")
                || n.endsWith("/..") || n.contains("/../")) {
            throw new NpyFormatException(file + ": refusing the entry '" + name + "': an absolute path or a path"
                    + " with '..' segments has no place in an .npz archive (hostile or damaged file)");
        }
        if (e.isDirectory() || !name.endsWith(".npy")) {
            return null;
        }
        return name.substring(0, name.length() - 4);
    }

    private static NpyArray readEntry(ZipFile zip, ZipEntry e, long fileSize, Path file, long budget)
            throws IOException {
        String source = file + "!" + e.getName();
        if (e.getSize() > budget) {
            throw new NpyFormatException(source + ": the entry holds " + e.getSize() + " bytes, over what is left ("
                    + Math.max(budget, 0) + " bytes) of the " + maxBytes() + "-byte limit on an archive's arrays"
                    + " (a zip bomb? raise the limit with -D" + MAX_BYTES_PROPERTY + "=BYTES if the file is trusted)");
        }
        long compressed = e.getCompressedSize() >= 0 ? e.getCompressedSize() : fileSize;
        long bound = e.getMethod() == ZipEntry.STORED ? compressed : compressed * MAX_DEFLATE_RATIO + 64;
        if (e.getSize() >= 0) {
            bound = Math.min(bound, e.getSize());
        }
        bound = Math.min(bound, budget + Npy.MAX_HEADER_BYTES + 64);
        try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
            return Npy.read(in, bound, source);
        } catch (NpyFormatException x) {
            throw x;
        } catch (IOException x) {
            throw damaged(source, x);
        }
    }

    /** Opens the archive, turning the zip layer's errors (which do not name the file) into format errors. */
    private static ZipFile open(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException | java.io.EOFException x) {
            throw damaged(file.toString(), x);
        }
    }

    private static NpyFormatException damaged(String source, IOException x) {
        NpyFormatException e = new NpyFormatException(source + ": not a valid .npz (zip) archive or a damaged entry ("
                + x.getClass().getSimpleName() + (x.getMessage() == null ? "" : ": " + x.getMessage()) + ")");
        e.initCause(x);
        return e;
    }
}
