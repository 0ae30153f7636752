package ganglion.data;

import ganglion.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetTest {

    private static Dataset<Integer> range(int n) {
        return Dataset.fromIterable(IntStream.range(0, n).boxed().toList());
    }

    private static Tensor column(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return Tensor.of(v, n, 1);
    }

    @Test
    void tensorSlicesGiveRowsAndCheckLengths() {
        Tensor x = Tensor.of(new float[]{1, 2, 3, 4, 5, 6}, 3, 2);
        Tensor y = Tensor.of(new float[]{0, 1, 2}, 3);
        List<Tensor[]> rows = Dataset.fromTensorSlices(x, y).toList();
        assertEquals(3, rows.size());
        assertArrayEquals(new float[]{3, 4}, rows.get(1)[0].toFloatArray());
        assertArrayEquals(new int[]{2}, rows.get(1)[0].shape());
        assertEquals(0, rows.get(1)[1].rank());
        assertEquals(2f, rows.get(2)[1].get());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.fromTensorSlices(x, Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("same number of samples"), e.getMessage());
        assertEquals(1, Dataset.fromTensors(x, y).cardinality());
    }

    @Test
    void mapFilterTakeSkipKeepOrder() {
        assertEquals(List.of(0, 4, 8), range(10).map(i -> i * 2).filter(i -> i % 4 == 0).take(3).toList());
        assertEquals(List.of(7, 8, 9), range(10).skip(7).toList());
        assertEquals(10, range(10).map(i -> i).cardinality());
        assertEquals(Dataset.UNKNOWN, range(10).filter(i -> true).cardinality());
        assertEquals(3, range(10).take(3).cardinality());
        assertEquals(0, range(10).skip(20).cardinality());
    }

    @Test
    void parallelMapKeepsInputOrderAndRethrows() {
        List<Integer> expected = IntStream.range(0, 500).map(i -> i * i).boxed().toList();
        assertEquals(expected, range(500).map(i -> {
            if (i % 7 == 0) {
                Thread.yield();
            }
            return i * i;
        }, 4).toList());
        var e = assertThrows(IllegalStateException.class, () -> range(50).map(i -> {
            if (i == 20) {
                throw new IllegalStateException("bad element 20");
            }
            return i;
        }, 3).toList());
        assertEquals("bad element 20", e.getMessage());
    }

    @Test
    void seededShuffleIsAPermutationReshuffledEachPassAndReproducible() {
        Dataset<Integer> a = range(100).shuffle(100, 42);
        List<Integer> first = a.toList();
        List<Integer> second = a.toList();
        assertEquals(new HashSet<>(range(100).toList()), new HashSet<>(first));
        assertNotEquals(first, second, "each pass gets a new order");
        assertNotEquals(range(100).toList(), first);
        Dataset<Integer> b = range(100).shuffle(100, 42);
        assertEquals(first, b.toList(), "same seed, same first epoch");
        assertEquals(second, b.toList(), "same seed, same second epoch");
        Dataset<Integer> fixed = range(20).shuffle(20, 1, false);
        assertEquals(fixed.toList(), fixed.toList());
        // a buffer of one is no shuffle at all
        assertEquals(range(10).toList(), range(10).shuffle(1, 3).toList());
    }

    @Test
    void batchStacksComponentsAndHonoursDropRemainder() {
        Tensor x = column(10);
        Dataset<Tensor[]> d = Dataset.fromTensorSlices(x, x.reshape(10));
        List<Tensor[]> batches = d.batch(4).toList();
        assertEquals(3, batches.size());
        assertEquals(3, d.batch(4).cardinality());
        assertArrayEquals(new int[]{4, 1}, batches.get(0)[0].shape());
        assertArrayEquals(new int[]{4}, batches.get(0)[1].shape());
        assertArrayEquals(new int[]{2, 1}, batches.get(2)[0].shape());
        assertArrayEquals(new float[]{8, 9}, batches.get(2)[1].toFloatArray());
        assertEquals(2, d.batch(4, true).toList().size());
        assertEquals(2, d.batch(4, true).cardinality());
        List<Tensor[]> rows = d.batch(4).unbatch().toList();
        assertEquals(10, rows.size());
        assertArrayEquals(new float[]{6}, rows.get(6)[0].toFloatArray());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.fromIterable(List.of(Tensor.zeros(2), Tensor.zeros(3))).batch(2).toList());
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void repeatAndTakeInterplay() {
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0), range(3).repeat().take(7).toList());
        assertEquals(Dataset.INFINITE, range(3).repeat().cardinality());
        assertEquals(7, range(3).repeat().take(7).cardinality());
        assertEquals(List.of(0, 1, 0, 1), range(3).take(2).repeat(2).toList());
        assertEquals(6, range(3).repeat(2).cardinality());
        assertEquals(List.of(), range(0).repeat().take(5).toList());
        // shuffle then repeat: each repetition has its own order, each a permutation
        List<Integer> twice = range(10).shuffle(10, 5).repeat(2).toList();
        assertEquals(new HashSet<>(twice.subList(0, 10)), new HashSet<>(twice.subList(10, 20)));
        assertNotEquals(twice.subList(0, 10), twice.subList(10, 20));
    }

    @Test
    void memoryCacheReadsUpstreamOnce() {
        AtomicInteger calls = new AtomicInteger();
        Dataset<Integer> d = range(5).map(i -> {
            calls.incrementAndGet();
            return i;
        }).cache();
        assertEquals(List.of(0, 1, 2, 3, 4), d.toList());
        assertEquals(List.of(0, 1, 2, 3, 4), d.toList());
        assertEquals(5, calls.get());
        // an incomplete first pass does not fill the cache
        AtomicInteger calls2 = new AtomicInteger();
        Dataset<Integer> e = range(5).map(i -> {
            calls2.incrementAndGet();
            return i;
        }).cache();
        assertEquals(List.of(0, 1), e.take(2).toList());
        assertEquals(5, e.toList().size());
        assertEquals(List.of(0, 1, 2, 3, 4), e.toList());
        assertEquals(2 + 5, calls2.get());
    }

    @Test
    void fileCacheIsReusedAcrossEpochsAndRuns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cache.bin");
        AtomicInteger calls = new AtomicInteger();
        Tensor x = column(6);
        Dataset<Tensor[]> d = Dataset.fromTensorSlices(x, x.reshape(6)).map(e -> {
            calls.incrementAndGet();
            return e;
        }).cache(file);
        List<Tensor[]> first = d.toList();
        assertTrue(Files.isRegularFile(file));
        List<Tensor[]> second = d.toList();
        assertEquals(6, calls.get());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(first.get(i)[0].toFloatArray(), second.get(i)[0].toFloatArray());
            assertArrayEquals(first.get(i)[0].shape(), second.get(i)[0].shape());
            assertArrayEquals(first.get(i)[1].shape(), second.get(i)[1].shape());
        }
        // a new pipeline (a later run) reads the file without touching the source
        AtomicInteger calls2 = new AtomicInteger();
        Dataset<Tensor[]> again = Dataset.fromTensorSlices(x, x.reshape(6)).map(e -> {
            calls2.incrementAndGet();
            return e;
        }).cache(file);
        assertEquals(6, again.toList().size());
        assertEquals(0, calls2.get());
        // an interrupted first pass leaves no cache file behind
        Path other = dir.resolve("partial.bin");
        Dataset<Tensor[]> p = Dataset.fromTensorSlices(x).map(t -> new Tensor[]{t}).cache(other);
        try (DatasetIterator<Tensor[]> it = p.iterator()) {
            it.next();
        }
        assertFalse(Files.exists(other));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".partial")));
        }
        // a corrupt cache is reported, not silently used
        Files.write(dir.resolve("bad.bin"), new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        var e = assertThrows(IllegalStateException.class,
                () -> Dataset.fromTensorSlices(x).cache(dir.resolve("bad.bin")).toList());
        assertTrue(e.getMessage().contains("bad.bin"), e.getMessage());
    }

    @Test
    void prefetchDeliversEverythingInOrderAndPropagatesErrors() {
        assertEquals(range(1000).toList(), range(1000).prefetch(8).toList());
        var e = assertThrows(IllegalArgumentException.class, () -> range(10).map(i -> {
            if (i == 5) {
                throw new IllegalArgumentException("broken image 5");
            }
            return i;
        }).prefetch(2).toList());
        assertEquals("broken image 5", e.getMessage());
        // closing early stops the producer without hanging
        try (DatasetIterator<Integer> it = range(1_000_000).prefetch(4).iterator()) {
            assertEquals(0, it.next());
        }
    }

    @Test
    void zipConcatenateAndSplit() {
        Dataset<Tensor> a = Dataset.fromTensorSlices(column(4));
        Dataset<Tensor> b = Dataset.fromTensorSlices(column(3).mul(10f));
        List<Tensor[]> z = Dataset.zip(a, b).toList();
        assertEquals(3, z.size());
        assertEquals(3, Dataset.zip(a, b).cardinality());
        assertEquals(20f, z.get(2)[1].toFloatArray()[0]);
        assertEquals(List.of(0, 1, 2, 0, 1), range(3).concatenate(range(2)).toList());
        assertEquals(5, range(3).concatenate(range(2)).cardinality());
        List<Dataset<Integer>> parts = range(10).split(0.8);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), parts.get(0).toList());
        assertEquals(List.of(8, 9), parts.get(1).toList());
        assertThrows(IllegalStateException.class, () -> range(10).filter(i -> true).split(0.5));
    }

    @Test
    void csvStreamsRowsAndNumbers(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "a,b,label\n1,2,0\n\"3\",4.5,1\n\n5,6,0\n");
        List<String[]> rows = Dataset.fromCsv(f, true).toList();
        assertEquals(3, rows.size());
        assertArrayEquals(new String[]{"3", "4.5", "1"}, rows.get(1));
        List<Tensor[]> batches = Dataset.fromCsv(f, true, 2).batch(2).toList();
        assertArrayEquals(new int[]{2, 2}, batches.get(0)[0].shape());
        assertArrayEquals(new float[]{0, 1}, batches.get(0)[1].toFloatArray());
        Files.writeString(f, "1,x,0\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Dataset.fromCsv(f, false, 2).toList());
        assertTrue(e.getMessage().contains("\"x\""), e.getMessage());
        assertArrayEquals(new String[]{"a,b", "c\"d", ""}, CsvSource.split("\"a,b\",\"c\"\"d\",", ','));
    }

    @Test
    void generatorIsReadAfreshEachPass() {
        Dataset<Integer> g = Dataset.fromGenerator(() -> List.of(1, 2, 3).iterator());
        assertEquals(List.of(1, 2, 3), g.toList());
        assertEquals(List.of(1, 2, 3), g.toList());
        assertEquals(Dataset.UNKNOWN, g.cardinality());
        Set<Integer> seen = new HashSet<>();
        for (int v : g) {
            seen.add(v);
        }
        assertEquals(Set.of(1, 2, 3), seen);
        List<Integer> fromFor = new ArrayList<>();
        g.forEach(fromFor::add);
        assertEquals(3, fromFor.size());
    }
}
