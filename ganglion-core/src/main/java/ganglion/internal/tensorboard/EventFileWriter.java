package ganglion.internal.tensorboard;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Appends records to a TensorBoard event file ({@code events.out.tfevents.<secs>.<host>.<pid>.<n>.v2}) in
 * TFRecord framing: little-endian uint64 length, masked CRC-32C of the length, the bytes, masked CRC-32C of
 * the bytes. The first record is the file-version event.
 */
public final class EventFileWriter implements Closeable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path file;
    private final OutputStream out;

    public EventFileWriter(Path dir) throws IOException {
        Files.createDirectories(dir);
        double now = System.currentTimeMillis() / 1000.0;
        file = dir.resolve("events.out.tfevents." + (long) now + "." + Host.NAME + "." + ProcessHandle.current().pid()
                + "." + COUNTER.getAndIncrement() + ".v2");
        out = new BufferedOutputStream(Files.newOutputStream(file));
        write(Summaries.fileVersion(now));
        flush();
    }

    /** The host name for file names, looked up once per JVM (the lookup may ask DNS and take long). */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "localhost";
            }
        }
    }

    public Path file() {
        return file;
    }

    static int maskedCrc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        int crc = (int) c.getValue();
        return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
    }

    private static void le32(byte[] dst, int off, int v) {
        for (int i = 0; i < 4; i++) {
            dst[off + i] = (byte) (v >>> (8 * i));
        }
    }

    public synchronized void write(byte[] record) throws IOException {
        byte[] header = new byte[12];
        long len = record.length;
        for (int i = 0; i < 8; i++) {
            header[i] = (byte) (len >>> (8 * i));
        }
        le32(header, 8, maskedCrc(header, 0, 8));
        byte[] footer = new byte[4];
        le32(footer, 0, maskedCrc(record, 0, record.length));
        out.write(header);
        out.write(record);
        out.write(footer);
    }

    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
