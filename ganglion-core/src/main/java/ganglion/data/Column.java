package ganglion.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a {@link Table}: numbers (missing values are NaN) or categories (strings; missing values
 * are null), as a pandas Series of dtype float64 or object. Immutable: the arrays handed out are copies.
 */
public final class Column {

    private final String name;
    private final double[] numbers;
    private final String[] categories;

    private Column(String name, double[] numbers, String[] categories) {
        this.name = Objects.requireNonNull(name, "name");
        this.numbers = numbers;
        this.categories = categories;
    }

    /** A numeric column (NaN marks a missing value). */
    public static Column numeric(String name, double[] values) {
        return new Column(name, values.clone(), null);
    }

    /** A categorical column (null marks a missing value). */
    public static Column categorical(String name, String[] values) {
        return new Column(name, null, values.clone());
    }

    static Column wrapNumeric(String name, double[] values) {
        return new Column(name, values, null);
    }

    static Column wrapCategorical(String name, String[] values) {
        return new Column(name, null, values);
    }

    public String name() {
        return name;
    }

    /** Whether the column holds numbers. */
    public boolean isNumeric() {
        return numbers != null;
    }

    public int size() {
        return numbers != null ? numbers.length : categories.length;
    }

    /** The values as doubles (NaN for missing). */
    public double[] numbers() {
        if (numbers == null) {
            throw new IllegalStateException("Column '" + name + "' holds categories, not numbers: one-hot encode it "
                    + "with table.oneHot(\"" + name + "\") first");
        }
        return numbers.clone();
    }

    /** The values as strings (null for missing; numbers printed as pandas does, e.g. "3.0"). */
    public String[] strings() {
        if (categories != null) {
            return categories.clone();
        }
        String[] s = new String[numbers.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Double.isNaN(numbers[i]) ? null : format(numbers[i]);
        }
        return s;
    }

    /** Whether row i is missing. */
    public boolean isNull(int i) {
        return numbers != null ? Double.isNaN(numbers[i]) : categories[i] == null;
    }

    /** Number of missing values. */
    public int nullCount() {
        int c = 0;
        for (int i = 0; i < size(); i++) {
            c += isNull(i) ? 1 : 0;
        }
        return c;
    }

    double number(int i) {
        return numbers[i];
    }

    String category(int i) {
        return categories[i];
    }

    /** The cell as text for printing: "NaN" when missing. */
    String cell(int i) {
        if (numbers != null) {
            return Double.isNaN(numbers[i]) ? "NaN" : format(numbers[i]);
        }
        return categories[i] == null ? "NaN" : categories[i];
    }

    /** Rows picked by index. */
    Column take(int[] rows) {
        if (numbers != null) {
            double[] d = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                d[i] = numbers[rows[i]];
            }
            return wrapNumeric(name, d);
        }
        String[] s = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            s[i] = categories[rows[i]];
        }
        return wrapCategorical(name, s);
    }

    Column rename(String newName) {
        return new Column(newName, numbers, categories);
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (long) v + ".0";
        }
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return "Column(" + name + ", " + (isNumeric() ? "numeric" : "categorical") + ", " + size() + " rows, "
                + nullCount() + " missing)" + (size() <= 10 ? " " + Arrays.toString(strings()) : "");
    }
}
