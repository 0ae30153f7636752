package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.TrainingDashboard;
import ganglion.datasets.TrainTestData;
import ganglion.layers.Conv2D;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.layers.MaxPooling2D;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;

import java.util.List;

/**
 * Watch a training run in the browser: trains a small Fashion-MNIST CNN with a {@link TrainingDashboard}
 * and prints the page's address; open it to see the curves, progress, learning rate, the model table and
 * sample predictions update live. The page stays up until you press Enter after training.
 *
 * <p>Arguments: {@code --epochs N} (5), {@code --train N} (12000), {@code --no-wait} (exit when training ends).
 */
public final class DashboardExample {

    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private DashboardExample() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = 5;
        int train = 12_000;
        boolean wait = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--train" -> train = Integer.parseInt(args[++i]);
                case "--no-wait" -> wait = false;
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + ". Use --epochs N, --train N, --no-wait");
            }
        }
        Ganglion.setRandomSeed(42);
        TrainTestData d = FashionMnistMlp.loadData(System.out).data();
        int n = Math.min(train, d.xTrain().shape()[0]);
        Tensor x = d.xTrain().slice(0, n).reshape(n, 28, 28, 1).div(255f);
        Tensor y = d.yTrain().slice(0, n);
        Tensor xTest = d.xTest().slice(0, 16).reshape(16, 28, 28, 1).div(255f);
        Tensor yTest = d.yTest().slice(0, 16);

        Sequential model = new Sequential();
        model.add(new Conv2D(16, 3).activation("relu").inputShape(28, 28, 1));
        model.add(new MaxPooling2D(2));
        model.add(new Flatten());
        model.add(new Dense(64, "relu"));
        model.add(new Dense(10, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");

        try (TrainingDashboard dashboard = new TrainingDashboard().keepOpen(wait).samples(xTest, yTest, CLASSES)) {
            System.out.println("Training dashboard: " + dashboard.url() + " (open it in a browser)");
            model.fit(x, y, new FitOptions().epochs(epochs).batchSize(32).validationSplit(0.2).callbacks(dashboard));
            if (wait) {
                System.out.println("Training finished; the page stays up. Press Enter to stop.");
                System.in.read();
            }
        }
    }
}
