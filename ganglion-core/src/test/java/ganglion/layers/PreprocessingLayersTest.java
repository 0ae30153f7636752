package ganglion.layers;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PreprocessingLayersTest {

    private static Tensor img3() {
        return Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
    }

    @Test
    void randomLayersAreIdentityAtInference() {
        Tensor x = img3();
        assertSame(x, new RandomFlip().apply(x, false));
        assertSame(x, new RandomRotation(0.2).apply(x, false));
        assertSame(x, new RandomZoom(0.2).apply(x, false));
        assertSame(x, new RandomTranslation(0.2, 0.2).apply(x, false));
    }

    @Test
    void quarterTurnRotationIsCounterClockwise() {
        double[] m = RandomRotation.rotationMatrix(Math.PI / 2, 3, 3);
        float[] out = new float[9];
        ganglion.preprocessing.image.AffineTransforms.resample(img3().toFloatArray(), 0, 3, 3, 1, m, "reflect", 0,
                out, 0);
        assertArrayEquals(new float[]{3, 6, 9, 2, 5, 8, 1, 4, 7}, out, 1e-5f);
        // a fixed factor range (0.25, 0.25) always turns by exactly 90 degrees
        Tensor r = new RandomRotation(0.25, 0.25).seed(1).apply(img3(), true);
        assertArrayEquals(new float[]{3, 6, 9, 2, 5, 8, 1, 4, 7}, r.toFloatArray(), 1e-4f);
    }

    @Test
    void flipsTranslationsAndZooms() {
        Tensor x = img3().tile(16, 1, 1, 1);
        Tensor f = new RandomFlip("horizontal").seed(3).apply(x, true);
        int flipped = 0;
        for (int i = 0; i < 16; i++) {
            float first = f.get(i, 0, 0, 0);
            if (first == 3f) {
                flipped++;
                assertArrayEquals(new float[]{3, 2, 1, 6, 5, 4, 9, 8, 7}, f.slice(i, i + 1).toFloatArray());
            } else {
                assertEquals(1f, first);
            }
        }
        assertNotEquals(0, flipped);
        assertNotEquals(16, flipped);
        // translation by exactly one third of the width to the right (content moves right, reflect fill)
        Tensor t = new RandomTranslation(new double[]{0, 0}, new double[]{1 / 3.0, 1 / 3.0}).apply(img3(), true);
        assertArrayEquals(new float[]{1, 1, 2, 4, 4, 5, 7, 7, 8}, t.toFloatArray(), 1e-4f);
        // zoom in by 1/2 (factor -0.5): centre pixel kept
        Tensor z = new RandomZoom(-0.5, -0.5).apply(img3(), true);
        assertEquals(5f, z.get(0, 1, 1, 0), 1e-5f);
        assertEquals(3f, z.get(0, 0, 0, 0), 1e-5f);
    }

    @Test
    void rescalingAndNormalization() {
        Tensor x = Tensor.of(new float[]{0, 255, 51, 102}, 2, 2);
        assertArrayEquals(new float[]{-1, 1, -0.6f, -0.2f},
                new Rescaling(1 / 127.5, -1).apply(x, false).toFloatArray(), 1e-5f);
        Normalization n = new Normalization();
        n.adapt(Tensor.of(new float[]{1, 10, 3, 30}, 2, 2));
        assertArrayEquals(new float[]{2, 20}, n.mean(), 1e-6f);
        assertArrayEquals(new float[]{1, 100}, n.variance(), 1e-4f);
        assertEquals(2, n.nonTrainableVariables().size());
        assertEquals(0, n.trainableVariables().size());
        Tensor y = n.apply(Tensor.of(new float[]{3, 0}, 1, 2), true);
        assertArrayEquals(new float[]{1, -2}, y.toFloatArray(), 1e-5f);
        Normalization fixed = new Normalization(new float[]{2, 20}, new float[]{1, 100}).invert(true);
        assertArrayEquals(new float[]{3, 0}, fixed.apply(y, false).toFloatArray(), 1e-5f);
    }
}
