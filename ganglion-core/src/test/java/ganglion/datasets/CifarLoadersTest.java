package ganglion.datasets;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CifarLoadersTest {

    private static Map<String, byte[]> cifar10Members() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("cifar-10-batches-bin/batches.meta.txt", "airplane\n".getBytes());
        for (int i = 1; i <= 5; i++) {
            m.put("cifar-10-batches-bin/data_batch_" + i + ".bin", TestArchives.cifarRecords(2, 1, i));
        }
        m.put("cifar-10-batches-bin/test_batch.bin", TestArchives.cifarRecords(3, 1, 0));
        return m;
    }

    @Test
    void readsTheBinaryArchiveInKerasLayout(@TempDir Path dir) throws IOException {
        TestArchives.write(dir.resolve(Cifar10.ARCHIVE), TestArchives.tarGz(cifar10Members()));
        TrainTestData d = Cifar10.loadData(dir);
        assertArrayEquals(new int[]{10, 32, 32, 3}, d.xTrain().shape());
        assertArrayEquals(new int[]{10, 1}, d.yTrain().shape());
        assertArrayEquals(new int[]{3, 32, 32, 3}, d.xTest().shape());
        assertArrayEquals(new int[]{3, 1}, d.yTest().shape());
        // batch 1 first: labels 1, 2; then batch 2: 2, 3 ...
        assertArrayEquals(new float[]{1, 2, 2, 3, 3, 4, 4, 5, 5, 6}, d.yTrain().toFloatArray());
        // record 1 of batch 1: red plane = 1, green = 101, blue = 200 + p % 50 (pixel (0, 5) is p = 5)
        assertEquals(1f, d.xTrain().get(1, 0, 5, 0));
        assertEquals(101f, d.xTrain().get(1, 0, 5, 1));
        assertEquals(205f, d.xTrain().get(1, 0, 5, 2));
        assertEquals(200f + (31 * 32 + 31) % 50, d.xTrain().get(0, 31, 31, 2));
    }

    @Test
    void readsUnpackedRecords(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : cifar10Members().entrySet()) {
            TestArchives.write(dir.resolve(e.getKey()), e.getValue());
        }
        TrainTestData d = Cifar10.loadData(dir);
        assertEquals(10, d.xTrain().shape(0));
        assertTrue(Cifar10.holds(dir));
    }

    @Test
    void truncatedArchiveNamesTheFileAndTheFix(@TempDir Path dir) throws IOException {
        byte[] full = TestArchives.tarGz(cifar10Members());
        TestArchives.write(dir.resolve(Cifar10.ARCHIVE), Arrays.copyOf(full, full.length / 2));
        RuntimeException e = assertThrows(RuntimeException.class, () -> Cifar10.loadData(dir));
        assertTrue(e.getMessage().contains(Cifar10.ARCHIVE), e.getMessage());
        assertTrue(e.getMessage().contains("again"), e.getMessage());
    }

    @Test
    void truncatedRecordFileIsReported(@TempDir Path dir) throws IOException {
        Map<String, byte[]> m = cifar10Members();
        byte[] b = m.get("cifar-10-batches-bin/test_batch.bin");
        m.put("cifar-10-batches-bin/test_batch.bin", Arrays.copyOf(b, b.length - 100));
        TestArchives.write(dir.resolve(Cifar10.ARCHIVE), TestArchives.tarGz(m));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.loadData(dir));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void notATarFileIsReported(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[2048];
        Arrays.fill(junk, (byte) 'x');
        TestArchives.write(dir.resolve(Cifar10.ARCHIVE), junk);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.loadData(dir));
        assertTrue(e.getMessage().contains("not a tar archive"), e.getMessage());
    }

    @Test
    void archiveWithoutTheRecordsSaysWhichAreMissing(@TempDir Path dir) throws IOException {
        Map<String, byte[]> m = cifar10Members();
        m.remove("cifar-10-batches-bin/data_batch_3.bin");
        TestArchives.write(dir.resolve(Cifar10.ARCHIVE), TestArchives.tarGz(m));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.loadData(dir));
        assertTrue(e.getMessage().contains("lacks data_batch_3.bin"), e.getMessage());
    }

    @Test
    void cifar100FineAndCoarseLabels(@TempDir Path dir) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("cifar-100-binary/train.bin", TestArchives.cifarRecords(4, 2, 3));
        m.put("cifar-100-binary/test.bin", TestArchives.cifarRecords(2, 2, 0));
        TestArchives.write(dir.resolve(Cifar100.ARCHIVE), TestArchives.tarGz(m));
        TrainTestData fine = Cifar100.loadData(dir, "fine");
        TrainTestData coarse = Cifar100.loadData(dir, "coarse");
        // record i: coarse byte (3 + i) % 10, fine byte (4 + i) % 10
        assertArrayEquals(new float[]{4, 5, 6, 7}, fine.yTrain().toFloatArray());
        assertArrayEquals(new float[]{3, 4, 5, 6}, coarse.yTrain().toFloatArray());
        assertArrayEquals(new int[]{4, 32, 32, 3}, fine.xTrain().shape());
        assertArrayEquals(new int[]{2, 1}, fine.yTest().shape());
        assertThrows(IllegalArgumentException.class, () -> Cifar100.loadData(dir, "medium"));
    }

    @Test
    void readsTheJpegFolderLayout(@TempDir Path dir) throws IOException {
        for (String part : new String[]{"train", "test"}) {
            for (int c = 0; c < 10; c++) {
                BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
                for (int y = 0; y < 32; y++) {
                    for (int x = 0; x < 32; x++) {
                        img.setRGB(x, y, (c * 20 << 16) | (x * 4 << 8) | y * 4);
                    }
                }
                Path f = dir.resolve(part).resolve(Cifar10.CLASS_NAMES.get(c)).resolve("0000.png");
                Files.createDirectories(f.getParent());
                ImageIO.write(img, "png", f.toFile());
            }
        }
        TrainTestData d = Cifar10.loadData(dir);
        assertArrayEquals(new int[]{10, 32, 32, 3}, d.xTrain().shape());
        assertArrayEquals(new int[]{10, 1}, d.yTest().shape());
        // pixels are exact (PNG) and match the labels, whatever the fixed order
        boolean[] seen = new boolean[10];
        for (int i = 0; i < 10; i++) {
            int c = (int) d.yTest().get(i, 0);
            seen[c] = true;
            assertEquals(c * 20f, d.xTest().get(i, 3, 5, 0));
            assertEquals(20f, d.xTest().get(i, 3, 5, 1));
            assertEquals(12f, d.xTest().get(i, 3, 5, 2));
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
        TrainTestData few = Cifar10.loadData(dir, 3, 4);
        assertArrayEquals(new int[]{3, 32, 32, 3}, few.xTrain().shape());
        assertArrayEquals(new int[]{4, 1}, few.yTest().shape());
        assertArrayEquals(Arrays.copyOf(d.yTrain().toFloatArray(), 3), few.yTrain().toFloatArray());
        // training part: a fixed permutation, labels still match the pixels
        Tensor x = d.xTrain();
        for (int i = 0; i < 10; i++) {
            assertEquals(d.yTrain().get(i, 0) * 20f, x.get(i, 0, 0, 0));
        }
    }

    @Test
    void folderWithoutDataSaysWhatToPutThere(@TempDir Path dir) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Cifar10.loadData(dir));
        assertTrue(e.getMessage().contains(Cifar10.ARCHIVE) && e.getMessage().contains(Cifar10.MD5), e.getMessage());
    }

    @Test
    void sharedJpegCopyLoadsWhenPresent() {
        Path dir = SharedData.folder(Cifar10.JPEG_NAME);
        assertTrue(Cifar10.holds(dir));
    }
}
