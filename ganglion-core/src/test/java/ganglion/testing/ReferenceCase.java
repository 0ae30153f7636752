package ganglion.testing;

import ganglion.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One case written by a script in tools/pytorch_reference/ (conv_reference.py, rnn_reference.py,
 * seq_reference.py, train_steps_reference.py): an op name, its parameters and named tensors (inputs, expected
 * outputs and gradients). See conv_reference.py for the text format.
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

    /** Reads one case file; the case is named after the file, less ".txt". */
    public static ReferenceCase read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), fileName.replace(".txt", ""), fileName);
    }

    /**
     * Reads one case from a test resource, e.g. {@code load("/reference/seq/mha_cross.txt")}; fails naming the
     * resource and the script in tools/pytorch_reference/ that writes it when the resource is missing.
     */
    public static ReferenceCase load(String resource) throws IOException {
        try (InputStream in = ReferenceCase.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing test resource " + resource + "; run " + script(resource));
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return parse(lines, fileName.replace(".txt", ""), resource);
        }
    }

    /**
     * The case files (*.txt) of a resource folder such as {@code "/reference/rnn"}, sorted by name; fails when
     * there are none.
     */
    public static List<Path> files(String resourceDir) throws IOException, URISyntaxException {
        URL url = ReferenceCase.class.getResource(resourceDir);
        String script = script(resourceDir + "/*.txt");
        assertNotNull(url, "missing test resource folder " + resourceDir + "; run " + script);
        Path dir = Path.of(url.toURI());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no reference files in " + dir + "; run " + script);
        return files;
    }

    /** The script that writes a resource: "tools/pytorch_reference/seq_reference.py" for "/reference/seq/x.txt". */
    private static String script(String resource) {
        String[] parts = resource.split("/");
        String folder = parts.length >= 2 ? parts[parts.length - 2] : "";
        return "tools/pytorch_reference/" + switch (folder) {
            case "conv", "rnn", "seq" -> folder + "_reference.py";
            case "train" -> "train_steps_reference.py";
            default -> "*_reference.py";
        };
    }

    private static ReferenceCase parse(List<String> lines, String name, String source) throws IOException {
        ReferenceCase c = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (c == null && !f[0].equals("op")) {
                throw new IOException(source + ": expected the \"op\" line before " + line);
            }
            switch (f[0]) {
                case "op" -> c = new ReferenceCase(name, f[1]);
                case "param" -> c.params.put(f[1], Arrays.copyOfRange(f, 2, f.length));
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
                default -> throw new IOException(source + ": unexpected line " + line);
            }
        }
        return c;
    }

    /** A fresh copy of a tensor (so that tests may mark it as requiring a gradient), or null if there is none. */
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

    /** The first value of an int parameter: {@code param(key, 0)}. */
    public int intParam(String key) {
        return param(key, 0);
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

    /**
     * Asserts {@code actual} is present, has the expected shape and {@code |a - e| <= rtol * |e| + atol} with
     * {@code atol = max(rtol * 1e-2 * max|e|, 1e-6)} (in double): a relative bound that does not blow up on elements
     * that are almost zero (float32 rounding leaves about 1e-7 where the exact value is 0, e.g. attention's key bias
     * gradient, which softmax makes vanish). Unlike {@link #assertClose(String, Tensor)}, the floor scales with
     * {@code rtol} and is not raised to 1 for small tensors.
     */
    public void assertClose(String key, Tensor actual, double rtol) {
        Tensor expected = tensors.get(key);
        assertNotNull(expected, name + ": no expected tensor " + key);
        assertNotNull(actual, name + ": no value for " + key);
        assertArrayEquals(expected.shape(), actual.shape(), name + ": shape of " + key);
        float[] e = expected.buffer(), a = actual.buffer();
        double max = 0;
        for (float v : e) {
            max = Math.max(max, Math.abs(v));
        }
        double atol = Math.max(rtol * 1e-2 * max, 1e-6);
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs(a[i] - e[i]);
            if (!(err <= rtol * Math.abs(e[i]) + atol)) {
                fail(name + ": " + key + "[" + i + "] is " + a[i] + ", PyTorch gives " + e[i] + " (rtol " + rtol
                        + ")");
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
