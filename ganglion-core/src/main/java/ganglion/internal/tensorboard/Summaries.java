package ganglion.internal.tensorboard;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds TensorBoard's {@code Event} messages: scalars in TF 2's form (a float tensor with the "scalars"
 * plugin metadata, as {@code tf.summary.scalar} writes), histograms as {@code HistogramProto} (which
 * TensorBoard's histogram and distribution dashboards read), and a layer-level {@code GraphDef}.
 */
public final class Summaries {

    private static final int DT_FLOAT = 1;

    private Summaries() {
    }

    private static ProtoEncoder event(double wallTime, long step) {
        return new ProtoEncoder().float64(1, wallTime).int64(2, step);
    }

    /** The first record of every event file. */
    public static byte[] fileVersion(double wallTime) {
        return new ProtoEncoder().float64(1, wallTime).string(3, "brain.Event:2").toByteArray();
    }

    /** An Event holding one scalar summary value. */
    public static byte[] scalar(String tag, float value, long step, double wallTime) {
        ProtoEncoder metadata = new ProtoEncoder().message(1, new ProtoEncoder().string(1, "scalars"));
        ProtoEncoder tensor = new ProtoEncoder().int64(1, DT_FLOAT).message(2, new ProtoEncoder())
                .packedFloats(5, new float[]{value});
        ProtoEncoder v = new ProtoEncoder().string(1, tag).message(9, metadata).message(8, tensor);
        ProtoEncoder summary = new ProtoEncoder().message(1, v);
        return event(wallTime, step).message(5, summary).toByteArray();
    }

    /**
     * An Event holding a histogram of {@code values}: {@code buckets} equal-width buckets between the
     * minimum and maximum (TensorBoard draws bucket i as the range (limit[i-1], limit[i]]).
     */
    public static byte[] histogram(String tag, float[] values, int buckets, long step, double wallTime) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0, sumSq = 0;
        for (float f : values) {
            min = Math.min(min, f);
            max = Math.max(max, f);
            sum += f;
            sumSq += (double) f * f;
        }
        if (values.length == 0) {
            min = 0;
            max = 0;
        }
        int k = Math.max(1, buckets);
        double[] limits = new double[k];
        double[] counts = new double[k];
        double width = (max - min) / k;
        for (int i = 0; i < k; i++) {
            limits[i] = i == k - 1 ? max : min + width * (i + 1);
        }
        for (float f : values) {
            int b = width == 0 ? k - 1 : (int) Math.min(k - 1, Math.floor((f - min) / width));
            counts[b]++;
        }
        ProtoEncoder h = new ProtoEncoder().float64(1, min).float64(2, max).float64(3, values.length)
                .float64(4, sum).float64(5, sumSq).packedDoubles(6, limits).packedDoubles(7, counts);
        ProtoEncoder v = new ProtoEncoder().string(1, tag).message(5, h);
        return event(wallTime, step).message(5, new ProtoEncoder().message(1, v)).toByteArray();
    }

    /** One node of a layer graph: a layer name, its Keras class, the names of its inputs, and attributes. */
    public record GraphNode(String name, String op, List<String> inputs, Map<String, String> attributes) {
    }

    /** An Event holding a GraphDef of the given nodes (TensorBoard's Graphs dashboard draws it). */
    public static byte[] graph(List<GraphNode> nodes, double wallTime) {
        ProtoEncoder g = new ProtoEncoder();
        for (GraphNode n : nodes) {
            ProtoEncoder node = new ProtoEncoder().string(1, n.name()).string(2, n.op());
            for (String in : n.inputs()) {
                node.string(3, in);
            }
            for (Map.Entry<String, String> a : n.attributes().entrySet()) {
                ProtoEncoder entry = new ProtoEncoder().string(1, a.getKey())
                        .message(2, new ProtoEncoder().string(2, a.getValue()));
                node.message(5, entry);
            }
            g.message(1, node);
        }
        g.message(4, new ProtoEncoder().int64(1, 27));
        return event(wallTime, 0).bytes(4, g.toByteArray()).toByteArray();
    }

    static String describe(byte[] b) {
        return Arrays.toString(b);
    }
}
