/**
 * Ready-to-use data sets, as {@code keras.datasets}: {@link ganglion.datasets.Mnist},
 * {@link ganglion.datasets.FashionMnist}, and the small tables the tutorials use
 * ({@link ganglion.datasets.PimaIndiansDiabetes}, {@link ganglion.datasets.Iris}).
 *
 * <p>Files are found by {@link ganglion.datasets.DataPaths}: {@code $GANGLION_DATA}, then
 * {@code ~/.ganglion/datasets}, then known system folders (Debian's {@code dataset-fashion-mnist}),
 * then {@code $GANGLION_SHARED_DATA}. This version does not download anything: when a data set is
 * missing, the exception says where to put its files. {@link ganglion.datasets.IdxReader} parses the
 * IDX format of MNIST-like data, gzip-compressed or not.
 */
package ganglion.datasets;
