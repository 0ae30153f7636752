package ganglion.callbacks;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.internal.json.Json;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Trains a small model with the TensorBoard callback and decodes the event files with the reference
 * protobuf runtime (tools/tensorboard/decode_events.py; needs Debian's protobuf-compiler and
 * python3-protobuf), checking framing CRCs, tags, steps, values, histograms and the graph.
 */
class TensorBoardTest {

    private static final Path TOOLS = Path.of(System.getProperty("user.dir")).getParent().resolve("tools/tensorboard");

    private static boolean decoderAvailable() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import google.protobuf; import shutil, sys; "
                    + "sys.exit(0 if shutil.which('protoc') else 1)").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> decode(Path file) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", TOOLS.resolve("decode_events.py").toString(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "decoder failed on " + file);
        List<Object> files = (List<Object>) Json.parse(out);
        return (List<Map<String, Object>>) ((Map<String, Object>) files.get(0)).get("events");
    }

    private static Path only(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(f -> f.getFileName().toString().startsWith("events.out.tfevents.")).toList();
            assertEquals(1, files.size(), "one event file in " + dir);
            assertTrue(files.get(0).getFileName().toString().endsWith(".v2"));
            return files.get(0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventFilesDecodeWithTheReferenceDefinitions(@TempDir Path dir) throws Exception {
        assumeTrue(decoderAvailable(), "needs /usr/bin/python3 with google.protobuf and protoc "
                + "(apt-get install python3-protobuf protobuf-compiler)");
        Ganglion.setRandomSeed(3);
        Tensor x = Tensor.randomNormal(64, 4);
        Tensor y = x.sum(-1, true).gt(0f);
        Sequential m = new Sequential();
        m.add(new Dense(8, "relu").inputShape(4));
        m.add(new Dense(1, "sigmoid"));
        m.setOutput(new PrintStream(OutputStream.nullOutputStream()));
        m.compile("adam", "binary_crossentropy", "accuracy");
        TensorBoard tb = new TensorBoard(dir).histogramFreq(1).updateFreq(2);
        History h = m.fit(x, y, new FitOptions().epochs(2).batchSize(16).verbose(0).validationSplit(0.25)
                .callbacks(tb));

        List<Map<String, Object>> train = decode(only(dir.resolve("train")));
        assertEquals("brain.Event:2", train.get(0).get("file_version"));
        List<Map<String, Object>> graph = new ArrayList<>();
        List<Map<String, Object>> scalars = new ArrayList<>();
        List<Map<String, Object>> histos = new ArrayList<>();
        for (Map<String, Object> e : train) {
            if (e.containsKey("graph")) {
                graph.addAll((List<Map<String, Object>>) e.get("graph"));
            }
            if (e.containsKey("values")) {
                for (Map<String, Object> v : (List<Map<String, Object>>) e.get("values")) {
                    v.put("step", e.get("step"));
                    (v.containsKey("histo") ? histos : scalars).add(v);
                }
            }
        }
        // graph: input -> dense -> dense_1, with Keras class names as ops
        assertEquals(3, graph.size());
        assertEquals("Dense", graph.get(1).get("op"));
        assertEquals(List.of(graph.get(1).get("name")), graph.get(2).get("input"));
        // epoch scalars equal History's values, in the scalars plugin's tensor form
        for (int epoch = 0; epoch < 2; epoch++) {
            for (String metric : List.of("loss", "accuracy")) {
                Map<String, Object> s = find(scalars, "epoch_" + metric, epoch);
                assertEquals("scalars", s.get("plugin"));
                assertEquals(h.history().get(metric).get(epoch), ((Number) s.get("value")).doubleValue(), 1e-6);
            }
            assertEquals(1e-3, ((Number) find(scalars, "epoch_learning_rate", epoch).get("value")).doubleValue(), 1e-9);
        }
        // 48 training samples, batch 16: 3 steps per epoch, 6 in all; every 2nd step logged
        assertEquals(3, scalars.stream().filter(s -> s.get("tag").equals("batch_loss")).count());
        // a histogram per weight per epoch, counting every value
        assertEquals(4 * 2, histos.size());
        Map<String, Object> kernel = (Map<String, Object>) histos.stream()
                .filter(v -> v.get("tag").equals(m.layers().get(0).name() + "/kernel/histogram")).findFirst()
                .orElseThrow().get("histo");
        assertEquals(32.0, ((Number) kernel.get("num")).doubleValue());
        double total = 0;
        for (Object c : (List<Object>) kernel.get("bucket")) {
            total += ((Number) c).doubleValue();
        }
        assertEquals(32.0, total);

        List<Map<String, Object>> val = decode(only(dir.resolve("validation")));
        List<Map<String, Object>> vs = new ArrayList<>();
        for (Map<String, Object> e : val) {
            if (e.containsKey("values")) {
                for (Map<String, Object> v : (List<Map<String, Object>>) e.get("values")) {
                    v.put("step", e.get("step"));
                    vs.add(v);
                }
            }
        }
        assertEquals(h.history().get("val_loss").get(1), ((Number) find(vs, "epoch_loss", 1).get("value")).doubleValue(), 1e-6);
        assertEquals(h.history().get("val_accuracy").get(0),
                ((Number) find(vs, "evaluation_accuracy_vs_iterations", 3).get("value")).doubleValue(), 1e-6);
    }

    private static Map<String, Object> find(List<Map<String, Object>> values, String tag, long step) {
        return values.stream().filter(v -> v.get("tag").equals(tag) && ((Number) v.get("step")).longValue() == step)
                .findFirst().orElseThrow(() -> new AssertionError("no " + tag + " at step " + step + " in " + values));
    }
}
