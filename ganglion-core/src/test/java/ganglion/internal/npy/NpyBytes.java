package ganglion.internal.npy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes .npy and .npz bytes in the test, as numpy.save / numpy.savez lay them out. */
final class NpyBytes {

    private NpyBytes() {
    }

    /** A header dict as numpy writes it, e.g. {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }. */
    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
    }

    /** A full .npy image: magic, version, header padded with spaces and '\n' to a multiple of 64, data. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] h = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int lenBytes = major == 1 ? 2 : 4;
        int pre = 8 + lenBytes;
        int total = ((pre + h.length + 1 + 63) / 64) * 64;
        int hlen = total - pre;
        ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) hlen);
        } else {
            b.putInt(hlen);
        }
        b.put(h);
        for (int i = h.length; i < hlen - 1; i++) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        b.put(data);
        return b.array();
    }

    static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        return npy(1, dict(descr, fortran, shape), data);
    }

    static byte[] le(ByteOrder order, int itemSize, long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * itemSize).order(order);
        for (long v : values) {
            switch (itemSize) {
                case 1: b.put((byte) v); break;
                case 2: b.putShort((short) v); break;
                case 4: b.putInt((int) v); break;
                default: b.putLong(v);
            }
        }
        return b.array();
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** A zip of entries (name, bytes) pairs; stored or deflated. */
    static byte[] zip(boolean deflate, Object... nameBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameBytes.length; i += 2) {
                byte[] data = (byte[]) nameBytes[i + 1];
                ZipEntry e = new ZipEntry((String) nameBytes[i]);
                if (!deflate) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCompressedSize(data.length);
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Concatenates byte arrays, single bytes (Integers or chars) and Latin-1 Strings. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof Integer) {
                out.write((Integer) p);
            } else if (p instanceof Character) {
                out.write((Character) p);
            } else if (p instanceof String) {
                byte[] s = ((String) p).getBytes(StandardCharsets.ISO_8859_1);
                out.write(s, 0, s.length);
            } else {
                byte[] s = (byte[]) p;
                out.write(s, 0, s.length);
            }
        }
        return out.toByteArray();
    }
}
