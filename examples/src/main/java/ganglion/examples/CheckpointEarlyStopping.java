package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.callbacks.EarlyStopping;
import ganglion.callbacks.ModelCheckpoint;
import ganglion.data.StandardScaler;
import ganglion.datasets.LabeledData;
import ganglion.datasets.PimaIndiansDiabetes;
import ganglion.layers.Dense;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Model;
import ganglion.models.Sequential;
import ganglion.plot.Plots;
import ganglion.utils.TrainTestSplit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Chapter 14 of the tutorial, "improving a model": a validation set, {@code ModelCheckpoint} keeping the
 * best model, the {@code History}, and {@code EarlyStopping}. The book trains on the wine table; here it
 * is the Pima Indians Diabetes table, also a binary question on a few measured columns:
 * <pre>{@code
 * modelpath = "./model/{epoch:02d}-{val_loss:.4f}.keras"
 * checkpointer = ModelCheckpoint(filepath=modelpath, monitor='val_loss', verbose=1, save_best_only=True)
 * early_stopping = EarlyStopping(monitor='val_loss', patience=20)
 * history = model.fit(X_train, y_train, epochs=2000, batch_size=500, validation_split=0.25, verbose=0,
 *                     callbacks=[early_stopping, checkpointer])
 * plt.plot(history.history['val_loss']); plt.plot(history.history['accuracy'])
 * }</pre>
 * Checkpoints go to {@code <figures>/checkpoints}; the curves to {@code checkpoint_curves.png} (accuracy
 * and loss side by side) and {@code checkpoint_val_loss.png}. The best checkpoint is loaded back and
 * evaluated on the test rows.
 */
public final class CheckpointEarlyStopping {

    /** What the run did: epochs run, the epoch stopped at, checkpoints written, the reloaded model's score. */
    public record Result(int epochsRun, int stoppedEpoch, List<Path> checkpoints, double bestTestAccuracy,
                         List<Path> figures) {
    }

    private CheckpointEarlyStopping() {
    }

    public static Result run(Path figures, int maxEpochs, int patience, int verbose) throws Exception {
        Ganglion.setRandomSeed(7);
        LabeledData pima = PimaIndiansDiabetes.loadData();
        TrainTestSplit s = TrainTestSplit.trainTestSplit(pima.x(), pima.y().reshape(-1, 1), 0.2, 7, pima.y());
        StandardScaler scaler = new StandardScaler().fit(s.xTrain());
        Tensor xTrain = scaler.transform(s.xTrain());
        Tensor xTest = scaler.transform(s.xTest());

        Sequential model = new Sequential();
        model.add(new Dense(30, "relu").inputShape(8));
        model.add(new Dense(12, "relu"));
        model.add(new Dense(8, "relu"));
        model.add(new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");

        Path dir = figures.resolve("checkpoints");
        Files.createDirectories(dir);
        ModelCheckpoint checkpointer = new ModelCheckpoint(dir.resolve("{epoch:02d}-{val_loss:.4f}.keras").toString())
                .monitor("val_loss").verbose(verbose).saveBestOnly(true);
        EarlyStopping earlyStopping = new EarlyStopping().monitor("val_loss").patience(patience).verbose(verbose);
        History h = model.fit(xTrain, s.yTrain(), new FitOptions().epochs(maxEpochs).batchSize(32)
                .validationSplit(0.25).verbose(0).callbacks(earlyStopping, checkpointer));

        int epochsRun = h.epoch().size();
        System.out.println("\nEpochs run: " + epochsRun + (earlyStopping.stoppedEpoch() > 0
                ? " (stopped early at epoch " + (earlyStopping.stoppedEpoch() + 1) + ")" : ""));
        Path curves = Plots.historyGrid(h).save(figures.resolve("checkpoint_curves.png"));
        Path valLoss = Plots.history(h, "val_loss", "loss").save(figures.resolve("checkpoint_val_loss.png"));

        List<Path> saved;
        try (var files = Files.list(dir)) {
            saved = files.filter(p -> p.toString().endsWith(".keras")).sorted().toList();
        }
        Model best = Model.load(checkpointer.lastSaved());
        best.compile("adam", "binary_crossentropy", "accuracy");
        Map<String, Double> score = best.evaluate(xTest, s.yTest(), 32, 0);
        System.out.printf("Best checkpoint %s: test accuracy %.4f%n", checkpointer.lastSaved().getFileName(),
                score.get("accuracy"));
        return new Result(epochsRun, earlyStopping.stoppedEpoch(), saved, score.get("accuracy"),
                List.of(curves, valLoss));
    }

    /** Arguments: the figures folder (default ./figures). */
    public static void main(String[] args) throws Exception {
        Path figures = Path.of(args.length > 0 ? args[0] : "figures");
        Result r = run(figures, 2000, 20, 1);
        System.out.println("Figures: " + r.figures());
    }
}
