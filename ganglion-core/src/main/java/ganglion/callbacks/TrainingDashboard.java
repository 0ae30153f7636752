package ganglion.callbacks;

import ganglion.Tensor;
import ganglion.internal.dashboard.DashboardEvent;
import ganglion.internal.dashboard.DashboardServer;
import ganglion.internal.dashboard.EventLog;
import ganglion.internal.dashboard.SampleGrid;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A live training page in the browser: add it to {@code fit}'s callbacks and open {@link #url()}. While
 * {@code fit} runs the page shows the loss and metric curves (updated each epoch, validation beside
 * training), progress with elapsed time and ETA, the learning rate, the model's summary table, and, when
 * {@link #samples} is given, a grid of sample images with the model's predictions.
 *
 * <p>Everything is bundled: no web assets are fetched. The server listens on 127.0.0.1 (any free port
 * unless {@link #port} says) and refuses other hosts unless {@link #allowRemote} is set. It starts at
 * {@code onTrainBegin} (or at {@link #start}/{@link #url}) and stops at {@code onTrainEnd} (or {@link #close});
 * each dashboard has its own server, so several trainings in one JVM have separate pages.
 *
 * <p>Cost to training: the training thread only records numbers into a lock-free log; it never formats JSON,
 * never takes a lock the server takes, and never waits for a browser. Per batch, with nobody watching, it
 * reads one volatile flag; while a page is connected it also reads the clock and records batch progress at most
 * four times a second. Per epoch it stores the epoch's logs (a few small arrays). The sample grid
 * (a prediction on up to 16 images) is computed only while a page is connected, at most once per epoch and
 * once per {@value #SAMPLE_INTERVAL_SECONDS} seconds, plus once at the end when {@link #keepOpen} is set; the
 * images themselves are encoded once, by a server thread. With the default port the server is started on a
 * background thread, off the training thread's path; a fixed {@link #port} is bound at once so that a busy
 * port fails {@code fit} straight away.
 */
public class TrainingDashboard extends Callback implements AutoCloseable {

    private static final long BATCH_INTERVAL_NANOS = 250_000_000L;
    static final int SAMPLE_INTERVAL_SECONDS = 5;
    private static final long SAMPLE_INTERVAL_NANOS = SAMPLE_INTERVAL_SECONDS * 1_000_000_000L;

    private int port;
    private String host = "127.0.0.1";
    private boolean allowRemote;
    private boolean keepOpen;

    // Server state: changed only under this object's monitor (start, close), never per batch.
    private EventLog log;
    private DashboardServer server;
    private CompletableFuture<DashboardServer> starting;

    // Training-thread state.
    private EventLog runLog;
    private long startNanos;
    private long lastBatchNanos;
    private long lastSamplesNanos;
    private int samplesEpoch = -1;
    private int epoch;
    private Integer steps;
    private String[] batchKeys = new String[0];
    private Tensor sampleX;
    private SampleGrid grid;

    /** The port to listen on (0, the default, picks a free one). */
    public TrainingDashboard port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TrainingDashboard: port must be 0..65535, got " + port);
        }
        this.port = port;
        return this;
    }

    /** Listen on all interfaces and accept other hosts (off by default: the page shows your model). */
    public TrainingDashboard allowRemote(boolean allow) {
        this.allowRemote = allow;
        this.host = allow ? "0.0.0.0" : "127.0.0.1";
        return this;
    }

    /** Keep the page served after training ends, until {@link #close()} (default: stop with training). */
    public TrainingDashboard keepOpen(boolean keep) {
        this.keepOpen = keep;
        return this;
    }

    /**
     * Images to show with predictions (up to 16 are used): {@code x} of shape [n, h, w], [n, h, w, 1] or
     * [n, h, w, 3] (values 0..1 or 0..255), {@code y} class indices or one-hot (may be null), {@code classNames}
     * to label classes (may be null: indices are shown). Predictions are made only while a page is connected.
     */
    public TrainingDashboard samples(Tensor x, Tensor y, List<String> classNames) {
        int n = Math.min(16, x.shape()[0]);
        Tensor xs = x.slice(0, n);
        Tensor ys = y == null ? null : y.slice(0, n);
        this.grid = new SampleGrid(xs.buffer(), xs.shape(), ys == null ? null : ys.buffer(),
                ys == null ? null : ys.shape(), classNames);
        this.sampleX = xs;
        return this;
    }

    /** Starts the server now, on this thread (it starts by itself when training begins). */
    public synchronized TrainingDashboard start() {
        if (server == null) {
            if (starting != null) {
                try {
                    server = starting.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                } finally {
                    starting = null;
                }
            } else {
                EventLog l = new EventLog();
                server = new DashboardServer(host, port, allowRemote, l);
                log = l;
            }
        }
        return this;
    }

    /** Starts the server on a daemon thread unless it runs or is starting; returns the log it will serve. */
    private synchronized EventLog startInBackground() {
        if (server == null && starting == null) {
            if (port != 0) {
                start();   // a fixed port may be taken: fail fit now rather than later
            } else {
                EventLog l = new EventLog();
                CompletableFuture<DashboardServer> f = new CompletableFuture<>();
                String h = host;
                boolean remote = allowRemote;
                Thread t = new Thread(() -> {
                    try {
                        f.complete(new DashboardServer(h, 0, remote, l));
                    } catch (RuntimeException | Error e) {
                        System.err.println("TrainingDashboard: the page could not be served (" + e.getMessage()
                                + "); training goes on without it");
                        f.completeExceptionally(e);
                    }
                }, "ganglion-dashboard-start");
                t.setDaemon(true);
                t.start();
                starting = f;
                log = l;
            }
        }
        return log;
    }

    /** The page's address, e.g. http://127.0.0.1:41234/ (starts the server if needed). */
    public URI url() {
        DashboardServer s;
        synchronized (this) {
            start();
            s = server;
        }
        String h = allowRemote ? "localhost" : host;
        return URI.create("http://" + h + ":" + s.port() + "/");
    }

    private double elapsed(long now) {
        return (now - startNanos) / 1e9;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        runLog = startInBackground();
        runLog.begin();
        startNanos = System.nanoTime();
        lastBatchNanos = startNanos - BATCH_INTERVAL_NANOS;
        lastSamplesNanos = 0;
        samplesEpoch = -1;
        String summary = "";
        if (model() != null) {
            try {
                summary = model().summaryString();
            } catch (RuntimeException ex) {
                summary = "(summary unavailable: " + ex.getMessage() + ")";
            }
        }
        Object e = params().get("epochs");
        Object s = params().get("steps");
        steps = s instanceof Number n ? n.intValue() : null;
        runLog.append(DashboardEvent.start(model() == null ? "model" : model().name(), summary,
                e instanceof Number n ? n.intValue() : 1, steps, System.currentTimeMillis() / 1000.0));
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        this.epoch = epoch;
    }

    /**
     * Per batch: nobody watching, one volatile read and nothing else; while a page is connected, one clock read,
     * and four times a second a copy of the running logs into the progress slot.
     */
    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        EventLog l = runLog;
        if (l == null || !l.watched()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastBatchNanos < BATCH_INTERVAL_NANOS) {
            return;
        }
        lastBatchNanos = now;
        int k = logs == null ? 0 : logs.size();
        String[] keys = batchKeys;                   // published arrays are never written again
        boolean fresh = keys.length != k;
        if (fresh) {
            keys = new String[k];
        }
        double[] values = new double[k];
        if (k > 0) {
            int i = 0;
            for (Map.Entry<String, Double> en : logs.entrySet()) {
                if (i == k) {
                    break;
                }
                String name = en.getKey();
                if (!fresh && !keys[i].equals(name)) {
                    keys = keys.clone();
                    fresh = true;
                }
                if (fresh) {
                    keys[i] = name;
                }
                values[i] = en.getValue() == null ? Double.NaN : en.getValue();
                i++;
            }
        }
        batchKeys = keys;
        l.latestBatch(DashboardEvent.batch(epoch, batch + 1, steps, elapsed(now), keys, values));
    }

    /** Per epoch: stores the logs; the sample grid only while someone watches (see the class comment). */
    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (runLog == null) {
            return;
        }
        long now = System.nanoTime();
        int k = logs == null ? 0 : logs.size();
        String[] keys = new String[k];
        double[] values = new double[k];
        if (k > 0) {
            int i = 0;
            for (Map.Entry<String, Double> en : logs.entrySet()) {
                if (i == k) {
                    break;
                }
                keys[i] = en.getKey();
                values[i] = en.getValue() == null ? Double.NaN : en.getValue();
                i++;
            }
        }
        Double lr = model() != null && model().isCompiled() ? (double) model().optimizer().learningRate() : null;
        runLog.append(DashboardEvent.epoch(epoch, elapsed(now), keys, values, lr));
        if (grid != null && model() != null && runLog.watched()
                && (samplesEpoch < 0 || now - lastSamplesNanos >= SAMPLE_INTERVAL_NANOS)) {
            appendSamples(epoch);
            lastSamplesNanos = now;
        }
    }

    private void appendSamples(int epoch) {
        Tensor probs = model().predictOnBatch(sampleX);
        runLog.append(grid.predictions(epoch, probs.buffer(), probs.shape()[probs.rank() - 1]));
        samplesEpoch = epoch;
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        EventLog l = runLog;
        if (l == null) {
            return;
        }
        if (keepOpen && grid != null && model() != null && samplesEpoch != epoch) {
            appendSamples(epoch);   // the page stays up: show the final predictions to whoever looks later
        }
        l.append(DashboardEvent.end(elapsed(System.nanoTime())));
        l.finish();
        runLog = null;
        if (!keepOpen) {
            close();
        }
    }

    /** Stops the server (waiting for a background start to finish first). */
    @Override
    public synchronized void close() {
        if (starting != null) {
            try {
                server = starting.join();
            } catch (CompletionException e) {
                server = null;   // it never started; the reason was printed
            }
            starting = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        log = null;
    }
}
