package ganglion.examples;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text classifiers on real data with a fixed seed, judged on their held-out 20% (about a minute each on two
 * cores, so tagged "slow": run with {@code mvn -Pslow test -pl examples -am -Dtest=TextExamplesSlowTest}).
 */
@Tag("slow")
class TextExamplesSlowTest {

    @Test
    void spamLstmHeldOutAccuracyIsAtLeast97Percent() {
        TabularExamplesTest.assumeSharedData("sms-spam-collection");
        SpamLstm.Result r = SpamLstm.run(42, 4, 0);
        assertTrue(r.testAccuracy() >= 0.97, "held-out accuracy " + r.testAccuracy());
    }

    @Test
    void sentimentConv1dLstmHeldOutAccuracyIsAtLeast78Percent() {
        TabularExamplesTest.assumeSharedData("sentiment-labelled-sentences");
        SentimentConv1dLstm.Result r = SentimentConv1dLstm.run(42, 4, 0);
        assertTrue(r.testAccuracy() >= 0.78, "held-out accuracy " + r.testAccuracy());
    }

    @Test
    void attentionExampleHeldOutAccuracyIsAtLeast75Percent() {
        TabularExamplesTest.assumeSharedData("sentiment-labelled-sentences");
        AttentionExample.Result r = AttentionExample.run(42, 4, 0);
        assertTrue(r.testAccuracy() >= 0.75, "held-out accuracy " + r.testAccuracy());
    }
}
