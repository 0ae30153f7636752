package ganglion.testing;

import ganglion.Tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One case written by a script in tools/pytorch_reference/ (conv_reference.py, train_steps_reference.py): an op
 * name, its parameters and named tensors (inputs, expected outputs and gradients). See conv_reference.py for the
 * text format.
 */
public final class ReferenceCase {

    public final String name;
    public final String op;
    private final Map<String, String[]> params = new HashMap<>();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private ReferenceCase(String name, String op) {
        this.name = name;
        this.op = op;
    }

    public static ReferenceCase read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String fileName = file.getFileName().toString();
        ReferenceCase c = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            switch (f[0]) {
                case "op" -> c = new ReferenceCase(fileName.replace(".txt", ""), f[1]);
                case "param" -> c.params.put(f[1], java.util.Arrays.copyOfRange(f, 2, f.length));
                case "tensor" -> {
                    int[] shape = new int[f.length - 2];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = Integer.parseInt(f[d + 2]);
                    }
                    String[] v = lines.get(++i).trim().split("\\s+");
                    float[] data = new float[v.length == 1 && v[0].isEmpty() ? 0 : v.length];
                    for (int j = 0; j < data.length; j++) {
                        data[j] = Float.parseFloat(v[j]);
                    }
                    c.tensors.put(f[1], Tensor.of(data, shape));
                }
                default -> throw new IOException(fileName + ": unexpected line " + line);
            }
        }
        return c;
    }

    /** A fresh copy of a tensor (so that tests may mark it as requiring a gradient). */
    public Tensor tensor(String key) {
        Tensor t = tensors.get(key);
        return t == null ? null : t.copy();
    }

    public boolean has(String key) {
        return tensors.containsKey(key);
    }

    public int param(String key, int index) {
        return Integer.parseInt(params.get(key)[index]);
    }

    public float floatParam(String key) {
        return Float.parseFloat(params.get(key)[0]);
    }

    public String word(String key) {
        return params.get(key)[0];
    }

    /**
     * Asserts {@code actual} matches the expected tensor within {@code 1e-4} relative error, with an
     * absolute floor of {@code 1e-5 * max(1, max|expected|)} for values near zero.
     */
    public void assertClose(String key, Tensor actual) {
        Tensor expected = tensors.get(key);
        assertArrayEquals(expected.shape(), actual.shape(), name + ": shape of " + key);
        float[] e = expected.buffer(), a = actual.buffer();
        float scale = 1f;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            float tol = 1e-4f * Math.abs(e[i]) + 1e-5f * scale;
            if (!(Math.abs(a[i] - e[i]) <= tol)) {
                fail(name + ": " + key + "[" + i + "] is " + a[i] + ", PyTorch gives " + e[i]);
            }
        }
        assertTrue(true);
    }

    @Override
    public String toString() {
        return name;
    }
}
