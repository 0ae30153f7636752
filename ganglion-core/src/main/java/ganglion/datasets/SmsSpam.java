package ganglion.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMS Spam Collection v.1 (Almeida and Gomez Hidalgo, 2011; UCI): 5,574 English text messages labelled
 * "ham" (4,827) or "spam" (747), one per line as {@code label<TAB>text}. Loaded as {@link LabeledTexts} with
 * label 1 for spam and 0 for ham.
 *
 * <p>The file {@code SMSSpamCollection} is found by {@link DataPaths} under the folder name
 * {@code sms-spam-collection}; it is published at the UCI Machine Learning Repository.
 *
 * <pre>{@code
 * LabeledTexts sms = SmsSpam.load();
 * LabeledTexts.Split s = sms.trainTestSplit(0.2, 42);
 * }</pre>
 */
public final class SmsSpam {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "sms-spam-collection";
    /** The data file's name. */
    public static final String FILE = "SMSSpamCollection";

    private SmsSpam() {
    }

    /** Loads the collection from the first folder of {@link DataPaths#standard()} that holds it. */
    public static LabeledTexts load() {
        Path dir = DataPaths.standard().require(NAME, "SMS Spam Collection", List.of(FILE),
                "Download smsspamcollection.zip from https://archive.ics.uci.edu/dataset/228/sms+spam+collection"
                        + " and put SMSSpamCollection into ~/.ganglion/datasets/" + NAME + "/.");
        return load(dir.resolve(FILE));
    }

    /** Loads {@code label<TAB>text} lines from a file. */
    public static LabeledTexts load(Path file) {
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
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            String label = tab < 0 ? "" : line.substring(0, tab);
            if (!label.equals("ham") && !label.equals("spam")) {
                throw new DatasetFormatException(file + " line " + (i + 1) + ": expected \"ham<TAB>text\" or "
                        + "\"spam<TAB>text\", got: " + (line.length() > 60 ? line.substring(0, 60) + "..." : line));
            }
            labels[n++] = label.equals("spam") ? 1 : 0;
            texts.add(line.substring(tab + 1));
        }
        return new LabeledTexts(texts, java.util.Arrays.copyOf(labels, n));
    }
}
