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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the training dashboard: serves the bundled page ("/"), the events so far as JSON
 * ("/history"), and a server-sent-event stream ("/events"). Training threads only append to a list and
 * offer to bounded per-client queues (a slow client loses events rather than slowing training); the
 * server's own daemon threads do all network work. Connections from other hosts are refused unless
 * the server was bound to a non-loopback address on purpose.
 */
public final class DashboardServer implements AutoCloseable {

    private static final String END = "\u0000end";

    private final HttpServer server;
    private final ExecutorService pool;
    private final boolean allowRemote;
    private final List<String> events = new ArrayList<>();   // JSON objects, guarded by itself
    private final CopyOnWriteArrayList<BlockingQueue<String>> clients = new CopyOnWriteArrayList<>();
    private final byte[] page;
    private volatile boolean closed;
    private volatile boolean finished;

    public DashboardServer(String host, int port, boolean allowRemote) {
        this.allowRemote = allowRemote;
        try (InputStream in = DashboardServer.class.getResourceAsStream("/ganglion/internal/dashboard/index.html")) {
            if (in == null) {
                throw new IllegalStateException("TrainingDashboard: the page resource is missing from the jar");
            }
            page = in.readAllBytes();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("TrainingDashboard: cannot listen on " + host + ":" + port + ": "
                    + e.getMessage(), e);
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

    /** Records an event (a JSON object) and hands it to connected pages. Never blocks. */
    public void publish(String json) {
        synchronized (events) {
            events.add(json);
        }
        for (BlockingQueue<String> q : clients) {
            q.offer(json);   // a full queue means a stalled client: it misses this event, training goes on
        }
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
                case "/history" -> {
                    String body;
                    synchronized (events) {
                        body = "[" + String.join(",", events) + "]";
                    }
                    send(ex, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
                }
                case "/events" -> stream(ex);
                default -> send(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        }
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
        BlockingQueue<String> q = new ArrayBlockingQueue<>(4096);
        List<String> backlog;
        boolean over;
        synchronized (events) {
            backlog = new ArrayList<>(events);
            over = finished;
            if (!over) {
                clients.add(q);
            }
        }
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream o = ex.getResponseBody();
        try {
            for (String e : backlog) {
                o.write(("data: " + e + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            o.flush();
            while (!closed && !over) {
                String e = q.poll(15, TimeUnit.SECONDS);
                if (e == null) {
                    o.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else if (e.equals(END)) {
                    break;
                } else {
                    o.write(("data: " + e + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
                o.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page was closed: drop the client
        } finally {
            clients.remove(q);
        }
    }

    /** A new training run begins: streams stay open again until {@link #finish()}. */
    public void begin() {
        synchronized (events) {
            finished = false;
        }
    }

    /**
     * Training is over: open streams end after what they have, and pages opened later get the whole run
     * and then the end of the stream. The page and history stay served until {@link #close()}.
     */
    public void finish() {
        synchronized (events) {
            finished = true;
        }
        for (BlockingQueue<String> q : clients) {
            q.offer(END);
        }
    }

    /** Ends the event streams and stops the server (pages keep what they have drawn). */
    @Override
    public void close() {
        closed = true;
        for (BlockingQueue<String> q : clients) {
            q.clear();
            q.offer(END);
        }
        server.stop(0);   // JDK 17 waits the whole delay even when idle; the streams have been ended already
        pool.shutdownNow();
    }
}
