package ganglion.plot;

import ganglion.Tensor;
import ganglion.models.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {

    static History history(int epochs) {
        History h = new History();
        h.onTrainBegin(new HashMap<>());
        for (int e = 0; e < epochs; e++) {
            Map<String, Double> logs = new HashMap<>();
            logs.put("loss", 1.0 / (e + 1));
            logs.put("val_loss", 1.2 / (e + 1) + 0.05);
            logs.put("accuracy", 1 - 0.5 / (e + 1));
            logs.put("val_accuracy", 1 - 0.6 / (e + 1));
            h.onEpochEnd(e, logs);
        }
        return h;
    }

    /** Decodes the PNG and checks its size and that it has many colours (curves, text), not a blank page. */
    static BufferedImage assertPicture(Path png, int width, int height) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(width, img.getWidth());
        assertEquals(height, img.getHeight());
        int white = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                white += rgb == 0xffffff ? 1 : 0;
            }
        }
        int total = ((img.getHeight() + 1) / 2) * ((img.getWidth() + 1) / 2);
        assertTrue(colours.size() > 8, "only " + colours.size() + " colours");
        assertTrue(white < total, "blank image");
        return img;
    }

    static boolean hasColour(BufferedImage img, int rgb, int tolerance) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (Math.abs(((c >> 16) & 255) - ((rgb >> 16) & 255)) <= tolerance
                        && Math.abs(((c >> 8) & 255) - ((rgb >> 8) & 255)) <= tolerance
                        && Math.abs((c & 255) - (rgb & 255)) <= tolerance) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void historyWritesALineChartPng(@TempDir Path dir) throws Exception {
        Path png = Plots.history(history(10), "accuracy", "val_accuracy").save(dir.resolve("acc.png"));
        BufferedImage img = assertPicture(png, 640, 480);
        assertTrue(hasColour(img, 0x1f77b4, 10), "no tab:blue train curve");
        assertTrue(hasColour(img, 0xff7f0e, 10), "no tab:orange validation curve");
        assertEquals("Validation Accuracy", Plots.legendLabel("val_accuracy"));
        assertEquals("Train Loss", Plots.legendLabel("loss"));
        assertThrows(IllegalArgumentException.class, () -> Plots.history(history(2), "auc"));
    }

    @Test
    void historyGridPutsAccuracyAndLossSideBySide(@TempDir Path dir) throws Exception {
        Figure f = Plots.historyGrid(history(5));
        assertEquals(2, f.panelCount());
        BufferedImage img = assertPicture(f.save(dir.resolve("sub/curves.png")), 1200, 400);
        // both halves hold drawings
        BufferedImage left = img.getSubimage(0, 0, 600, 400);
        BufferedImage right = img.getSubimage(600, 0, 600, 400);
        assertTrue(hasColour(left, 0x1f77b4, 10));
        assertTrue(hasColour(right, 0xff7f0e, 10));
    }

    @Test
    void svgOutputIsWellFormedSvg(@TempDir Path dir) throws Exception {
        Path svg = Plots.historyGrid(history(4)).save(dir.resolve("curves.svg"));
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
        assertTrue(text.contains("</svg>"));
        assertTrue(text.length() > 2000);
        assertThrows(IllegalArgumentException.class, () -> Plots.history(history(2)).save(dir.resolve("x.jpg")));
    }

    @Test
    void imagesGridGreyAndRgb(@TempDir Path dir) throws Exception {
        float[] grey = new float[6 * 28 * 28];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (i * 37 % 256);
        }
        Tensor g = Tensor.of(grey, 6, 28, 28);
        Figure f = Plots.images(g, Tensor.of(new float[]{0, 1, 2, 3, 4, 5}), new String[]{"T-shirt", "Trouser",
                "Pullover", "Dress", "Coat", "Sandal"}, 3);
        assertEquals(6, f.panelCount());
        assertPicture(f.save(dir.resolve("grey.png")), 3 * 112, 2 * 132);
        float[] rgb = new float[4 * 8 * 8 * 3];
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = 1f;
        }
        BufferedImage img = assertPictureLoose(Plots.images(Tensor.of(rgb, 4, 8, 8, 3), List.of(), 2)
                .save(dir.resolve("rgb.png")));
        assertTrue(hasColour(img, 0xff0000, 0), "red pixels expected");
        assertThrows(IllegalArgumentException.class, () -> Plots.images(Tensor.zeros(2, 3), List.of(), 1));
    }

    static BufferedImage assertPictureLoose(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() >= 100 && img.getHeight() >= 100);
        return img;
    }

    @Test
    void confusionMatrixHeatmap(@TempDir Path dir) throws Exception {
        int[][] cm = {{50, 2, 0}, {3, 40, 7}, {0, 5, 45}};
        Figure f = Plots.confusionMatrix(cm, "setosa", "versicolor", "virginica");
        BufferedImage img = assertPicture(f.save(dir.resolve("cm.png")), f.width(), f.height());
        assertTrue(hasColour(img, 0x08306b, 2), "the largest count's cell is dark blue");
        assertThrows(IllegalArgumentException.class, () -> Plots.confusionMatrix(new int[][]{{1, 2}}, "a"));
    }

    @Test
    void predictedVsActualScatter(@TempDir Path dir) throws Exception {
        Tensor a = Tensor.of(new float[]{10, 20, 30, 40});
        Tensor p = Tensor.of(new float[]{12, 18, 33, 39});
        assertPicture(Plots.predictedVsActual(a, p, "House prices").save(dir.resolve("pva.png")), 640, 480);
        assertPicture(Plots.curves("Model Accuracy", "Epochs", "Accuracy",
                Map.of("Initial Training Accuracy", List.of(0.5, 0.6, 0.7))).save(dir.resolve("c.png")), 640, 480);
    }
}
