package ganglion.datasets;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SmsSpam, SentimentSentences and TinyShakespeare on the shared data (counts from each SOURCE.txt). */
class TextLoadersTest {

    @Test
    void smsSpamHas4827HamAnd747Spam() {
        LabeledTexts sms = SmsSpam.load(SharedData.folder(SmsSpam.NAME).resolve(SmsSpam.FILE));
        assertEquals(5574, sms.size());
        assertArrayEquals(new int[]{4827, 747}, sms.classCounts());
        assertTrue(sms.texts().get(0).startsWith("Go until jurong point"));
        LabeledTexts.Split s = sms.trainTestSplit(0.2, 42);
        assertEquals(1115, s.test().size());
        assertEquals(4459, s.train().size());
    }

    @Test
    void sentimentSentencesHave500PerClassPerSource() {
        Path dir = SharedData.folder(SentimentSentences.NAME);
        for (SentimentSentences.Source src : SentimentSentences.Source.values()) {
            LabeledTexts t = SentimentSentences.loadFile(dir.resolve(src.file()));
            assertEquals(1000, t.size(), src.name());
            assertArrayEquals(new int[]{500, 500}, t.classCounts(), src.name());
        }
        LabeledTexts imdb = SentimentSentences.loadFile(dir.resolve("imdb_labelled.txt"));
        assertEquals("A very, very, very slow-moving, aimless movie about a distressed, drifting young man.",
                imdb.texts().get(0));
        assertEquals(0, imdb.labels()[0]);
    }

    @Test
    void tinyShakespeareHas65Characters() {
        String text = TinyShakespeare.loadText(SharedData.folder(TinyShakespeare.NAME).resolve(TinyShakespeare.FILE));
        assertEquals(1115394, text.length());
        assertEquals(65, TinyShakespeare.vocabulary(text).length);
        assertTrue(text.startsWith("First Citizen:"));
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        Path tmp = Files.createTempFile("sms", ".txt");
        try {
            Files.writeString(tmp, "ham\thello\nmaybe\tspam?\n");
            DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> SmsSpam.load(tmp));
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
            Files.writeString(tmp, "good\t1\nbad\tx\n");
            e = assertThrows(DatasetFormatException.class, () -> SentimentSentences.loadFile(tmp));
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        } finally {
            Files.delete(tmp);
        }
    }
}
