package ganglion.preprocessing.image;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed pixel results of Keras's apply_affine_transform and ImageDataGenerator. */
class ImageDataGeneratorTest {

    /** 3x3 one-channel image 1..9 in row-major order. */
    private static Tensor img3() {
        return Tensor.of(new float[]{1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3, 1);
    }

    @Test
    void rotationBy90DegreesIsNumpyRot90() {
        Tensor r = AffineTransforms.applyAffineTransform(img3(), 90, 0, 0, 0, 1, 1, "nearest", 0);
        // np.rot90([[1,2,3],[4,5,6],[7,8,9]]) = [[3,6,9],[2,5,8],[1,4,7]]
        assertArrayEquals(new float[]{3, 6, 9, 2, 5, 8, 1, 4, 7}, r.toFloatArray(), 1e-5f);
        Tensor back = AffineTransforms.applyAffineTransform(r, -90, 0, 0, 0, 1, 1, "nearest", 0);
        assertArrayEquals(img3().toFloatArray(), back.toFloatArray(), 1e-5f);
    }

    @Test
    void rotationOnAnEvenSizedImage() {
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2, 1);
        Tensor r = AffineTransforms.applyAffineTransform(x, 180, 0, 0, 0, 1, 1, "nearest", 0);
        assertArrayEquals(new float[]{4, 3, 2, 1}, r.toFloatArray(), 1e-5f);
    }

    @Test
    void shiftsMoveTheSamplingGridWithEachFillMode() {
        // tx = 1: output (r, c) reads input (r, c + 1) (Keras's swapped axes)
        assertArrayEquals(new float[]{2, 3, 3, 5, 6, 6, 8, 9, 9},
                AffineTransforms.applyAffineTransform(img3(), 0, 1, 0, 0, 1, 1, "nearest", 0).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[]{2, 3, -1, 5, 6, -1, 8, 9, -1},
                AffineTransforms.applyAffineTransform(img3(), 0, 1, 0, 0, 1, 1, "constant", -1).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[]{2, 3, 1, 5, 6, 4, 8, 9, 7},
                AffineTransforms.applyAffineTransform(img3(), 0, 1, 0, 0, 1, 1, "wrap", 0).toFloatArray(), 1e-5f);
        assertArrayEquals(new float[]{2, 3, 3, 5, 6, 6, 8, 9, 9},
                AffineTransforms.applyAffineTransform(img3(), 0, 1, 0, 0, 1, 1, "reflect", 0).toFloatArray(), 1e-5f);
        // ty = -2 reads row r - 2: reflect mirrors (d c b a | a b c d)
        assertArrayEquals(new float[]{4, 5, 6, 1, 2, 3, 1, 2, 3},
                AffineTransforms.applyAffineTransform(img3(), 0, 0, -2, 0, 1, 1, "reflect", 0).toFloatArray(), 1e-5f);
        // a half-pixel shift interpolates linearly
        assertArrayEquals(new float[]{1.5f, 2.5f, 3, 4.5f, 5.5f, 6, 7.5f, 8.5f, 9},
                AffineTransforms.applyAffineTransform(img3(), 0, 0.5, 0, 0, 1, 1, "nearest", 0).toFloatArray(), 1e-5f);
    }

    @Test
    void zoomScalesAboutTheCentre() {
        // zx = zy = 0.5 on 3x3: input = centre + 0.5 * (output - centre)
        Tensor z = AffineTransforms.applyAffineTransform(img3(), 0, 0, 0, 0, 0.5, 0.5, "nearest", 0);
        assertEquals(5f, z.get(1, 1, 0), 1e-5f);
        assertEquals((1 + 2 + 4 + 5) / 4f, z.get(0, 0, 0), 1e-5f);
    }

    @Test
    void flipsAndRescale() {
        ImageDataGenerator g = new ImageDataGenerator().rescale(0.5);
        Tensor h = g.applyTransform(img3(), new ImageDataGenerator.TransformParameters(0, 0, 0, 0, 1, 1, true, false));
        assertArrayEquals(new float[]{3, 2, 1, 6, 5, 4, 9, 8, 7}, h.toFloatArray());
        Tensor v = g.applyTransform(img3(), new ImageDataGenerator.TransformParameters(0, 0, 0, 0, 1, 1, false, true));
        assertArrayEquals(new float[]{7, 8, 9, 4, 5, 6, 1, 2, 3}, v.toFloatArray());
        float[] x = img3().toFloatArray();
        g.standardize(x, 0, 9, 1);
        assertEquals(4.5f, x[8]);
    }

    @Test
    void flowGivesRepeatableShuffledAugmentedBatches() {
        float[] data = new float[10 * 4 * 4 * 1];
        for (int i = 0; i < 10; i++) {
            for (int p = 0; p < 16; p++) {
                data[i * 16 + p] = i;
            }
        }
        Tensor x = Tensor.of(data, 10, 4, 4, 1);
        Tensor y = Tensor.arange(10);
        ImageDataGenerator g = new ImageDataGenerator().rotationRange(30).widthShiftRange(0.2)
                .zoomRange(0.1).horizontalFlip(true);
        NumpyArrayIterator it = g.flow(x, y, 4, true, 42L);
        assertEquals(3, it.size());
        int seen = 0;
        boolean[] found = new boolean[10];
        for (Tensor[] b : it) {
            for (int i = 0; i < b[0].shape(0); i++) {
                int label = (int) b[1].get(i);
                found[label] = true;
                // constant images stay constant under any transform with "nearest" fill
                assertEquals(label, b[0].get(i, 2, 1, 0), 1e-4f);
            }
            seen += b[0].shape(0);
        }
        assertEquals(10, seen);
        for (boolean f : found) {
            assertTrue(f);
        }
        Tensor[] a1 = g.flow(x, y, 4, true, 5L).next();
        Tensor[] a2 = g.flow(x, y, 4, true, 5L).next();
        assertArrayEquals(a1[1].toFloatArray(), a2[1].toFloatArray());
        assertArrayEquals(a1[0].toFloatArray(), a2[0].toFloatArray());
    }

    @Test
    void augmentationChangesImagesLikeSeed002() {
        float[] data = new float[28 * 28];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 37) % 255;
        }
        Tensor one = Tensor.of(data, 1, 28, 28, 1);
        Tensor tiled = one.tile(100, 1, 1, 1);
        ImageDataGenerator g = new ImageDataGenerator().rotationRange(10).zoomRange(0.10).shearRange(0.5)
                .widthShiftRange(0.10).heightShiftRange(0.10).horizontalFlip(true).verticalFlip(false);
        Tensor aug = g.flow(tiled, Tensor.zeros(100), 100, false, 1L).next()[0];
        assertArrayEquals(new int[]{100, 28, 28, 1}, aug.shape());
        assertNotEquals(aug.slice(0, 1).sum().item(), aug.slice(1, 2).sum().item());
    }

    @Test
    void modelFitsOnAFlowWithStepsPerEpoch() {
        Tensor x = Tensor.randomUniform(0, 1, 20, 4, 4, 1);
        Tensor y = Tensor.of(new float[]{0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, 20);
        ganglion.models.Sequential model = new ganglion.models.Sequential(
                new ganglion.layers.Flatten().inputShape(4, 4, 1), new ganglion.layers.Dense(2, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        NumpyArrayIterator flow = new ImageDataGenerator().horizontalFlip(true).flow(x, y, 8, true, 3L);
        ganglion.models.History h = model.fit(flow, new ganglion.models.FitOptions().epochs(2).stepsPerEpoch(5)
                .verbose(0));
        assertEquals(2, h.history().get("loss").size());
    }

    @Test
    void featurewiseStatisticsFromFit() {
        Tensor x = Tensor.of(new float[]{0, 10, 2, 30, 4, 50, 6, 70}, 2, 2, 1, 2);
        ImageDataGenerator g = new ImageDataGenerator().featurewiseCenter(true).featurewiseStdNormalization(true);
        assertThrows(IllegalStateException.class, () -> g.flow(x, null, 2, false, 1L).next());
        g.fit(x);
        assertArrayEquals(new float[]{3, 40}, g.mean(), 1e-5f);
        assertArrayEquals(new float[]{(float) Math.sqrt(5), (float) Math.sqrt(500)}, g.std(), 1e-4f);
        Tensor out = g.flow(x, null, 2, false, 1L).next()[0];
        assertEquals(-3 / (Math.sqrt(5) + 1e-6), out.get(0, 0, 0, 0), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> g.flow(Tensor.zeros(2, 3, 3), null, 2, false, 1L));
    }
}
