package ganglion.models;

import ganglion.optimizers.Optimizer;

import java.util.List;

/**
 * What {@code compile()} was given, as given: what saving writes as Keras's {@code compile_config} and what a
 * loaded model is compiled from. Names stay names (such as "accuracy" before the data has decided which accuracy).
 *
 * @param optimizer   the optimizer
 * @param outputNames the model's output names, in order
 * @param losses      one entry per output: a {@link ganglion.losses.Loss}, a loss name, or null for an output trained
 *                    towards nothing; one entry only when {@code perOutput} is false
 * @param lossWeights one weight per entry of {@code losses}
 * @param metrics     one list per entry of {@code losses}: metric names and {@link ganglion.metrics.Metric} objects
 * @param perOutput   whether compile() got a loss per output (Keras's dict or list form) rather than one loss for
 *                    every output
 */
public record CompileSettings(Optimizer optimizer, List<String> outputNames, List<Object> losses,
                              List<Double> lossWeights, List<List<Object>> metrics, boolean perOutput) {
}
