/**
 * Keras's general utilities ({@code keras.utils}): {@link ganglion.utils.Utils#toCategorical(ganglion.Tensor, int)}
 * and {@link ganglion.utils.Utils#normalize(ganglion.Tensor, int, double)}, image folders as datasets
 * ({@link ganglion.utils.ImageDatasets}), model pictures ({@link ganglion.utils.PlotModel}), and
 * scikit-learn-style model selection: KFold, StratifiedKFold, TrainTestSplit, CrossValidation,
 * ClassificationReport, ConfusionMatrix.
 */
package ganglion.utils;
