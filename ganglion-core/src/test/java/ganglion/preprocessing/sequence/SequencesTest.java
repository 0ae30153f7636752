package ganglion.preprocessing.sequence;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The examples of Keras's pad_sequences docstring, plus every padding/truncating combination. */
class SequencesTest {

    private static final List<int[]> SEQS = List.of(new int[]{1}, new int[]{2, 3}, new int[]{4, 5, 6});

    private static void assertPadded(Tensor t, int rows, int cols, float... values) {
        assertArrayEquals(new int[]{rows, cols}, t.shape());
        assertArrayEquals(values, t.toFloatArray());
    }

    @Test
    void defaultsPadBeforeToTheLongest() {
        assertPadded(Sequences.padSequences(SEQS), 3, 3, 0, 0, 1, 0, 2, 3, 4, 5, 6);
        assertPadded(Sequences.padSequences(SEQS, -1, "pre"), 3, 3, 0, 0, 1, 0, 2, 3, 4, 5, 6);
    }

    @Test
    void valueAndPost() {
        assertPadded(Sequences.padSequences(SEQS, -1, "pre", "pre", -1f), 3, 3, -1, -1, 1, -1, 2, 3, 4, 5, 6);
        assertPadded(Sequences.padSequences(SEQS, -1, "post"), 3, 3, 1, 0, 0, 2, 3, 0, 4, 5, 6);
    }

    @Test
    void truncatingPreAndPost() {
        assertPadded(Sequences.padSequences(SEQS, 2), 3, 2, 0, 1, 2, 3, 5, 6);
        assertPadded(Sequences.padSequences(SEQS, 2, "pre", "post"), 3, 2, 0, 1, 2, 3, 4, 5);
        assertPadded(Sequences.padSequences(SEQS, 2, "post", "pre"), 3, 2, 1, 0, 2, 3, 5, 6);
        assertPadded(Sequences.padSequences(SEQS, 2, "post", "post"), 3, 2, 1, 0, 2, 3, 4, 5);
    }

    @Test
    void longerMaxLenEmptySequencesAndZero() {
        List<int[]> s = List.of(new int[]{}, new int[]{7, 8});
        assertPadded(Sequences.padSequences(s, 4, "post", "pre", 9f), 2, 4, 9, 9, 9, 9, 7, 8, 9, 9);
        assertPadded(Sequences.padSequences(s, 0), 2, 0);
        assertPadded(Sequences.padSequences(new int[][]{{3, 4, 5}}, 2, "pre"), 1, 2, 4, 5);
    }

    @Test
    void dtypeCastsTheValue() {
        // int32 (default) fills with int(0.5) == 0 and int(-1.7) == -1; float32 keeps the value
        assertPadded(Sequences.padSequences(List.of(new int[]{1}), 2, "pre", "pre", 0.5f), 1, 2, 0, 1);
        assertPadded(Sequences.padSequences(List.of(new int[]{1}), 2, "int32", "pre", "pre", -1.7f), 1, 2, -1, 1);
        assertPadded(Sequences.padSequences(List.of(new int[]{1}), 2, "float32", "pre", "pre", 0.5f), 1, 2, 0.5f, 1);
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(SEQS, 2, "middle"));
        assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(SEQS, 2, "pre", "both"));
        assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(SEQS, -2));
        assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Sequences.padSequences(SEQS, 2, "object", "pre", "pre", 0f));
    }
}
