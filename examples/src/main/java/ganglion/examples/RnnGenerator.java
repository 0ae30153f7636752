package ganglion.examples;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.layers.Embedding;
import ganglion.layers.GRU;
import ganglion.layers.LSTM;
import ganglion.layers.Layer;
import ganglion.layers.SimpleRNN;
import ganglion.models.FitOptions;
import ganglion.models.Sequential;
import ganglion.preprocessing.sequence.Sequences;
import ganglion.preprocessing.text.Tokenizer;
import ganglion.utils.Utils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Seed 001's three next-word generators: the three Korean sentences are tokenised with Keras's Tokenizer,
 * every prefix of each sentence becomes a training sample (pre-padded), and an
 * {@code Embedding(vocab, 10) -> SimpleRNN|LSTM|GRU(64) -> Dense(vocab, softmax)} model learns the next word;
 * {@link #generate} then continues "나는 오늘" word by word with the arg-max prediction, as the tutorial's
 * {@code generate_text}.
 *
 * <p>Run: {@code RnnGenerator [simple_rnn|lstm|gru|all] [epochs]} (default all, 20 epochs as the tutorial;
 * 200 epochs make every model reproduce its training sentences).
 */
public final class RnnGenerator {

    /** The tutorial's text. */
    public static final String DATA = "나는 오늘 기분이 좋아.\n나는 내일도 기분이 좋을거야.\n기분이 좋은 날엔 춤을 추고 싶어.";

    private final Tokenizer tokenizer = new Tokenizer();
    private final int maxLen;
    private final Tensor x;
    private final Tensor y;
    private final int vocab;

    /** Tokenises the text and builds the (prefix, next word) samples. */
    public RnnGenerator() {
        List<String> lines = Arrays.asList(DATA.split("\n"));
        tokenizer.fitOnTexts(lines);
        List<int[]> inputSequences = new ArrayList<>();
        for (int[] seq : tokenizer.textsToSequences(lines)) {
            for (int i = 1; i < seq.length; i++) {
                inputSequences.add(Arrays.copyOf(seq, i + 1));
            }
        }
        int m = 0;
        for (int[] s : inputSequences) {
            m = Math.max(m, s.length);
        }
        maxLen = m;
        Tensor padded = Sequences.padSequences(inputSequences, maxLen, "pre");
        x = padded.slice(1, 0, maxLen - 1);
        vocab = tokenizer.wordIndex().size() + 1;
        y = Utils.toCategorical(padded.slice(1, maxLen - 1, maxLen).reshape(-1), vocab);
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public int maxLen() {
        return maxLen;
    }

    /** The tutorial's model with the given recurrent layer kind: "simple_rnn", "lstm" or "gru". */
    public Sequential buildModel(String kind) {
        Layer rnn = switch (kind.toLowerCase(Locale.ROOT)) {
            case "simple_rnn", "rnn" -> new SimpleRNN(64).returnSequences(false);
            case "lstm" -> new LSTM(64).returnSequences(false);
            case "gru" -> new GRU(64).returnSequences(false);
            default -> throw new IllegalArgumentException("unknown model kind '" + kind
                    + "'; use simple_rnn, lstm or gru");
        };
        Sequential model = new Sequential(
                new Embedding(vocab, 10).inputLength(maxLen - 1),
                rnn,
                new Dense(vocab, "softmax"));
        model.compile("adam", "categorical_crossentropy", "accuracy");
        return model;
    }

    /** Trains a model of the given kind for {@code epochs} (verbose as Keras's fit). */
    public Sequential train(String kind, int epochs, int verbose) {
        Sequential model = buildModel(kind);
        model.fit(x, y, new FitOptions().epochs(epochs).verbose(verbose));
        return model;
    }

    /** The tutorial's generate_text: appends the arg-max next word {@code nextWords} times. */
    public String generate(Sequential model, String seedText, int nextWords) {
        Map<Integer, String> indexWord = tokenizer.indexWord();
        StringBuilder text = new StringBuilder(seedText);
        for (int n = 0; n < nextWords; n++) {
            int[] tokens = tokenizer.textsToSequences(List.of(text.toString())).get(0);
            Tensor in = Sequences.padSequences(List.of(tokens), maxLen - 1, "pre");
            int predicted = (int) model.predict(in).argmax(-1).item();
            String word = indexWord.get(predicted);
            if (word != null) {
                text.append(' ').append(word);
            }
        }
        return text.toString();
    }

    /** Trains the generators and prints their continuations of "나는 오늘". */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Ganglion.setRandomSeed(42);
        RnnGenerator g = new RnnGenerator();
        System.out.println("단어 인덱스:  " + g.tokenizer.wordIndex());
        String[][] runs = {{"simple_rnn", "RNN"}, {"lstm", "LSTM"}, {"gru", "GRU"}};
        for (String[] r : runs) {
            if (which.equals("all") || which.equalsIgnoreCase(r[0])) {
                Sequential model = g.train(r[0], epochs, 1);
                System.out.println(r[1] + " 생성 결과: " + g.generate(model, "나는 오늘", 5));
            }
        }
    }
}
