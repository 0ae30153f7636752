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
 * more than its bytes can hold.
 */
public final class Npz {

    /** Deflate never expands data by more than this factor. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private Npz() {
    }

    /** Every array of the archive, in the archive's order. */
    public static Map<String, NpyArray> read(Path file) throws IOException {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long fileSize = Files.size(file);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String key = keyOf(e);
                if (key != null && !out.containsKey(key)) {
                    out.put(key, readEntry(zip, e, fileSize, file));
                }
            }
        }
        return out;
    }

    /** One array of the archive; {@code key} is the entry name without {@code .npy}. */
    public static NpyArray read(Path file, String key) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry e = zip.getEntry(key + ".npy");
            if (e == null) {
                throw new NpyFormatException(file + ": no array named '" + key + "' (has " + keys(zip) + ")");
            }
            return readEntry(zip, e, Files.size(file), file);
        }
    }

    /** The keys of the archive's arrays, in order. */
    public static List<String> keys(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return keys(zip);
        }
    }

    private static List<String> keys(ZipFile zip) {
        List<String> keys = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String k = keyOf(entries.nextElement());
            if (k != null) {
                keys.add(k);
            }
        }
        return keys;
    }

    private static String keyOf(ZipEntry e) {
        String name = e.getName();
        if (e.isDirectory() || !name.endsWith(".npy")) {
            return null;
        }
        return name.substring(0, name.length() - 4);
    }

    private static NpyArray readEntry(ZipFile zip, ZipEntry e, long fileSize, Path file) throws IOException {
        long compressed = e.getCompressedSize() >= 0 ? e.getCompressedSize() : fileSize;
        long bound = e.getMethod() == ZipEntry.STORED ? compressed : compressed * MAX_DEFLATE_RATIO + 64;
        if (e.getSize() >= 0) {
            bound = Math.min(bound, e.getSize());
        }
        String source = file + "!" + e.getName();
        try (InputStream in = new BufferedInputStream(zip.getInputStream(e), 1 << 16)) {
            return Npy.read(in, bound, source);
        }
    }
}
