package ganglion.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads a data set file into the user cache, as Keras's {@code keras.utils.get_file}: the bytes go to
 * {@code name.part} next to the target, their checksum (MD5 or SHA-256, as published) is checked, and only
 * then is the file renamed into place, so an interrupted or corrupted download never leaves a half-written
 * file under the real name. A progress bar goes to standard error.
 *
 * <p>Downloads are on by default; {@code -Dganglion.download=false} or {@code GANGLION_DOWNLOAD=0} turns
 * them off (the loaders then only say where to put the files).
 */
public final class Downloader {

    /** System property that turns downloading off when "false", "0", "no" or "off". */
    public static final String PROP_DOWNLOAD = "ganglion.download";
    /** Environment variable with the same meaning as {@link #PROP_DOWNLOAD}. */
    public static final String ENV_DOWNLOAD = "GANGLION_DOWNLOAD";

    private static final int CONNECT_TIMEOUT_MS = 15_000;
    /** Read timeout; tests shorten it. */
    static int readTimeoutMs = 60_000;

    /**
     * A file as published: its name in the cache, where it comes from, and its published checksum.
     *
     * @param name      file name in the cache folder
     * @param url       canonical location
     * @param algorithm "MD5" or "SHA-256"
     * @param digest    lower-case hex checksum
     */
    public record RemoteFile(String name, String url, String algorithm, String digest) {
    }

    private Downloader() {
    }

    /** Whether downloads are allowed ({@link #PROP_DOWNLOAD}, then {@link #ENV_DOWNLOAD}; default yes). */
    public static boolean enabled() {
        String v = System.getProperty(PROP_DOWNLOAD);
        if (v == null || v.isBlank()) {
            v = System.getenv(ENV_DOWNLOAD);
        }
        if (v == null || v.isBlank()) {
            return true;
        }
        v = v.trim().toLowerCase(Locale.ROOT);
        return !(v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off"));
    }

    /**
     * Downloads {@code file} into {@code dir} unless it is there already, verifying the checksum.
     *
     * @param progress where the progress bar goes (null for none)
     * @return the path of the verified file
     * @throws IOException                 when the server cannot be reached or answers with an error
     * @throws DatasetFormatException      when the checksum does not match (the download is deleted)
     */
    public static Path fetch(Path dir, RemoteFile file, PrintStream progress) throws IOException {
        Path target = dir.resolve(file.name());
        if (Files.isRegularFile(target)) {
            return target;
        }
        boolean newDir = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        Path part = dir.resolve(file.name() + ".part");
        MessageDigest md = digest(file.algorithm());
        boolean finished = false;
        try {
            URLConnection c = URI.create(file.url()).toURL().openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(readTimeoutMs);
            c.setRequestProperty("User-Agent", "Ganglion/0.1 (Java)");
            if (c instanceof HttpURLConnection h) {
                h.setInstanceFollowRedirects(true);
                int code = h.getResponseCode();
                if (code != 200) {
                    throw new IOException("HTTP " + code + " " + h.getResponseMessage() + " from " + file.url());
                }
            }
            long total = c.getContentLengthLong();
            if (progress != null) {
                progress.println("Downloading data from " + file.url());
            }
            ProgressBar bar = progress == null ? null : new ProgressBar(progress, total);
            try (InputStream in = new DigestInputStream(c.getInputStream(), md);
                 OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[1 << 16];
                long done = 0;
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    done += n;
                    if (bar != null) {
                        bar.update(done);
                    }
                }
                if (bar != null) {
                    bar.finish(done);
                }
                if (total > 0 && done != total) {
                    throw new IOException("the connection closed after " + done + " of " + total + " bytes");
                }
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equalsIgnoreCase(file.digest())) {
                throw new DatasetFormatException("The file downloaded from " + file.url() + " has "
                        + file.algorithm() + " " + got + " but the published checksum is " + file.digest()
                        + "; the partial download was deleted and nothing was written to " + target
                        + ". Try again later, or download it by hand and put it at " + target);
            }
            move(part, target);
            finished = true;
            return target;
        } finally {
            Files.deleteIfExists(part);
            if (!finished && newDir) {
                try {
                    Files.deleteIfExists(dir);      // only when empty: leave no trace of a failed download
                } catch (IOException ignored) {
                    // not empty: something else lives there
                }
            }
        }
    }

    /** The hex checksum of a file ("MD5" or "SHA-256"). */
    public static String checksum(Path file, String algorithm) throws IOException {
        MessageDigest md = digest(algorithm);
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("Unknown checksum algorithm " + algorithm + "; use MD5 or SHA-256", e);
        }
    }

    /** A Keras-like text progress bar, redrawn at most five times a second. */
    private static final class ProgressBar {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private final long total;
        private long lastDraw;

        ProgressBar(PrintStream out, long total) {
            this.out = out;
            this.total = total;
        }

        void update(long done) {
            long now = System.nanoTime();
            if (now - lastDraw < 200_000_000L) {
                return;
            }
            lastDraw = now;
            draw(done);
        }

        void finish(long done) {
            draw(done);
            out.println();
        }

        private void draw(long done) {
            String mb = String.format(Locale.ROOT, "%.1f", done / 1e6);
            if (total <= 0) {
                out.print("\r" + mb + " MB");
            } else {
                int filled = (int) (WIDTH * done / Math.max(1, total));
                StringBuilder b = new StringBuilder("\r").append(String.format(Locale.ROOT, "%.1f/%.1f MB [",
                        done / 1e6, total / 1e6));
                for (int i = 0; i < WIDTH; i++) {
                    b.append(i < filled ? '=' : (i == filled ? '>' : '.'));
                }
                b.append("] ").append(100 * done / total).append('%');
                out.print(b);
            }
            out.flush();
        }
    }
}
