package ganglion.internal.npy;

import ganglion.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads files written by the real numpy (when python3 with numpy is installed; skipped otherwise) and
 * compares with the values numpy reports through {@code json.dumps(array.tolist())}.
 */
class NpyNumpyCrossCheckTest {

    private static final String SCRIPT = String.join("\n",
            "import json, sys, numpy as np",
            "d = sys.argv[1]",
            "arrays = {",
            "  'f4': np.arange(24, dtype='<f4').reshape(2, 3, 4) / 7,",
            "  'f8F': np.asfortranarray(np.arange(12, dtype='>f8').reshape(3, 4) ** 1.5),",
            "  'i8': np.array([[-5, 2**40], [7, -2**33]], dtype='<i8'),",
            "  'i4': np.array([-1, 2**31 - 1], dtype='<i4'),",
            "  'u1': np.arange(250, 256, dtype='u1'),",
            "  'i1': np.array([-128, 127], dtype='i1'),",
            "  'u2': np.array([65535, 0], dtype='<u2'),",
            "  'i2': np.array([-32768, 5], dtype='<i2'),",
            "  'b1': np.array([[True, False], [False, True]]),",
            "  'f2': np.array([0.1, -3, 65504], dtype='<f2'),",
            "  'scalar': np.float64(3.25),",
            "}",
            "obj = np.empty(3, dtype=object); obj[0] = [1, 2, 3]; obj[1] = []; obj[2] = list(range(3000))",
            "for k, v in arrays.items(): np.save(f'{d}/{k}.npy', v)",
            "np.save(f'{d}/obj.npy', obj, allow_pickle=True)",
            "np.savez_compressed(f'{d}/z.npz', x=obj, y=arrays['i8'], w=arrays['f4'])",
            "np.savez(f'{d}/s.npz', a=arrays['u1'])",
            "vals = {k: np.asarray(v, dtype=np.float64).tolist() for k, v in arrays.items()}",
            "vals['obj'] = [list(x) for x in obj]",
            "open(f'{d}/values.json', 'w').write(json.dumps(vals))");

    @Test
    void readsWhatNumpyWrites(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("gen.py");
        Files.writeString(script, SCRIPT);
        assumeTrue(runPython(script, dir), "python3 with numpy is not available");
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) Json.parse(
                Files.readString(dir.resolve("values.json"), StandardCharsets.UTF_8));
        for (String k : List.of("f4", "f8F", "i8", "i4", "u1", "i1", "u2", "i2", "b1", "f2", "scalar")) {
            NpyArray a = Npy.read(dir.resolve(k + ".npy"));
            assertArrayEquals(flatten(values.get(k)), a.toDoubleArray(), k);
        }
        assertEquals(NpyDtype.BOOL, Npy.read(dir.resolve("b1.npy")).dtype());
        assertArrayEquals(new int[]{3, 4}, Npy.read(dir.resolve("f8F.npy")).shape());
        int[][] lists = Npy.read(dir.resolve("obj.npy")).toIntLists();
        List<?> expected = (List<?>) values.get("obj");
        for (int i = 0; i < lists.length; i++) {
            assertArrayEquals(flatten(expected.get(i)), toDouble(lists[i]), "obj " + i);
        }
        Map<String, NpyArray> z = Npz.read(dir.resolve("z.npz"));
        assertEquals(List.of("x", "y", "w"), List.copyOf(z.keySet()));
        assertEquals(3000, z.get("x").toIntLists()[2].length);
        assertArrayEquals(flatten(values.get("i8")), z.get("y").toDoubleArray());
        assertArrayEquals(flatten(values.get("f4")), z.get("w").toDoubleArray());
        assertArrayEquals(flatten(values.get("u1")), Npz.read(dir.resolve("s.npz"), "a").toDoubleArray());
    }

    private static boolean runPython(Path script, Path dir) {
        try {
            Process p = new ProcessBuilder("python3", script.toString(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("python.log").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double[] flatten(Object v) {
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        todo.push(v);
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o instanceof List) {
                List<?> l = (List<?>) o;
                for (int i = l.size() - 1; i >= 0; i--) {
                    todo.push(l.get(i));
                }
            } else {
                out.add(((Number) o).doubleValue());
            }
        }
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = out.get(i);
        }
        return d;
    }

    private static double[] toDouble(int[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
