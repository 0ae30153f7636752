package ganglion.datasets;

import ganglion.internal.json.Json;
import ganglion.internal.npy.NpyArray;
import ganglion.internal.npy.Npz;
import ganglion.utils.images.NumpyRandomState;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps Keras's {@code imdb.load_data} and {@code reuters.load_data} apply to the stored index sequences, in
 * Keras's order: shuffle with {@code RandomState(seed)}, add {@code start_char} and {@code index_from}, drop
 * sequences not shorter than {@code maxlen}, then replace (or remove) indices outside
 * {@code [skip_top, num_words)} with {@code oov_char}.
 */
final class KerasTextPipeline {

    private KerasTextPipeline() {
    }

    /** A sample list with its labels. */
    record Samples(List<int[]> xs, List<Integer> labels) {
    }

    static NpyArray read(Path npz, String key) {
        try {
            return Npz.read(npz, key);
        } catch (IOException | RuntimeException e) {
            throw new DatasetFormatException("Cannot read '" + key + "' from " + npz + ": " + e.getMessage()
                    + ". The file should be Keras's .npz (object arrays of int lists and int64 labels).", e);
        }
    }

    /** x[perm], y[perm] with the sequences as int arrays. */
    static Samples permuted(NpyArray x, NpyArray y, NumpyRandomState rng, Path file) {
        int[][] seqs = x.toIntLists();
        int[] labels = y.toIntArray();
        if (seqs.length != labels.length) {
            throw new DatasetFormatException(file + ": " + seqs.length + " sequences but " + labels.length
                    + " labels", null);
        }
        int[] perm = rng.permutation(seqs.length);
        List<int[]> xs = new ArrayList<>(seqs.length);
        List<Integer> ls = new ArrayList<>(seqs.length);
        for (int p : perm) {
            xs.add(seqs[p]);
            ls.add(labels[p]);
        }
        return new Samples(xs, ls);
    }

    /** Adds the start marker (when not null) and the index offset. */
    static List<int[]> offset(List<int[]> xs, TextDatasetOptions o) {
        List<int[]> out = new ArrayList<>(xs.size());
        Integer start = o.startChar();
        int from = o.indexFrom();
        for (int[] x : xs) {
            int s = start == null ? 0 : 1;
            int[] y = new int[x.length + s];
            if (start != null) {
                y[0] = start;
            }
            for (int i = 0; i < x.length; i++) {
                y[i + s] = x[i] + from;
            }
            out.add(y);
        }
        return out;
    }

    /** Keras's {@code remove_long_seq}: keeps the samples with {@code len(x) < maxlen}. */
    static Samples removeLong(int maxlen, List<int[]> xs, List<Integer> labels) {
        List<int[]> nx = new ArrayList<>();
        List<Integer> nl = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (xs.get(i).length < maxlen) {
                nx.add(xs.get(i));
                nl.add(labels.get(i));
            }
        }
        return new Samples(nx, nl);
    }

    /** Maps indices outside [skip_top, num_words) to oov_char, or removes them when oov_char is null. */
    static List<int[]> clip(List<int[]> xs, TextDatasetOptions o) {
        int numWords;
        if (o.numWords() != null) {
            numWords = o.numWords();
        } else {
            numWords = Integer.MIN_VALUE;
            for (int[] x : xs) {
                for (int v : x) {
                    numWords = Math.max(numWords, v);
                }
            }
        }
        int skip = o.skipTop();
        Integer oov = o.oovChar();
        List<int[]> out = new ArrayList<>(xs.size());
        for (int[] x : xs) {
            if (oov != null) {
                int[] y = new int[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = x[i] >= skip && x[i] < numWords ? x[i] : oov;
                }
                out.add(y);
            } else {
                int n = 0;
                int[] y = new int[x.length];
                for (int v : x) {
                    if (v >= skip && v < numWords) {
                        y[n++] = v;
                    }
                }
                out.add(java.util.Arrays.copyOf(y, n));
            }
        }
        return out;
    }

    static int[] ints(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    /** A Keras word-index JSON file ({@code {"word": index, ...}}) in file order. */
    static Map<String, Integer> readWordIndex(Path file) {
        try {
            Map<String, Object> m = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
            Map<String, Integer> out = new LinkedHashMap<>(m.size() * 2);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (!(e.getValue() instanceof Number)) {
                    throw new DatasetFormatException(file + ": the value of \"" + e.getKey() + "\" is not a number",
                            null);
                }
                out.put(e.getKey(), ((Number) e.getValue()).intValue());
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetFormatException d) {
                throw d;
            }
            throw new DatasetFormatException("Cannot read the word index " + file + ": " + e.getMessage(), e);
        }
    }
}
