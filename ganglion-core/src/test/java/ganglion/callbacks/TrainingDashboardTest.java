package ganglion.callbacks;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TrainingDashboardTest {

    /** A model that trains slowly enough (a pause per epoch) for a browser to watch it. */
    private static Sequential imageModel() {
        Ganglion.setRandomSeed(11);
        Sequential m = new Sequential();
        m.add(new Flatten().inputShape(8, 8));
        m.add(new Dense(16, "relu"));
        m.add(new Dense(2, "softmax"));
        m.setOutput(new PrintStream(OutputStream.nullOutputStream()));
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        return m;
    }

    private static Tensor images() {
        Ganglion.setRandomSeed(12);
        return Tensor.randomUniform(0, 1, 64, 8, 8);
    }

    private static Tensor labels(Tensor x) {
        return x.reshape(64, 64).mean(-1).gt(0.5f);
    }

    private static Callback pause(long millis) {
        return new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void servesPageHistoryAndEventsWhileTraining() throws Exception {
        Sequential m = imageModel();
        Tensor x = images();
        TrainingDashboard dash = new TrainingDashboard().keepOpen(true).samples(x, labels(x), List.of("dark", "light"));
        URI url = dash.url();
        assertEquals("127.0.0.1", url.getHost());
        try (dash) {
            m.fit(x, labels(x), new FitOptions().epochs(3).batchSize(16).verbose(0).validationSplit(0.25)
                    .callbacks(dash));
            HttpClient client = HttpClient.newHttpClient();
            String page = client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("EventSource"), "the page subscribes to server-sent events");
            assertTrue(!page.contains("http://") && !page.contains("https://"), "no external assets");
            String history = client.send(HttpRequest.newBuilder(url.resolve("/history")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(history.startsWith("[{\"type\": \"start\""), "history starts with the start event");
            assertEquals(3, count(history, "\"type\": \"epoch\""));
            assertTrue(history.contains("val_loss"), "validation values are sent");
            assertTrue(history.contains("data:image/png;base64,"), "sample images are sent");
            assertTrue(history.contains("\"type\": \"end\""), "the end event is sent");
            assertTrue(history.contains("Total params"), "the summary table is sent");
        }
        assertThrows(IOException.class, () -> new Socket().connect(new InetSocketAddress("127.0.0.1", url.getPort()), 2000));
    }

    @Test
    void unwatchedRunStoresNoBatchesAndPredictsSamplesOnlyAtTheEnd() throws Exception {
        Sequential m = imageModel();
        Tensor x = images();
        try (TrainingDashboard dash = new TrainingDashboard().keepOpen(true).samples(x, labels(x), null)) {
            m.fit(x, labels(x), new FitOptions().epochs(4).batchSize(16).verbose(0).callbacks(dash));
            String history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(dash.url().resolve("/history"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(4, count(history, "\"type\": \"epoch\""));
            assertEquals(1, count(history, "\"type\": \"samples\""), "nobody watched: only the final grid");
            assertTrue(history.contains("\"epoch\": 3, \"items\""), "the final grid is the last epoch's");
            assertTrue(count(history, "\"type\": \"batch\"") <= 1, "batch progress is not stored");
        }
    }

    @Test
    void watchedRunGetsSampleGridsWhileTraining() throws Exception {
        Sequential m = imageModel();
        Tensor x = images();
        try (TrainingDashboard dash = new TrainingDashboard().samples(x, labels(x), List.of("dark", "light"))) {
            HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(dash.url().resolve("/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Callback slowFirstBatch = new Callback() {
                @Override
                public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
                    if (batch == 0) {
                        try {
                            Thread.sleep(400);   // the stream polls every 100 ms: let it see this progress
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            };
            m.fit(x, labels(x), new FitOptions().epochs(2).batchSize(16).verbose(0).callbacks(dash, slowFirstBatch));
            String events = new String(stream.body().readAllBytes(), StandardCharsets.UTF_8);   // ends with the run
            // SSE comment lines (": keep-alive") may come first when the machine is slow: skip them
            String data = events.lines().filter(l -> !l.startsWith(":") && !l.isEmpty()).findFirst().orElse("");
            assertTrue(data.startsWith("data: {\"type\": \"start\""), events);
            assertTrue(events.contains("\"type\": \"samples\", \"epoch\": 0"), "a grid after the first epoch");
            assertTrue(events.contains("\"pred\": \"dark\"") || events.contains("\"pred\": \"light\""));
            assertTrue(events.contains("\"type\": \"batch\""), "batch progress is streamed");
            assertTrue(events.contains("\"type\": \"end\""));
        }
    }

    @Test
    void batchHookAllocatesNothingBetweenProgressUpdates() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        try (TrainingDashboard dash = new TrainingDashboard()) {
            dash.setParams(Map.of("epochs", 1, "steps", 100_000));
            dash.onTrainBegin(new java.util.HashMap<>());
            Map<String, Double> logs = new java.util.TreeMap<>(Map.of("loss", 1.5, "accuracy", 0.25));
            for (int i = 0; i < 20_000; i++) {
                dash.onTrainBatchEnd(i, logs);
            }
            long id = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100_000; i++) {
                dash.onTrainBatchEnd(i, logs);
            }
            long bytes = threads.getThreadAllocatedBytes(id) - before;
            dash.onTrainEnd(logs);
            // at most a few progress snapshots (four a second, a few hundred bytes each) in 100,000 calls
            assertTrue(bytes < 16_384, "per-batch hook allocated " + bytes + " bytes in 100,000 calls");
        }
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void refusesOtherHostsByDefault() throws Exception {
        InetAddress external = null;
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                    external = a;
                }
            }
        }
        assumeTrue(external != null, "no non-loopback address to test from");
        try (TrainingDashboard dash = new TrainingDashboard().start()) {
            int port = dash.url().getPort();
            InetAddress target = external;
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(target, port), 2000);
                }
            });
        }
    }

    private static Path chromium() {
        for (String p : new String[]{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    private static Process chrome(Path exe, Path profile, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-default-apps", "--disable-sync", "--no-first-run", "--metrics-recording-only",
                "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void headlessChromiumSeesTheChartUpdateAndTakesAScreenshot(@TempDir Path dir) throws Exception {
        Path exe = chromium();
        assumeTrue(exe != null, "Chromium not installed (apt-get install chromium): browser test skipped");
        Sequential m = imageModel();
        Tensor x = images();
        TrainingDashboard dash = new TrainingDashboard().keepOpen(true).samples(x, labels(x), null);
        URI url = dash.url();
        CompletableFuture<Void> training = CompletableFuture.runAsync(() ->
                m.fit(x, labels(x), new FitOptions().epochs(25).batchSize(16).verbose(0).validationSplit(0.25)
                        .callbacks(dash, pause(200))));
        try {
            // the browser connects while training runs; virtual time lets it run until the stream ends
            Process p = chrome(exe, dir.resolve("profile1"), "--virtual-time-budget=60000", "--dump-dom", url.toString());
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertTrue(!training.isDone() || dom.contains("finished"), "the page watched a live run");
            training.get(120, TimeUnit.SECONDS);
            Matcher u = Pattern.compile("id=\"updates\">(\\d+)<").matcher(dom);
            assertTrue(u.find(), "the page rendered: " + dom.substring(0, Math.min(300, dom.length())));
            assertTrue(Integer.parseInt(u.group(1)) >= 2, "chart redrawn at least twice, got " + u.group(1));
            assertTrue(dom.contains("chart-loss"), "a loss chart exists");
            assertTrue(dom.contains("data:image/png;base64"), "sample predictions are shown");

            Path shot = dir.resolve("dashboard.png");
            Process s = chrome(exe, dir.resolve("profile2"), "--virtual-time-budget=5000", "--window-size=1280,900",
                    "--screenshot=" + shot, url.toString());
            s.getInputStream().readAllBytes();
            assertTrue(s.waitFor(120, TimeUnit.SECONDS));
            BufferedImage img = ImageIO.read(shot.toFile());
            assertEquals(1280, img.getWidth());
            java.util.Set<Integer> colors = new java.util.HashSet<>();
            for (int yy = 0; yy < img.getHeight(); yy += 7) {
                for (int xx = 0; xx < img.getWidth(); xx += 7) {
                    colors.add(img.getRGB(xx, yy));
                }
            }
            assertTrue(colors.size() > 20, "screenshot is not blank: " + colors.size() + " colours");
        } finally {
            m.setStopTraining(true);
            training.get(120, TimeUnit.SECONDS);
            dash.close();
        }
    }
}
