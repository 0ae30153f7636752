package ganglion.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A correlation matrix between named columns, as {@code df.corr()}: {@link #get(String, String)} reads one
 * entry; {@link #sortedBy(String)} lists one column's correlations from highest to lowest, as
 * {@code df.corr().sort_values(col, ascending=False)[col]}.
 */
public record Correlation(List<String> names, double[][] values) {

    public Correlation {
        names = Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** The correlation between two columns. */
    public double get(String a, String b) {
        return values[index(a)][index(b)];
    }

    /** Each column's correlation with {@code column}, highest first (NaN last). */
    public Map<String, Double> sortedBy(String column) {
        int c = index(column);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> Double.isNaN(values[i][c]) ? Double.NEGATIVE_INFINITY
                : values[i][c]).reversed());
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i : order) {
            m.put(names.get(i), values[i][c]);
        }
        return m;
    }

    private int index(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("No numeric column named '" + name + "' in the correlation matrix; it has "
                    + names);
        }
        return i;
    }

    @Override
    public String toString() {
        int w = 8;
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        StringBuilder sb = new StringBuilder(" ".repeat(w));
        for (String n : names) {
            sb.append("  ").append(String.format("%" + w + "s", n));
        }
        sb.append('\n');
        for (int i = 0; i < names.size(); i++) {
            sb.append(String.format("%-" + w + "s", names.get(i)));
            for (int j = 0; j < names.size(); j++) {
                sb.append("  ").append(String.format("%" + w + ".6f", values[i][j]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
