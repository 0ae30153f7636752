package ganglion.bench;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;

import java.util.List;
import java.util.Map;

/**
 * Ganglion side of the end-to-end benchmark {@code bench/scripts/cnn_epoch.sh}: one training epoch of a seed
 * CNN (Adam, sparse categorical cross-entropy, shuffled), timed from the first to the last batch with the
 * data already in memory, as the PyTorch ({@code cnn_epoch_torch.py}) and DJL ({@link DjlCnnEpoch}) sides
 * time it. The models are {@link CnnBenchData#FMNIST} (seed 002's Fashion-MNIST CNN) and
 * {@link CnnBenchData#CIFAR} (seed 000's CIFAR-10 CNN).
 *
 * <p>Prints {@code ganglion_epoch_seconds=S} for the first (cold, JIT warm-up included) epoch and, with
 * {@code --epochs N > 1}, {@code ganglion_last_epoch_seconds=S} for the last (warm) one. Arguments:
 * {@code --model fmnist|cifar --batch N --epochs N --steps N --threads N --seed N --data DIR}; {@code --steps}
 * trains only the first N batches of each epoch (quick runs).
 */
public final class CnnEpoch {

    private CnnEpoch() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        CnnBenchData.Options o = CnnBenchData.Options.parse(args);
        Ganglion.setThreads(o.threads);
        Ganglion.setRandomSeed(o.seed);
        CnnBenchData data = CnnBenchData.load(o);
        Tensor x = Tensor.wrap(data.images(), data.n(), data.height(), data.width(), data.channels());
        float[] labels = new float[data.n()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.labels()[i];
        }
        Tensor y = Tensor.wrap(labels, data.n());

        Sequential model = buildModel(o.model);
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        for (int e = 1; e <= o.epochs; e++) {
            long t0 = System.nanoTime();
            History h = model.fit(x, y, new FitOptions().epochs(1).batchSize(o.batch).verbose(0));
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, List<Double>> logs = h.history();
            if (e == 1) {
                System.out.printf("ganglion_epoch_seconds=%.3f%n", seconds);
            }
            if (e == o.epochs && o.epochs > 1) {
                System.out.printf("ganglion_last_epoch_seconds=%.3f%n", seconds);
            }
            System.out.printf("epoch %d: %.3f s (%d samples) - loss %.4f - accuracy %.4f%n", e, seconds, data.n(),
                    logs.get("loss").get(0), logs.get("accuracy").get(0));
        }
        System.out.println(Ganglion.backendInfo());
    }

    /** The seed CNN named by {@code model} ("fmnist" or "cifar"), ending in softmax as the seeds write it. */
    public static Sequential buildModel(String model) {
        Sequential m = new Sequential();
        if (CnnBenchData.FMNIST.equals(model)) {
            // Seed 002: Conv2D(16, 3) - MaxPool2D - Conv2D(32, 3) - MaxPool2D - Conv2D(64, 3) - Flatten
            //           - Dense(128, relu) - Dropout(0.3) - Dense(10, softmax)
            m.add(new ganglion.layers.Conv2D(16, 3).inputShape(28, 28, 1));
            m.add(new ganglion.layers.MaxPooling2D(2).strides(2));
            m.add(new ganglion.layers.Conv2D(32, 3));
            m.add(new ganglion.layers.MaxPooling2D(2).strides(2));
            m.add(new ganglion.layers.Conv2D(64, 3));
            m.add(new ganglion.layers.Flatten());
            m.add(new ganglion.layers.Dense(128, "relu"));
            m.add(new ganglion.layers.Dropout(0.3));
            m.add(new ganglion.layers.Dense(10, "softmax"));
        } else {
            // Seed 000: Conv2D(32, 3, relu) - MaxPool(2) - Conv2D(64, 3, relu) - MaxPool(2) - Conv2D(128, 3, relu)
            //           - MaxPool(2) - Flatten - Dense(128, relu) - Dropout(0.6) - Dense(10, softmax)
            m.add(new ganglion.layers.Conv2D(32, 3).activation("relu").inputShape(32, 32, 3));
            m.add(new ganglion.layers.MaxPooling2D(2));
            m.add(new ganglion.layers.Conv2D(64, 3).activation("relu"));
            m.add(new ganglion.layers.MaxPooling2D(2));
            m.add(new ganglion.layers.Conv2D(128, 3).activation("relu"));
            m.add(new ganglion.layers.MaxPooling2D(2));
            m.add(new ganglion.layers.Flatten());
            m.add(new ganglion.layers.Dense(128, "relu"));
            m.add(new ganglion.layers.Dropout(0.6));
            m.add(new ganglion.layers.Dense(10, "softmax"));
        }
        return m;
    }
}
