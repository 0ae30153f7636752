package ganglion.examples;

import ganglion.datasets.Cifar10;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cats vs dogs by transfer: a small run checks the freezing, the full comparison is a slow test. */
class CatsVsDogsTransferTest {

    @Test
    void fineTuningMovesOnlyTheUnfrozenBlock(@TempDir Path dir) {
        TabularExamplesTest.assumeSharedData(Cifar10.JPEG_NAME);
        CatsVsDogsTransfer.Result r = CatsVsDogsTransfer.run(Cifar10.loadData(240, 100),
                new CatsVsDogsTransfer.Options(240, 64, 100, 1, 1, 1, 42), dir, 0);
        assertTrue(r.frozenUnchanged(), "frozen layers bit-identical after fine-tuning");
        assertTrue(r.unfrozenChanged(), "the unfrozen block moved");
        assertTrue(r.catDogTest() > 0);
        for (double a : new double[] {r.pretrainAccuracy(), r.frozenAccuracy(), r.fineTunedAccuracy(),
                r.scratchAccuracy()}) {
            assertTrue(a >= 0 && a <= 1, "accuracy " + a);
        }
    }

    /** Issue 6: the transferred model beats the one trained from scratch by 5 points or more, seed fixed. */
    @Test
    @Tag("slow")
    void transferBeatsScratchByFivePoints() {
        TabularExamplesTest.assumeSharedData(Cifar10.JPEG_NAME);
        CatsVsDogsTransfer.Result r = CatsVsDogsTransfer.run(Cifar10.loadData(),
                CatsVsDogsTransfer.Options.full(), null, 0);
        assertTrue(r.frozenUnchanged());
        assertTrue(r.fineTunedAccuracy() >= r.scratchAccuracy() + 0.05,
                "fine-tuned " + r.fineTunedAccuracy() + " vs scratch " + r.scratchAccuracy());
    }
}
