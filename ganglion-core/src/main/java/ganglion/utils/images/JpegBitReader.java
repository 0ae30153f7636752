package ganglion.utils.images;

import java.io.IOException;

/**
 * Reads the entropy-coded segment of a JPEG scan bit by bit, most significant bit first (ITU T.81 F.2.2.5),
 * removing the 0x00 stuffed after every 0xFF data byte and stopping at the next marker. Past the segment's end it
 * supplies zero bits and counts them, so the scan loop can tell truncated data ({@link #overran}) from data that
 * merely ends after the last code.
 */
final class JpegBitReader {

    private final byte[] data;
    private final int end;
    private int pos;
    /** Buffered bits, the next one at bit {@code bits - 1}. */
    long acc;
    /** Number of valid bits in {@link #acc} (real or padding). */
    int bits;
    /** Zero bits appended after the segment ended; they sit at the low end of {@link #acc}. */
    private int padded;
    /** The marker code that ended the segment, or -1 while data remains (or 0 at the end of the file). */
    private int marker = -1;

    JpegBitReader(byte[] data, int pos, int end) {
        this.data = data;
        this.pos = pos;
        this.end = end;
    }

    /** Tops the buffer up to more than 56 bits. */
    void fill() {
        while (bits <= 56) {
            int b;
            if (marker >= 0) {
                acc <<= 8;
                bits += 8;
                padded += 8;
                continue;
            }
            if (pos >= end) {
                marker = 0;
                continue;
            }
            b = data[pos] & 0xFF;
            if (b == 0xFF) {
                int p = pos + 1;
                while (p < end && data[p] == (byte) 0xFF) {
                    p++;                                   // fill bytes
                }
                if (p >= end) {
                    pos = end;
                    marker = 0;
                    continue;
                }
                int next = data[p] & 0xFF;
                if (next != 0) {
                    marker = next;
                    pos = p + 1;
                    continue;
                }
                pos = p + 1;                               // stuffed 0xFF 0x00
            } else {
                pos++;
            }
            acc = (acc << 8) | b;
            bits += 8;
        }
    }

    /** True once a code has used bits beyond the end of the segment: the data is truncated or damaged. */
    boolean overran() {
        return padded > bits;
    }

    /** Reads {@code n} (1..16) bits and sign-extends them as T.81's EXTEND (F.2.2.1). */
    int receiveExtend(int n) {
        if (bits < n) {
            fill();
        }
        int v = (int) (acc >>> (bits - n)) & ((1 << n) - 1);
        bits -= n;
        return v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;
    }

    /**
     * Handles a restart marker: drops the bits left in the buffer and expects RSTn with {@code n = expected}.
     * Bytes before the marker are skipped, as libjpeg does.
     */
    void restart(int expected) throws IOException {
        if (marker < 0) {
            while (pos < end) {
                if (data[pos] == (byte) 0xFF && pos + 1 < end && data[pos + 1] != 0 && data[pos + 1] != (byte) 0xFF) {
                    marker = data[pos + 1] & 0xFF;
                    pos += 2;
                    break;
                }
                pos++;
            }
        }
        if (marker != 0xD0 + expected) {
            throw new IOException(marker <= 0 ? "JPEG data ends before restart marker RST" + expected
                    + " (truncated file)" : String.format("corrupt JPEG data: found marker 0x%02X where RST%d was"
                    + " expected", marker, expected));
        }
        acc = 0;
        bits = 0;
        padded = 0;
        marker = -1;
    }
}
