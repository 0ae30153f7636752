package ganglion.datasets;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesTest {

    private static float sum(Tensor t) {
        float s = 0;
        for (float v : t.toFloatArray()) {
            s += v;
        }
        return s;
    }

    @Test
    void pimaTableHas768RowsAnd268Positives() {
        SharedData.folder(PimaIndiansDiabetes.NAME);
        LabeledData d = PimaIndiansDiabetes.loadData();
        assertArrayEquals(new int[]{768, 8}, d.x().shape());
        assertEquals(268f, sum(d.y()));
        assertArrayEquals(new float[]{6, 148, 72, 35, 0, 33.6f, 0.627f, 50}, d.x().slice(0, 1).toFloatArray());
    }

    @Test
    void irisJsonAndScikitLearnCsvAgree() {
        SharedData.folder(Iris.NAME);
        LabeledData json = Iris.loadData();
        assertArrayEquals(new int[]{150, 4}, json.x().shape());
        assertEquals(150f, sum(json.y()));            // 50 of each class 0, 1, 2
        Path csv = SharedData.folder("sklearn-small").resolve("iris.csv");
        LabeledData sk = Iris.loadData(csv);
        assertArrayEquals(json.x().toFloatArray(), sk.x().toFloatArray());
        assertArrayEquals(json.y().toFloatArray(), sk.y().toFloatArray());
    }

    @Test
    void uciLayoutAndBadRowsAreHandled(@TempDir Path dir) throws IOException {
        Path uci = Files.writeString(dir.resolve("iris.data"), "5.1,3.5,1.4,0.2,Iris-setosa\n"
                + "7.0,3.2,4.7,1.4,Iris-versicolor\n6.3,3.3,6.0,2.5,Iris-virginica\n\n");
        assertArrayEquals(new float[]{0, 1, 2}, Iris.loadData(uci).y().toFloatArray());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "1,2,3,4,5,6,7,8,1\n1,2,x,4,5,6,7,8,0\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PimaIndiansDiabetes.loadData(bad));
        assertTrue(e.getMessage().contains("data row 2, column 3: 'x'"), e.getMessage());
        Path narrow = Files.writeString(dir.resolve("narrow.csv"), "1,2,3\n");
        e = assertThrows(DatasetFormatException.class, () -> PimaIndiansDiabetes.loadData(narrow));
        assertTrue(e.getMessage().contains("expected 9"), e.getMessage());
        Path withHeader = Files.writeString(dir.resolve("h.csv"), "a,b,c,d,e,f,g,h,outcome\n1,2,3,4,5,6,7,8,1\n");
        assertEquals(1, PimaIndiansDiabetes.loadData(withHeader).size());
        Path gz = Files.write(dir.resolve("iris.json.gz"),
                IdxReaderTest.gzip("[[5.1, 3.5, 1.4, 0.2, \"setosa\"],\n [6.3, 3.3, 6.0, 2.5, \"virginica\"]]".getBytes()));
        LabeledData fromJson = Iris.loadData(gz);
        assertArrayEquals(new float[]{0, 2}, fromJson.y().toFloatArray());
        assertArrayEquals(new float[]{6.3f, 3.3f, 6.0f, 2.5f}, fromJson.x().slice(1, 2).toFloatArray());
    }

    @Test
    void splitsAreReproducibleDisjointAndStratified() {
        int n = 150;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i / 50;
        }
        LabeledData d = new LabeledData(Tensor.of(x, n, 1), Tensor.of(y, n));
        TrainTestData a = d.trainTestSplit(0.2, 7);
        TrainTestData b = d.trainTestSplit(0.2, 7);
        assertEquals(30, a.xTest().shape(0));
        assertEquals(120, a.xTrain().shape(0));
        assertArrayEquals(a.xTest().toFloatArray(), b.xTest().toFloatArray());
        boolean[] seen = new boolean[n];
        for (float v : a.xTrain().toFloatArray()) {
            seen[(int) v] = true;
        }
        for (float v : a.xTest().toFloatArray()) {
            assertTrue(!seen[(int) v], "row " + v + " is in both parts");
            seen[(int) v] = true;
        }
        TrainTestData s = d.stratifiedSplit(0.2, 7);
        int[] perClass = new int[3];
        float[] xs = s.xTest().toFloatArray();
        float[] ys = s.yTest().toFloatArray();
        for (int i = 0; i < ys.length; i++) {
            perClass[(int) ys[i]]++;
            assertEquals((int) xs[i] / 50, (int) ys[i]);   // x and y stay paired
        }
        assertArrayEquals(new int[]{10, 10, 10}, perClass);
        assertThrows(IllegalArgumentException.class, () -> d.trainTestSplit(1.5, 1));
    }
}
