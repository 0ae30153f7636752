package ganglion.bench;

import ganglion.callbacks.Callback;
import ganglion.callbacks.TensorBoard;
import ganglion.callbacks.TrainingDashboard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmark of what a callback costs the training thread per batch: {@code onTrainBatchBegin} plus
 * {@code onTrainBatchEnd} with running logs (loss, accuracy), as {@code fit} calls them, for a callback that does
 * nothing, a {@link TrainingDashboard} nobody watches, the same with a page connected to its event stream, and
 * {@link TensorBoard} with Keras's default {@code updateFreq="epoch"}. Time per batch in ns; add {@code -prof gc}
 * for bytes allocated per batch. Run: {@code java --add-modules=jdk.incubator.vector -jar
 * bench/target/benchmarks.jar DashboardHooksBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DashboardHooksBenchmark {

    private static final Map<String, Double> NO_LOGS = Map.of();

    /** Which callback. */
    @Param({"none", "dashboard", "dashboard-watched", "tensorboard"})
    public String callback;

    private Callback cb;
    private Map<String, Double> logs;
    private int batch;
    private Path dir;
    private CompletableFuture<HttpResponse<InputStream>> page;

    /** Creates the callback and runs its onTrainBegin, as fit does (server started, log files open). */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        logs = new TreeMap<>(Map.of("accuracy", 0.5, "loss", 1.25));
        dir = Files.createTempDirectory("hooks-bench");
        cb = switch (callback) {
            case "none" -> new Callback() {
            };
            case "dashboard", "dashboard-watched" -> new TrainingDashboard();
            case "tensorboard" -> new TensorBoard(dir);
            default -> throw new IllegalArgumentException(callback);
        };
        cb.setParams(Map.of("epochs", 1, "steps", 1875, "verbose", 0));
        cb.onTrainBegin(new HashMap<>());
        cb.onEpochBegin(0, new HashMap<>());
        if (callback.equals("dashboard-watched")) {
            URI events = ((TrainingDashboard) cb).url().resolve("/events");
            page = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(events).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream in = page.get(10, TimeUnit.SECONDS).body();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    while (in.read(buf) >= 0) {
                        // a page reading every event
                    }
                } catch (IOException ignored) {
                    // stream ended
                }
            }, "bench-page");
            reader.setDaemon(true);
            reader.start();
            Thread.sleep(500);
        }
    }

    /** Ends the run as fit does (stops the server, closes the files). */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        cb.onEpochEnd(0, logs);
        cb.onTrainEnd(logs);
        if (cb instanceof TrainingDashboard d) {
            d.close();
        }
        if (page != null) {
            page.cancel(true);
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One training batch's callback calls. */
    @Benchmark
    public void batchHooks() {
        int b = batch++;
        cb.onTrainBatchBegin(b, NO_LOGS);
        cb.onTrainBatchEnd(b, logs);
    }
}
