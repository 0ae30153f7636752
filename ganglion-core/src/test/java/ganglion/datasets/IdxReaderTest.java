package ganglion.datasets;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {

    @TempDir
    Path tmp;

    /** An IDX file of unsigned bytes with the given dims and values 0, 1, 2, ... (mod 256). */
    static byte[] idx(int type, int[] dims, int values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(type);
        out.write(dims.length);
        for (int d : dims) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        for (int i = 0; i < values; i++) {
            out.write(i * 37 + 200);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(bo)) {
            g.write(b);
        }
        return bo.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    @Test
    void readsPlainAndGzippedFilesAlike() throws IOException {
        byte[] raw = idx(8, new int[]{3, 2, 2}, 12);
        Tensor a = IdxReader.readImages(write("plain-idx3-ubyte", raw), 2, 2);
        Tensor b = IdxReader.readImages(write("zipped.gz", gzip(raw)), 2, 2);
        assertArrayEquals(new int[]{3, 2, 2}, a.shape());
        assertArrayEquals(a.toFloatArray(), b.toFloatArray());
        float[] v = a.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            assertTrue(v[i] == ((i * 37 + 200) & 0xFF), "unsigned byte at " + i + ": " + v[i]);
        }
        Tensor labels = IdxReader.readLabels(write("labels", idx(8, new int[]{5}, 5)));
        assertArrayEquals(new int[]{5}, labels.shape());
    }

    @Test
    void rejectsAWrongMagicNumberNamingTheFile() throws IOException {
        Path html = write("page.gz", "<html>404</html>".getBytes());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(html));
        assertTrue(e.getMessage().contains(html.toString()) && e.getMessage().contains("not an IDX file"),
                e.getMessage());
        Path floats = write("floats", idx(0x0D, new int[]{2}, 8));
        e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(floats));
        assertTrue(e.getMessage().contains("type 0x0d"), e.getMessage());
    }

    @Test
    void rejectsTruncatedAndOverlongFiles() throws IOException {
        byte[] raw = idx(8, new int[]{4, 28, 28}, 4 * 784);
        Path shortFile = write("short", Arrays.copyOf(raw, raw.length - 1));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(shortFile));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("3136 values, but only 3135"),
                e.getMessage());
        Path longFile = write("long", Arrays.copyOf(raw, raw.length + 3));
        e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(longFile));
        assertTrue(e.getMessage().contains("has 3 bytes after"), e.getMessage());
        Path header = write("header", Arrays.copyOf(raw, 9));
        e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(header));
        assertTrue(e.getMessage().contains("inside its header"), e.getMessage());
        byte[] gz = gzip(raw);
        Path cut = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(cut));
        assertTrue(e.getMessage().contains("cut.gz") && e.getMessage().contains("gzip"), e.getMessage());
    }

    @Test
    void checksDimensions() throws IOException {
        Path labels = write("labels", idx(8, new int[]{5}, 5));
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> IdxReader.readImages(labels, 28, 28));
        assertTrue(e.getMessage().contains("[n, 28, 28]") && e.getMessage().contains("[5]"), e.getMessage());
        Path images = write("images", idx(8, new int[]{1, 2, 2}, 4));
        assertThrows(DatasetFormatException.class, () -> IdxReader.readLabels(images));
        Path zero = write("zero", idx(8, new int[]{0, 28}, 0));
        e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(zero));
        assertTrue(e.getMessage().contains("invalid size 0"), e.getMessage());
    }
}
