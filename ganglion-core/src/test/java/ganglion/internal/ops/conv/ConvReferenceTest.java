package ganglion.internal.ops.conv;

import ganglion.Tensor;
import ganglion.testing.ReferenceCase;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;

/** Forward outputs and gradients of every op against PyTorch, from the files of conv_reference.py. */
class ConvReferenceTest {

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() throws IOException, URISyntaxException {
        return ReferenceCase.files("/reference/conv").stream().map(f -> DynamicTest.dynamicTest(
                f.getFileName().toString(), () -> run(ReferenceCase.read(f))));
    }

    private static void run(ReferenceCase c) {
        switch (c.op) {
            case "conv2d", "conv2d_transpose", "depthwise_conv2d" -> conv(c);
            case "max_pool2d", "avg_pool2d" -> pool(c);
            case "global_avg_pool", "global_max_pool" -> globalPool(c);
            case "batch_norm" -> batchNorm(c);
            default -> throw new AssertionError("unknown op " + c.op);
        }
    }

    private static void conv(ReferenceCase c) {
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor k = c.tensor("kernel").requiresGrad(true);
        Tensor b = c.has("bias") ? c.tensor("bias").requiresGrad(true) : null;
        boolean same = c.word("padding").equals("same");
        int sh = c.param("strides", 0), sw = c.param("strides", 1);
        int dh = c.param("dilation", 0), dw = c.param("dilation", 1);
        Tensor y = switch (c.op) {
            case "conv2d" -> ConvOps.conv2d(x, k, b, sh, sw, dh, dw, same);
            case "depthwise_conv2d" -> ConvOps.depthwiseConv2d(x, k, b, sh, sw, dh, dw, same);
            default -> ConvOps.conv2dTranspose(x, k, b, sh, sw, dh, dw, same);
        };
        c.assertClose("y", y);
        y.backward(c.tensor("grad_y"));
        c.assertClose("grad_x", x.grad());
        c.assertClose("grad_kernel", k.grad());
        if (b != null) {
            c.assertClose("grad_bias", b.grad());
        }
    }

    private static void pool(ReferenceCase c) {
        Tensor x = c.tensor("x").requiresGrad(true);
        boolean same = c.word("padding").equals("same");
        int ph = c.param("pool", 0), pw = c.param("pool", 1), sh = c.param("strides", 0), sw = c.param("strides", 1);
        Tensor y = c.op.equals("max_pool2d")
                ? ConvOps.maxPool2d(x, ph, pw, sh, sw, same)
                : ConvOps.avgPool2d(x, ph, pw, sh, sw, same);
        c.assertClose("y", y);
        y.backward(c.tensor("grad_y"));
        c.assertClose("grad_x", x.grad());
    }

    private static void globalPool(ReferenceCase c) {
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor y = c.op.equals("global_max_pool") ? ConvOps.globalMaxPool(x, false) : ConvOps.globalAvgPool(x, false);
        c.assertClose("y", y);
        y.backward(c.tensor("grad_y"));
        c.assertClose("grad_x", x.grad());
    }

    private static void batchNorm(ReferenceCase c) {
        Tensor x = c.tensor("x").requiresGrad(true);
        Tensor gamma = c.tensor("gamma").requiresGrad(true);
        Tensor beta = c.tensor("beta").requiresGrad(true);
        float eps = c.floatParam("epsilon");
        Tensor y;
        if (c.param("training", 0) == 1) {
            ConvOps.BatchNormResult r = ConvOps.batchNormTraining(x, gamma, beta, eps);
            y = r.output();
            float m = c.floatParam("momentum");
            float[] mm = c.tensor("moving_mean").buffer(), mv = c.tensor("moving_variance").buffer();
            for (int i = 0; i < mm.length; i++) {
                mm[i] = mm[i] * m + r.mean()[i] * (1 - m);
                mv[i] = mv[i] * m + r.variance()[i] * (1 - m);
            }
            c.assertClose("new_moving_mean", Tensor.wrap(mm, mm.length));
            c.assertClose("new_moving_variance", Tensor.wrap(mv, mv.length));
        } else {
            y = ConvOps.batchNormInference(x, gamma, beta, c.tensor("moving_mean"), c.tensor("moving_variance"), eps);
        }
        c.assertClose("y", y);
        y.backward(c.tensor("grad_y"));
        c.assertClose("grad_x", x.grad());
        c.assertClose("grad_gamma", gamma.grad());
        c.assertClose("grad_beta", beta.grad());
    }
}
