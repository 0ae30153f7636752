package ganglion.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the entries of a tar archive, gzip-compressed or not, one after the other: the small part of
 * Python's {@code tarfile} that Keras's {@code get_file(..., extract=True)} relies on, with no dependency.
 * Understands POSIX ustar (name prefix), GNU long names ({@code ././@LongLink}) and pax {@code path} records;
 * nothing is written to disk, so entry names such as {@code ../x} are harmless.
 *
 * <pre>{@code
 * try (TarReader tar = TarReader.open(path)) {
 *     for (TarReader.Entry e; (e = tar.next()) != null; ) {
 *         if (e.isFile()) { byte[] b = tar.readContent(); }
 *     }
 * }
 * }</pre>
 */
public final class TarReader implements AutoCloseable {

    private static final int BLOCK = 512;

    /** One archive member: its path inside the archive, its size in bytes, and whether it is a plain file. */
    public record Entry(String name, long size, boolean isFile) {
    }

    private final InputStream in;
    private final String source;
    private long remaining;      // content bytes of the current entry not read yet
    private long padding;        // padding after the current entry's content

    private TarReader(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Opens a tar or tar.gz file (gzip recognized by content). */
    public static TarReader open(Path file) throws IOException {
        return open(Files.newInputStream(file), file.toString());
    }

    /** Reads a tar or tar.gz stream; {@code source} names it in error messages. */
    public static TarReader open(InputStream raw, String source) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return new TarReader(in, source);
    }

    /** The next entry, or null at the end of the archive. Skips what is left of the previous entry. */
    public Entry next() throws IOException {
        skipRest();
        String longName = null;
        while (true) {
            byte[] h = in.readNBytes(BLOCK);
            if (h.length == 0) {
                return null;
            }
            if (h.length < BLOCK) {
                throw truncated("inside a header block");
            }
            if (allZero(h)) {
                return null;
            }
            checkChecksum(h);
            long size = octal(h, 124, 12);
            char type = (char) h[156];
            String name = string(h, 0, 100);
            if (h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
                String prefix = string(h, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            if (type == 'L' || type == 'x' || type == 'g') {
                if (size > (1 << 20)) {
                    throw new DatasetFormatException("tar archive " + source + " has a " + size
                            + "-byte extended header; the archive is damaged");
                }
                byte[] data = readExact((int) size);
                skipExact(pad(size));
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                } else if (type == 'x') {
                    String p = paxPath(data);
                    if (p != null) {
                        longName = p;
                    }
                }
                continue;
            }
            if (longName != null) {
                name = longName;
            }
            boolean file = type == '0' || type == 0 || type == '7';
            remaining = file ? size : (type == '5' ? 0 : size);
            padding = pad(remaining);
            return new Entry(name, file ? size : 0, file);
        }
    }

    /** The whole content of the current entry (at most 2 GB). */
    public byte[] readContent() throws IOException {
        if (remaining > Integer.MAX_VALUE - 16) {
            throw new DatasetFormatException("tar entry in " + source + " is too large to read at once");
        }
        byte[] b = readExact((int) remaining);
        remaining = 0;
        return b;
    }

    /** A stream over the current entry's content; valid until {@link #next()}. */
    public InputStream contentStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b < 0) {
                    throw truncated("inside a member's data");
                }
                remaining--;
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (remaining <= 0) {
                    return -1;
                }
                int n = in.read(buf, off, (int) Math.min(len, remaining));
                if (n < 0) {
                    throw truncated("inside a member's data");
                }
                remaining -= n;
                return n;
            }
        };
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void skipRest() throws IOException {
        skipExact(remaining + padding);
        remaining = 0;
        padding = 0;
    }

    private byte[] readExact(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw truncated("inside a member's data (" + b.length + " of " + n + " bytes)");
        }
        return b;
    }

    private void skipExact(long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw truncated("while skipping a member");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private DatasetFormatException truncated(String where) {
        return new DatasetFormatException("tar archive " + source + " is truncated " + where
                + "; the download was interrupted or the file is damaged: delete it and download it again");
    }

    private void checkChecksum(byte[] h) {
        long stored = octal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xFF);
        }
        if (sum != stored) {
            throw new DatasetFormatException("File " + source + " is not a tar archive (or is damaged): a header"
                    + " block's checksum is " + sum + " but it stores " + stored + ". Is it the right file?");
        }
    }

    private long octal(byte[] h, int off, int len) {
        if ((h[off] & 0x80) != 0) {          // GNU base-256 size
            long v = h[off] & 0x7F;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (h[off + i] & 0xFF);
            }
            return v;
        }
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            int c = h[i];
            if (c == 0 || (c == ' ' && any)) {
                break;
            }
            if (c == ' ') {
                continue;
            }
            if (c < '0' || c > '7') {
                throw new DatasetFormatException("File " + source + " is not a tar archive: a header holds"
                        + " a non-octal number. Is it the right file?");
            }
            v = v * 8 + (c - '0');
            any = true;
        }
        return v;
    }

    private static String string(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String paxPath(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        for (String line : s.split("\n")) {
            int sp = line.indexOf(' ');
            int eq = line.indexOf('=');
            if (sp > 0 && eq > sp && line.substring(sp + 1, eq).equals("path")) {
                return line.substring(eq + 1);
            }
        }
        return null;
    }

    private static long pad(long size) {
        long r = size % BLOCK;
        return r == 0 ? 0 : BLOCK - r;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
