package ganglion.saving;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Concatenate;
import ganglion.layers.Dense;
import ganglion.layers.Input;
import ganglion.layers.SymbolicTensor;
import ganglion.losses.Huber;
import ganglion.models.CompileSettings;
import ganglion.models.FitOptions;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.optimizers.Adam;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compile() settings survive .keras and .h5 round trips: per-output losses, loss weights and metrics, before fit. */
class CompileConfigSaveTest {

    @TempDir
    Path dir;

    private static Model twoOutputs() {
        SymbolicTensor a = Input.named("a", 3);
        SymbolicTensor b = Input.named("b", 2);
        SymbolicTensor h = new Dense(8, "tanh").apply(new Concatenate().apply(a, b));
        SymbolicTensor reg = new Dense(1).name("reg").apply(h);
        SymbolicTensor cls = new Dense(1, "sigmoid").name("cls").apply(h);
        return new Model(List.of(a, b), List.of(reg, cls), "two_outputs");
    }

    private static List<Tensor> data(int n) {
        return List.of(GradCheck.uniform(1, n, 3), GradCheck.uniform(2, n, 2), GradCheck.uniform(3, n, 1),
                GradCheck.uniform(4, 0f, 1f, n, 1).round());
    }

    private static List<String> lossNames(CompileSettings s) {
        List<String> r = new ArrayList<>();
        for (Object l : s.losses()) {
            r.add(l == null ? null : l instanceof String n ? n : l.getClass().getSimpleName());
        }
        return r;
    }

    @Test
    void perOutputLossesWeightsAndMetricsComeBack() {
        Ganglion.setRandomSeed(5);
        Model m = twoOutputs();
        Map<String, Object> losses = new LinkedHashMap<>();
        losses.put("reg", new Huber());
        losses.put("cls", "binary_crossentropy");
        m.compile(new Adam(0.01), losses, Map.of("reg", 1.0, "cls", 0.25), Map.of("cls", List.of("accuracy")));
        List<Tensor> d = data(32);
        for (boolean fitted : new boolean[]{false, true}) {
            if (fitted) {
                m.fit(d.subList(0, 2), d.subList(2, 4), new FitOptions().epochs(1).batchSize(8).verbose(0));
            }
            for (String f : new String[]{"m.keras", "m.h5"}) {
                Path p = dir.resolve(f);
                m.save(p);
                Model back = Model.load(p);
                CompileSettings s = back.compileSettings();
                String where = f + (fitted ? " after fit" : " before fit");
                assertTrue(s.perOutput(), where);
                assertEquals(List.of("reg", "cls"), s.outputNames(), where);
                assertEquals(Arrays.asList("Huber", "binary_crossentropy"), lossNames(s), where);
                assertEquals(List.of(1.0, 0.25), s.lossWeights(), where);
                assertEquals(List.of(List.of(), List.of("accuracy")), s.metrics(), where);
                Map<String, Double> want = m.evaluate(d.subList(0, 2), d.subList(2, 4), 32, 0);
                Map<String, Double> got = back.evaluate(d.subList(0, 2), d.subList(2, 4), 32, 0);
                assertEquals(want.keySet(), got.keySet(), where);
                for (String k : want.keySet()) {
                    assertEquals(want.get(k), got.get(k), 1e-6, where + ": " + k);
                }
            }
        }
    }

    @Test
    void singleLossAndMetricNamesAreKeptBeforeFit() {
        Sequential m = new Sequential();
        m.add(new Dense(3, "softmax").inputShape(4));
        m.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        for (String f : new String[]{"s.keras", "s.h5"}) {
            Path p = dir.resolve(f);
            m.save(p);
            CompileSettings s = Model.load(p).compileSettings();
            assertFalse(s.perOutput(), f);
            assertEquals(List.of("sparse_categorical_crossentropy"), lossNames(s), f);
            assertEquals(List.of(List.of("accuracy")), s.metrics(), f);
        }
    }

    @Test
    void aListCompileComesBackPerOutput() {
        Model m = twoOutputs();
        m.compile("sgd", Arrays.asList("mse", null), List.of(2.0, 1.0), null);
        m.save(dir.resolve("l.keras"));
        CompileSettings s = Model.load(dir.resolve("l.keras")).compileSettings();
        assertTrue(s.perOutput());
        assertEquals(Arrays.asList("mse", null), lossNames(s));
        assertEquals(List.of(2.0, 1.0), s.lossWeights());
    }
}
