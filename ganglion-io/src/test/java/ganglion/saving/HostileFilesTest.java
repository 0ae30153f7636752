package ganglion.saving;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.Variable;
import ganglion.layers.Dense;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Hostile or broken files fail with a GanglionFormatException naming the file and the problem. */
class HostileFilesTest {

    @TempDir
    Path dir;

    private static GanglionFormatException loadFails(Path p) {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Model.load(p));
        assertInstanceOf(GanglionFormatException.class, e.getCause(), e.toString());
        assertTrue(e.getCause().getMessage().contains(p.toString()), e.getCause().getMessage());
        return (GanglionFormatException) e.getCause();
    }

    private Path zip(String name, String[] entries, byte[][] data) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 0; i < entries.length; i++) {
                z.putNextEntry(new ZipEntry(entries[i]));
                z.write(data[i]);
                z.closeEntry();
            }
        }
        return p;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void zipEntriesEscapingTheArchiveAreRefused() throws IOException {
        for (String evil : new String[]{"../evil.txt", "a/../../evil", "/etc/evil", "C:\\evil", "..\\evil"}) {
            Path p = zip("slip.keras", new String[]{"config.json", evil}, new byte[][]{utf8("{}"), utf8("x")});
            assertTrue(loadFails(p).getMessage().contains("unsafe path"));
        }
        assertTrue(Files.notExists(dir.getParent().resolve("evil.txt")));
    }

    @Test
    void zipBombIsRefused() throws IOException {
        Path p = dir.resolve("bomb.keras");
        try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("config.json"));
            z.write(utf8("{\"class_name\": \"Sequential\", \"config\": {\"layers\": []}}"));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("model.weights.h5"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(Files.size(p) < 1 << 20);
        assertTrue(loadFails(p).getMessage().contains("zip bomb"));
    }

    @Test
    void unknownLayerClassesAreRefusedWithoutReflection() throws IOException {
        for (String cls : new String[]{"EvilLayer", "java.lang.Runtime", "ProcessBuilder"}) {
            String cfg = "{\"module\":\"keras\",\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\",\"layers\":["
                    + "{\"module\":\"keras.layers\",\"class_name\":\"InputLayer\",\"config\":{\"batch_shape\":[null,3]}},"
                    + "{\"module\":\"evil\",\"class_name\":\"" + cls + "\",\"config\":{\"name\":\"x\"}}]}}";
            Path p = zip("unknown.keras", new String[]{"config.json"}, new byte[][]{utf8(cfg)});
            GanglionFormatException e = loadFails(p);
            assertTrue(e.getMessage().contains("not in Ganglion's layer registry"), e.getMessage());
            assertTrue(e.getMessage().contains(cls));
        }
    }

    @Test
    void absurdLayerSizesInAConfigAreRefused() throws IOException {
        for (String units : new String[]{"2000000000", "500000000", "-5", "1e300", "\"many\""}) {
            String cfg = "{\"module\":\"keras\",\"class_name\":\"Sequential\",\"config\":{\"name\":\"s\",\"layers\":["
                    + "{\"class_name\":\"InputLayer\",\"config\":{\"batch_shape\":[null,4]}},"
                    + "{\"class_name\":\"Dense\",\"config\":{\"name\":\"d\",\"units\":" + units + "}}]}}";
            Path p = zip("huge.keras", new String[]{"config.json"}, new byte[][]{utf8(cfg)});
            assertTrue(loadFails(p).getMessage().contains("layer 'd' (Dense)"), units);
        }
    }

    @Test
    void userRegisteredLayersLoad() {
        LayerRegistry.register("MyDense", c -> new MyDense(c.getInt("units")));
        try {
            Ganglion.setRandomSeed(3);
            Sequential m = new Sequential();
            m.add(new MyDense(2).inputShape(3));
            Path p = dir.resolve("custom.keras");
            m.save(p);
            Model back = Model.load(p);
            assertArrayEquals(m.getWeights().get(0).toFloatArray(), back.getWeights().get(0).toFloatArray());
        } finally {
            LayerRegistry.unregister("MyDense");
        }
    }

    /** A user layer class (saved with class_name "MyDense"). */
    static class MyDense extends Dense {
        MyDense(int units) {
            super(units);
        }
    }

    @Test
    void deeplyNestedJsonIsRefused() throws IOException {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Path p = zip("deep.keras", new String[]{"config.json"}, new byte[][]{utf8("{\"a\":" + deep + "}")});
        assertTrue(loadFails(p).getMessage().contains("config.json"));
    }

    @Test
    void garbageAndTruncatedFilesAreRefused() throws IOException {
        Path g = dir.resolve("garbage.keras");
        Files.write(g, utf8("not a model at all"));
        loadFails(g);
        Ganglion.setRandomSeed(4);
        Sequential m = new Sequential();
        m.add(new Dense(4).inputShape(3));
        for (String name : new String[]{"t.keras", "t.h5"}) {
            Path good = dir.resolve(name);
            m.save(good);
            byte[] all = Files.readAllBytes(good);
            for (int cut : new int[]{10, all.length / 3, all.length / 2, all.length - 20}) {
                Path t = dir.resolve("cut" + cut + name);
                Files.write(t, java.util.Arrays.copyOf(all, cut));
                try {
                    Model back = Model.load(t); // only unreferenced trailing bytes were cut
                    assertArrayEquals(m.getWeights().get(0).toFloatArray(), back.getWeights().get(0).toFloatArray());
                } catch (UncheckedIOException e) {
                    assertTrue(e.getCause() instanceof IOException, e.toString());
                }
            }
        }
    }

    @Test
    void absurdHdf5DimensionsAreRefused() throws Exception {
        Path py = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(py), "/usr/bin/python3 missing: absurd-dimension file not generated");
        Path h5 = dir.resolve("huge.weights.h5");
        String code = "import h5py,sys\n"
                + "f=h5py.File(sys.argv[1],'w')\n"
                + "v=f.create_group('layers').create_group('dense').create_group('vars')\n"
                + "v.create_dataset('0', shape=(2**31-1, 2**31-1), dtype='f4', chunks=(1,1))\n"
                + "v.create_dataset('1', shape=(4,), dtype='f4')\n"
                + "f.create_group('vars')\n";
        Process p = new ProcessBuilder(py.toString(), "-c", code, h5.toString()).redirectErrorStream(true).start();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "h5py missing: skipped");
        Sequential m = new Sequential();
        m.add(new Dense(4).inputShape(3));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> m.loadWeights(h5));
        assertInstanceOf(GanglionFormatException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("too large"), e.getCause().getMessage());
    }

    @Test
    void failedSaveLeavesThePreviousFileIntact() throws IOException {
        Ganglion.setRandomSeed(5);
        boolean[] explode = {false};
        Sequential m = new Sequential();
        m.add(new Dense(3) {
            @Override
            public List<Variable> variables() {
                if (explode[0]) {
                    throw new IllegalStateException("disk full (simulated)");
                }
                return super.variables();
            }
        }.inputShape(2));
        Tensor x = GradCheck.uniform(9, 4, 2);
        for (String name : new String[]{"a.keras", "a.h5", "a.weights.h5"}) {
            Path p = dir.resolve(name);
            if (name.endsWith(".weights.h5")) {
                m.saveWeights(p);
            } else {
                m.save(p);
            }
            byte[] before = Files.readAllBytes(p);
            explode[0] = true;
            assertThrows(RuntimeException.class, () -> {
                if (name.endsWith(".weights.h5")) {
                    m.saveWeights(p);
                } else {
                    m.save(p);
                }
            });
            explode[0] = false;
            assertArrayEquals(before, Files.readAllBytes(p), name + " changed by a failed save");
            if (!name.endsWith(".weights.h5")) {
                Model back = Model.load(p);
                assertArrayEquals(m.predict(x, 32, 0).toFloatArray(), back.predict(x, 32, 0).toFloatArray());
            }
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "temporary files left behind");
        }
    }
}
