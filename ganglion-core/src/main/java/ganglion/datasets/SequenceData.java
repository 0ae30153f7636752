package ganglion.datasets;

import ganglion.Tensor;

import java.util.Collections;
import java.util.List;

/**
 * A text data set as Keras's {@code imdb.load_data} / {@code reuters.load_data} return it:
 * {@code (x_train, y_train), (x_test, y_test)}, where each x is a list of word-index sequences of different
 * lengths (pad them with {@code Sequences.padSequences}) and each y holds the class indices.
 *
 * @param xTrainSequences training sequences
 * @param yTrainLabels    training labels
 * @param xTestSequences  test sequences
 * @param yTestLabels     test labels
 */
public record SequenceData(List<int[]> xTrainSequences, int[] yTrainLabels, List<int[]> xTestSequences,
                           int[] yTestLabels) {

    /** Checks that sequences and labels have the same counts. */
    public SequenceData {
        if (xTrainSequences.size() != yTrainLabels.length || xTestSequences.size() != yTestLabels.length) {
            throw new IllegalArgumentException("SequenceData: " + xTrainSequences.size() + " training sequences with "
                    + yTrainLabels.length + " labels, " + xTestSequences.size() + " test sequences with "
                    + yTestLabels.length + " labels; the counts must match");
        }
        xTrainSequences = Collections.unmodifiableList(xTrainSequences);
        xTestSequences = Collections.unmodifiableList(xTestSequences);
    }

    /** The training sequences ({@code x_train}); ragged, so a list rather than a tensor. */
    public List<int[]> xTrain() {
        return xTrainSequences;
    }

    /** The test sequences ({@code x_test}). */
    public List<int[]> xTest() {
        return xTestSequences;
    }

    /** The training labels as a float tensor of class indices, shape [n] (ready for {@code Utils.toCategorical}). */
    public Tensor yTrain() {
        return labels(yTrainLabels);
    }

    /** The test labels as a float tensor of class indices, shape [n]. */
    public Tensor yTest() {
        return labels(yTestLabels);
    }

    private static Tensor labels(int[] y) {
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = y[i];
        }
        return Tensor.wrap(f, y.length);
    }

    @Override
    public String toString() {
        return "SequenceData[xTrain=" + xTrainSequences.size() + " sequences, xTest=" + xTestSequences.size()
                + " sequences]";
    }
}
