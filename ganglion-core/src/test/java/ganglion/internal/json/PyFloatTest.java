package ganglion.internal.json;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected strings are Python 3's repr(float). */
class PyFloatTest {

    @Test
    void fixedAndScientificThresholds() {
        assertEquals("0.0", PyFloat.repr(0.0));
        assertEquals("-0.0", PyFloat.repr(-0.0));
        assertEquals("1.0", PyFloat.repr(1.0));
        assertEquals("0.1", PyFloat.repr(0.1));
        assertEquals("0.30000000000000004", PyFloat.repr(0.1 + 0.2));
        assertEquals("0.0001", PyFloat.repr(1e-4));
        assertEquals("1e-05", PyFloat.repr(1e-5));
        assertEquals("1.5e-07", PyFloat.repr(1.5e-7));
        assertEquals("1e-07", PyFloat.repr(1e-7));
        assertEquals("1000000000000000.0", PyFloat.repr(1e15));
        assertEquals("1e+16", PyFloat.repr(1e16));
        assertEquals("1.2345678901234568e+16", PyFloat.repr(12345678901234567.0));
        assertEquals("123456789.123", PyFloat.repr(123456789.123));
        assertEquals("-2.5", PyFloat.repr(-2.5));
        assertEquals("1.7976931348623157e+308", PyFloat.repr(Double.MAX_VALUE));
        assertEquals("5e-324", PyFloat.repr(Double.MIN_VALUE));
        assertEquals("2.2250738585072014e-308", PyFloat.repr(Double.MIN_NORMAL));
        assertEquals("inf", PyFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("nan", PyFloat.repr(Double.NaN));
        // Java 17's Double.toString gives 2.82879384806159008E17 here; the shortest is 17 digits shorter
        assertEquals("2.82879384806159e+17", PyFloat.repr(2.82879384806159E17));
    }

    @Test
    void float32ValuesUseTheirOwnShortestDigits() {
        assertEquals("0.001", PyFloat.repr(0.001f));
        assertEquals("1e-07", PyFloat.repr(1e-7f));
        assertEquals("0.9", PyFloat.repr(0.9f));
        assertEquals("16777216.0", PyFloat.repr(16777216f));
    }

    @Test
    void shortestDigitsAlwaysReadBack() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 3000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String s = PyFloat.repr(d);
            assertEquals(d, Double.parseDouble(s), s);
            float f = Float.intBitsToFloat((int) r.nextLong());
            if (!Float.isNaN(f) && !Float.isInfinite(f)) {
                String fs = PyFloat.repr(f);
                assertEquals(f, Float.parseFloat(fs), fs);
            }
        }
    }

    @Test
    void matchesPythonOnKnownHardCases() {
        // values whose shortest repr needs the exact search (16-17 digits), from Python 3.11
        assertEquals("9007199254740994.0", PyFloat.repr(9007199254740994.0));
        assertEquals("0.3333333333333333", PyFloat.repr(1.0 / 3));
        assertEquals("2.718281828459045", PyFloat.repr(Math.E));
        assertEquals("1.1102230246251565e-16", PyFloat.repr(Math.ulp(1.0) / 2));
        assertEquals("9.999999999999997e+22", PyFloat.repr(Math.nextDown(1e23)));
        assertEquals("1e+23", PyFloat.repr(1e23));
    }
}
