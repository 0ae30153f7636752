package ganglion.utils;

import ganglion.Tensor;
import ganglion.utils.images.NumpyRandomState;
import ganglion.utils.images.Resize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDatasetsTest {

    @TempDir
    static Path root;
    static Path dir;

    /** d/{c,a,b}/{0,1,2}.png: 4x6 images whose red value is 10 * class + file, green the column * 10. */
    @BeforeAll
    static void makeImages() throws IOException {
        ImageDatasets.setOutput(null);
        dir = root.resolve("d");
        String[] classes = {"c", "a", "b"};
        for (String c : classes) {
            int ci = c.charAt(0) - 'a';
            for (int f = 0; f < 3; f++) {
                BufferedImage img = new BufferedImage(6, 4, BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 6; x++) {
                        img.setRGB(x, y, ((10 * ci + f) << 16) | ((x * 10) << 8) | (y * 50));
                    }
                }
                Path p = dir.resolve(c).resolve(f + ".png");
                Files.createDirectories(p.getParent());
                ImageIO.write(img, "png", p.toFile());
            }
        }
        Files.writeString(dir.resolve("a").resolve("notes.txt"), "not an image");
        Files.createDirectories(dir.resolve(".hidden"));
    }

    private static List<String> rel(List<Path> paths) {
        List<String> r = new ArrayList<>();
        for (Path p : paths) {
            r.add(dir.getParent().relativize(p).toString());
        }
        return r;
    }

    @Test
    void numpyShuffleMatchesNumpy() {
        List<Integer> a = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        new NumpyRandomState(42).shuffle(a);
        assertEquals(List.of(8, 1, 5, 0, 7, 2, 9, 4, 3, 6), a);
        int[] b = new int[25];
        Arrays.setAll(b, i -> i);
        new NumpyRandomState(1337).shuffle(b);
        assertArrayEquals(new int[]{13, 4, 5, 17, 3, 0, 11, 12, 2, 14, 15, 1, 19, 21, 10, 16, 6, 9, 24, 20, 18, 22,
            7, 8, 23}, b);
    }

    @Test
    void classesAreSortedAndFilesShuffledAsKeras() {
        ImageDataset ds = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "int", 7L, 0, null);
        assertEquals(List.of("a", "b", "c"), ds.classNames());
        // numpy: paths = [d/a/0..2, d/b/0..2, d/c/0..2]; np.random.RandomState(7).shuffle(paths)
        assertEquals(List.of("d/a/2.png", "d/c/1.png", "d/a/0.png", "d/c/2.png", "d/b/2.png", "d/b/0.png",
                "d/c/0.png", "d/a/1.png", "d/b/1.png"), rel(ds.filePaths()));
        assertArrayEquals(new int[]{0, 2, 0, 2, 1, 1, 2, 0, 1}, ds.labels());
        assertEquals(3, ds.size());
        assertEquals(9, ds.count());
    }

    @Test
    void validationSplitTakesTheLastFilesAsKeras() {
        ImageDataset train = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "int", 7L, 0.34,
                "training");
        ImageDataset val = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "int", 7L, 0.34,
                "validation");
        assertEquals(List.of("d/c/0.png", "d/a/1.png", "d/b/1.png"), rel(val.filePaths()));
        assertEquals(6, train.count());
        Set<Path> all = new HashSet<>(train.filePaths());
        all.addAll(val.filePaths());
        assertEquals(9, all.size());
    }

    @Test
    void batchesHoldImagesAndLabelsInEachMode() {
        ImageDataset ds = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "categorical", 3L, 0,
                null);
        int images = 0;
        for (Tensor[] b : ds) {
            Tensor x = b[0];
            Tensor y = b[1];
            assertEquals(4, x.rank());
            assertEquals(3, y.shape(1));
            for (int i = 0; i < x.shape(0); i++) {
                int label = (int) y.argmax(-1).get(i);
                float red = x.get(i, 0, 0, 0);
                assertEquals(label, (int) (red / 10), "red " + red + " label " + label);
                assertEquals(30f, x.get(i, 2, 3, 1));    // green = column * 10, exact at the same size
                assertEquals(100f, x.get(i, 2, 3, 2));   // blue = row * 50
            }
            images += x.shape(0);
        }
        assertEquals(9, images);
        ImageDataset ints = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{2, 3}, 9, "int", 3L, 0, null);
        Tensor[] b = ints.iterator().next();
        assertArrayEquals(new int[]{9, 2, 3, 3}, b[0].shape());
        assertArrayEquals(new int[]{9}, b[1].shape());
        ImageDataset none = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 9, null, 3L, 0, null);
        assertEquals(1, none.iterator().next().length);
        ImageDataset grey = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 9, "int", 3L, 0, null,
                "grayscale", false);
        assertArrayEquals(new int[]{9, 4, 6, 1}, grey.iterator().next()[0].shape());
    }

    @Test
    void binaryNeedsTwoClassesAndSplitNeedsASeed() {
        assertThrows(IllegalArgumentException.class,
                () -> ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "binary", 1L, 0, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "int", null, 0.2, "training"));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "int", 1L, 0.2, null));
    }

    @Test
    void modelFitsOnTheDataSetAsAnIterableOfBatches() {
        ImageDataset ds = ImageDatasets.imageDatasetFromDirectory(dir, new int[]{4, 6}, 4, "int", 3L, 0, null)
                .cache();
        ganglion.models.Sequential model = new ganglion.models.Sequential(
                new ganglion.layers.Rescaling(1 / 255.0).inputShape(4, 6, 3),
                new ganglion.layers.Flatten(), new ganglion.layers.Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        ganglion.models.History h = model.fit(ds, new ganglion.models.FitOptions().epochs(2).verbose(0));
        assertEquals(2, h.history().get("loss").size());
        assertTrue(h.history().get("loss").get(1) > 0);
    }

    @Test
    void bilinearResizeUsesHalfPixelCentres() {
        byte[] src = {0, (byte) 100};
        float[] out = new float[4];
        Resize.bilinear(src, 1, 2, 1, 1, 4, out, 0);
        assertArrayEquals(new float[]{0, 25, 75, 100}, out, 1e-5f);
        float[] down = new float[1];
        Resize.bilinear(new byte[]{0, 10, 20, 30}, 2, 2, 1, 1, 1, down, 0);
        assertEquals(15f, down[0], 1e-5f);
    }
}
