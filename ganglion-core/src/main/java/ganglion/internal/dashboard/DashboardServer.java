package ganglion.internal.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of the training dashboard: serves the bundled page ("/"), the events so far as JSON
 * ("/history"), and a server-sent-event stream ("/events"), all read from an {@link EventLog}. The training
 * thread never talks to this class: it appends to the log, and each stream's own daemon thread polls the log
 * (every {@value #POLL_MILLIS} ms) and does all formatting and network work, so a slow or stalled page never
 * slows training and an unwatched run costs nothing here. Connections from other hosts are refused unless the
 * server was bound to a non-loopback address on purpose.
 */
public final class DashboardServer implements AutoCloseable {

    static final long POLL_MILLIS = 100;
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    static final long DRAIN_MILLIS = 1_000;

    private final HttpServer server;
    private final ExecutorService pool;
    private final boolean allowRemote;
    private final EventLog log;
    private final byte[] page;
    private volatile boolean closed;

    public DashboardServer(String host, int port, boolean allowRemote, EventLog log) {
        this.allowRemote = allowRemote;
        this.log = log;
        try (InputStream in = DashboardServer.class.getResourceAsStream("/ganglion/internal/dashboard/index.html")) {
            if (in == null) {
                throw new IllegalStateException("TrainingDashboard: the page resource is missing from the jar");
            }
            page = in.readAllBytes();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("TrainingDashboard: cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + " (give another port(), or 0 for any free one)", e);
        }
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ganglion-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The port actually bound (useful when 0 asked for any free port). */
    public int port() {
        return server.getAddress().getPort();
    }

    private boolean refused(HttpExchange ex) throws IOException {
        if (allowRemote || ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
            return false;
        }
        byte[] msg = "the training dashboard accepts local connections only\n".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(403, msg.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(msg);
        }
        return true;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (refused(ex)) {
                return;
            }
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/", "/index.html" -> send(ex, 200, "text/html; charset=utf-8", page);
                case "/history" -> send(ex, 200, "application/json", history().getBytes(StandardCharsets.UTF_8));
                case "/events" -> stream(ex);
                default -> send(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** Every stored event, then the latest batch progress if newer, as one JSON array. */
    private String history() {
        StringBuilder b = new StringBuilder("[");
        EventLog.Cursor cursor = log.cursor();
        for (DashboardEvent e = cursor.next(); e != null; e = cursor.next()) {
            b.append(b.length() > 1 ? "," : "").append(e.json());
        }
        DashboardEvent batch = cursor.newerBatch();
        if (batch != null) {
            b.append(b.length() > 1 ? "," : "").append(batch.json());
        }
        return b.append(']').toString();
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    /** Server-sent events: everything so far, then each new event as it comes, until training ends. */
    private void stream(HttpExchange ex) throws IOException {
        EventLog.Cursor cursor = log.cursor();
        log.watcherJoined();   // before the headers: a page that has them counts as watching
        OutputStream o = null;
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            o = ex.getResponseBody();
            long quietSince = System.nanoTime();
            while (!closed) {
                boolean over = log.finished();   // read before draining: what was appended before finish() is sent
                boolean sent = false;
                for (DashboardEvent e = cursor.next(); e != null; e = cursor.next()) {
                    write(o, e);
                    sent = true;
                }
                DashboardEvent batch = cursor.newerBatch();
                if (batch != null) {
                    write(o, batch);
                    sent = true;
                }
                if (!sent && System.nanoTime() - quietSince > KEEP_ALIVE_MILLIS * 1_000_000L) {
                    o.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    sent = true;
                }
                if (sent) {
                    o.flush();
                    quietSince = System.nanoTime();
                }
                if (over) {
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page was closed: drop the client
        } finally {
            if (o != null) {
                try {
                    o.close();   // ends the chunked body before close() may stop the server
                } catch (IOException ignored) {
                    // already gone
                }
            }
            log.watcherLeft();
        }
    }

    private static void write(OutputStream o, DashboardEvent e) throws IOException {
        o.write(("data: " + e.json() + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Stops the server (pages keep what they have drawn). When the run is over and pages are still connected, they
     * get up to {@value #DRAIN_MILLIS} ms to receive the last events first; with nobody watching this never waits.
     */
    @Override
    public void close() {
        if (log.finished()) {
            long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
            while (log.watched() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        closed = true;
        server.stop(0);   // JDK 17 waits the whole delay even when idle; the streams end at their next poll
        pool.shutdownNow();
    }
}
