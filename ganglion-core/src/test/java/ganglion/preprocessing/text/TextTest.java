package ganglion.preprocessing.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TextTest {

    @Test
    void defaultsFilterLowerAndSplitOnSpaces() {
        assertEquals(List.of("hello", "world", "it's", "me"), Text.textToWordSequence("Hello,  World!\tIt's me."));
        // '\r' is not among Keras's filters, and only the split string separates words
        assertEquals(List.of("a\r", "b"), Text.textToWordSequence("a\r\nb"));
        assertEquals(List.of("a\u00a0b"), Text.textToWordSequence("a\u00a0b"));
        assertEquals(List.of(), Text.textToWordSequence("?!."));
    }

    @Test
    void worksOnCodePointsOutsideTheBmp() {
        // U+10400 DESERET CAPITAL LONG I lower-cases to U+10428; an emoji in filters is one code point
        String text = "\uD801\uDC00x\uD83D\uDE00b c";
        assertEquals(List.of("\uD801\uDC28", "b", "c"), Text.textToWordSequence(text, "x\uD83D\uDE00", true, " "));
        // a filter on the high surrogate alone must not split a pair
        assertEquals(List.of("\uD83D\uDE00"), Text.textToWordSequence("\uD83D\uDE00", "\uD83D", true, " "));
    }

    @Test
    void lowerIsLocaleIndependentAndFullUnicode() {
        // Python: 'İ'.lower() == 'i̇' (i + combining dot), 'ΣΑΣ'.lower() == 'σας' (final sigma)
        assertEquals(List.of("i\u0307"), Text.textToWordSequence("\u0130"));
        assertEquals(List.of("\u03c3\u03b1\u03c2"), Text.textToWordSequence("\u03a3\u0391\u03a3"));
        assertEquals(List.of("Ab"), Text.textToWordSequence("Ab", "", false, " "));
    }

    @Test
    void multiCharacterSplit() {
        // filters become the split string, then Python's str.split(sep) splits left to right
        assertEquals(List.of("a", "b"), Text.textToWordSequence("a--b.", ".", true, "--"));
        assertThrows(IllegalArgumentException.class, () -> Text.textToWordSequence("a", "", true, ""));
    }
}
