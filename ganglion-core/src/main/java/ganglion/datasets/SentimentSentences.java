package ganglion.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Sentiment Labelled Sentences (Kotzias et al., KDD 2015; UCI): 1,000 sentences from each of IMDB, Amazon and
 * Yelp reviews, half positive (1) and half negative (0), one per line as {@code sentence<TAB>label}. This is the
 * small sentence set, not Keras's {@code imdb.npz} (see {@link Imdb}).
 *
 * <p>The files {@code imdb_labelled.txt}, {@code amazon_cells_labelled.txt} and {@code yelp_labelled.txt} are
 * found by {@link DataPaths} under the folder name {@code sentiment-labelled-sentences}.
 *
 * <pre>{@code
 * LabeledTexts all = SentimentSentences.load();                 // 3,000 sentences
 * LabeledTexts yelp = SentimentSentences.load(Source.YELP);
 * }</pre>
 */
public final class SentimentSentences {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "sentiment-labelled-sentences";

    /** The three sources, each a file of 1,000 sentences. */
    public enum Source {
        IMDB("imdb_labelled.txt"), AMAZON("amazon_cells_labelled.txt"), YELP("yelp_labelled.txt");

        private final String file;

        Source(String file) {
            this.file = file;
        }

        /** The file name. */
        public String file() {
            return file;
        }
    }

    private SentimentSentences() {
    }

    /** All three sources, IMDB then Amazon then Yelp. */
    public static LabeledTexts load() {
        return load(Source.values());
    }

    /** The given sources, concatenated in the order given. */
    public static LabeledTexts load(Source... sources) {
        List<String> files = new ArrayList<>();
        for (Source s : sources) {
            files.add(s.file());
        }
        Path dir = DataPaths.standard().require(NAME, "Sentiment Labelled Sentences", files,
                "Download \"Sentiment Labelled Sentences\" from https://archive.ics.uci.edu/dataset/331 and put the"
                        + " *_labelled.txt files into ~/.ganglion/datasets/" + NAME + "/.");
        List<LabeledTexts> parts = new ArrayList<>();
        for (Source s : sources) {
            parts.add(loadFile(dir.resolve(s.file())));
        }
        return LabeledTexts.concat(parts);
    }

    /** Reads one {@code sentence<TAB>0|1} file. */
    public static LabeledTexts loadFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetFormatException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> texts = new ArrayList<>(lines.size());
        int[] labels = new int[lines.size()];
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            String label = tab < 0 ? "" : line.substring(tab + 1).trim().toLowerCase(Locale.ROOT);
            if (!label.equals("0") && !label.equals("1")) {
                throw new DatasetFormatException(file + " line " + (i + 1) + ": expected \"sentence<TAB>0\" or "
                        + "\"sentence<TAB>1\"");
            }
            labels[n++] = label.charAt(0) - '0';
            texts.add(line.substring(0, tab).trim());
        }
        return new LabeledTexts(texts, java.util.Arrays.copyOf(labels, n));
    }
}
