package ganglion;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {

    @Test
    void matmulAndGradient() {
        Tensor a = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor b = Tensor.of(new float[]{5, 6, 7, 8}, 2, 2);
        Tensor c = a.matmul(b);
        assertArrayEquals(new float[]{19, 22, 43, 50}, c.toFloatArray());
        c.sum().backward();
        // d(sum(A·B))/dA = 1·Bᵀ: row sums of B
        assertArrayEquals(new float[]{11, 15, 11, 15}, a.grad().toFloatArray());
        assertEquals("tensor([[19., 22.],\n        [43., 50.]], shape=(2, 2))", c.toString());
    }
}
