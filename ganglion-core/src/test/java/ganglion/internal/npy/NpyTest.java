package ganglion.internal.npy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static ganglion.internal.npy.NpyBytes.dict;
import static ganglion.internal.npy.NpyBytes.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @Test
    void float32COrder() throws IOException {
        NpyArray a = Npy.read(npy("<f4", false, "(2, 3)", NpyBytes.floats(0, 1, 2, 3, 4, 5.5f)));
        assertEquals(NpyDtype.FLOAT32, a.dtype());
        assertArrayEquals(new int[]{2, 3}, a.shape());
        assertArrayEquals(new float[]{0, 1, 2, 3, 4, 5.5f}, a.toFloatArray());
        assertArrayEquals(new float[]{0, 1, 2, 3, 4, 5.5f}, a.toTensor().toFloatArray());
        assertArrayEquals(new int[]{2, 3}, a.toTensor().shape());
        assertFalse(a.fortranOrderInFile());
    }

    @Test
    void fortranOrderBigEndianDoubles() throws IOException {
        // C matrix [[0,1,2],[3,4,5]] stored column by column: 0 3 1 4 2 5
        NpyArray a = Npy.read(npy(">f8", true, "(2, 3)", NpyBytes.doubles(ByteOrder.BIG_ENDIAN, 0, 3, 1, 4, 2, 5)));
        assertArrayEquals(new double[]{0, 1, 2, 3, 4, 5}, a.toDoubleArray());
        assertTrue(a.fortranOrderInFile());
        // rank 3, shape (2, 3, 2): Fortran offset of (i, j, k) is i + 2j + 6k
        long[] f = new long[12];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 2; k++) {
                    f[i + 2 * j + 6 * k] = i * 6 + j * 2 + k;
                }
            }
        }
        NpyArray b = Npy.read(npy("<i8", true, "(2, 3, 2)", NpyBytes.le(LE, 8, f)));
        assertArrayEquals(new long[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, b.toLongArray());
    }

    @Test
    void integerAndBoolDtypes() throws IOException {
        assertArrayEquals(new int[]{0, 255, 7}, Npy.read(npy("|u1", false, "(3,)", new byte[]{0, -1, 7})).toIntArray());
        assertArrayEquals(new int[]{-1, 127}, Npy.read(npy("|i1", false, "(2,)", new byte[]{-1, 127})).toIntArray());
        assertArrayEquals(new int[]{65535, 1}, Npy.read(npy("<u2", false, "(2,)", NpyBytes.le(LE, 2, 65535, 1))).toIntArray());
        assertArrayEquals(new int[]{-2, 300}, Npy.read(npy("<i2", false, "(2,)", NpyBytes.le(LE, 2, -2, 300))).toIntArray());
        assertArrayEquals(new int[]{-5, Integer.MAX_VALUE},
                Npy.read(npy("<i4", false, "(2,)", NpyBytes.le(LE, 4, -5, Integer.MAX_VALUE))).toIntArray());
        assertArrayEquals(new long[]{4294967295L},
                Npy.read(npy("<u4", false, "(1,)", NpyBytes.le(LE, 4, -1))).toLongArray());
        assertArrayEquals(new long[]{1L << 40}, Npy.read(npy("<i8", false, "(1,)", NpyBytes.le(LE, 8, 1L << 40))).toLongArray());
        NpyArray u8 = Npy.read(npy("<u8", false, "(1,)", NpyBytes.le(LE, 8, -1)));
        assertEquals(1.8446744073709552E19, u8.toDoubleArray()[0]);
        assertThrows(ArithmeticException.class, u8::toLongArray);
        assertThrows(ArithmeticException.class,
                () -> Npy.read(npy("<i8", false, "(1,)", NpyBytes.le(LE, 8, 1L << 40))).toIntArray());
        NpyArray bool = Npy.read(npy("|b1", false, "(3,)", new byte[]{1, 0, 1}));
        assertEquals(NpyDtype.BOOL, bool.dtype());
        assertArrayEquals(new boolean[]{true, false, true}, bool.toBooleanArray());
        assertArrayEquals(new float[]{1, 0, 1}, bool.toFloatArray());
        // float16: 1.5, -2, 65504, smallest subnormal, inf
        NpyArray half = Npy.read(npy("<f2", false, "(5,)", NpyBytes.le(LE, 2, 0x3E00, 0xC000, 0x7BFF, 0x0001, 0x7C00)));
        assertArrayEquals(new float[]{1.5f, -2, 65504, 0x1p-24f, Float.POSITIVE_INFINITY}, half.toFloatArray());
        // whole floats convert to ints; fractions do not
        assertArrayEquals(new int[]{3, -4}, Npy.read(npy("<f4", false, "(2,)", NpyBytes.floats(3, -4))).toIntArray());
        assertThrows(ArithmeticException.class,
                () -> Npy.read(npy("<f4", false, "(1,)", NpyBytes.floats(0.5f))).toIntArray());
    }

    @Test
    void headerVersionsScalarsAndPython2Longs() throws IOException {
        byte[] data = NpyBytes.floats(1, 2);
        for (int v = 1; v <= 3; v++) {
            assertArrayEquals(new float[]{1, 2}, Npy.read(npy(v, dict("<f4", false, "(2,)"), data)).toFloatArray());
        }
        NpyArray scalar = Npy.read(npy("<f8", false, "()", NpyBytes.doubles(LE, 2.5)));
        assertArrayEquals(new int[0], scalar.shape());
        assertArrayEquals(new double[]{2.5}, scalar.toDoubleArray());
        // old Python 2 headers: key order free, 'L' suffixes, double quotes
        String py2 = "{\"shape\": (1L, 2L), 'fortran_order': False, 'descr': '<f4'}";
        assertArrayEquals(new int[]{1, 2}, Npy.read(npy(1, py2, data)).shape());
        NpyArray empty = Npy.read(npy("<f4", false, "(0, 5)", new byte[0]));
        assertEquals(0, empty.size());
        assertArrayEquals(new int[]{0, 5}, empty.shape());
    }

    @Test
    void malformedAndHostileFilesAreRefused() {
        byte[] good = npy("<f4", false, "(2,)", NpyBytes.floats(1, 2));
        refuse("magic", Arrays.copyOf(new byte[]{'P', 'K', 3, 4}, 64));
        refuse("truncated", Arrays.copyOf(good, good.length - 1));
        refuse("truncated", npy("<f4", false, "(1000000000,)", new byte[8]));
        refuse("Java array", npy("<f4", false, "(100000, 100000, 100000)", new byte[8]));
        refuse("header", npy("<f4", false, "(-1,)", new byte[8]));
        refuse("not supported", npy("<U5", false, "(1,)", new byte[20]));
        refuse("structured", npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]));
        refuse("keys", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", new byte[4]));
        refuse("keys", npy(1, "{'descr': '<f4', 'shape': (1,), }", new byte[4]));
        refuse("header", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } junk", new byte[4]));
        refuse("header", npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,)", new byte[4]));
        refuse("integer too large", npy(1, dict("<f4", false, "(99999999999999999999999,)"), new byte[4]));
        byte[] version = good.clone();
        version[6] = 4;
        refuse("version", version);
        // a header length beyond the file, and beyond the limit
        byte[] longHeader = good.clone();
        longHeader[8] = (byte) 0xFF;
        longHeader[9] = (byte) 0xFF;
        refuse("header length", longHeader);
        byte[] v2 = npy(2, dict("<f4", false, "(2,)"), NpyBytes.floats(1, 2));
        v2[8] = 0;
        v2[9] = 0;
        v2[10] = 0;
        v2[11] = 0x7F;
        refuse("header length", v2);
        refuse("not a .npy", new byte[3]);
    }

    private static void refuse(String fragment, byte[] bytes) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(bytes));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void npzStoredAndDeflated(@TempDir Path dir) throws IOException {
        byte[] x = npy("<f4", false, "(2, 2)", NpyBytes.floats(1, 2, 3, 4));
        byte[] y = npy("|u1", false, "(3,)", new byte[]{1, 2, 3});
        for (boolean deflate : new boolean[]{false, true}) {
            Path f = dir.resolve("d" + deflate + ".npz");
            Files.write(f, NpyBytes.zip(deflate, "x_train.npy", x, "notes.txt", new byte[]{1}, "y_train.npy", y));
            Map<String, NpyArray> m = Npz.read(f);
            assertEquals(List.of("x_train", "y_train"), List.copyOf(m.keySet()));
            assertArrayEquals(new float[]{1, 2, 3, 4}, m.get("x_train").toFloatArray());
            assertArrayEquals(new int[]{1, 2, 3}, m.get("y_train").toIntArray());
            assertArrayEquals(new int[]{1, 2, 3}, Npz.read(f, "y_train").toIntArray());
            assertEquals(List.of("x_train", "y_train"), Npz.keys(f));
            assertThrows(NpyFormatException.class, () -> Npz.read(f, "z"));
        }
    }

    @Test
    void npzEntryAnnouncingMoreThanItHoldsIsRefusedBeforeAllocating(@TempDir Path dir) throws IOException {
        // 2^31 - 9 float64 elements announced (16 GB) in a 100-byte entry
        byte[] liar = npy("<f8", false, "(2147483639,)", new byte[16]);
        Path f = dir.resolve("liar.npz");
        Files.write(f, NpyBytes.zip(true, "x.npy", liar));
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().contains("x.npy") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void readsFromPath(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.npy");
        Files.write(f, npy("<i4", false, "(3,)", NpyBytes.le(LE, 4, 7, 8, 9)));
        assertArrayEquals(new int[]{7, 8, 9}, Npy.read(f).toIntArray());
    }

    @Test
    void largeArrayCrossesReadChunks() throws IOException {
        int n = 100_003; // several 64 KB chunks with a partial last one
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.5f;
        }
        assertArrayEquals(v, Npy.read(npy("<f4", false, "(" + n + ",)", NpyBytes.floats(v))).toFloatArray());
    }
}
