package ganglion.layers;

import ganglion.Tensor;
import ganglion.testing.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DepthwiseConv2DTest {

    @Test
    void shapesWeightsAndParameterCount() {
        DepthwiseConv2D d = new DepthwiseConv2D(3).strides(2).depthMultiplier(2).inputShape(8, 8, 3);
        Tensor y = d.apply(GradCheck.uniform(1, 2, 8, 8, 3));
        assertArrayEquals(new int[]{2, 3, 3, 6}, y.shape());
        assertArrayEquals(new int[]{3, 3, 3, 2}, d.depthwiseKernel().shape());
        assertEquals(3 * 3 * 3 * 2 + 6, d.countParams());
        assertEquals("depthwise_kernel", d.variables().get(0).name());
        DepthwiseConv2D same = new DepthwiseConv2D(3).padding("same").useBias(false);
        assertArrayEquals(new int[]{1, 5, 5, 4}, same.apply(GradCheck.uniform(2, 1, 5, 5, 4)).shape());
        assertEquals(36, same.countParams());
    }

    @Test
    void eachChannelHasItsOwnFilter() {
        // 1x1 kernel: output channel c = x[c] * k[c] + bias[c]
        DepthwiseConv2D d = new DepthwiseConv2D(1);
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4}, 1, 2, 1, 2);
        d.apply(x);
        d.setWeights(List.of(Tensor.of(new float[]{10, 100}, 1, 1, 2, 1), Tensor.of(new float[]{1, 2}, 2)));
        assertArrayEquals(new float[]{11, 202, 31, 402}, d.apply(x).toFloatArray(), 1e-5f);
        assertEquals("DepthwiseConv2D", d.kerasClassName());
        assertEquals(1, d.getConfig().get("depth_multiplier"));
    }
}
