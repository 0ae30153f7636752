package ganglion.models;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The per-batch logs handed to callbacks: a fixed, alphabetically sorted set of names ("accuracy", "loss",
 * ...) backed by a {@code double[]}, so that a training step updates them without boxing or allocating.
 * Values are boxed only when a callback reads them. Callbacks may add names of their own.
 */
final class StepLogs extends AbstractMap<String, Double> {

    private final String[] keys;
    private final double[] values;
    private TreeMap<String, Double> extras;

    StepLogs(String[] sortedKeys) {
        this.keys = sortedKeys.clone();
        this.values = new double[keys.length];
        Arrays.fill(values, Double.NaN);
    }

    /** The slot of a fixed name. */
    int indexOf(String key) {
        int i = Arrays.binarySearch(keys, key);
        if (i < 0) {
            throw new IllegalArgumentException("no log named " + key);
        }
        return i;
    }

    void set(int index, double value) {
        values[index] = value;
    }

    double value(int index) {
        return values[index];
    }

    /** A mutable, sorted copy (for epoch logs). */
    TreeMap<String, Double> snapshot() {
        TreeMap<String, Double> m = new TreeMap<>(this);
        return m;
    }

    @Override
    public Double get(Object key) {
        if (key instanceof String) {
            int i = Arrays.binarySearch(keys, (String) key);
            if (i >= 0) {
                return values[i];
            }
        }
        return extras == null ? null : extras.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return (key instanceof String && Arrays.binarySearch(keys, (String) key) >= 0)
                || (extras != null && extras.containsKey(key));
    }

    @Override
    public Double put(String key, Double value) {
        int i = Arrays.binarySearch(keys, key);
        if (i >= 0) {
            double old = values[i];
            values[i] = value;
            return old;
        }
        if (extras == null) {
            extras = new TreeMap<>();
        }
        return extras.put(key, value);
    }

    @Override
    public int size() {
        return keys.length + (extras == null ? 0 : extras.size());
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        if (extras != null && !extras.isEmpty()) {
            TreeMap<String, Double> all = new TreeMap<>(extras);
            for (int i = 0; i < keys.length; i++) {
                all.put(keys[i], values[i]);
            }
            return all.entrySet();
        }
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Double> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
