package ganglion.utils.images;

import java.io.IOException;

/**
 * A decoder for baseline and extended sequential Huffman JPEG (ITU T.81 SOF0/SOF1) with 8-bit samples and one
 * (grey) or three (YCbCr) components in one interleaved scan, any integral sampling factors and restart
 * intervals: the kind of file cameras, PIL and ImageIO write, and the whole CIFAR-10 JPEG set. It reproduces
 * the default decoding of the libjpeg 6b inside javax.imageio: {@link JpegIdct islow} inverse DCT,
 * {@link JpegUpsampler fancy} chroma upsampling and the fixed-point YCbCr to RGB conversion, so its pixels
 * equal ImageIO's (tested: identical on CIFAR-10 and on synthetic 4:4:4, 4:2:2, 4:2:0, 4:4:0, grey, odd-sized
 * and restart-marker files), with less CPU per small image and no native calls.
 *
 * <p>{@link #decode} returns null for what it leaves to ImageIO: progressive, lossless, arithmetic-coded,
 * 12-bit, hierarchical, CMYK/YCCK, Adobe RGB, ICC profiles, several scans, or a missing table. Damaged data
 * (truncated entropy data, bad Huffman codes, lengths past the end) raises an {@link IOException} with a
 * message; every read is bounds-checked.
 */
final class JpegDecoder {

    /** Zig-zag position to natural (row-major) position, with 16 spare entries for damaged run lengths. */
    private static final int[] NATURAL = new int[80];

    static {
        int[] zz = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
            12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
            35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
            58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
        System.arraycopy(zz, 0, NATURAL, 0, 64);
        for (int i = 64; i < 80; i++) {
            NATURAL[i] = 63;
        }
    }

    // fixed-point YCbCr -> RGB, 16 fractional bits, as libjpeg's jdcolor.c documents
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];
    /** Clamps -256..511 (index + 256) to 0..255. */
    private static final byte[] CLAMP = new byte[768];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (91881 * x + 32768) >> 16;            // 1.40200
            CB_B[i] = (116130 * x + 32768) >> 16;           // 1.77200
            CR_G[i] = -46802 * x;                           // 0.71414
            CB_G[i] = -22554 * x + 32768;                   // 0.34414
        }
        for (int i = 0; i < 768; i++) {
            CLAMP[i] = (byte) Math.max(0, Math.min(255, i - 256));
        }
    }

    /**
     * Per-thread working buffers (component planes, upsampled planes), reused across the small images of a
     * folder; buffers over {@value #SCRATCH_KEEP} bytes are not kept. Every byte that is read is written first.
     */
    private static final class Scratch {
        final byte[][] buffers = new byte[6][];

        byte[] buffer(int i, int size) {
            byte[] b = buffers[i];
            if (b != null && b.length >= size) {
                return b;
            }
            b = new byte[size];
            if (size <= SCRATCH_KEEP) {
                buffers[i] = b;
            }
            return b;
        }
    }

    private static final int SCRATCH_KEEP = 1 << 20;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final int SOF0 = 0xC0, SOF1 = 0xC1, DHT = 0xC4, SOI = 0xD8, EOI = 0xD9, SOS = 0xDA,
            DQT = 0xDB, DRI = 0xDD, APP0 = 0xE0, APP2 = 0xE2, APP14 = 0xEE;

    private final byte[] data;
    private final int end;
    private int pos;

    private final int[][] quant = new int[4][];
    private final JpegHuffmanTable[] dcTables = new JpegHuffmanTable[4];
    private final JpegHuffmanTable[] acTables = new JpegHuffmanTable[4];
    private int restartInterval;
    private boolean jfif;
    private int adobeTransform = -1;
    private boolean iccProfile;

    private int width;
    private int height;
    private int[] compId;
    private int[] hs;
    private int[] vs;
    private int[] tq;

    private JpegDecoder(byte[] data, int end) {
        this.data = data;
        this.end = end;
    }

    /**
     * Decodes {@code data} into {@code channels} (3: RGB, 1: grey) channels, or returns null when the file uses a
     * feature this decoder leaves to ImageIO. {@code encodedSize} feeds the pixel-bomb check of
     * {@link ImageDecoder#checkPixels}.
     */
    static DecodedImage decode(byte[] data, int length, int channels, long encodedSize) throws IOException {
        return new JpegDecoder(data, length).run(channels, encodedSize);
    }

    private int u8() throws IOException {
        if (pos >= end) {
            throw truncated("in a marker segment");
        }
        return data[pos++] & 0xFF;
    }

    private int u16() throws IOException {
        return (u8() << 8) | u8();
    }

    private static IOException truncated(String where) {
        return new IOException("JPEG data ends " + where + " (truncated or damaged file)");
    }

    private DecodedImage run(int channels, long encodedSize) throws IOException {
        if (u8() != 0xFF || u8() != SOI) {
            throw new IOException("not a JPEG file (no SOI marker)");
        }
        boolean frame = false;
        while (true) {
            int m = nextMarker();
            if (m == SOS) {
                if (!frame) {
                    throw new IOException("corrupt JPEG: scan before the frame header (SOF)");
                }
                return scan(channels, encodedSize);
            }
            if (m == EOI) {
                throw new IOException("corrupt JPEG: no image data (EOI before any scan)");
            }
            if (m >= 0xD0 && m <= 0xD7 || m == 0x01) {
                continue;                                   // parameterless markers
            }
            int len = u16();
            if (len < 2 || pos + len - 2 > end) {
                throw truncated(String.format("inside marker 0x%02X's segment of %d bytes", m, len));
            }
            int segEnd = pos + len - 2;
            switch (m) {
                case SOF0, SOF1 -> {
                    if (frame) {
                        throw new IOException("corrupt JPEG: two frame headers (SOF)");
                    }
                    frame = true;
                    if (!frame(segEnd)) {
                        return null;
                    }
                }
                case 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF, 0xDE -> {
                    return null;                            // progressive, lossless, arithmetic, hierarchical
                }
                case DHT -> huffman(segEnd);
                case DQT -> quantization(segEnd);
                case DRI -> {
                    if (len != 4) {
                        throw new IOException("corrupt JPEG: DRI segment of length " + len + ", expected 4");
                    }
                    restartInterval = u16();
                }
                case APP0 -> jfif |= len - 2 >= 14 && startsWith(segEnd, "JFIF\0");
                case APP2 -> iccProfile |= startsWith(segEnd, "ICC_PROFILE\0");
                case APP14 -> {
                    if (len - 2 >= 12 && startsWith(segEnd, "Adobe")) {
                        adobeTransform = data[pos + 11] & 0xFF;
                    }
                }
                default -> {
                    // other APPn, COM, DNL...: skipped
                }
            }
            pos = segEnd;
        }
    }

    private boolean startsWith(int segEnd, String id) {
        if (segEnd - pos < id.length()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (data[pos + i] != (byte) id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Skips to the next marker (fill bytes and, as libjpeg does, stray bytes before it) and returns its code. */
    private int nextMarker() throws IOException {
        while (true) {
            int b = u8();
            if (b != 0xFF) {
                continue;
            }
            int m;
            do {
                m = u8();
            } while (m == 0xFF);
            if (m != 0) {
                return m;
            }
        }
    }

    /** Reads SOF0/SOF1; false when the frame is one this decoder leaves to ImageIO. */
    private boolean frame(int segEnd) throws IOException {
        int precision = u8();
        height = u16();
        width = u16();
        int n = u8();
        if (pos + 3 * n != segEnd) {
            throw new IOException("corrupt JPEG: frame header length does not match its " + n + " components");
        }
        if (precision != 8 || height == 0 || width == 0 || (n != 1 && n != 3)) {
            return false;                                   // 12-bit, DNL height, CMYK...: ImageIO decides
        }
        compId = new int[n];
        hs = new int[n];
        vs = new int[n];
        tq = new int[n];
        for (int i = 0; i < n; i++) {
            compId[i] = u8();
            int f = u8();
            hs[i] = f >> 4;
            vs[i] = f & 15;
            tq[i] = u8();
            if (hs[i] < 1 || hs[i] > 4 || vs[i] < 1 || vs[i] > 4 || tq[i] > 3) {
                throw new IOException("corrupt JPEG: component " + compId[i] + " has sampling factors " + hs[i]
                        + "x" + vs[i] + " and quantization table " + tq[i] + " (allowed: 1..4 and 0..3)");
            }
        }
        return true;
    }

    private void huffman(int segEnd) throws IOException {
        while (pos < segEnd) {
            int tc = u8();
            int cls = tc >> 4;
            int id = tc & 15;
            if (cls > 1 || id > 3) {
                throw new IOException("corrupt JPEG: Huffman table class " + cls + " id " + id);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8();
                total += counts[i];
            }
            if (total > 256 || pos + total > segEnd) {
                throw new IOException("corrupt JPEG: Huffman table of " + total + " codes does not fit its segment");
            }
            (cls == 0 ? dcTables : acTables)[id] = JpegHuffmanTable.cached(data, pos - 16, counts, total);
            pos += total;
        }
    }

    private void quantization(int segEnd) throws IOException {
        while (pos < segEnd) {
            int pq = u8();
            int id = pq & 15;
            int precision = pq >> 4;
            if (id > 3 || precision > 1 || pos + 64 * (precision + 1) > segEnd) {
                throw new IOException("corrupt JPEG: quantization table " + id + " of precision " + precision);
            }
            int[] q = new int[64];
            for (int i = 0; i < 64; i++) {
                q[NATURAL[i]] = precision == 0 ? u8() : u16();
            }
            quant[id] = q;
        }
    }

    private DecodedImage scan(int channels, long encodedSize) throws IOException {
        int len = u16();
        int segEnd = pos + len - 2;
        if (len < 2 || segEnd > end) {
            throw truncated("inside the scan header");
        }
        int nc = compId.length;
        int ns = u8();
        if (ns != nc) {
            return null;                                    // components in separate scans: left to ImageIO
        }
        if (len != 6 + 2 * ns) {
            throw new IOException("corrupt JPEG: scan header length " + len + " for " + ns + " components");
        }
        JpegHuffmanTable[] dc = new JpegHuffmanTable[nc];
        JpegHuffmanTable[] ac = new JpegHuffmanTable[nc];
        int[][] q = new int[nc][];
        for (int i = 0; i < ns; i++) {
            int id = u8();
            int t = u8();
            if (id != compId[i]) {
                return null;                                // scan order differs from the frame's: rare
            }
            dc[i] = dcTables[(t >> 4) & 3];
            ac[i] = acTables[t & 3];
            q[i] = quant[tq[i]];
            if ((t >> 4) > 3 || (t & 15) > 3 || dc[i] == null || ac[i] == null || q[i] == null) {
                return null;                                // missing tables: ImageIO reports or supplies them
            }
        }
        int ss = u8();
        int se = u8();
        int a = u8();
        if (ss != 0 || se != 63 || a != 0) {
            return null;
        }
        if (!colourSpaceIsOurs(nc)) {
            return null;
        }
        ImageDecoder.checkPixels(width, height, encodedSize);

        int hmax = 1;
        int vmax = 1;
        int blocksPerMcu = 0;
        for (int i = 0; i < nc; i++) {
            hmax = Math.max(hmax, hs[i]);
            vmax = Math.max(vmax, vs[i]);
            blocksPerMcu += hs[i] * vs[i];
        }
        for (int i = 0; i < nc; i++) {
            if (hmax % hs[i] != 0 || vmax % vs[i] != 0) {
                return null;                                // non-integral upsampling
            }
        }
        if (nc > 1 && blocksPerMcu > 10) {
            throw new IOException("corrupt JPEG: " + blocksPerMcu + " blocks per MCU (at most 10 allowed)");
        }
        int mcusX = ceilDiv(width, 8 * hmax);
        int mcusY = ceilDiv(height, 8 * vmax);
        int[] compW = new int[nc];
        int[] compH = new int[nc];
        long blocks = 0;
        for (int i = 0; i < nc; i++) {
            compW[i] = ceilDiv(width * hs[i], hmax);
            compH[i] = ceilDiv(height * vs[i], vmax);
            blocks += nc == 1 ? (long) ceilDiv(compW[i], 8) * ceilDiv(compH[i], 8) : (long) mcusX * mcusY * hs[i] * vs[i];
        }
        // every block costs at least 2 bits (a DC code and an end-of-block code): refuse before allocating
        if (blocks > 4L * (end - pos) + 4) {
            throw truncated("long before the " + blocks + " blocks its " + width + "x" + height
                    + " frame header declares");
        }
        Scratch scratch = SCRATCH.get();
        byte[][] planes = new byte[nc][];
        int[] stride = new int[nc];
        for (int i = 0; i < nc; i++) {
            stride[i] = mcusX * hs[i] * 8;
            planes[i] = scratch.buffer(i, stride[i] * mcusY * vs[i] * 8);
        }
        entropy(nc, dc, ac, q, planes, stride, mcusX, mcusY, compW, compH);
        return output(nc, channels, planes, stride, compW, compH, hmax, vmax);
    }

    private boolean colourSpaceIsOurs(int nc) {
        if (iccProfile) {
            return false;
        }
        if (nc == 1) {
            return true;
        }
        if (adobeTransform >= 0) {
            return !jfif && adobeTransform == 1;
        }
        if (jfif) {
            return !(compId[0] == 'R' && compId[1] == 'G' && compId[2] == 'B');
        }
        // no JFIF or Adobe marker (EXIF files): ImageIO reads ids 1, 2, 3 as YCbCr; other ids are left to its guess
        return compId[0] == 1 && compId[1] == 2 && compId[2] == 3;
    }

    private static int ceilDiv(int a, int b) {
        return (int) (((long) a + b - 1) / b);
    }

    private void entropy(int nc, JpegHuffmanTable[] dc, JpegHuffmanTable[] ac, int[][] q, byte[][] planes,
                         int[] stride, int mcusX, int mcusY, int[] compW, int[] compH) throws IOException {
        JpegBitReader in = new JpegBitReader(data, pos, end);
        short[] blk = new short[64];
        int[] ws = new int[JpegIdct.SCRATCH];
        int[] pred = new int[nc];
        int restarts = 0;
        int left = restartInterval;
        if (nc == 1) {
            int bw = ceilDiv(compW[0], 8);
            int bh = ceilDiv(compH[0], 8);
            for (int by = 0; by < bh; by++) {
                for (int bx = 0; bx < bw; bx++) {
                    if (restartInterval > 0) {
                        if (left == 0) {
                            in.restart(restarts++ & 7);
                            pred[0] = 0;
                            left = restartInterval;
                        }
                        left--;
                    }
                    block(in, dc[0], ac[0], pred, 0, blk);
                    JpegIdct.transform(blk, q[0], planes[0], by * 8 * stride[0] + bx * 8, stride[0], ws);
                    if (in.overran()) {
                        throw truncated("in the middle of the image data");
                    }
                }
            }
            return;
        }
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (restartInterval > 0) {
                    if (left == 0) {
                        in.restart(restarts++ & 7);
                        java.util.Arrays.fill(pred, 0);
                        left = restartInterval;
                    }
                    left--;
                }
                for (int c = 0; c < nc; c++) {
                    int h = hs[c];
                    int v = vs[c];
                    int st = stride[c];
                    for (int y = 0; y < v; y++) {
                        int rowOff = ((my * v + y) * 8) * st;
                        for (int x = 0; x < h; x++) {
                            block(in, dc[c], ac[c], pred, c, blk);
                            JpegIdct.transform(blk, q[c], planes[c], rowOff + (mx * h + x) * 8, st, ws);
                        }
                    }
                }
                if (in.overran()) {
                    throw truncated("in the middle of the image data");
                }
            }
        }
    }

    /** Decodes one block's coefficients (T.81 F.2.2.1 and F.2.2.2) into {@code blk}, natural order. */
    private static void block(JpegBitReader in, JpegHuffmanTable dc, JpegHuffmanTable ac, int[] pred, int c,
                              short[] blk) throws IOException {
        java.util.Arrays.fill(blk, (short) 0);
        int t = dc.decode(in);
        if (t > 16) {
            throw new IOException("corrupt JPEG data: DC difference of " + t + " bits");
        }
        int v = pred[c] + (t == 0 ? 0 : in.receiveExtend(t));
        pred[c] = v;
        blk[0] = (short) v;
        for (int k = 1; k < 64; k++) {
            int rs = ac.decode(in);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                blk[NATURAL[k]] = (short) in.receiveExtend(s);
            } else if (r == 15) {
                k += 15;
            } else {
                break;
            }
        }
    }

    private DecodedImage output(int nc, int channels, byte[][] planes, int[] stride, int[] compW, int[] compH,
                                int hmax, int vmax) {
        int w = width;
        int h = height;
        int n = w * h;
        byte[] out = new byte[n * channels];
        if (nc == 1) {
            byte[] p = planes[0];
            int st = stride[0];
            for (int y = 0; y < h; y++) {
                int s = y * st;
                int d = y * w * channels;
                if (channels == 1) {
                    System.arraycopy(p, s, out, d, w);
                } else {
                    for (int x = 0; x < w; x++, d += 3) {
                        byte g = p[s + x];
                        out[d] = g;
                        out[d + 1] = g;
                        out[d + 2] = g;
                    }
                }
            }
            return new DecodedImage(h, w, channels, out);
        }
        byte[][] full = new byte[3][];
        Scratch scratch = SCRATCH.get();
        for (int c = 0; c < 3; c++) {
            full[c] = scratch.buffer(3 + c, n);
            JpegUpsampler.upsample(planes[c], stride[c], compW[c], compH[c], hmax / hs[c], vmax / vs[c], full[c],
                    w, h);
        }
        byte[] ys = full[0];
        byte[] cbs = full[1];
        byte[] crs = full[2];
        for (int i = 0, d = 0; i < n; i++) {
            int y = (ys[i] & 0xFF) + 256;
            int cb = cbs[i] & 0xFF;
            int cr = crs[i] & 0xFF;
            int r = CLAMP[y + CR_R[cr]] & 0xFF;
            int g = CLAMP[y + ((CB_G[cb] + CR_G[cr]) >> 16)] & 0xFF;
            int b = CLAMP[y + CB_B[cb]] & 0xFF;
            if (channels == 3) {
                out[d++] = (byte) r;
                out[d++] = (byte) g;
                out[d++] = (byte) b;
            } else {
                out[d++] = ImageDecoder.luma(r, g, b);
            }
        }
        return new DecodedImage(h, w, channels, out);
    }
}
