package ganglion.preprocessing.sequence;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** pad_sequences against Keras's documented rules, expected values written out by hand. */
class KerasRulesPadSequencesTest {

    private static final List<int[]> SEQS = List.of(new int[]{1}, new int[]{2, 3}, new int[]{4, 5, 6});

    private static void assertRows(float[][] rows, Tensor t) {
        assertArrayEquals(new int[]{rows.length, rows[0].length}, t.shape());
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(rows[i], t.slice(i, i + 1).toFloatArray(), "row " + i);
        }
    }

    @Test
    void defaultsPadAndTruncateAtTheStart() {
        assertRows(new float[][]{{0, 0, 1}, {0, 2, 3}, {4, 5, 6}}, Sequences.padSequences(SEQS));
        assertRows(new float[][]{{0, 1}, {2, 3}, {5, 6}}, Sequences.padSequences(SEQS, 2));
    }

    @Test
    void postPaddingAndPostTruncating() {
        assertRows(new float[][]{{1, 0}, {2, 3}, {5, 6}}, Sequences.padSequences(SEQS, 2, "post"));
        assertRows(new float[][]{{1, 0}, {2, 3}, {4, 5}}, Sequences.padSequences(SEQS, 2, "post", "post"));
        assertRows(new float[][]{{0, 0, 0, 1}, {0, 0, 2, 3}, {0, 4, 5, 6}}, Sequences.padSequences(SEQS, 4, "pre"));
    }

    @Test
    void valueAndDtype() {
        assertRows(new float[][]{{-1, -1, 1}, {-1, 2, 3}, {4, 5, 6}},
                Sequences.padSequences(SEQS, -1, "pre", "pre", -1f));
        // int32 (the default dtype) truncates 0.7 to 0, as numpy.full does
        assertRows(new float[][]{{0, 1}, {2, 3}, {5, 6}}, Sequences.padSequences(SEQS, 2, "pre", "pre", 0.7f));
        assertRows(new float[][]{{0.5f, 1}, {2, 3}, {5, 6}},
                Sequences.padSequences(SEQS, 2, "float32", "pre", "pre", 0.5f));
    }

    @Test
    void emptySequencesStayPadding() {
        assertRows(new float[][]{{0}, {1}}, Sequences.padSequences(List.of(new int[0], new int[]{1})));
    }

    @Test
    void badSidesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(SEQS, 2, "middle"));
        assertThrows(IllegalArgumentException.class, () -> Sequences.padSequences(SEQS, 2, "pre", "both"));
    }
}
