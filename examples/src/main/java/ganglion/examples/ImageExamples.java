package ganglion.examples;

import ganglion.Tensor;
import ganglion.datasets.TrainTestData;
import ganglion.models.History;
import ganglion.plot.Plots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the image examples share: command-line options, a smaller slice of a data set for quick runs,
 * and writing the training curves as a CSV file (one row per epoch, as Keras's {@code CSVLogger}) and as
 * PNG figures (accuracy and loss, as the tutorials plot {@code history.history}).
 */
final class ImageExamples {

    private ImageExamples() {
    }

    /** Test loss and accuracy after training, the history, and the files written. */
    record Result(double testLoss, double testAccuracy, History history, List<Path> files) {
    }

    /** Options shared by the image examples' {@code main}. */
    static final class Options {
        int epochs;
        long seed = 42;
        int train;          // 0: all training images
        int test;           // 0: all test images
        boolean sample;
        Path out = Path.of("example-output");

        Options(int epochs) {
            this.epochs = epochs;
        }

        static Options parse(String[] args, int defaultEpochs, String usage) {
            Options o = new Options(defaultEpochs);
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--epochs" -> o.epochs = Integer.parseInt(args[++i]);
                    case "--seed" -> o.seed = Long.parseLong(args[++i]);
                    case "--train" -> o.train = Integer.parseInt(args[++i]);
                    case "--test" -> o.test = Integer.parseInt(args[++i]);
                    case "--out" -> o.out = Path.of(args[++i]);
                    case "--sample" -> o.sample = true;
                    case "" -> { }
                    default -> {
                        System.err.println("Unknown argument " + args[i] + ". " + usage);
                        System.exit(2);
                    }
                }
            }
            return o;
        }
    }

    /** The first {@code train} training and {@code test} test examples (0 keeps all). */
    static TrainTestData slice(TrainTestData d, int train, int test) {
        int nt = train <= 0 ? d.xTrain().shape(0) : Math.min(train, d.xTrain().shape(0));
        int ne = test <= 0 ? d.xTest().shape(0) : Math.min(test, d.xTest().shape(0));
        if (nt == d.xTrain().shape(0) && ne == d.xTest().shape(0)) {
            return d;
        }
        return new TrainTestData(d.xTrain().slice(0, nt), d.yTrain().slice(0, nt), d.xTest().slice(0, ne),
                d.yTest().slice(0, ne));
    }

    /** Pixels 0..255 to 0..1 with a channel axis: [n, h, w] becomes [n, h, w, 1]. */
    static Tensor images(Tensor x) {
        Tensor s = x.div(255f);
        return s.rank() == 3 ? s.reshape(-1, x.shape(1), x.shape(2), 1) : s;
    }

    /**
     * Writes {@code <name>_history.csv} (epoch, then each logged metric) and the accuracy and loss figures
     * into {@code dir}; returns the files.
     */
    static List<Path> saveCurves(History h, Path dir, String name) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            Path csv = dir.resolve(name + "_history.csv");
            writeCsv(h.history(), csv);
            files.add(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the history of " + name + " into " + dir + ": "
                    + e.getMessage(), e);
        }
        Map<String, List<Double>> m = h.history();
        if (m.containsKey("accuracy")) {
            files.add(Plots.history(h, keys(m, "accuracy", "val_accuracy")).save(dir.resolve(name + "_accuracy.png")));
        }
        if (m.containsKey("loss")) {
            files.add(Plots.history(h, keys(m, "loss", "val_loss")).save(dir.resolve(name + "_loss.png")));
        }
        return files;
    }

    private static String[] keys(Map<String, List<Double>> m, String a, String b) {
        return m.containsKey(b) ? new String[]{a, b} : new String[]{a};
    }

    /** The history as CSV: a header "epoch,loss,accuracy,..." then one row per epoch. */
    static void writeCsv(Map<String, List<Double>> history, Path file) throws IOException {
        List<String> keys = new ArrayList<>(history.keySet());
        StringBuilder sb = new StringBuilder("epoch");
        for (String k : keys) {
            sb.append(',').append(k);
        }
        sb.append('\n');
        int epochs = keys.isEmpty() ? 0 : history.get(keys.get(0)).size();
        for (int e = 0; e < epochs; e++) {
            sb.append(e);
            for (String k : keys) {
                List<Double> v = history.get(k);
                sb.append(',').append(e < v.size() ? String.format(Locale.ROOT, "%.6f", v.get(e)) : "");
            }
            sb.append('\n');
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** "Test accuracy: 0.9123" plus where the curves went. */
    static void report(Result r, String note, long t0) {
        System.out.printf(Locale.ROOT, "%nTest loss: %.4f%nTest accuracy: %.4f%s (%.1f s)%n", r.testLoss(),
                r.testAccuracy(), note, (System.nanoTime() - t0) / 1e9);
        for (Path p : r.files()) {
            System.out.println("Wrote " + p);
        }
    }
}
