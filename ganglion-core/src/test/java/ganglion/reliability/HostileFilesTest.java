package ganglion.reliability;

import ganglion.datasets.DatasetFormatException;
import ganglion.datasets.IdxReader;
import ganglion.internal.json.Json;
import ganglion.internal.json.JsonException;
import ganglion.internal.npy.NpyFormatException;
import ganglion.internal.npy.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files built to hurt the reader: npz entries that climb out of the archive, zip bombs, JSON nested a million
 * levels deep, IDX headers whose sizes overflow or promise far more data than the file holds. Each is refused
 * with a message that says what is wrong, while the memory allocated stays bounded.
 */
class HostileFilesTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    /** A float32 .npy of {@code n} zeros. */
    static byte[] npyZeros(int n) {
        String h = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + n + ",), }";
        int total = 10 + h.length() + 1;
        int pad = (64 - total % 64) % 64;
        StringBuilder header = new StringBuilder(h);
        header.append(" ".repeat(pad)).append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private Path zip(String name, Map<String, byte[]> entries, int method) throws IOException {
        Path f = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.setMethod(method);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                if (method == ZipEntry.STORED) {
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    ze.setSize(e.getValue().length);
                    ze.setCompressedSize(e.getValue().length);
                    ze.setCrc(crc.getValue());
                }
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return f;
    }

    @Test
    void npzEntryWithDotDotIsRefused() throws IOException {
        Path f = zip("dotdot.npz", Map.of("../../evil.npy", npyZeros(3)), ZipEntry.DEFLATED);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("'..'") && e.getMessage().contains("../../evil.npy"), e.getMessage());
        assertFalse(Files.exists(dir.getParent().getParent().resolve("evil.npy")));
        assertThrows(NpyFormatException.class, () -> Npz.keys(f));
    }

    @Test
    void npzAbsoluteEntryIsRefused() throws IOException {
        for (String name : new String[] {"/etc/evil.npy", "C:\\evil.npy", "a/../../b.npy"}) {
            Path f = zip("abs.npz", Map.of(name, npyZeros(3)), ZipEntry.STORED);
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(f), name);
            assertTrue(e.getMessage().contains("refusing the entry"), e.getMessage());
        }
    }

    @Test
    void npzOrdinaryNamesStillLoad() throws IOException {
        Path f = zip("ok.npz", Map.of("x.npy", npyZeros(3), "dir/y..z.npy", npyZeros(2)), ZipEntry.DEFLATED);
        assertEquals(2, Npz.read(f).size());
    }

    @Test
    void npzZipBombOverTheSizeLimitIsRefusedBeforeAllocating() throws IOException {
        // 16 MB of zeros deflate to ~16 KB (ratio ~1000:1); the limit is set to 1 MB for this test.
        Path f = zip("bomb.npz", Map.of("x.npy", npyZeros(4 << 20)), ZipEntry.DEFLATED);
        assertTrue(Files.size(f) < 100_000, "bomb size " + Files.size(f));
        String old = System.getProperty(Npz.MAX_BYTES_PROPERTY);
        System.setProperty(Npz.MAX_BYTES_PROPERTY, Long.toString(1 << 20));
        try {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(f));
            long used = THREADS.getCurrentThreadAllocatedBytes() - before;
            assertTrue(e.getMessage().contains("limit") && e.getMessage().contains(Npz.MAX_BYTES_PROPERTY),
                    e.getMessage());
            assertTrue(used < (8 << 20), "allocated " + used + " bytes to refuse a zip bomb");
        } finally {
            if (old == null) {
                System.clearProperty(Npz.MAX_BYTES_PROPERTY);
            } else {
                System.setProperty(Npz.MAX_BYTES_PROPERTY, old);
            }
        }
        assertEquals(4 << 20, Npz.read(f).get("x").size(), "under the default limit it loads");
    }

    @Test
    void npzWhoseDirectoryLiesAboutSizesIsBoundedByWhatDeflateCanHold() throws IOException {
        // A stored entry whose .npy header announces 1 G floats: refused before allocating them.
        byte[] lie = npyZeros(4);
        byte[] header = new String(lie, StandardCharsets.ISO_8859_1).replace("(4,)", "(268435456,)")
                .getBytes(StandardCharsets.ISO_8859_1);
        Path f = zip("lie.npz", Map.of("x.npy", header), ZipEntry.STORED);
        long before = THREADS.getCurrentThreadAllocatedBytes();
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(f));
        assertTrue(THREADS.getCurrentThreadAllocatedBytes() - before < (8 << 20));
        assertTrue(e.getMessage().contains("announces"), e.getMessage());
    }

    @Test
    void jsonNestedAMillionLevelsIsRefusedWithoutStackOverflow() {
        String deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
        String deepObj = "{\"a\":".repeat(1_000_000) + "1" + "}".repeat(1_000_000);
        assertThrows(JsonException.class, () -> Json.parse(deepObj));
    }

    private static byte[] idxHeader(int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
        b.putInt(0x0800 | dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    @Test
    void idxWhoseDimensionsOverflowIsRefused() {
        byte[] f = idxHeader(65536, 65536, 65536);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.read(new ByteArrayInputStream(f), "overflow.idx"));
        assertTrue(e.getMessage().contains("more than 2^31 values"), e.getMessage());
        byte[] neg = idxHeader(-5, 3);
        e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(new ByteArrayInputStream(neg), "neg.idx"));
        assertTrue(e.getMessage().contains("invalid size"), e.getMessage());
    }

    @Test
    void idxPromisingAGigabyteFromATinyFileAllocatesLittle() {
        byte[] f = idxHeader(1 << 15, 1 << 15);  // 2^30 values promised, none present
        long before = THREADS.getCurrentThreadAllocatedBytes();
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.read(new ByteArrayInputStream(f), "huge.idx"));
        assertTrue(THREADS.getCurrentThreadAllocatedBytes() - before < (8 << 20));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void idxGzipBombPromisingMoreThanItHoldsIsRefused() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(raw)) {
            gz.write(idxHeader(1000, 1000, 1000));
            gz.write(new byte[1 << 20]);
        }
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.read(new ByteArrayInputStream(raw.toByteArray()), "bomb.idx.gz"));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("gunzip"), e.getMessage());
    }
}
