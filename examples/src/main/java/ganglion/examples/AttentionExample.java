package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.LabeledTexts;
import ganglion.datasets.SentimentSentences;
import ganglion.layers.Attention;
import ganglion.layers.Dense;
import ganglion.layers.Embedding;
import ganglion.layers.GlobalAveragePooling1D;
import ganglion.layers.Input;
import ganglion.layers.LSTM;
import ganglion.layers.SymbolicTensor;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Model;
import ganglion.preprocessing.sequence.Sequences;
import ganglion.preprocessing.text.Tokenizer;

import java.util.List;
import java.util.Map;

/**
 * Attention on top of an LSTM encoder (seed 003, chapter 18's "Attention" section), written with the functional API
 * because Keras's {@code Attention} takes two inputs, {@code [query, value]}:
 *
 * <pre>{@code
 * inputs = keras.Input(shape=(40,))
 * x = Embedding(5000, 64, mask_zero=True)(inputs)
 * h = LSTM(64, return_sequences=True)(x)
 * context = Attention(use_scale=True)([h, h])          # every step attends over all (unpadded) steps
 * outputs = Dense(1, activation='sigmoid')(GlobalAveragePooling1D()(context))
 * }</pre>
 *
 * The padding mask made by {@code mask_zero} flows through the LSTM into the attention (padded steps get no weight)
 * and into the average (only real steps are averaged). Trained on 80% of the Sentiment Labelled Sentences, it reaches
 * about 80% on the held-out 20%; {@link #attentionWeights} shows where a sentence's steps look.
 */
public final class AttentionExample {

    /** Number of words kept by the tokenizer. */
    public static final int NUM_WORDS = 5000;
    /** Sentences are padded or cut to this many words. */
    public static final int MAX_LEN = 40;

    /** Held-out loss and accuracy, and the training history. */
    public record Result(double testLoss, double testAccuracy, History history) {
    }

    private AttentionExample() {
    }

    /** Builds the attention classifier. */
    public static Model build() {
        SymbolicTensor in = Input.of(MAX_LEN);
        SymbolicTensor x = new Embedding(NUM_WORDS, 64).maskZero(true).apply(in);
        SymbolicTensor h = new LSTM(64).returnSequences(true).apply(x);
        SymbolicTensor context = new Attention().useScale(true).apply(h, h);
        SymbolicTensor pooled = new GlobalAveragePooling1D().apply(context);
        SymbolicTensor out = new Dense(1, "sigmoid").apply(pooled);
        return new Model(in, out);
    }

    /** Splits 80/20, tokenises, trains for {@code epochs} and evaluates on the held-out sentences. */
    public static Result run(long seed, int epochs, int verbose) {
        Ganglion.setRandomSeed(seed);
        LabeledTexts.Split split = SentimentSentences.load().trainTestSplit(0.2, seed);
        Tokenizer tok = new Tokenizer(NUM_WORDS);
        tok.fitOnTexts(split.train().texts());
        Tensor xTrain = Sequences.padSequences(tok.textsToSequences(split.train().texts()), MAX_LEN);
        Tensor xTest = Sequences.padSequences(tok.textsToSequences(split.test().texts()), MAX_LEN);
        Tensor yTrain = split.train().labelsTensor().reshape(-1, 1);
        Tensor yTest = split.test().labelsTensor().reshape(-1, 1);

        Model model = build();
        if (verbose > 0) {
            model.summary();
        }
        model.compile("adam", "binary_crossentropy", "accuracy");
        History h = model.fit(xTrain, yTrain, new FitOptions().epochs(epochs).batchSize(32).verbose(verbose));
        Map<String, Double> test = model.evaluate(xTest, yTest, 32, verbose == 0 ? 0 : 2);
        return new Result(test.get("loss"), test.get("accuracy"), h);
    }

    /**
     * The attention weights of one (padded) sentence, shape [MAX_LEN, MAX_LEN], computed by a second Attention layer
     * with {@code returnAttentionScores(true)} on given encoder outputs; a small demonstration of the layer's
     * second output.
     */
    public static Tensor attentionWeights(Tensor query, Tensor value) {
        Attention a = new Attention().returnAttentionScores(true);
        List<Tensor> out = a.applyAll(List.of(query, value), null, false);
        return out.get(1);
    }

    /** Trains for 4 epochs and prints the held-out accuracy. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        Result r = run(42, epochs, 2);
        System.out.printf("%nHeld-out accuracy: %.4f (loss %.4f)%n", r.testAccuracy(), r.testLoss());
    }
}
