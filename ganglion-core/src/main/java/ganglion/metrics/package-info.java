/**
 * Metrics, as Keras's {@code keras.metrics}: running means ({@link ganglion.metrics.Mean},
 * {@link ganglion.metrics.MeanMetricWrapper}), the accuracy family, regression errors,
 * {@link ganglion.metrics.Precision} and {@link ganglion.metrics.Recall}, and the registry
 * {@link ganglion.metrics.Metrics}, which also resolves "accuracy" from shapes as {@code compile()} does.
 */
package ganglion.metrics;
