package ganglion.layers;

import java.util.Map;
import java.util.Random;

/**
 * Keras's {@code RandomFlip}: during training, flips each image left-right and/or upside down with probability
 * 1/2 per direction; {@code mode} is "horizontal", "vertical" or "horizontal_and_vertical" (default). At
 * inference it returns its input. Input and output: [batch, height, width, channels].
 */
public class RandomFlip extends RandomImageLayer {

    private final String mode;

    /** Flips in both directions. */
    public RandomFlip() {
        this("horizontal_and_vertical");
    }

    /** @param mode "horizontal", "vertical" or "horizontal_and_vertical" */
    public RandomFlip(String mode) {
        if (!("horizontal".equals(mode) || "vertical".equals(mode) || "horizontal_and_vertical".equals(mode))) {
            throw new IllegalArgumentException("RandomFlip layer " + name() + " received an unknown mode argument "
                    + mode + "; use \"horizontal\", \"vertical\" or \"horizontal_and_vertical\"");
        }
        this.mode = mode;
    }

    public String mode() {
        return mode;
    }

    /** Gives the layer its own random generator. */
    public RandomFlip seed(long seed) {
        setSeed(seed);
        return this;
    }

    @Override
    public RandomFlip inputShape(int... shape) {
        super.inputShape(shape);
        return this;
    }

    @Override
    public RandomFlip name(String name) {
        super.name(name);
        return this;
    }

    @Override
    protected double[] samplingMatrix(int h, int w, Random r) {
        boolean horizontal = mode.startsWith("horizontal") && r.nextDouble() < 0.5;
        boolean vertical = mode.endsWith("vertical") && r.nextDouble() < 0.5;
        if (!horizontal && !vertical) {
            return null;
        }
        return new double[]{vertical ? -1 : 1, 0, vertical ? h - 1 : 0, 0, horizontal ? -1 : 1, horizontal ? w - 1 : 0};
    }

    @Override
    public Map<String, Object> getConfig() {
        Map<String, Object> c = super.getConfig();
        c.put("mode", mode);
        return c;
    }
}
