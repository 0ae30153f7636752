package ganglion.applications;

import ganglion.Tensor;
import ganglion.internal.npy.Npy;
import ganglion.internal.npy.NpyArray;
import ganglion.layers.Layer;
import ganglion.models.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * VGG16, ResNet50 and MobileNetV2 give PyTorch's logits on the same random weights: tools/applications/
 * reference.py builds each network in PyTorch as Keras defines it, writes the weights in Keras's legacy h5
 * layout (positional, in Keras's model.layers order), an input batch and the float64 reference output; the
 * test loads the h5 with {@code model.loadWeights} and compares within 1e-4 of the output's largest magnitude.
 *
 * <p>The files are generated at test time (VGG16's weights alone are 58 MB), so the test needs
 * {@code /usr/bin/python3} with torch, numpy and h5py; without them (as on CI) it is skipped.
 */
class PyTorchEquivalenceTest {

    /** Keras names layers per session: start each model from fresh names, as after keras.backend.clear_session(). */
    @BeforeEach
    void freshLayerNames() {
        ganglion.layers.NameScope.clear();
    }


    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;

    private static boolean torchAvailable;

    @BeforeAll
    static void checkPython() throws Exception {
        if (!Files.isExecutable(PYTHON)) {
            return;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch, h5py, numpy")
                .redirectErrorStream(true).start();
        torchAvailable = p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static Path script() {
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && p != null; i++, p = p.getParent()) {
            Path s = p.resolve("tools/applications/reference.py");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        throw new IllegalStateException("tools/applications/reference.py not found above " + Path.of("").toAbsolutePath());
    }

    private static void reference(String model, int size, boolean top) throws IOException, InterruptedException {
        assumeTrue(torchAvailable, "needs /usr/bin/python3 with torch, numpy and h5py (skipped on CI)");
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script().toString(), "--model", model,
                "--size", String.valueOf(size), "--batch", "2", "--out", dir.toString()));
        if (top) {
            cmd.addAll(List.of("--top", "--classes", "10"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "reference.py timed out");
        assertEquals(0, p.exitValue(), "reference.py failed:\n" + out);
    }

    private static Tensor npy(String name) throws IOException {
        NpyArray a = Npy.read(dir.resolve(name));
        return Tensor.of(a.toFloatArray(), a.shape());
    }

    private static void compare(String name, Model model) throws IOException {
        List<String> kerasOrder = Files.readAllLines(dir.resolve(name + "_layers.txt"));
        List<String> ours = new ArrayList<>();
        for (Layer l : model.layers()) {
            ours.add(l.name());
        }
        assertEquals(kerasOrder.subList(1, kerasOrder.size()), ours.subList(1, ours.size()),
                "model.layers must be in Keras's order for positional h5 loading");
        model.loadWeights(dir.resolve(name + ".h5"));
        Tensor expected = npy(name + "_logits.npy");
        Tensor got = model.predict(npy(name + "_input.npy"), 32, 0);
        assertArrayEquals(expected.shape(), got.shape());
        float[] e = expected.toFloatArray(), g = got.toFloatArray();
        double maxAbs = 0, maxDiff = 0;
        for (int i = 0; i < e.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(e[i]));
            maxDiff = Math.max(maxDiff, Math.abs(e[i] - g[i]));
        }
        assertTrue(maxAbs > 0, "degenerate reference output");
        double rel = maxDiff / maxAbs;
        System.out.printf("%s: max |ganglion - torch| / max |torch| = %.3g%n", name, rel);
        assertTrue(rel <= TOLERANCE, name + ": relative difference " + rel + " > " + TOLERANCE);
    }

    @Test
    void vgg16NoTopMatchesPyTorch() throws Exception {
        reference("vgg16", 32, false);
        compare("vgg16", VGG16.builder().includeTop(false).inputShape(32, 32, 3).build());
    }

    @Test
    void resnet50MatchesPyTorch() throws Exception {
        reference("resnet50", 32, true);
        compare("resnet50", ResNet50.builder().inputShape(32, 32, 3).classes(10).classifierActivation(null).build());
    }

    @Test
    void mobileNetV2MatchesPyTorch() throws Exception {
        // 40 pixels: the stride-2 blocks see both even (pad 0/1) and odd (pad 1/1) sizes in correct_pad
        reference("mobilenetv2", 40, true);
        compare("mobilenetv2",
                MobileNetV2.builder().inputShape(40, 40, 3).classes(10).classifierActivation(null).build());
    }

    @Test
    void weightsOptionLoadsTheFile() throws Exception {
        reference("mobilenetv2", 40, true);
        Model m = MobileNetV2.builder().inputShape(40, 40, 3).classes(10).classifierActivation("linear")
                .weights(dir.resolve("mobilenetv2.h5")).build();
        Tensor expected = npy("mobilenetv2_logits.npy");
        float[] got = m.predict(npy("mobilenetv2_input.npy"), 32, 0).toFloatArray();
        assertEquals(expected.toFloatArray()[0], got[0], 1e-3f * (1 + Math.abs(got[0])));
    }
}
