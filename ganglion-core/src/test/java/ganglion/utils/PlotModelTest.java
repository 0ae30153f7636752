package ganglion.utils;

import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class PlotModelTest {

    private static Sequential model() {
        Sequential m = new Sequential();
        m.add(new Dense(16, "relu").inputShape(8).name("hidden"));
        m.add(new Dropout(0.2).name("drop"));
        m.add(new Dense(3, "softmax").name("probs"));
        return m;
    }

    @Test
    void dotNamesEveryLayerAndEdge() {
        Sequential m = model();
        m.getLayer("hidden").setTrainable(false);
        String dot = PlotModel.toDot(m, true, true, true, "LR", false);
        assertTrue(dot.startsWith("digraph"), dot);
        assertTrue(dot.contains("rankdir=LR"), dot);
        for (String layer : new String[]{"hidden (Dense)", "drop (Dropout)", "probs (Dense)"}) {
            assertTrue(dot.contains(layer), layer + " in " + dot);
        }
        assertTrue(dot.contains("\"input_layer\" -> \"hidden\""), dot);
        assertTrue(dot.contains("\"hidden\" -> \"drop\""), dot);
        assertTrue(dot.contains("\"drop\" -> \"probs\""), dot);
        assertTrue(dot.contains("(None, 16)"), dot);
        assertTrue(dot.contains("Trainable: False"), dot);
        assertThrows(IllegalArgumentException.class, () -> PlotModel.toDot(m, false, true, false, "XY", false));
    }

    @Test
    void writesDotAlwaysAndPngWithGraphviz(@TempDir Path dir) throws Exception {
        Sequential m = model();
        Path dot = PlotModel.plotModel(m, dir.resolve("m.dot"));
        assertTrue(Files.readString(dot).contains("probs"));
        assumeTrue(PlotModel.graphvizAvailable(), "Graphviz not installed: PNG rendering not checked");
        Path png = PlotModel.plotModel(m, dir.resolve("m.png"), true, true, false, "TB");
        assertEquals(dir.resolve("m.png"), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img);
        assertTrue(img.getWidth() > 50 && img.getHeight() > 100, img.getWidth() + "x" + img.getHeight());
        Path svg = PlotModel.plotModel(m, dir.resolve("m.svg"), true, true, false, "LR");
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void branchingFunctionalAndNestedModelsShowEveryLayerAndEdge() {
        ganglion.layers.SymbolicTensor in = ganglion.layers.Input.of(8);
        ganglion.layers.SymbolicTensor a = new Dense(4, "relu").name("left").apply(in);
        ganglion.layers.SymbolicTensor b = new Dense(4, "tanh").name("right").apply(in);
        ganglion.layers.SymbolicTensor merged = new ganglion.layers.Concatenate().name("join").apply(a, b);
        Sequential head = new Sequential();
        head.add(new Dense(3, "relu").inputShape(8).name("head_dense"));
        head.add(new Dense(1).name("head_out"));
        head.name("head");
        ganglion.layers.SymbolicTensor out = head.apply(merged);
        ganglion.models.Model m = new ganglion.models.Model(in, out);
        String dot = PlotModel.toDot(m, true, true, false, "TB", false);
        for (String edge : new String[]{"-> \"left\"", "-> \"right\"", "\"left\" -> \"join\"",
                "\"right\" -> \"join\"", "\"join\" -> \"head\""}) {
            assertTrue(dot.contains(edge), edge + " in " + dot);
        }
        String nested = PlotModel.toDot(m, false, true, false, "TB", true);
        assertTrue(nested.contains("cluster_head"), nested);
        assertTrue(nested.contains("\"head/head_dense\" -> \"head/head_out\""), nested);
        assertTrue(nested.contains("\"join\" -> \"head/input_layer\"") || nested.contains("\"join\" -> \"head/head_dense\""), nested);
    }
}
