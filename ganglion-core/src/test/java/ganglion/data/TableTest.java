package ganglion.data;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTest {

    static final String HOUSES = ""
            + "Id,LotArea,Street,\"Alley, kind\",SalePrice\r\n"
            + "1,8450,Pave,NA,208500\r\n"
            + "2,,Pave,Grvl,181500\r\n"
            + "3,11250,\"Gr \"\"vl\"\"\",?,223500\r\n"
            + "4,9550,Pave,Grvl,NaN\r\n";

    static Path shared(String... parts) {
        String env = System.getenv("GANGLION_SHARED_DATA");
        Path base = env != null ? Path.of(env) : Path.of("..", "..", "shared", "data");
        return base.resolve(Path.of("", parts));
    }

    @Test
    void readsQuotedCategoricalAndMissingCells() {
        Table t = Table.parseCsv(HOUSES, CsvOptions.defaults());
        assertEquals(List.of("Id", "LotArea", "Street", "Alley, kind", "SalePrice"), t.columnNames());
        assertArrayEquals(new int[]{4, 5}, t.shape());
        assertTrue(t.column("LotArea").isNumeric());
        assertFalse(t.column("Street").isNumeric());
        assertEquals("Gr \"vl\"", t.column("Street").strings()[2]);
        Map<String, Integer> nulls = t.isNull();
        assertEquals(Map.of("Id", 0, "LotArea", 1, "Street", 0, "Alley, kind", 2, "SalePrice", 1), nulls);
        assertEquals(List.of("Id", "LotArea", "Street", "Alley, kind", "SalePrice"), List.copyOf(nulls.keySet()));
    }

    @Test
    void fillsDropsAndEncodes() {
        Table t = Table.parseCsv(HOUSES, CsvOptions.defaults());
        Table mean = t.fillNa(Table.Fill.MEAN);
        assertEquals((8450 + 11250 + 9550) / 3.0, mean.numbers("LotArea")[1], 1e-9);
        assertEquals(0, mean.isNull().get("SalePrice"));
        assertEquals(2, mean.isNull().get("Alley, kind"));
        assertEquals(9550, t.fillNa("LotArea", Table.Fill.MEDIAN).numbers("LotArea")[1]);
        assertEquals("Grvl", t.fillNa(Table.Fill.MODE).column("Alley, kind").strings()[0]);
        assertEquals(0, t.fillNa(0).numbers("LotArea")[1]);
        assertEquals("none", t.fillNa("Alley, kind", "none").column("Alley, kind").strings()[0]);
        assertEquals(0, t.dropNa().rowCount());
        assertEquals(3, t.dropNa("LotArea").rowCount());
        Table oh = t.oneHot("Street");
        assertEquals(List.of("Id", "LotArea", "Alley, kind", "SalePrice", "Street_Gr \"vl\"", "Street_Pave"),
                oh.columnNames());
        assertArrayEquals(new double[]{1, 1, 0, 1}, oh.numbers("Street_Pave"));
        Table sel = t.select("SalePrice", "Id");
        assertEquals(List.of("SalePrice", "Id"), sel.columnNames());
        assertEquals(List.of("Id", "SalePrice"), t.drop("LotArea", "Street", "Alley, kind").columnNames());
        assertEquals(List.of("Id", "LotArea", "SalePrice"), t.dropSparseColumns(0.25).drop("Street").columnNames());
        Tensor x = t.fillNa(0).toTensor("Id", "LotArea");
        assertArrayEquals(new int[]{4, 2}, x.shape());
        assertEquals(11250f, x.get(2, 1));
        assertThrows(IllegalArgumentException.class, () -> t.toTensor("Street"));
        assertThrows(IllegalArgumentException.class, () -> t.column("Nope"));
        assertTrue(t.toString().contains("SalePrice"), t.toString());
    }

    @Test
    void correlationAndDescribe() {
        Table t = Table.parseCsv("a,b,c,d\n1,2,3,5\n2,4,1,5\n3,6,2,5\n4,8,,5\n", CsvOptions.defaults());
        Correlation c = t.corr();
        assertEquals(1.0, c.get("a", "b"), 1e-12);
        // pairwise complete: rows 0..2 for (a, c): a = 1,2,3; c = 3,1,2 -> r = -0.5
        assertEquals(-0.5, c.get("a", "c"), 1e-12);
        assertTrue(Double.isNaN(c.get("a", "d")));
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(c.sortedBy("a").keySet()));
        Table d = t.describe();
        double[] a = d.numbers("a");
        assertArrayEquals(new double[]{4, 2.5, Math.sqrt(5.0 / 3), 1, 1.75, 2.5, 3.25, 4}, a, 1e-12);
        assertEquals(3, d.numbers("c")[0]);
    }

    @Test
    void headerDetectionAndOptions() {
        Table noHeader = Table.parseCsv("1,2,x\n3,4,y\n", CsvOptions.defaults());
        assertEquals(List.of("0", "1", "2"), noHeader.columnNames());
        assertEquals(2, noHeader.rowCount());
        Table spaced = Table.parseCsv("59 2  32.1\n48 1 21.6\n", CsvOptions.defaults().separator(' ')
                .names("age", "sex", "bmi"));
        assertArrayEquals(new double[]{32.1, 21.6}, spaced.numbers("bmi"));
        Table forced = Table.parseCsv("a,b\n1,2\n", CsvOptions.defaults().header(false));
        assertEquals(2, forced.rowCount());
        assertFalse(forced.column("0").isNumeric());
        Table na = Table.parseCsv("a\n1\n-\n", CsvOptions.defaults().naValues("-"));
        assertEquals(1, na.isNull().get("a"));
    }

    @Test
    void readsTheRealDataFiles(@TempDir Path dir) throws Exception {
        Path pima = shared("pima-indians-diabetes", "pima-indians-diabetes.data.csv");
        Table p = Table.readCsv(pima);
        assertArrayEquals(new int[]{768, 9}, p.shape());
        assertEquals(6, p.numbers("0")[0]);
        Path boston = shared("sklearn-small", "boston_house_prices.csv");
        Table b = Table.readCsv(boston, CsvOptions.defaults().skipRows(1));
        assertArrayEquals(new int[]{506, 14}, b.shape());
        assertEquals("MEDV", b.columnNames().get(13));
        assertEquals(24.0, b.numbers("MEDV")[0]);
        assertTrue(b.corr().get("RM", "MEDV") > 0.69);
        assertTrue(b.corr().get("LSTAT", "MEDV") < -0.73);
        Path f = dir.resolve("t.csv");
        Files.writeString(f, HOUSES);
        assertEquals(4, Table.readCsv(f).rowCount());
    }

    @Test
    void scalersFitTransformAndInvert() {
        Tensor x = Tensor.of(new float[]{1, 10, 2, 10, 3, 10, 4, 10}, 4, 2);
        StandardScaler s = new StandardScaler();
        Tensor z = s.fitTransform(x);
        assertArrayEquals(new double[]{2.5, 10}, s.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), s.scale()[0], 1e-12);
        assertEquals(1.0, s.scale()[1]);
        assertEquals((float) (-1.5 / Math.sqrt(1.25)), z.get(0, 0), 1e-6);
        assertEquals(0f, z.get(0, 1));
        assertArrayEquals(x.toFloatArray(), s.inverseTransform(z).toFloatArray(), 1e-5f);
        MinMaxScaler m = new MinMaxScaler();
        Tensor u = m.fitTransform(x);
        assertArrayEquals(new float[]{0, 0, 1f / 3, 0, 2f / 3, 0, 1, 0}, u.toFloatArray(), 1e-6f);
        assertArrayEquals(x.toFloatArray(), m.inverseTransform(u).toFloatArray(), 1e-5f);
        MinMaxScaler sym = new MinMaxScaler(-1, 1).fit(x);
        assertEquals(-1f, sym.transform(x).get(0, 0), 1e-6);
        assertEquals(1f, sym.transform(x).get(3, 0), 1e-6);
        assertThrows(IllegalStateException.class, () -> new StandardScaler().transform(x));
        assertThrows(IllegalArgumentException.class, () -> s.transform(Tensor.zeros(2, 3)));
    }
}
