package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.datasets.TinyShakespeare;
import ganglion.layers.Dense;
import ganglion.layers.Embedding;
import ganglion.layers.LSTM;
import ganglion.models.FitOptions;
import ganglion.models.History;
import ganglion.models.Sequential;
import ganglion.optimizers.Adam;

import java.util.Random;

/**
 * A character-level LSTM language model on tiny-shakespeare, after Keras's {@code lstm_text_generation} example:
 * windows of 40 characters (every 3rd position) predict the next character; the model is
 * {@code Embedding(vocab, 32) -> LSTM(128) -> Dense(vocab, softmax)} trained with
 * {@code sparse_categorical_crossentropy}; generation samples each next character from the predicted
 * distribution sharpened by a temperature ({@code exp(log(p) / T)}, renormalised), as Keras's {@code sample()}.
 *
 * <p>Run: {@code ShakespeareCharLstm [characters] [epochs]} (default the first 200,000 characters, 3 epochs). After
 * a few epochs the samples show speaker names, line breaks and mostly real words.
 */
public final class ShakespeareCharLstm {

    /** Characters per training window. */
    public static final int MAX_LEN = 40;
    /** Distance between window starts. */
    public static final int STEP = 3;

    /** The training history and one generated text per temperature. */
    public record Result(History history, String seed, String[] samples, double[] temperatures) {
    }

    private final char[] vocab;
    private final int[] index = new int[Character.MAX_VALUE + 1];
    private final String text;

    /** Uses the first {@code chars} characters of the corpus. */
    public ShakespeareCharLstm(int chars) {
        String all = TinyShakespeare.loadText();
        this.text = all.substring(0, Math.min(chars, all.length()));
        this.vocab = TinyShakespeare.vocabulary(all);
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < vocab.length; i++) {
            index[vocab[i]] = i;
        }
    }

    /** Builds the windows, trains, and generates {@code genLength} characters at each temperature. */
    public Result run(long seed, int epochs, int genLength, double[] temperatures, int verbose) {
        Ganglion.setRandomSeed(seed);
        int n = (text.length() - MAX_LEN - 1) / STEP + 1;
        float[] x = new float[n * MAX_LEN];
        float[] y = new float[n];
        for (int s = 0; s < n; s++) {
            int start = s * STEP;
            for (int t = 0; t < MAX_LEN; t++) {
                x[s * MAX_LEN + t] = index[text.charAt(start + t)];
            }
            y[s] = index[text.charAt(start + MAX_LEN)];
        }
        Sequential model = new Sequential();
        model.add(new Embedding(vocab.length, 32).inputShape(MAX_LEN));
        model.add(new LSTM(128));
        model.add(new Dense(vocab.length, "softmax"));
        if (verbose > 0) {
            model.summary();
        }
        model.compile(new Adam(0.005), "sparse_categorical_crossentropy");
        History h = model.fit(Tensor.wrap(x, n, MAX_LEN), Tensor.wrap(y, n),
                new FitOptions().epochs(epochs).batchSize(128).verbose(verbose));
        Random rng = new Random(seed);
        int from = rng.nextInt(text.length() - MAX_LEN);
        String start = text.substring(from, from + MAX_LEN);
        String[] samples = new String[temperatures.length];
        for (int k = 0; k < temperatures.length; k++) {
            samples[k] = generate(model, start, genLength, temperatures[k], rng);
        }
        return new Result(h, start, samples, temperatures.clone());
    }

    /** Continues {@code start} by {@code length} sampled characters. */
    private String generate(Sequential model, String start, int length, double temperature, Random rng) {
        StringBuilder sb = new StringBuilder(start);
        float[] window = new float[MAX_LEN];
        for (int i = 0; i < length; i++) {
            for (int t = 0; t < MAX_LEN; t++) {
                window[t] = index[sb.charAt(sb.length() - MAX_LEN + t)];
            }
            float[] p = model.predict(Tensor.wrap(window.clone(), 1, MAX_LEN), 1, 0).toFloatArray();
            sb.append(vocab[sample(p, temperature, rng)]);
        }
        return sb.substring(MAX_LEN);
    }

    /** Keras's {@code sample(preds, temperature)}: one draw from {@code softmax(log(p) / T)}. */
    static int sample(float[] p, double temperature, Random rng) {
        double[] w = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            w[i] = Math.log(Math.max(p[i], 1e-12)) / temperature;
            max = Math.max(max, w[i]);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(w[i] - max);
            sum += w[i];
        }
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u <= 0) {
                return i;
            }
        }
        return w.length - 1;
    }

    /** The vocabulary (sorted distinct characters of the whole corpus). */
    public char[] vocabulary() {
        return vocab.clone();
    }

    /** Trains on the first 200,000 characters for 3 epochs and prints samples at three temperatures. */
    public static void main(String[] args) {
        int chars = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Result r = new ShakespeareCharLstm(chars).run(42, epochs, 400, new double[]{0.2, 0.5, 1.0}, 2);
        System.out.println("\n----- seed: \"" + r.seed() + "\"");
        for (int k = 0; k < r.samples().length; k++) {
            System.out.println("\n----- temperature " + r.temperatures()[k] + ":\n" + r.seed() + r.samples()[k]);
        }
    }
}
