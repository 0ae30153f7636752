package ganglion.layers.rnn;

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
import static org.junit.jupiter.api.Assertions.fail;

/** One case written by tools/pytorch_reference/rnn_reference.py (see that script for the format). */
final class RnnCase {

    final String name;
    final String op;
    private final Map<String, String> params = new HashMap<>();
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private RnnCase(String name, String op) {
        this.name = name;
        this.op = op;
    }

    static RnnCase read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        RnnCase c = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            switch (f[0]) {
                case "op" -> c = new RnnCase(file.getFileName().toString().replace(".txt", ""), f[1]);
                case "param" -> c.params.put(f[1], f[2]);
                case "tensor" -> {
                    int[] shape = new int[f.length - 2];
                    for (int d = 0; d < shape.length; d++) {
                        shape[d] = Integer.parseInt(f[d + 2]);
                    }
                    String[] v = lines.get(++i).trim().split("\\s+");
                    float[] data = new float[v.length];
                    for (int j = 0; j < data.length; j++) {
                        data[j] = Float.parseFloat(v[j]);
                    }
                    c.tensors.put(f[1], Tensor.of(data, shape));
                }
                default -> throw new IOException(file + ": unexpected line " + line);
            }
        }
        return c;
    }

    Tensor tensor(String key) {
        Tensor t = tensors.get(key);
        return t == null ? null : t.copy();
    }

    boolean has(String key) {
        return tensors.containsKey(key);
    }

    int intParam(String key) {
        return Integer.parseInt(params.get(key));
    }

    /** Within 1e-4 relative, with an absolute floor of 1e-5 * max(1, max|expected|). */
    void assertClose(String key, Tensor actual) {
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
    }

    @Override
    public String toString() {
        return name;
    }
}
