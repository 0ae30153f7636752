package ganglion.saving;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes the ".keras" zip ({@code saving_lib.py}): metadata.json, config.json and
 * model.weights.h5. Reading is defensive: every entry name is checked (no "..", no absolute paths, no
 * drive letters or backslashes), the number of entries, each entry's real uncompressed size (counted while
 * inflating, not trusted from the header), the total and the compression ratio are bounded, and nothing is
 * ever extracted to disk.
 */
final class KerasArchive {

    static final String METADATA = "metadata.json";
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.weights.h5";

    private KerasArchive() {
    }

    /** Writes the three entries to {@code zipPath} (the h5 comes from a file on disk). */
    static void write(Path zipPath, byte[] metadata, byte[] config, Path weightsH5) throws IOException {
        try (OutputStream fo = Files.newOutputStream(zipPath); ZipOutputStream zo = new ZipOutputStream(fo)) {
            put(zo, METADATA, metadata);
            put(zo, CONFIG, config);
            zo.putNextEntry(new ZipEntry(WEIGHTS));
            Files.copy(weightsH5, zo);
            zo.closeEntry();
        }
    }

    private static void put(ZipOutputStream zo, String name, byte[] data) throws IOException {
        zo.putNextEntry(new ZipEntry(name));
        zo.write(data);
        zo.closeEntry();
    }

    /** The entries Ganglion needs, read into memory within the limits. */
    static Map<String, byte[]> read(Path file, Set<String> wanted) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        long total = 0;
        try (ZipFile zf = new ZipFile(file.toFile())) {
            int count = 0;
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (++count > SavingLimits.maxEntries()) {
                    throw new GanglionFormatException(file, "the archive has more than " + SavingLimits.maxEntries()
                            + " entries");
                }
                checkName(file, e.getName());
                if (!wanted.contains(e.getName()) || e.isDirectory()) {
                    continue;
                }
                byte[] data = readEntry(zf, e, file, SavingLimits.maxBytes() - total);
                total += data.length;
                out.put(e.getName(), data);
            }
        } catch (ZipException e) {
            throw new GanglionFormatException(file, "not a valid .keras zip archive: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new GanglionFormatException(file, "damaged .keras zip archive: " + e.getMessage(), e);
        } catch (GanglionFormatException e) {
            throw e;
        } catch (java.io.EOFException e) {
            throw new GanglionFormatException(file, "truncated .keras zip archive (an entry ends early)", e);
        } catch (IOException e) {
            if (e.getClass() == IOException.class || e instanceof java.util.zip.ZipException) {
                throw new GanglionFormatException(file, "damaged .keras zip archive: " + e.getMessage(), e);
            }
            throw e;
        }
        return out;
    }

    static void checkName(Path file, String name) throws GanglionFormatException {
        String n = name.replace('\\', '/');
        boolean bad = n.startsWith("/") || n.contains("\0") || (n.length() > 1 && n.charAt(1) == ':')
                || name.contains("\\");
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                bad = true;
            }
        }
        if (bad) {
            throw new GanglionFormatException(file, "the archive contains an entry with an unsafe path '"
                    + printable(name) + "' (absolute, '..', or a backslash); refusing to read it");
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 32 || c == 127 ? '?' : c);
        }
        return sb.length() > 200 ? sb.substring(0, 200) + "..." : sb.toString();
    }

    private static byte[] readEntry(ZipFile zf, ZipEntry e, Path file, long budget) throws IOException {
        long limit = Math.min(Math.min(SavingLimits.maxBytes(), budget), SavingLimits.MAX_ARRAY);
        long declared = e.getSize();
        if (declared > limit) {
            throw new GanglionFormatException(file, "entry " + e.getName() + " declares " + declared
                    + " bytes, over the limit of " + limit + " (system property ganglion.saving.maxBytes)");
        }
        long compressed = Math.max(e.getCompressedSize(), 1);
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(
                (int) Math.min(Math.max(declared, 1024), 1 << 24));
        byte[] chunk = new byte[1 << 16];
        long n = 0;
        try (InputStream in = zf.getInputStream(e)) {
            int r;
            while ((r = in.read(chunk)) > 0) {
                n += r;
                if (n > limit) {
                    throw new GanglionFormatException(file, "entry " + e.getName() + " inflates beyond " + limit
                            + " bytes (a zip bomb?); limit: system property ganglion.saving.maxBytes");
                }
                if (n > (1 << 20) && n / compressed > SavingLimits.maxRatio()) {
                    throw new GanglionFormatException(file, "entry " + e.getName() + " has a compression ratio over "
                            + SavingLimits.maxRatio() + ":1 (a zip bomb?); limit: system property "
                            + "ganglion.saving.maxRatio");
                }
                buf.write(chunk, 0, r);
            }
        }
        return buf.toByteArray();
    }
}
