package ganglion.internal.ops;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;

import static ganglion.testing.GradCheck.check;
import static ganglion.testing.GradCheck.uniform;

/** Finite-difference gradient checks of the movement ops. */
class ShapeGradTest {

    @Test
    void reshapeAndFlatten() {
        Tensor x = uniform(51, 2, 3, 4);
        check(in -> in.get(0).reshape(-1, 4), x);
        check(in -> in.get(0).reshape(4, -1, 2), x);
        check(in -> in.get(0).flatten(), x);
        check(in -> in.get(0).reshape(6, 4).exp(), x);
    }

    @Test
    void sliceAlongEachAxis() {
        Tensor x = uniform(52, 3, 4, 5);
        check(in -> in.get(0).slice(1, 3), x);
        check(in -> in.get(0).slice(0, 1, 3), x);
        check(in -> in.get(0).slice(1, 0, 2), x);
        check(in -> in.get(0).slice(2, 2, 5), x);
        check(in -> in.get(0).slice(-1, -3, -1), x);
        check(in -> Tensor.concat(2, in.get(0).slice(2, 0, 2), in.get(0).slice(2, 1, 4)), x);
    }

    @Test
    void takeAndGather() {
        Tensor x = uniform(53, 4, 3);
        check(in -> in.get(0).take(new int[]{2, 0, 2, -1}), x);
        check(in -> in.get(0).take(Tensor.of(new float[]{1, 3, 1, 0}, 2, 2)), x);
        check(in -> in.get(0).take(Tensor.of(new float[]{2, 2, 0}), 1), x);
        check(in -> in.get(0).takeAlongAxis(Tensor.of(new float[]{2, 0, 1, 1}, 4, 1), 1), x);
        check(in -> in.get(0).takeAlongAxis(Tensor.of(new float[]{3, 0, 0, 1, 2, 2}, 2, 3), 0), x);
    }

    @Test
    void permuteAndTranspose() {
        Tensor x = uniform(54, 2, 3, 4);
        check(in -> in.get(0).permute(2, 0, 1), x);
        check(in -> in.get(0).permute(0, 2, 1), x);
        check(in -> in.get(0).permute(0, 1, 2), x);
        check(in -> in.get(0).transpose(), x);
        check(in -> in.get(0).transpose(1, 0, 2), x);
        check(in -> in.get(0).swapAxes(0, -1), x);
        check(in -> in.get(0).transpose(), uniform(55, 3, 5));
    }

    @Test
    void expandDimsAndSqueeze() {
        check(in -> in.get(0).expandDims(1), uniform(56, 2, 3));
        check(in -> in.get(0).expandDims(-1), uniform(57, 2, 3));
        check(in -> in.get(0).squeeze(), uniform(58, 2, 1, 3, 1));
        check(in -> in.get(0).squeeze(1), uniform(59, 2, 1, 3));
    }

    @Test
    void concatAndStack() {
        Tensor a = uniform(60, 2, 3), b = uniform(61, 2, 1), c = uniform(62, 2, 2);
        check(in -> Tensor.concat(1, in.get(0), in.get(1), in.get(2)), a, b, c);
        check(in -> Tensor.concat(0, in.get(0), in.get(1)), uniform(63, 1, 3), uniform(64, 2, 3));
        check(in -> Tensor.concat(0, in.get(0), in.get(0)), uniform(65, 2, 2));
        check(in -> Tensor.stack(0, in.get(0), in.get(1)), uniform(66, 2, 3), uniform(67, 2, 3));
        check(in -> Tensor.stack(-1, in.get(0), in.get(1)), uniform(68, 2, 3), uniform(69, 2, 3));
        check(in -> Tensor.stack(1, in.get(0), in.get(1)), uniform(70, 2, 3), uniform(71, 2, 3));
    }

    @Test
    void splitRepeatTileBroadcast() {
        check(in -> in.get(0).split(2, 1)[1], uniform(72, 2, 4));
        check(in -> in.get(0).split(3, 0)[0].mul(in.get(0).split(3, 0)[2]), uniform(73, 3, 2));
        check(in -> in.get(0).repeat(3, 0), uniform(74, 2, 2));
        check(in -> in.get(0).repeat(2, -1), uniform(75, 2, 3));
        check(in -> in.get(0).tile(2, 3), uniform(76, 2, 2));
        check(in -> in.get(0).broadcastTo(3, 2, 2), uniform(77, 2, 1));
    }
}
