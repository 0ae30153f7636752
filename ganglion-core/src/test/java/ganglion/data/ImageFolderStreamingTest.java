package ganglion.data;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderStreamingTest {

    /** An 8x8 grey PNG: dark images for class "a", light for class "b", with a little variation. */
    private static byte[] png(int level, int variant) throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int v = Math.max(0, Math.min(255, level + ((x * 7 + y * 3 + variant * 11) % 40) - 20));
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static void writeFolder(Path dir, int perClass) throws IOException {
        List<byte[]> dark = new ArrayList<>();
        List<byte[]> light = new ArrayList<>();
        for (int v = 0; v < 16; v++) {
            dark.add(png(60, v));
            light.add(png(190, v));
        }
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        for (int i = 0; i < perClass; i++) {
            Files.write(dir.resolve("a").resolve(String.format("img_%06d.png", i)), dark.get(i % 16));
            Files.write(dir.resolve("b").resolve(String.format("img_%06d.png", i)), light.get(i % 16));
        }
    }

    @Test
    void elementsCarryTheirOwnLabelsAndCorruptFilesAreNamedOrSkipped(@TempDir Path dir) throws IOException {
        writeFolder(dir, 5);
        List<Tensor[]> all = Dataset.imageFiles(dir, new int[]{8, 8}, "grayscale", 2, false).toList();
        assertEquals(10, all.size());
        assertArrayEquals(new int[]{8, 8, 1}, all.get(0)[0].shape());
        for (Tensor[] e : all) {
            boolean light = e[0].mean().get() > 125;
            assertEquals(light ? 1f : 0f, e[1].get(), "label matches the folder");
        }
        Files.write(dir.resolve("a").resolve("img_broken.png"), "not a png".getBytes(StandardCharsets.UTF_8));
        var err = assertThrows(IllegalArgumentException.class,
                () -> Dataset.imageFiles(dir, new int[]{8, 8}, "grayscale", 2, false).toList());
        assertTrue(err.getMessage().contains("img_broken.png"), err.getMessage());
        assertTrue(err.getMessage().contains("ignoreErrors"), err.getMessage());
        List<Tensor[]> kept = Dataset.imageFiles(dir, new int[]{8, 8}, "grayscale", 2, true).toList();
        assertEquals(10, kept.size());
        for (Tensor[] e : kept) {
            assertEquals(e[0].mean().get() > 125 ? 1f : 0f, e[1].get(), "no file gets another's label");
        }
        var batchErr = assertThrows(RuntimeException.class, () -> Dataset.fromDirectory(dir, new int[]{4, 4}, 4, "int",
                3L, 0, null).toList());
        assertTrue(batchErr.getMessage().contains("img_broken.png"), batchErr.getMessage());
        Files.delete(dir.resolve("a").resolve("img_broken.png"));
        List<Tensor[]> batches = Dataset.fromDirectory(dir.resolve("b").getParent(), new int[]{4, 4}, 4, "int", 3L, 0,
                null).toList();
        assertTrue(batches.size() >= 3);
    }

    @Test
    void theFileListShufflesBeforeDecodingWithANewOrderEachPass(@TempDir Path dir) throws IOException {
        writeFolder(dir, 8);
        Dataset<Tensor[]> shuffled = Dataset.imageFiles(dir, new int[]{8, 8}, "grayscale", 2, false, 7L);
        List<String> first = labelsAndMeans(shuffled), second = labelsAndMeans(shuffled);
        List<String> sorted = labelsAndMeans(Dataset.imageFiles(dir, new int[]{8, 8}, "grayscale", 2, false));
        assertEquals(16, first.size());
        assertTrue(!first.equals(sorted), "the first pass is shuffled");
        assertTrue(!first.equals(second), "each pass gets a new order");
        List<String> a = new ArrayList<>(first), b = new ArrayList<>(sorted);
        java.util.Collections.sort(a);
        java.util.Collections.sort(b);
        assertEquals(b, a, "the same images with the same labels");
        assertEquals(first, labelsAndMeans(Dataset.imageFiles(dir, new int[]{8, 8}, "grayscale", 2, false, 7L)),
                "the same seed gives the same order");
    }

    /** "label:mean" of every element of one pass, in order. */
    private static List<String> labelsAndMeans(Dataset<Tensor[]> d) {
        List<String> out = new ArrayList<>();
        for (Tensor[] e : d) {
            out.add((int) e[1].get() + ":" + e[0].mean().get());
        }
        return out;
    }

    @Test
    void hundredThousandImagesStreamThroughFitWithA256MegabyteHeap(@TempDir Path dir) throws Exception {
        writeFolder(dir, 50_000);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "--add-modules=jdk.incubator.vector",
                "-cp", cp, StreamingFitMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue(), out);
        String line = out.lines().filter(l -> l.startsWith("STEPS")).findFirst().orElseThrow(() -> new AssertionError(out));
        String[] f = line.split(" ");
        assertEquals(1, Integer.parseInt(f[1]), "one epoch");
        assertTrue(Double.parseDouble(f[3]) > 0.75, "the model learned dark vs light: " + line);
        assertTrue(Long.parseLong(f[7]) <= 256, line);
    }
}
