package ganglion.utils.images;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Huffman table of a JPEG file (the DHT marker's code-length counts and symbols), with the decoding
 * procedure of ITU T.81 F.2.2.3: codes up to {@value #FAST_BITS} bits long are found with one table lookup,
 * longer ones through the per-length largest codes.
 */
final class JpegHuffmanTable {

    static final int FAST_BITS = 9;

    /** For each {@code FAST_BITS}-bit prefix: (code length << 8) | symbol, or 0 when the code is longer. */
    private final int[] fast = new int[1 << FAST_BITS];
    /** Largest code of each length 1..16, -1 where none (T.81's MAXCODE). */
    private final int[] maxCode = new int[18];
    /** Index in {@link #symbols} of the first code of each length, minus that code (VALPTR - MINCODE). */
    private final int[] offset = new int[17];
    private final int[] symbols;

    /**
     * Builds the table from {@code counts[i]} codes of length {@code i + 1} and their symbols in order.
     *
     * @throws IOException when the counts describe more codes than a length allows (a damaged DHT segment)
     */
    JpegHuffmanTable(int[] counts, int[] symbols) throws IOException {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            offset[len] = k - code;
            if (n == 0) {
                maxCode[len] = -1;
            } else {
                if (code + n > (1 << len)) {
                    throw new IOException("corrupt JPEG Huffman table: more codes of length " + len
                            + " than fit (damaged DHT segment)");
                }
                for (int i = 0; i < n; i++, k++, code++) {
                    if (len <= FAST_BITS) {
                        int shift = FAST_BITS - len;
                        int entry = (len << 8) | symbols[k];
                        for (int j = code << shift, e = (code + 1) << shift; j < e; j++) {
                            fast[j] = entry;
                        }
                    }
                }
                maxCode[len] = code - 1;
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /** Tables already built, by their DHT bytes: most files of a folder share the same (often the standard) tables. */
    private static final ConcurrentHashMap<Key, JpegHuffmanTable> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 256;

    /** The DHT bytes of one table: 16 counts then the symbols. */
    private record Key(byte[] bytes, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The table whose 16 counts and {@code total} symbols start at {@code data[offset]} ({@code counts} already
     * parsed), built once and shared (tables are immutable).
     */
    static JpegHuffmanTable cached(byte[] data, int offset, int[] counts, int total) throws IOException {
        byte[] bytes = Arrays.copyOfRange(data, offset, offset + 16 + total);
        Key key = new Key(bytes, Arrays.hashCode(bytes));
        JpegHuffmanTable t = CACHE.get(key);
        if (t == null) {
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = bytes[16 + i] & 0xFF;
            }
            t = new JpegHuffmanTable(counts, symbols);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, t);
        }
        return t;
    }

    /** Decodes one symbol. */
    int decode(JpegBitReader in) throws IOException {
        if (in.bits < 16) {
            in.fill();
        }
        int e = fast[(int) (in.acc >>> (in.bits - FAST_BITS)) & ((1 << FAST_BITS) - 1)];
        if (e != 0) {
            in.bits -= e >> 8;
            return e & 0xFF;
        }
        int code16 = (int) (in.acc >>> (in.bits - 16)) & 0xFFFF;
        for (int len = FAST_BITS + 1; len <= 16; len++) {
            int c = code16 >>> (16 - len);
            if (c <= maxCode[len]) {
                in.bits -= len;
                return symbols[offset[len] + c];
            }
        }
        throw new IOException("corrupt JPEG data: bad Huffman code");
    }
}
