/**
 * Ready-to-use data sets, as {@code keras.datasets}: {@link ganglion.datasets.Mnist},
 * {@link ganglion.datasets.FashionMnist}, {@link ganglion.datasets.Cifar10}, {@link ganglion.datasets.Cifar100}, and the small tables the tutorials use
 * ({@link ganglion.datasets.PimaIndiansDiabetes}, {@link ganglion.datasets.Iris}).
 *
 * <p>Files are found by {@link ganglion.datasets.DataPaths}: {@code $GANGLION_DATA}, then
 * {@code ~/.ganglion/datasets}, then known system folders (Debian's {@code dataset-fashion-mnist}),
 * then {@code $GANGLION_SHARED_DATA}; when a data set is nowhere, {@link ganglion.datasets.Downloader}
 * fetches it from its canonical location into the user cache, checksum verified (turn that off with
 * {@code -Dganglion.download=false}); offline, the exception says which files to put where.
 * {@link ganglion.datasets.IdxReader} parses the IDX format of MNIST-like data, gzip-compressed or not,
 * {@link ganglion.datasets.TarReader} tar archives, and {@link ganglion.datasets.Cifar10} and
 * {@link ganglion.datasets.Cifar100} the CIFAR binary records.
 */
package ganglion.datasets;
