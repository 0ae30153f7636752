package ganglion.utils;

import ganglion.Tensor;

import java.util.List;

/** Splits a data set into folds for cross-validation (scikit-learn's splitter protocol). */
public interface CrossValidator {

    /** Number of folds. */
    int nSplits();

    /** The folds for {@code x} (rows along axis 0) and its labels {@code y} (which a KFold ignores). */
    List<Fold> split(Tensor x, Tensor y);
}
