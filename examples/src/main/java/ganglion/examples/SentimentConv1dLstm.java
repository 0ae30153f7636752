package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.LabeledTexts;
import ganglion.datasets.SentimentSentences;
import ganglion.layers.Activation;
import ganglion.layers.Conv1D;
import ganglion.layers.Dense;
import ganglion.layers.Dropout;
import ganglion.layers.Embedding;
import ganglion.layers.LSTM;
import ganglion.layers.MaxPooling1D;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.preprocessing.sequence.Sequences;
import ganglion.preprocessing.text.Tokenizer;

import java.util.Map;

/**
 * Seed 003's chapter-18 Conv1D + LSTM classifier, on the 3,000 Sentiment Labelled Sentences (IMDB, Amazon and
 * Yelp review sentences, half positive) instead of the full IMDB reviews:
 *
 * <pre>{@code
 * model = Sequential()
 * model.add(Embedding(5000, 100))
 * model.add(Dropout(0.5))
 * model.add(Conv1D(64, 5, padding='valid', activation='relu', strides=1))
 * model.add(MaxPooling1D(pool_size=4))
 * model.add(LSTM(55))
 * model.add(Dense(1))
 * model.add(Activation('sigmoid'))
 * model.compile(loss='binary_crossentropy', optimizer='adam', metrics=['accuracy'])
 * }</pre>
 *
 * 20% of the sentences are held out (fixed seed); the tokenizer is fitted on the training part only and the
 * sentences are padded to 40 words. Held-out accuracy is about 83% after 4 epochs (more epochs overfit: 81% after 8).
 */
public final class SentimentConv1dLstm {

    /** Number of words kept by the tokenizer. */
    public static final int NUM_WORDS = 5000;
    /** Sentences are padded or cut to this many words. */
    public static final int MAX_LEN = 40;

    /** Held-out loss and accuracy, and the training history. */
    public record Result(double testLoss, double testAccuracy, History history) {
    }

    private SentimentConv1dLstm() {
    }

    /** Splits 80/20, tokenises, trains for {@code epochs} and evaluates on the held-out sentences. */
    public static Result run(long seed, int epochs, int verbose) {
        Ganglion.setRandomSeed(seed);
        LabeledTexts all = SentimentSentences.load();
        LabeledTexts.Split split = all.trainTestSplit(0.2, seed);

        Tokenizer tok = new Tokenizer(NUM_WORDS);
        tok.fitOnTexts(split.train().texts());
        Tensor xTrain = Sequences.padSequences(tok.textsToSequences(split.train().texts()), MAX_LEN);
        Tensor xTest = Sequences.padSequences(tok.textsToSequences(split.test().texts()), MAX_LEN);
        Tensor yTrain = split.train().labelsTensor().reshape(-1, 1);
        Tensor yTest = split.test().labelsTensor().reshape(-1, 1);

        Sequential model = new Sequential();
        model.add(new Embedding(NUM_WORDS, 100).inputShape(MAX_LEN));
        model.add(new Dropout(0.5));
        model.add(new Conv1D(64, 5).padding("valid").activation("relu").strides(1));
        model.add(new MaxPooling1D(4));
        model.add(new LSTM(55));
        model.add(new Dense(1));
        model.add(new Activation("sigmoid"));
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "binary_crossentropy", "accuracy");
        History h = model.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
        Map<String, Double> test = model.evaluate(xTest, yTest, 32, verbose == 0 ? 0 : 2);
        return new Result(test.get("loss"), test.get("accuracy"), h);
    }

    /** Trains for 4 epochs and prints the held-out accuracy. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Result r = run(42, epochs, 2);
        System.out.printf("%nHeld-out accuracy: %.4f (loss %.4f)%n", r.testAccuracy(), r.testLoss());
    }
}
