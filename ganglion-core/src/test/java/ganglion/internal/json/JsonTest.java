package ganglion.internal.json;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected strings are what Python's json.dumps / json.loads give for the same input. */
class JsonTest {

    @Test
    void parsesAllValueTypes() {
        Map<String, Object> m = Json.parseObject(
                " {\"a\": [1, -2.5e3, true, false, null, \"x\\ty\\u00e9\\/\"], \"b\": {}, \"c\": [], \"a2\": -0}\n");
        assertEquals(List.of("a", "b", "c", "a2"), List.copyOf(m.keySet()));
        List<?> a = (List<?>) m.get("a");
        assertEquals(1L, a.get(0));
        assertEquals(-2500.0, a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertEquals(Boolean.FALSE, a.get(3));
        assertNull(a.get(4));
        assertEquals("x\ty\u00e9/", a.get(5));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(0L, m.get("a2"));
    }

    @Test
    void pythonExtensionsAndBigNumbers() {
        assertTrue(Double.isNaN((Double) Json.parse("NaN")));
        assertEquals(Double.NEGATIVE_INFINITY, Json.parse("-Infinity"));
        assertEquals(Double.POSITIVE_INFINITY, Json.parse("1e999"));
        assertEquals(0.0, Json.parse("1e-999"));
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), Json.parse("9223372036854775808"));
        assertEquals(new BigInteger("-123456789012345678901234567890"), Json.parse("-123456789012345678901234567890"));
        String huge = "1".repeat(JsonParser.MAX_INT_DIGITS + 1);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(huge));
        assertTrue(e.getMessage().contains("4300"), e.getMessage());
        assertEquals(1e300 * 10, Json.parse("1" + "0".repeat(301) + ".0"));
    }

    @Test
    void duplicateKeysKeepFirstPositionAndLastValue() {
        Map<String, Object> m = Json.parseObject("{\"a\": 1, \"b\": 2, \"a\": 3}");
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
        assertEquals(3L, m.get("a"));
    }

    @Test
    void surrogatePairsAndLoneSurrogates() {
        assertEquals("\uD83D\uDE00", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("\uD83D", Json.parse("\"\\uD83D\""));
        assertEquals("\"\\ud83d\\ude00\"", Json.dumps("\uD83D\uDE00"));
        assertEquals("\"\uD83D\uDE00\"", new JsonWriter().ensureAscii(false).write("\uD83D\uDE00"));
    }

    @Test
    void errorsNamePythonsMessageAndPosition() {
        assertMessage("Expecting value: line 1 column 1 (char 0)", "");
        assertMessage("Expecting value: line 1 column 2 (char 1)", "[");
        assertMessage("Expecting ',' delimiter: line 1 column 4 (char 3)", "[1 2]");
        assertMessage("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)", "{1: 2}");
        assertMessage("Expecting property name enclosed in double quotes: line 1 column 9 (char 8)", "{\"a\": 1,}");
        assertMessage("Expecting ':' delimiter: line 2 column 6 (char 7)", "{\n\"a\"  1}");
        assertMessage("Extra data: line 1 column 3 (char 2)", "1 2");
        assertMessage("Extra data: line 1 column 2 (char 1)", "01");
        assertMessage("Invalid \\escape: line 1 column 2 (char 1)", "\"\\x\"");
        assertMessage("Invalid \\uXXXX escape: line 1 column 3 (char 2)", "\"\\u12G4\"");
        assertMessage("Invalid \\uXXXX escape: line 1 column 3 (char 2)", "\"\\u12\"");
        assertMessage("Invalid control character at: line 1 column 3 (char 2)", "\"a\nb\"");
        assertMessage("Unterminated string starting at: line 1 column 1 (char 0)", "\"abc");
        assertMessage("Expecting value: line 1 column 1 (char 0)", "-");
        assertMessage("Extra data: line 1 column 2 (char 1)", "1.");
        assertMessage("Expecting value: line 1 column 1 (char 0)", "tru");
        assertThrows(JsonException.class, () -> Json.parse("\ufeff{}"));
        assertThrows(JsonException.class, () -> Json.parseObject("[]"));
    }

    private static void assertMessage(String expected, String doc) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(doc), doc);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        Object v = Json.parse(ok);
        for (int i = 0; i < Json.MAX_DEPTH - 1; i++) {
            v = ((List<?>) v).get(0);
        }
        assertEquals(List.of(), v);
        JsonException e = assertThrows(JsonException.class,
                () -> Json.parse("[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1)));
        assertTrue(e.getMessage().contains("deeper than 1000"), e.getMessage());
        // a hostile megabyte of openers fails fast on the depth check, not with StackOverflowError
        assertThrows(JsonException.class, () -> Json.parse("{\"a\":".repeat(200_000)));
        assertThrows(JsonException.class, () -> Json.parse("[".repeat(1_000_000)));
        // deep but unclosed input within the limit reports the missing value
        assertThrows(JsonException.class, () -> Json.parse("[".repeat(10)));
    }

    @Test
    void writesLikeJsonDumps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "é\"\\\n\u0001\u007f");
        m.put("i", 42);
        m.put("f", 0.1);
        m.put("g", 1e-7f);
        m.put("l", Arrays.asList(1L, null, true, Double.NaN, Double.NEGATIVE_INFINITY));
        m.put("e", List.of());
        m.put("o", Map.of());
        assertEquals("{\"s\": \"\\u00e9\\\"\\\\\\n\\u0001\\u007f\", \"i\": 42, \"f\": 0.1, \"g\": 1e-07, "
                + "\"l\": [1, null, true, NaN, -Infinity], \"e\": [], \"o\": {}}", Json.dumps(m));
        assertEquals("{\"s\": \"\u00e9\\\"\\\\\\n\\u0001\u007f\"}",
                new JsonWriter().ensureAscii(false).write(Map.of("s", "é\"\\\n\u0001\u007f")));
    }

    @Test
    void indentSeparatorsAndSortKeys() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, 2));
        m.put("a", Map.of());
        m.put("c", List.of());
        // json.dumps(m, indent=2)
        assertEquals("{\n  \"b\": [\n    1,\n    2\n  ],\n  \"a\": {},\n  \"c\": []\n}",
                new JsonWriter().indent(2).write(m));
        // json.dumps(m, sort_keys=True, separators=(",", ":"))
        assertEquals("{\"a\":{},\"b\":[1,2],\"c\":[]}", new JsonWriter().sortKeys(true).separators(",", ":").write(m));
        assertEquals("{\n\"b\": [\n1,\n2\n],\n\"a\": {},\n\"c\": []\n}", new JsonWriter().indent(0).write(m));
        Map<Object, Object> numeric = new LinkedHashMap<>();
        numeric.put(10, "x");
        numeric.put(2, "y");
        numeric.put(true, "t");
        numeric.put(null, "n");
        numeric.put(1.5, "f");
        assertEquals("{\"10\": \"x\", \"2\": \"y\", \"true\": \"t\", \"null\": \"n\", \"1.5\": \"f\"}", Json.dumps(numeric));
        Map<Object, Object> ints = new LinkedHashMap<>();
        ints.put(10, "x");
        ints.put(2, "y");
        assertEquals("{\"2\": \"y\", \"10\": \"x\"}", new JsonWriter().sortKeys(true).write(ints));
    }

    @Test
    void writerRefusals() {
        assertThrows(JsonException.class, () -> new JsonWriter().allowNan(false).write(Double.NaN));
        List<Object> cycle = new java.util.ArrayList<>();
        cycle.add(cycle);
        JsonException e = assertThrows(JsonException.class, () -> Json.dumps(cycle));
        assertEquals("Circular reference detected", e.getMessage());
        assertThrows(JsonException.class, () -> Json.dumps(new Object()));
        Object deep = List.of();
        for (int i = 0; i < Json.MAX_DEPTH + 1; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThrows(JsonException.class, () -> Json.dumps(tooDeep));
    }

    @Test
    void roundTrips() {
        String[] docs = {
            "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"layers\": [{\"units\": 128, "
                + "\"use_bias\": true, \"rate\": 0.5, \"epsilon\": 1e-07, \"seed\": null}]}}",
            "[1, 2.0, -0.0, 1e+16, 123456789.123, \"\\u00e9\\ud83d\\ude00\", [[[]]], {\"\": {}}]",
        };
        for (String doc : docs) {
            assertEquals(doc, Json.dumps(Json.parse(doc)));
        }
    }
}
