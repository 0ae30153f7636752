package ganglion.callbacks;

import ganglion.Tensor;
import ganglion.internal.dashboard.DashboardServer;
import ganglion.internal.json.Json;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live training page in the browser: add it to {@code fit}'s callbacks and open {@link #url()}. While
 * {@code fit} runs the page shows the loss and metric curves (updated each epoch, validation beside
 * training), progress with elapsed time and ETA, the learning rate, the model's summary table, and, when
 * {@link #samples} is given, a grid of sample images with the model's predictions after every epoch.
 *
 * <p>Everything is bundled: no web assets are fetched. The server listens on 127.0.0.1 (any free port
 * unless {@link #port} says) and refuses other hosts unless {@link #allowRemote} is set. It starts at
 * {@code onTrainBegin} and stops at {@code onTrainEnd} (or {@link #close}); each dashboard has its own
 * server, so several trainings in one JVM have separate pages. Training threads only record numbers;
 * page updates are at most four per second and never wait for a browser.
 */
public class TrainingDashboard extends Callback implements AutoCloseable {

    private static final long MIN_BATCH_INTERVAL_NANOS = 250_000_000L;

    private int port;
    private String host = "127.0.0.1";
    private boolean allowRemote;
    private boolean keepOpen;
    private DashboardServer server;
    private long startNanos;
    private long lastBatchPublish;
    private int epoch;
    private Tensor sampleX;
    private Tensor sampleY;
    private List<String> classNames;

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
     * Images to show with predictions after each epoch (up to 16 are used): {@code x} of shape
     * [n, h, w], [n, h, w, 1] or [n, h, w, 3] (values 0..1 or 0..255), {@code y} class indices or one-hot
     * (may be null), {@code classNames} to label classes (may be null: indices are shown).
     */
    public TrainingDashboard samples(Tensor x, Tensor y, List<String> classNames) {
        int n = Math.min(16, x.shape()[0]);
        this.sampleX = x.slice(0, n);
        this.sampleY = y == null ? null : y.slice(0, n);
        this.classNames = classNames;
        return this;
    }

    /** Starts the server now (it starts by itself when training begins). */
    public synchronized TrainingDashboard start() {
        if (server == null) {
            server = new DashboardServer(host, port, allowRemote);
        }
        return this;
    }

    /** The page's address, e.g. http://127.0.0.1:41234/ (starts the server if needed). */
    public URI url() {
        start();
        String h = allowRemote ? "localhost" : host;
        return URI.create("http://" + h + ":" + server.port() + "/");
    }

    private void publish(Map<String, Object> event) {
        DashboardServer s = server;
        if (s != null) {
            s.publish(Json.dumps(event));
        }
    }

    private double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        start();
        server.begin();
        startNanos = System.nanoTime();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "start");
        e.put("model", model() == null ? "model" : model().name());
        String summary = "";
        if (model() != null) {
            try {
                summary = model().summaryString();
            } catch (RuntimeException ex) {
                summary = "(summary unavailable: " + ex.getMessage() + ")";
            }
        }
        e.put("summary", summary);
        Object epochs = params().get("epochs");
        Object steps = params().get("steps");
        e.put("epochs", epochs instanceof Number n ? n.intValue() : 1);
        e.put("steps", steps instanceof Number n ? n.intValue() : null);
        e.put("time", System.currentTimeMillis() / 1000.0);
        publish(e);
    }

    @Override
    public void onEpochBegin(int epoch, Map<String, Double> logs) {
        this.epoch = epoch;
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        long now = System.nanoTime();
        if (now - lastBatchPublish < MIN_BATCH_INTERVAL_NANOS) {
            return;
        }
        lastBatchPublish = now;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "batch");
        e.put("epoch", epoch);
        e.put("step", batch + 1);
        Object steps = params().get("steps");
        e.put("steps", steps instanceof Number n ? n.intValue() : null);
        e.put("elapsed", elapsed());
        e.put("logs", logs == null ? Map.of() : new LinkedHashMap<>(logs));
        publish(e);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "epoch");
        e.put("epoch", epoch);
        e.put("elapsed", elapsed());
        e.put("logs", logs == null ? Map.of() : new LinkedHashMap<>(logs));
        if (model() != null && model().isCompiled()) {
            e.put("lr", (double) model().optimizer().learningRate());
        }
        publish(e);
        if (sampleX != null && model() != null) {
            publish(samplesEvent(epoch));
        }
    }

    private Map<String, Object> samplesEvent(int epoch) {
        Tensor probs = model().predict(sampleX, sampleX.shape()[0], 0);
        int n = sampleX.shape()[0];
        int classes = probs.shape()[probs.rank() - 1];
        float[] p = probs.buffer();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int best = 0;
            float bestP;
            if (classes == 1) {
                bestP = p[i];
                best = bestP >= 0.5f ? 1 : 0;
                bestP = best == 1 ? bestP : 1 - bestP;
            } else {
                bestP = p[i * classes];
                for (int c = 1; c < classes; c++) {
                    if (p[i * classes + c] > bestP) {
                        bestP = p[i * classes + c];
                        best = c;
                    }
                }
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("img", "data:image/png;base64," + png(sampleX, i));
            item.put("pred", label(best));
            item.put("p", (double) bestP);
            if (sampleY != null) {
                item.put("truth", label(truth(i)));
            }
            items.add(item);
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "samples");
        e.put("epoch", epoch);
        e.put("items", items);
        return e;
    }

    private int truth(int i) {
        int[] s = sampleY.shape();
        float[] v = sampleY.buffer();
        int width = s.length <= 1 ? 1 : s[s.length - 1];
        if (width == 1) {
            return Math.round(v[i]);
        }
        int best = 0;
        for (int c = 1; c < width; c++) {
            if (v[i * width + c] > v[i * width + best]) {
                best = c;
            }
        }
        return best;
    }

    private String label(int c) {
        return classNames != null && c < classNames.size() ? classNames.get(c) : String.valueOf(c);
    }

    private static String png(Tensor x, int index) {
        int[] s = x.shape();
        if (s.length < 3) {
            throw new IllegalArgumentException("TrainingDashboard.samples: images must be [n, h, w] or [n, h, w, c], "
                    + "got shape " + java.util.Arrays.toString(s));
        }
        int h = s[1], w = s[2], c = s.length == 4 ? s[3] : 1;
        float[] v = x.buffer();
        int per = h * w * c;
        float max = 0;
        for (int i = 0; i < per; i++) {
            max = Math.max(max, v[index * per + i]);
        }
        float scale = max <= 1.0001f ? 255f : 1f;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int yy = 0; yy < h; yy++) {
            for (int xx = 0; xx < w; xx++) {
                int base = index * per + (yy * w + xx) * c;
                int r = clamp(v[base] * scale);
                int g = c >= 3 ? clamp(v[base + 1] * scale) : r;
                int b = c >= 3 ? clamp(v[base + 2] * scale) : r;
                img.setRGB(xx, yy, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "end");
        e.put("elapsed", elapsed());
        publish(e);
        DashboardServer s = server;
        if (s != null) {
            s.finish();
        }
        if (!keepOpen) {
            close();
        }
    }

    /** Stops the server. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
