package ganglion.datasets;

import ganglion.Tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A data set split into training and test parts: Keras's {@code (x_train, y_train), (x_test, y_test)}
 * pair of tuples, as returned by {@code load_data()}.
 *
 * @param xTrain training inputs, examples along axis 0
 * @param yTrain training targets (class indices for the image data sets)
 * @param xTest  test inputs
 * @param yTest  test targets
 */
public record TrainTestData(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest) {

    /** Checks that inputs and targets have the same number of examples in each part. */
    public TrainTestData {
        Objects.requireNonNull(xTrain, "xTrain");
        Objects.requireNonNull(yTrain, "yTrain");
        Objects.requireNonNull(xTest, "xTest");
        Objects.requireNonNull(yTest, "yTest");
        checkSameLength("training", xTrain, yTrain);
        checkSameLength("test", xTest, yTest);
    }

    private static void checkSameLength(String part, Tensor x, Tensor y) {
        if (x.rank() == 0 || y.rank() == 0 || x.shape(0) != y.shape(0)) {
            throw new IllegalArgumentException("TrainTestData: the " + part + " inputs have shape "
                    + Arrays.toString(x.shape()) + " and the targets " + Arrays.toString(y.shape())
                    + "; both need the same number of examples along axis 0");
        }
    }

    @Override
    public String toString() {
        return "TrainTestData[xTrain" + Arrays.toString(xTrain.shape()) + ", yTrain" + Arrays.toString(yTrain.shape())
                + ", xTest" + Arrays.toString(xTest.shape()) + ", yTest" + Arrays.toString(yTest.shape()) + "]";
    }
}
