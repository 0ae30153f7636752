package ganglion.internal.tensorboard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Protocol-buffer wire encoding for the few TensorBoard messages Ganglion writes (Event, Summary,
 * HistogramProto, TensorProto, GraphDef). Hand-written rather than generated so that the core keeps no
 * runtime dependency; the field numbers are TensorFlow's, and a test decodes the output with the
 * reference protobuf runtime against those definitions (tools/tensorboard/tensorboard_subset.proto).
 */
final class ProtoEncoder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawFixed64(long v) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }

    private void rawFixed32(int v) {
        for (int i = 0; i < 4; i++) {
            out.write((v >>> (8 * i)) & 0xFF);
        }
    }

    ProtoEncoder int64(int field, long v) {
        tag(field, 0);
        rawVarint(v);
        return this;
    }

    ProtoEncoder bool(int field, boolean v) {
        return int64(field, v ? 1 : 0);
    }

    ProtoEncoder float64(int field, double v) {
        tag(field, 1);
        rawFixed64(Double.doubleToRawLongBits(v));
        return this;
    }

    ProtoEncoder float32(int field, float v) {
        tag(field, 5);
        rawFixed32(Float.floatToRawIntBits(v));
        return this;
    }

    ProtoEncoder bytes(int field, byte[] v) {
        tag(field, 2);
        rawVarint(v.length);
        out.write(v, 0, v.length);
        return this;
    }

    ProtoEncoder string(int field, String v) {
        return bytes(field, v.getBytes(StandardCharsets.UTF_8));
    }

    ProtoEncoder message(int field, ProtoEncoder m) {
        return bytes(field, m.toByteArray());
    }

    ProtoEncoder packedDoubles(int field, double[] v) {
        tag(field, 2);
        rawVarint(8L * v.length);
        for (double d : v) {
            rawFixed64(Double.doubleToRawLongBits(d));
        }
        return this;
    }

    ProtoEncoder packedFloats(int field, float[] v) {
        tag(field, 2);
        rawVarint(4L * v.length);
        for (float f : v) {
            rawFixed32(Float.floatToRawIntBits(f));
        }
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
