package ganglion.optimizers;

import ganglion.Tensor;
import ganglion.Variable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NadamTest {

    @Test
    void defaultsAreKeras() {
        Nadam n = new Nadam();
        assertEquals(0.001f, n.learningRate());
        assertEquals(0.9f, n.beta1());
        assertEquals(0.999f, n.beta2());
        assertEquals(1e-7f, n.epsilon());
        assertEquals("nadam", n.name());
    }

    @Test
    void stepsFollowKerasFormula() {
        // u_t = b1 (1 - 0.5 0.96^t), P_t = P_{t-1} u_t; m_hat = u_{t+1} m / (1 - P_t u_{t+1}) + (1 - u_t) g / (1 - P_t);
        // v_hat = v / (1 - b2^t); w -= lr m_hat / (sqrt(v_hat) + eps)
        Nadam n = new Nadam(0.01f);
        OptimizerTesting.checkThreeSteps(n, new float[][]{
                {0.989372133f, -1.98937213f, 0.489372126f},
                {0.979910742f, -1.99329808f, 0.497114433f},
                {0.987815431f, -2.00292882f, 0.496272421f}});
        List<Tensor> state = n.stateTensors();
        assertEquals(0.113979945f, state.get(state.size() - 1).item(), 1e-7f);
        assertEquals("u_product", n.stateNames().get(state.size() - 1));
    }

    @Test
    void uProductSurvivesAStateRoundTrip() {
        Nadam a = new Nadam(0.01f);
        Variable v = OptimizerTesting.variable();
        OptimizerTesting.setGrad(v, OptimizerTesting.GRADS[0]);
        a.apply(List.of(v));
        Nadam b = new Nadam(0.01f);
        Variable w = OptimizerTesting.variable();
        w.assign(v.value());
        b.loadState(a.stateTensors(), List.of(w));
        OptimizerTesting.setGrad(v, OptimizerTesting.GRADS[1]);
        OptimizerTesting.setGrad(w, OptimizerTesting.GRADS[1]);
        a.apply(List.of(v));
        b.apply(List.of(w));
        assertEquals(v.value().get(2), w.value().get(2), 0f);
    }
}
