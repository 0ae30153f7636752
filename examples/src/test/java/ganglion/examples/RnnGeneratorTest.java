package ganglion.examples;

import ganglion.Ganglion;
import ganglion.models.Sequential;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seed 001: after 200 epochs each next-word generator reproduces its three training sentences. */
class RnnGeneratorTest {

    @ParameterizedTest
    @ValueSource(strings = {"simple_rnn", "lstm", "gru"})
    void reproducesTrainingSentences(String kind) {
        Ganglion.setRandomSeed(42);
        RnnGenerator g = new RnnGenerator();
        assertEquals(6, g.maxLen());
        Sequential model = g.train(kind, 200, 0);
        assertEquals("나는 오늘 기분이 좋아", g.generate(model, "나는 오늘", 2));
        assertEquals("나는 내일도 기분이 좋을거야", g.generate(model, "나는 내일도", 2));
        assertEquals("기분이 좋은 날엔 춤을 추고 싶어", g.generate(model, "기분이", 5));
    }
}
