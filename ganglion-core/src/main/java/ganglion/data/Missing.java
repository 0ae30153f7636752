package ganglion.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Filling missing values in a column (the work behind {@link Table#fillNa}). */
final class Missing {

    private Missing() {
    }

    static Column fill(Column c, Table.Fill fill) {
        if (c.nullCount() == 0) {
            return c;
        }
        if (!c.isNumeric()) {
            return fill == Table.Fill.MODE ? fillCategory(c, modeCategory(c)) : c;
        }
        double[] d = c.numbers();
        double v = switch (fill) {
            case MEAN -> Stats.mean(d);
            case MEDIAN -> Stats.quantile(Stats.present(d), 0.5);
            case MODE -> modeNumber(d);
        };
        return fillValue(c, v);
    }

    static Column fillValue(Column c, double value) {
        double[] d = c.numbers();
        for (int i = 0; i < d.length; i++) {
            if (Double.isNaN(d[i])) {
                d[i] = value;
            }
        }
        return Column.wrapNumeric(c.name(), d);
    }

    static Column fillCategory(Column c, String value) {
        String[] s = c.strings();
        for (int i = 0; i < s.length; i++) {
            if (s[i] == null) {
                s[i] = value;
            }
        }
        return Column.wrapCategorical(c.name(), s);
    }

    private static double modeNumber(double[] d) {
        double[] p = Stats.present(d);
        Arrays.sort(p);
        double best = Double.NaN;
        int bestRun = 0;
        for (int i = 0; i < p.length; ) {
            int j = i;
            while (j < p.length && p[j] == p[i]) {
                j++;
            }
            if (j - i > bestRun) {
                bestRun = j - i;
                best = p[i];
            }
            i = j;
        }
        return best;
    }

    private static String modeCategory(Column c) {
        Map<String, Integer> counts = new HashMap<>();
        for (String s : c.strings()) {
            if (s != null) {
                counts.merge(s, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
