package ganglion.datasets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a local HTTP server: no network needed. */
class DownloaderTest {

    private static final byte[] BODY = "hello ganglion data".repeat(1000).getBytes();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok.bin", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(BODY);
            }
        });
        server.createContext("/cut.bin", ex -> {
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(BODY, 0, 100);
            } catch (IOException ignored) {
                // the client sees a short body
            }
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String md5(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(b));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void downloadsVerifiesAndRenames(@TempDir Path dir) throws Exception {
        Downloader.RemoteFile f = new Downloader.RemoteFile("ok.bin", base + "/ok.bin", "MD5", md5(BODY));
        Path p = Downloader.fetch(dir, f, null);
        assertArrayEquals(BODY, Files.readAllBytes(p));
        assertEquals(List.of(dir.resolve("ok.bin")), files(dir));
        assertEquals(md5(BODY), Downloader.checksum(p, "MD5"));
    }

    @Test
    void checksumMismatchLeavesNothingBehind(@TempDir Path dir) {
        Downloader.RemoteFile f = new Downloader.RemoteFile("ok.bin", base + "/ok.bin", "SHA-256", "00ff");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Downloader.fetch(dir, f, null));
        assertTrue(e.getMessage().contains("published checksum is 00ff"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("ok.bin").toString()), e.getMessage());
        assertFalse(Files.exists(dir.resolve("ok.bin")));
        assertFalse(Files.exists(dir.resolve("ok.bin.part")));
    }

    @Test
    void httpErrorAndCutConnectionLeaveNothingBehind(@TempDir Path dir) throws Exception {
        Downloader.RemoteFile missing = new Downloader.RemoteFile("x.bin", base + "/nothing", "MD5", md5(BODY));
        IOException e = assertThrows(IOException.class, () -> Downloader.fetch(dir, missing, null));
        assertTrue(e.getMessage().contains("404"), e.getMessage());
        Downloader.RemoteFile cut = new Downloader.RemoteFile("cut.bin", base + "/cut.bin", "MD5", md5(BODY));
        int old = Downloader.readTimeoutMs;
        Downloader.readTimeoutMs = 1500;
        try {
            assertThrows(IOException.class, () -> Downloader.fetch(dir, cut, null));
        } finally {
            Downloader.readTimeoutMs = old;
        }
        assertEquals(List.of(), files(dir));
    }

    @Test
    void offlineLoaderSaysWhichFilesToPutWhere(@TempDir Path home) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RemoteDataset remote = new RemoteDataset("tiny", "Tiny", List.of(
                new Downloader.RemoteFile("a.gz", "http://127.0.0.1:" + port + "/a.gz", "MD5", "00")),
                "Tiny lives at example.org.");
        DataPaths paths = DataPaths.of(Map.of(), home);
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, () -> remote.locate(paths));
        String m = e.getMessage();
        assertTrue(m.contains("Tiny was not found"), m);
        assertTrue(m.contains("a.gz"), m);
        assertTrue(m.contains(home.resolve(".ganglion/datasets/tiny").toString()), m);
        assertTrue(m.contains("download of http://127.0.0.1:" + port + "/a.gz failed"), m);
        assertFalse(Files.exists(home.resolve(".ganglion/datasets/tiny")));
    }

    @Test
    void loaderDownloadsMissingFilesIntoTheUserCache(@TempDir Path home) throws Exception {
        RemoteDataset remote = new RemoteDataset("tiny", "Tiny", List.of(
                new Downloader.RemoteFile("ok.bin", base + "/ok.bin", "MD5", md5(BODY))), null);
        Path dir = remote.locate(DataPaths.of(Map.of(), home));
        assertEquals(home.resolve(".ganglion/datasets/tiny"), dir);
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("ok.bin")));
        // found the second time without the server
        server.stop(0);
        assertEquals(dir, remote.locate(DataPaths.of(Map.of(), home)));
    }

    @Test
    void downloadsCanBeTurnedOff() {
        String old = System.getProperty(Downloader.PROP_DOWNLOAD);
        try {
            System.setProperty(Downloader.PROP_DOWNLOAD, "false");
            assertFalse(Downloader.enabled());
            System.setProperty(Downloader.PROP_DOWNLOAD, "true");
            assertTrue(Downloader.enabled());
        } finally {
            if (old == null) {
                System.clearProperty(Downloader.PROP_DOWNLOAD);
            } else {
                System.setProperty(Downloader.PROP_DOWNLOAD, old);
            }
        }
    }
}
