package ganglion.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.nio.FloatBuffer;

/**
 * DJL 0.36 (PyTorch engine, libtorch 2.7.1 CPU) side of {@code bench/scripts/cnn_epoch.sh}: the same seed CNN,
 * data, batch size and optimiser as {@link CnnEpoch}, trained with a plain DJL loop (sub-manager per batch,
 * {@code GradientCollector}, {@code trainer.step()}), NCHW as libtorch wants it (the transposition is done
 * before the clock starts). Threads are set with {@code -Dai.djl.pytorch.num_threads=N} by the script (and
 * {@code --threads}). Prints {@code djl_epoch_seconds=S} and, with {@code --epochs N > 1},
 * {@code djl_last_epoch_seconds=S}. DJL lives only in the bench module, with provided scope.
 */
public final class DjlCnnEpoch {

    private DjlCnnEpoch() {
    }

    /** Runs the benchmark; arguments as {@link CnnEpoch}. */
    public static void main(String[] args) throws Exception {
        CnnBenchData.Options o = CnnBenchData.Options.parse(args);
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(o.threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
        CnnBenchData d = CnnBenchData.load(o);
        int n = d.n(), h = d.height(), w = d.width(), c = d.channels(), size = h * w * c;
        float[] src = d.images();
        float[] nchw = c == 1 ? src : new float[src.length]; // one channel: NHWC is NCHW
        for (int s = 0; s < n && c > 1; s++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (int ch = 0; ch < c; ch++) {
                        nchw[s * size + (ch * h + y) * w + x] = src[s * size + (y * w + x) * c + ch];
                    }
                }
            }
        }
        try (Model model = Model.newInstance("cnn", "PyTorch")) {
            model.setBlock(block(o.model));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f))
                            .optBeta1(0.9f).optBeta2(0.999f).optEpsilon(1e-7f).build())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                            XavierInitializer.FactorType.AVG, 3f), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(o.batch, c, h, w));
                int[] order = new int[n];
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(o.seed);
                float[] xb = new float[o.batch * size];
                float[] yb = new float[o.batch];
                for (int e = 1; e <= o.epochs; e++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        order[i] = i;
                    }
                    for (int i = n - 1; i > 0; i--) {
                        int j = rnd.nextInt(i + 1), t = order[i];
                        order[i] = order[j];
                        order[j] = t;
                    }
                    double lossSum = 0;
                    for (int b0 = 0; b0 < n; b0 += o.batch) {
                        int nb = Math.min(o.batch, n - b0);
                        for (int i = 0; i < nb; i++) {
                            int s = order[b0 + i];
                            System.arraycopy(nchw, s * size, xb, i * size, size);
                            yb[i] = d.labels()[s];
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            NDArray x = m.create(FloatBuffer.wrap(xb, 0, nb * size), new Shape(nb, c, h, w));
                            NDArray y = m.create(FloatBuffer.wrap(yb, 0, nb), new Shape(nb));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDList pred = trainer.forward(new NDList(x));
                                NDArray loss = trainer.getLoss().evaluate(new NDList(y), pred);
                                gc.backward(loss);
                                lossSum += loss.getFloat() * nb;
                            }
                            trainer.step();
                        }
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    if (e == 1) {
                        System.out.printf("djl_epoch_seconds=%.3f%n", seconds);
                    }
                    if (e == o.epochs && o.epochs > 1) {
                        System.out.printf("djl_last_epoch_seconds=%.3f%n", seconds);
                    }
                    System.out.printf("epoch %d: %.3f s (%d samples) - loss %.4f%n", e, seconds, n, lossSum / n);
                }
            }
        }
        System.out.println("DJL " + ai.djl.engine.Engine.getEngine("PyTorch").getVersion()
                + ", threads " + o.threads);
    }

    /** The seed CNN as a DJL block, logits out (the loss applies the softmax). */
    static SequentialBlock block(String model) {
        SequentialBlock b = new SequentialBlock();
        Shape k3 = new Shape(3, 3), p2 = new Shape(2, 2);
        if (CnnBenchData.FMNIST.equals(model)) {
            b.add(Conv2d.builder().setKernelShape(k3).setFilters(16).build())
                    .add(Pool.maxPool2dBlock(p2, p2))
                    .add(Conv2d.builder().setKernelShape(k3).setFilters(32).build())
                    .add(Pool.maxPool2dBlock(p2, p2))
                    .add(Conv2d.builder().setKernelShape(k3).setFilters(64).build())
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(128).build())
                    .add(Activation::relu)
                    .add(Dropout.builder().optRate(0.3f).build())
                    .add(Linear.builder().setUnits(10).build());
        } else {
            b.add(Conv2d.builder().setKernelShape(k3).setFilters(32).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(p2, p2))
                    .add(Conv2d.builder().setKernelShape(k3).setFilters(64).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(p2, p2))
                    .add(Conv2d.builder().setKernelShape(k3).setFilters(128).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(p2, p2))
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(128).build())
                    .add(Activation::relu)
                    .add(Dropout.builder().optRate(0.6f).build())
                    .add(Linear.builder().setUnits(10).build());
        }
        return b;
    }
}
