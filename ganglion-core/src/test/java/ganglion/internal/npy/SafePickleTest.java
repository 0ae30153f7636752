package ganglion.internal.npy;

import org.junit.jupiter.api.Test;

import static ganglion.internal.npy.NpyBytes.bytes;
import static ganglion.internal.npy.NpyBytes.hex;
import static ganglion.internal.npy.NpyBytes.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Object arrays of lists of ints, as in Keras's imdb.npz, and pickles that must be refused. */
class SafePickleTest {

    /** numpy 2 np.save of [[1, 2, 300], [70000], []] as an object array: pickle protocol 4. */
    static final String NUMPY2_PROTOCOL4 = "8004959f000000000000008c166e756d70792e5f636f72652e6d756c746961727261"
            + "79948c0c5f7265636f6e7374727563749493948c056e756d7079948c076e6461727261799493944b0085944301629487"
            + "945294284b014b03859468038c0564747970659493948c024f3894898887945294284b038c017c944e4e4e4affffffff"
            + "4affffffff4b3f749462895d94285d94284b014b024d2c01655d944a70110100615d94657494622e";

    private static byte[] objectNpy(String shape, byte[] pickle) {
        return npy("|O", false, shape, pickle);
    }

    /** The pickle Python 2's numpy wrote (protocol 2, GLOBAL opcodes, BINPUT memo, short binstrings). */
    private static byte[] python2Pickle() {
        return bytes(0x80, 2,
                "cnumpy.core.multiarray\n_reconstruct\n", 'q', 0,
                "cnumpy\nndarray\n", 'q', 1,
                'K', 0, 0x85, 'q', 2,
                'U', 1, "b", 'q', 3,
                0x87, 'q', 4, 'R', 'q', 5,
                '(', 'K', 1,                                   // state: (1, (2,), dtype, False, [...])
                'K', 2, 0x85, 'q', 6,
                "cnumpy\ndtype\n", 'q', 7,
                'U', 2, "O8", 'K', 0, 'K', 1, 0x87, 'q', 8, 'R', 'q', 9,
                '(', 'K', 3, 'U', 1, "|", 'q', 10, 'N', 'N', 'N',
                'J', 0xFF, 0xFF, 0xFF, 0xFF, 'J', 0xFF, 0xFF, 0xFF, 0xFF, 'K', 63, 't', 'q', 11,
                'b',
                0x89,
                ']', 'q', 12, '(',
                ']', 'q', 13, '(', 'K', 1, 'M', 0x2C, 0x01, 0x8a, 3, 0x10, 0x27, 0x00, 'e',  // [1, 300, 10000]
                ']', 'q', 14,                                                                // []
                'e', 't', 'q', 15, 'b', '.');
    }

    @Test
    void readsNumpy2Protocol4() throws Exception {
        NpyArray a = Npy.read(objectNpy("(3,)", hex(NUMPY2_PROTOCOL4)));
        assertEquals(NpyDtype.OBJECT, a.dtype());
        int[][] lists = a.toIntLists();
        assertEquals(3, lists.length);
        assertArrayEquals(new int[]{1, 2, 300}, lists[0]);
        assertArrayEquals(new int[]{70000}, lists[1]);
        assertArrayEquals(new int[]{}, lists[2]);
        assertThrows(IllegalStateException.class, a::toFloatArray);
    }

    @Test
    void readsPython2Protocol2() throws Exception {
        int[][] lists = Npy.read(objectNpy("(2,)", python2Pickle())).toIntLists();
        assertArrayEquals(new int[]{1, 300, 10000}, lists[0]);
        assertArrayEquals(new int[]{}, lists[1]);
    }

    @Test
    void shapeMustMatchTheHeader() {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(objectNpy("(4,)", hex(NUMPY2_PROTOCOL4))));
        assertTrue(e.getMessage().contains("header says"), e.getMessage());
    }

    @Test
    void refusesGlobalsAndOpcodesOutsideTheWhitelist() {
        // the classic exploit: os.system("...") through GLOBAL + REDUCE
        refuse("os.system", bytes(0x80, 2, "cos\nsystem\n", 'X', 2, 0, 0, 0, "id", 0x85, 'R', '.'));
        refuse("builtins.eval", bytes(0x80, 4, 0x8c, 8, "builtins", 0x8c, 4, "eval", 0x93, '.'));
        refuse("opcode 0x69", bytes(0x80, 2, 'i', "os\nsystem\n", '.'));            // INST
        refuse("opcode 0x7d", bytes(0x80, 2, '}', '.'));                             // EMPTY_DICT
        refuse("protocol 0", bytes(0x80, 0, '.'));
        refuse("9 bytes", bytes(0x80, 2, 0x8a, 9, new byte[9], '.'));               // LONG1 > 64 bits
        refuse("not a filled numpy object array", bytes(0x80, 2, 'K', 1, '.'));
        refuse("numpy.dtype", bytes(0x80, 2, "cnumpy\ndtype\n", 'X', 2, 0, 0, 0, "f8", 'K', 0, 'K', 1, 0x87, 'R', '.'));
    }

    @Test
    void malformedPicklesFailCleanly() {
        refuse("runs past", bytes(0x80, 2, 'X', 0xFF, 0xFF, 0xFF, 0x7F, "ab"));    // BINUNICODE longer than data
        refuse("runs past", bytes(0x80, 2, 0x8d, 0, 0, 0, 0, 0, 0, 0, 0x80, '.'));   // BINUNICODE8 of 2^63
        refuse("underflow", bytes(0x80, 2, 'R', '.'));
        refuse("memo key", bytes(0x80, 2, 'h', 5, '.'));
        refuse("no MARK", bytes(0x80, 2, 't', '.'));
        refuse("truncated", bytes(0x80, 2));
        refuse("mixing", bytes(0x80, 2, ']', '(', 'K', 1, ']', 'e', '.'));
        refuse("32 bits", bytes(0x80, 2, ']', 'J', 0, 0, 0, 0x80, 'a', 0x8a, 5, 0, 0, 0, 0, 1, 'a', '.'));
        // a list appended to itself through the memo: refused, no infinite loop
        refuse("lists", bytes(0x80, 2, "cnumpy.core.multiarray\n_reconstruct\n", "cnumpy\nndarray\n", 'K', 0, 0x85,
                'C', 1, "b", 0x87, 'R', '(', 'K', 1, 'K', 1, 0x85, "cnumpy\ndtype\n", 'X', 2, 0, 0, 0, "O8",
                0x89, 0x88, 0x87, 'R', 0x89, ']', 0x94, 'h', 0, 'a', 't', 'b', '.'));
    }

    private static void refuse(String fragment, byte[] pickle) {
        NpyFormatException e = assertThrows(NpyFormatException.class,
                () -> SafePickle.readObjectArray(pickle, 0, pickle.length, "test"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
