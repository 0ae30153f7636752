package ganglion.callbacks;

import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallbackListTest {

    /** Records "name:hook" for every hook. */
    static final class Recorder extends Callback {
        final String name;
        final List<String> log;

        Recorder(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        private void rec(String hook) {
            log.add(name + ":" + hook);
        }

        @Override public void onTrainBegin(Map<String, Double> l) { rec("train_begin"); }
        @Override public void onTrainEnd(Map<String, Double> l) { rec("train_end"); }
        @Override public void onEpochBegin(int e, Map<String, Double> l) { rec("epoch_begin" + e); }
        @Override public void onEpochEnd(int e, Map<String, Double> l) { rec("epoch_end" + e); }
        @Override public void onTrainBatchBegin(int b, Map<String, Double> l) { rec("train_batch_begin" + b); }
        @Override public void onTrainBatchEnd(int b, Map<String, Double> l) { rec("train_batch_end" + b); }
        @Override public void onTestBegin(Map<String, Double> l) { rec("test_begin"); }
        @Override public void onTestEnd(Map<String, Double> l) { rec("test_end"); }
        @Override public void onTestBatchBegin(int b, Map<String, Double> l) { rec("test_batch_begin" + b); }
        @Override public void onTestBatchEnd(int b, Map<String, Double> l) { rec("test_batch_end" + b); }
        @Override public void onPredictBegin(Map<String, Double> l) { rec("predict_begin"); }
        @Override public void onPredictEnd(Map<String, Double> l) { rec("predict_end"); }
        @Override public void onPredictBatchBegin(int b, Map<String, Double> l) { rec("predict_batch_begin" + b); }
        @Override public void onPredictBatchEnd(int b, Map<String, Double> l) { rec("predict_batch_end" + b); }
    }

    @Test
    void forwardsEveryHookInListOrder() {
        List<String> log = new ArrayList<>();
        CallbackList list = new CallbackList(List.of(new Recorder("a", log), new Recorder("b", log)));
        Map<String, Double> l = Map.of();
        list.onTrainBegin(l);
        list.onEpochBegin(0, l);
        list.onTrainBatchBegin(1, l);
        list.onTrainBatchEnd(1, l);
        list.onTestBegin(l);
        list.onTestBatchBegin(2, l);
        list.onTestBatchEnd(2, l);
        list.onTestEnd(l);
        list.onEpochEnd(0, l);
        list.onTrainEnd(l);
        list.onPredictBegin(l);
        list.onPredictBatchBegin(3, l);
        list.onPredictBatchEnd(3, l);
        list.onPredictEnd(l);
        List<String> expected = new ArrayList<>();
        for (String hook : List.of("train_begin", "epoch_begin0", "train_batch_begin1", "train_batch_end1",
                "test_begin", "test_batch_begin2", "test_batch_end2", "test_end", "epoch_end0", "train_end",
                "predict_begin", "predict_batch_begin3", "predict_batch_end3", "predict_end")) {
            expected.add("a:" + hook);
            expected.add("b:" + hook);
        }
        assertEquals(expected, log);
    }

    @Test
    void setModelAndParamsReachEveryCallback() {
        Recorder a = new Recorder("a", new ArrayList<>());
        CallbackList list = new CallbackList(List.of(a));
        Sequential m = new Sequential();
        list.setModel(m);
        list.setParams(Map.of("epochs", 3));
        assertSame(m, a.model());
        assertEquals(3, a.params().get("epochs"));
        assertSame(a, list.find(Recorder.class));
        assertNull(list.find(ProgbarLogger.class));
        assertEquals(List.of(a), list.callbacks());
        List<Callback> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> new CallbackList(withNull));
    }
}
