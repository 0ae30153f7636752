package ganglion.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small tar.gz archives and CIFAR records for the loader tests. */
final class TestArchives {

    private TestArchives() {
    }

    /** A gzip-compressed ustar archive holding {@code members} (name to content) in order. */
    static byte[] tarGz(Map<String, byte[]> members) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bos)) {
            for (Map.Entry<String, byte[]> e : members.entrySet()) {
                out.write(header(e.getKey(), e.getValue().length));
                out.write(e.getValue());
                int pad = (512 - e.getValue().length % 512) % 512;
                out.write(new byte[pad]);
            }
            out.write(new byte[1024]);
        }
        return bos.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, n.length);
        put(h, 100, String.format("%07o", 0644));
        put(h, 108, String.format("%07o", 0));
        put(h, 116, String.format("%07o", 0));
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 0));
        h[156] = '0';
        put(h, 257, "ustar");
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    /**
     * {@code count} CIFAR records with {@code labelBytes} label bytes: record i has labels (i % 10, i % 7 ...)
     * and pixel red = i, green = 100 + i, blue = 200 + (p % 50) at pixel p.
     */
    static byte[] cifarRecords(int count, int labelBytes, int firstLabel) {
        int rec = labelBytes + 3072;
        byte[] b = new byte[count * rec];
        for (int i = 0; i < count; i++) {
            int o = i * rec;
            for (int l = 0; l < labelBytes; l++) {
                b[o + l] = (byte) ((firstLabel + i + l) % 10);
            }
            for (int p = 0; p < 1024; p++) {
                b[o + labelBytes + p] = (byte) i;
                b[o + labelBytes + 1024 + p] = (byte) (100 + i);
                b[o + labelBytes + 2048 + p] = (byte) (200 + p % 50);
            }
        }
        return b;
    }

    static void write(Path p, byte[] data) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, data);
    }
}
