package ganglion.saving;

import io.jhdf.api.WritableGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HDF5 file's content built in memory, then handed to jHDF in one go ({@link #emit}). It exists to work
 * around a jHDF 0.10.0 (and 0.13.0) writer bug: after writing the tree, {@code WritableHdfFile.flush()}
 * writes its "jHDF - version" info string at the file channel's current position, which is the end of the
 * <em>last dataset's data</em>; any group header jHDF placed after that dataset (an empty group, e.g. Keras's
 * root {@code vars}) is overwritten and the file is corrupt (h5py: "bad object header version number").
 * jHDF writes children in its {@code ConcurrentHashMap}'s iteration order, depth first; this class predicts
 * that order and, when the last node written would not be a dataset, adds a one-byte root dataset named
 * {@value #END_MARKER} that is written last. Keras ignores root entries it does not expect.
 */
final class H5Tree {

    static final String END_MARKER = "_end";

    /** A group: ordered children (groups or datasets) and attributes. */
    static final class Group {
        final Map<String, Object> children = new LinkedHashMap<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();

        Group putGroup(String name) {
            check(name);
            Group g = new Group();
            children.put(name, g);
            return g;
        }

        void putDataset(String name, Object data) {
            check(name);
            children.put(name, new Data(data));
        }

        void putAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        private void check(String name) {
            if (children.containsKey(name)) {
                throw new IllegalStateException("HDF5 group already has a child named '" + name + "'");
            }
        }
    }

    /** A dataset's value, as jHDF takes it (a Java array or a boxed scalar). */
    record Data(Object value) {
    }

    private H5Tree() {
    }

    /** Writes the tree into jHDF's root group, adding the end marker when needed. */
    static void emit(Group root, WritableGroup target) {
        if (!endsWithDataset(root)) {
            String name = END_MARKER;
            for (int i = 1; !lastIs(root, name); i++) {
                name = END_MARKER + "_" + i;
            }
            root.putDataset(name, new byte[]{0});
        }
        copy(root, target);
    }

    private static boolean lastIs(Group root, String candidate) {
        List<String> names = new ArrayList<>(root.children.keySet());
        names.add(candidate);
        List<String> order = jhdfOrder(names);
        return order.get(order.size() - 1).equals(candidate);
    }

    private static void copy(Group g, WritableGroup w) {
        for (Map.Entry<String, Object> a : g.attributes.entrySet()) {
            w.putAttribute(a.getKey(), a.getValue());
        }
        for (Map.Entry<String, Object> c : g.children.entrySet()) {
            if (c.getValue() instanceof Group sub) {
                copy(sub, w.putGroup(c.getKey()));
            } else {
                w.putDataset(c.getKey(), ((Data) c.getValue()).value());
            }
        }
    }

    /** Whether the node jHDF writes last (depth first, in its map order) is a dataset. */
    static boolean endsWithDataset(Group g) {
        if (g.children.isEmpty()) {
            return false;
        }
        List<String> order = jhdfOrder(new ArrayList<>(g.children.keySet()));
        Object last = g.children.get(order.get(order.size() - 1));
        return last instanceof Data || endsWithDataset((Group) last);
    }

    /** The order in which jHDF's group (a ConcurrentHashMap filled in this order) iterates these names. */
    static List<String> jhdfOrder(List<String> insertion) {
        Map<String, Boolean> m = new ConcurrentHashMap<>();
        for (String n : insertion) {
            m.put(n, Boolean.TRUE);
        }
        return new ArrayList<>(m.keySet());
    }
}
