package ganglion.saving;

import com.fasterxml.jackson.databind.ObjectMapper;
import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.BatchNormalization;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.layers.GRU;
import ganglion.layers.LSTM;
import ganglion.layers.Layer;
import ganglion.layers.MaxPooling2D;
import ganglion.layers.Recurrent;
import ganglion.models.FitOptions;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both directions against real libhdf5 (h5py): tools/keras_files/keras_files.py (a) checks every file Ganglion
 * writes for Keras's layout, names, shapes and values, and (b) writes files in Keras's layouts (by hand,
 * without Keras) that Ganglion loads and predicts with like the script's numpy forward pass.
 */
class KerasInteropTest {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static Path script;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("tools/keras_files/keras_files.py"))) {
            root = root.getParent();
        }
        assumeTrue(root != null, "tools/keras_files/keras_files.py not found: interoperability checks skipped");
        script = root.resolve("tools/keras_files/keras_files.py");
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is missing: Keras interoperability checks skipped");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import h5py, numpy").redirectErrorStream(true).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0,
                "/usr/bin/python3 lacks h5py or numpy (apt install python3-h5py): interoperability checks skipped");
    }

    /** Runs several script commands in one Python process. */
    static String batch(Path dir, List<String[]> commands) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (String[] c : commands) {
            sb.append(String.join("\t", c)).append('\n');
        }
        Path f = Files.createTempFile(dir, "commands", ".txt");
        Files.writeString(f, sb.toString());
        return run("batch", f.toString());
    }

    static String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(PYTHON.toString());
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("keras_files.py " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    static Sequential model(String kind) {
        Sequential m = new Sequential();
        switch (kind) {
            case "dense" -> {
                m.add(new Dense(8, "relu").inputShape(4));
                m.add(new Dense(3, "softmax"));
            }
            case "conv" -> {
                m.add(new Conv2D(3, 3).activation("relu").inputShape(6, 6, 2));
                m.add(new MaxPooling2D(2));
                m.add(new Flatten());
                m.add(new Dense(2));
            }
            case "bn" -> {
                m.add(new Dense(6, "relu").inputShape(5));
                m.add(new BatchNormalization());
                m.add(new Dense(2, "sigmoid"));
            }
            case "lstm" -> {
                m.add(new LSTM(4).inputShape(5, 3));
                m.add(new Dense(2));
            }
            case "gru" -> {
                m.add(new GRU(4).inputShape(5, 3));
                m.add(new Dense(2));
            }
            case "embedding" -> {
                m.add(new ganglion.layers.Embedding(20, 4).inputShape(6));
                m.add(new ganglion.layers.GlobalAveragePooling1D());
                m.add(new Dense(1));
            }
            default -> throw new IllegalArgumentException(kind);
        }
        return m;
    }

    static int[] inputShape(String kind) {
        return switch (kind) {
            case "dense" -> new int[]{4};
            case "conv" -> new int[]{6, 6, 2};
            case "bn" -> new int[]{5};
            case "embedding" -> new int[]{6};
            default -> new int[]{5, 3};
        };
    }

    // ---------------------------------------------------------------- (a) Ganglion writes, h5py checks

    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv", "bn", "lstm", "gru", "embedding"})
    void pythonReadsWhatGanglionWrites(String kind) throws Exception {
        Ganglion.setRandomSeed(11);
        Sequential m = model(kind);
        int[] in = inputShape(kind);
        int[] xs = new int[in.length + 1];
        xs[0] = 6;
        System.arraycopy(in, 0, xs, 1, in.length);
        Tensor x = GradCheck.uniform(1, xs);
        if (kind.equals("embedding")) {
            float[] ids = x.toFloatArray();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = (float) Math.floor(Math.abs(ids[i]) * 19.99);
            }
            x = Tensor.of(ids, xs);
        }
        Tensor y = m.predict(x, 32, 0).mul(0.5f);
        m.compile("adam", "mse");
        m.fit(x, y, new FitOptions().epochs(1).batchSize(3).verbose(0));
        int optCount = m.optimizer().stateTensors().size();

        Map<String, Object> keras3 = keras3Expect(m, optCount);
        List<String[]> checks = new ArrayList<>();
        for (String f : new String[]{"m.keras", "m.weights.h5"}) {
            Path p = dir.resolve(f);
            if (f.endsWith(".keras")) {
                m.save(p);
            } else {
                m.saveWeights(p);
            }
            Map<String, Object> e = new LinkedHashMap<>(keras3);
            e.put("kind", f.endsWith(".keras") ? "keras" : "weights");
            Path ej = dir.resolve(f + ".json");
            JSON.writeValue(ej.toFile(), e);
            checks.add(new String[]{"check", p.toString(), ej.toString()});
        }
        Map<String, Object> legacy = legacyExpect(m, optCount);
        Path h5 = dir.resolve("m.h5");
        m.save(h5);
        legacy.put("kind", "legacy");
        JSON.writeValue(dir.resolve("l.json").toFile(), legacy);
        checks.add(new String[]{"check", h5.toString(), dir.resolve("l.json").toString()});
        Path wh5 = dir.resolve("w.h5");
        m.saveWeights(wh5);
        legacy.put("kind", "legacy_weights");
        JSON.writeValue(dir.resolve("lw.json").toFile(), legacy);
        checks.add(new String[]{"check", wh5.toString(), dir.resolve("lw.json").toString()});
        batch(dir, checks);
    }

    private static Map<String, Object> spec(Tensor t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("shape", t.shape());
        s.put("values", t.toFloatArray());
        s.put("dtype", "float32");
        return s;
    }

    static Map<String, Object> keras3Expect(Sequential m, int optCount) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("class_name", "Sequential");
        e.put("compiled", m.isCompiled());
        List<String> classes = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        Map<String, Object> datasets = new LinkedHashMap<>();
        Map<String, Integer> used = new HashMap<>();
        for (Layer l : m.layers()) {
            classes.add(l.getClass().getSimpleName());
            String key = KerasWeights.uniqueName(l, used);
            entries.add(key);
            String base = "layers/" + key + (l instanceof Recurrent<?> ? "/cell/vars/" : "/vars/");
            List<Variable> vs = l.variables();
            for (int i = 0; i < vs.size(); i++) {
                datasets.put(base + i, spec(vs.get(i).value()));
            }
        }
        e.put("layer_classes", classes);
        e.put("layer_entries", entries);
        e.put("datasets", datasets);
        e.put("optimizer_count", optCount);
        return e;
    }

    static Map<String, Object> legacyExpect(Sequential m, int optCount) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("class_name", "Sequential");
        e.put("compiled", m.isCompiled());
        List<String> names = new ArrayList<>();
        Map<String, Object> wn = new LinkedHashMap<>();
        Map<String, Object> datasets = new LinkedHashMap<>();
        for (Layer l : m.layers()) {
            names.add(l.name());
            List<String> ws = new ArrayList<>();
            for (Variable v : l.variables()) {
                String n = l.name() + "/" + v.name() + ":0";
                ws.add(n);
                datasets.put(l.name() + "/" + n, spec(v.value()));
            }
            wn.put(l.name(), ws);
        }
        e.put("layer_names", names);
        e.put("weight_names", wn);
        e.put("datasets", datasets);
        e.put("optimizer_count", optCount);
        return e;
    }

    // ---------------------------------------------------------------- (b) Keras layouts written by h5py

    @ParameterizedTest
    @ValueSource(strings = {"dense", "conv", "bn", "lstm", "gru", "embedding"})
    void ganglionReadsKerasLayouts(String kind) throws Exception {
        String[] formats = {"keras", "weights", "legacy", "legacy_weights"};
        List<String[]> writes = new ArrayList<>();
        for (String format : formats) {
            String ext = format.equals("keras") ? ".keras" : format.equals("weights") ? ".weights.h5" : ".h5";
            writes.add(new String[]{"write", format, kind, dir.resolve(kind + "_" + format + ext).toString(),
                    dir.resolve(kind + "_" + format + ".json").toString()});
        }
        batch(dir, writes);
        for (String format : formats) {
            String ext = switch (format) {
                case "keras" -> ".keras";
                case "weights" -> ".weights.h5";
                default -> ".h5";
            };
            Path file = dir.resolve(kind + "_" + format + ext);
            Path io = dir.resolve(kind + "_" + format + ".json");
            Model m;
            if (format.equals("keras") || format.equals("legacy")) {
                m = Model.load(file);
                assertEquals(true, m.isCompiled(), "compile_config restored");
                assertEquals("adam", m.optimizer().name());
                if (format.equals("keras")) {
                    assertEquals(3, m.optimizer().iterations(), "optimizer iteration restored");
                }
            } else {
                m = model(kind);
                m.loadWeights(file);
            }
            JsonNodeData d = JsonNodeData.read(io);
            Tensor out = m.predict(Tensor.of(d.input, d.inputShape), 32, 0);
            assertArrayEquals(d.outputShape, out.shape(), kind + " " + format);
            float[] got = out.toFloatArray();
            for (int i = 0; i < got.length; i++) {
                if (Math.abs(got[i] - d.output[i]) > 1e-4 * Math.max(1, Math.abs(d.output[i]))) {
                    fail(kind + " " + format + ": output " + i + " is " + got[i] + ", Keras's formula gives "
                            + d.output[i]);
                }
            }
        }
    }

    /** The script's io.json: input and expected output. */
    record JsonNodeData(int[] inputShape, float[] input, int[] outputShape, double[] output) {
        static JsonNodeData read(Path p) throws Exception {
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(p.toFile());
            return new JsonNodeData(ints(n.get("input_shape")), floats(n.get("input")), ints(n.get("output_shape")),
                    doubles(n.get("output")));
        }

        static int[] ints(com.fasterxml.jackson.databind.JsonNode a) {
            int[] r = new int[a.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = a.get(i).asInt();
            }
            return r;
        }

        static float[] floats(com.fasterxml.jackson.databind.JsonNode a) {
            float[] r = new float[a.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) a.get(i).asDouble();
            }
            return r;
        }

        static double[] doubles(com.fasterxml.jackson.databind.JsonNode a) {
            double[] r = new double[a.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = a.get(i).asDouble();
            }
            return r;
        }
    }

    @SuppressWarnings("unused")
    private static File unused() {
        return null;
    }
}
