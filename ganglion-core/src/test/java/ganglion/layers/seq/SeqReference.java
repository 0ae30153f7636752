package ganglion.layers.seq;

import ganglion.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/** One case written by tools/pytorch_reference/seq_reference.py (see that script for the text format). */
final class SeqReference {

    final String name;
    String op;
    private final Map<String, String> params = new HashMap<>();
    private final Map<String, Tensor> tensors = new HashMap<>();

    private SeqReference(String name) {
        this.name = name;
    }

    static SeqReference load(String caseName) throws IOException {
        String res = "/reference/seq/" + caseName + ".txt";
        try (InputStream in = SeqReference.class.getResourceAsStream(res)) {
            assertNotNull(in, "missing test resource " + res + "; run tools/pytorch_reference/seq_reference.py");
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            SeqReference c = new SeqReference(caseName);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                switch (f[0]) {
                    case "op" -> c.op = f[1];
                    case "param" -> c.params.put(f[1], f[2]);
                    case "tensor" -> {
                        int[] shape = new int[f.length - 2];
                        for (int d = 0; d < shape.length; d++) {
                            shape[d] = Integer.parseInt(f[d + 2]);
                        }
                        String[] v = lines.get(++i).trim().split("\\s+");
                        float[] data = new float[v.length];
                        for (int j = 0; j < v.length; j++) {
                            data[j] = Float.parseFloat(v[j]);
                        }
                        c.tensors.put(f[1], Tensor.of(data, shape));
                    }
                    default -> throw new IOException(res + ": unexpected line " + line);
                }
            }
            return c;
        }
    }

    Tensor tensor(String key) {
        Tensor t = tensors.get(key);
        return t == null ? null : t.copy();
    }

    int intParam(String key) {
        return Integer.parseInt(params.get(key));
    }

    String param(String key) {
        return params.get(key);
    }

    /**
     * Asserts equal shapes and {@code |a - e| <= rtol * |e| + atol} with {@code atol = max(rtol * 1e-2 * max|e|,
     * 1e-6)}: a relative bound that does not blow up on elements that are almost zero (float32 rounding leaves
     * about 1e-7 where the exact value is 0, e.g. the key bias gradient, which softmax makes vanish).
     */
    static void assertClose(String what, Tensor expected, Tensor actual, double rtol) {
        assertNotNull(actual, what + ": no value");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.toFloatArray(), a = actual.toFloatArray();
        double max = 0;
        for (float v : e) {
            max = Math.max(max, Math.abs(v));
        }
        double atol = Math.max(rtol * 1e-2 * max, 1e-6);
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs(a[i] - e[i]);
            if (!(err <= rtol * Math.abs(e[i]) + atol)) {
                fail(what + ": element " + i + " is " + a[i] + ", expected " + e[i] + " (rtol " + rtol + ")");
            }
        }
    }
}
