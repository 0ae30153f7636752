package ganglion.applications;

import ganglion.Tensor;
import ganglion.internal.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keras's {@code keras.applications.imagenet_utils}: {@code preprocess_input} in its three modes and
 * {@code decode_predictions}. Images are channels-last, RGB, with values 0..255.
 * <ul>
 *   <li>"caffe" (VGG16, VGG19, ResNet50): RGB to BGR, then minus the ImageNet means
 *       (103.939, 116.779, 123.68) of B, G, R; no scaling;</li>
 *   <li>"torch": divided by 255, minus (0.485, 0.456, 0.406), divided by (0.229, 0.224, 0.225), per RGB channel;</li>
 *   <li>"tf" (MobileNetV2): {@code x / 127.5 - 1}, to [-1, 1].</li>
 * </ul>
 */
public final class ImagenetUtils {

    /** Keras's file name of the ImageNet class index. */
    public static final String CLASS_INDEX_FILE = "imagenet_class_index.json";

    private static final float[] CAFFE_MEAN_BGR = {103.939f, 116.779f, 123.68f};
    private static final float[] TORCH_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] TORCH_STD = {0.229f, 0.224f, 0.225f};
    private static final Map<Path, String[][]> CLASS_INDEX_CACHE = new ConcurrentHashMap<>();

    private ImagenetUtils() {
    }

    /**
     * Keras's {@code imagenet_utils.preprocess_input(x, mode=mode)} for channels-last images.
     *
     * @param x    (..., 3) RGB values 0..255 (any rank; "tf" mode accepts any last axis)
     * @param mode "caffe", "torch" or "tf"
     * @return a new tensor (the input is not changed)
     */
    public static Tensor preprocessInput(Tensor x, String mode) {
        String m = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
        float[] src = x.toFloatArray();
        int[] shape = x.shape();
        float[] out = new float[src.length];
        switch (m) {
            case "tf" -> {
                for (int i = 0; i < src.length; i++) {
                    out[i] = src[i] / 127.5f - 1f;
                }
            }
            case "torch" -> {
                checkRgb(shape, m);
                for (int i = 0; i < src.length; i += 3) {
                    for (int c = 0; c < 3; c++) {
                        out[i + c] = (src[i + c] / 255f - TORCH_MEAN[c]) / TORCH_STD[c];
                    }
                }
            }
            case "caffe" -> {
                checkRgb(shape, m);
                for (int i = 0; i < src.length; i += 3) {
                    for (int c = 0; c < 3; c++) {
                        out[i + c] = src[i + 2 - c] - CAFFE_MEAN_BGR[c];
                    }
                }
            }
            default -> throw new IllegalArgumentException("preprocess_input: unknown mode '" + mode
                    + "'; expected \"caffe\", \"torch\" or \"tf\"");
        }
        return Tensor.of(out, shape);
    }

    private static void checkRgb(int[] shape, String mode) {
        if (shape.length == 0 || shape[shape.length - 1] != 3) {
            throw new IllegalArgumentException("preprocess_input(mode=\"" + mode + "\") expects channels-last RGB "
                    + "images (last axis 3), got shape " + Arrays.toString(shape));
        }
    }

    /**
     * Keras's {@code decode_predictions(preds, top)} with the class index found by {@link Applications#find}
     * ({@code imagenet_class_index.json} in {@code $GANGLION_DATA/models}, {@code ~/.ganglion/models} or
     * {@code ~/.keras/models}).
     *
     * @throws IllegalStateException when the class index is not on disk (the message says where to get it)
     */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top) {
        Path p = Applications.find(CLASS_INDEX_FILE).orElseThrow(() -> new IllegalStateException(
                "decode_predictions needs the ImageNet class index. " + Applications.notFound(CLASS_INDEX_FILE)
                        + " Or pass its path: decodePredictions(preds, top, path)."));
        return decodePredictions(preds, top, p);
    }

    /**
     * Keras's {@code decode_predictions}: for each sample, the {@code top} classes by score, best first,
     * as (WordNet id, description, score).
     *
     * @param preds      (samples, 1000) scores
     * @param classIndex Keras's {@code imagenet_class_index.json} ({"0": ["n01440764", "tench"], ...})
     */
    public static List<List<Prediction>> decodePredictions(Tensor preds, int top, Path classIndex) {
        int[] s = preds.shape();
        if (s.length != 2 || s[1] != 1000) {
            throw new IllegalArgumentException("`decode_predictions` expects a batch of predictions (i.e. a 2D array "
                    + "of shape (samples, 1000)). Received array with shape: " + Arrays.toString(s));
        }
        if (top <= 0) {
            throw new IllegalArgumentException("decode_predictions: top must be positive, got " + top);
        }
        String[][] index = classIndex(classIndex);
        float[] p = preds.toFloatArray();
        int k = Math.min(top, 1000);
        List<List<Prediction>> all = new ArrayList<>(s[0]);
        for (int b = 0; b < s[0]; b++) {
            Integer[] order = new Integer[1000];
            for (int i = 0; i < 1000; i++) {
                order[i] = i;
            }
            final int base = b * 1000;
            Arrays.sort(order, (i, j) -> Float.compare(p[base + j], p[base + i]));
            List<Prediction> r = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                int c = order[i];
                r.add(new Prediction(index[c][0], index[c][1], p[base + c]));
            }
            all.add(List.copyOf(r));
        }
        return all;
    }

    private static String[][] classIndex(Path file) {
        return CLASS_INDEX_CACHE.computeIfAbsent(file.toAbsolutePath(), ImagenetUtils::readClassIndex);
    }

    private static String[][] readClassIndex(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("decode_predictions: cannot read the class index " + file, e);
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("decode_predictions: " + file + " is not Keras's "
                    + CLASS_INDEX_FILE + " (not a JSON object): " + e.getMessage(), e);
        }
        String[][] index = new String[1000][];
        for (int i = 0; i < 1000; i++) {
            Object v = m.get(String.valueOf(i));
            if (!(v instanceof List<?> l) || l.size() < 2) {
                throw new IllegalArgumentException("decode_predictions: " + file + " has no entry \"" + i
                        + "\": [wnid, description]; it must be Keras's " + CLASS_INDEX_FILE + " with 1000 classes");
            }
            index[i] = new String[]{String.valueOf(l.get(0)), String.valueOf(l.get(1))};
        }
        return index;
    }
}
