package ganglion.data;

import ganglion.Tensor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A small table of named columns, numeric or categorical, for the tutorials' pandas steps (chapter 15):
 * <pre>{@code
 * Table df = Table.readCsv(Path.of("house_train.csv"));       // df = pd.read_csv(...)
 * System.out.println(df.isNull());                            // df.isnull().sum()
 * df = df.fillNa(Table.Fill.MEAN);                            // df.fillna(df.mean())
 * df = df.oneHot("Neighborhood");                             // pd.get_dummies(df)
 * System.out.println(df.corr().sortedBy("SalePrice"));        // df.corr().sort_values('SalePrice')
 * Tensor x = df.toTensor("OverallQual", "GrLivArea");          // df[cols].values
 * }</pre>
 * Tables are immutable: every operation returns a new table. Missing values are NaN in numeric columns
 * and null in categorical ones.
 */
public final class Table {

    /** How {@link #fillNa(Fill)} replaces missing values. */
    public enum Fill {
        /** The column's mean (numeric columns only, as {@code df.fillna(df.mean())}). */
        MEAN,
        /** The column's median (numeric columns only). */
        MEDIAN,
        /** The most frequent value (numeric and categorical columns; ties: the smallest). */
        MODE
    }

    private final List<Column> columns;
    private final int rows;

    private Table(List<Column> columns) {
        Map<String, Boolean> seen = new HashMap<>();
        int n = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != n) {
                throw new IllegalArgumentException("Table: column '" + c.name() + "' has " + c.size() + " rows but '"
                        + columns.get(0).name() + "' has " + n + "; all columns need the same length");
            }
            if (seen.put(c.name(), true) != null) {
                throw new IllegalArgumentException("Table: the column name '" + c.name() + "' appears twice");
            }
        }
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.rows = n;
    }

    /** A table of the given columns (same length, distinct names). */
    public static Table of(Column... columns) {
        return new Table(Arrays.asList(columns));
    }

    /** A table of the given columns (same length, distinct names). */
    public static Table of(List<Column> columns) {
        return new Table(columns);
    }

    /** Reads a CSV file with a detected header, as {@code pd.read_csv(path)}. */
    public static Table readCsv(Path path) {
        return readCsv(path, CsvOptions.defaults());
    }

    /** Reads a CSV file as told by {@code options}. */
    public static Table readCsv(Path path, CsvOptions options) {
        try {
            return parseCsv(Files.readString(path, StandardCharsets.UTF_8), options);
        } catch (IOException e) {
            throw new UncheckedIOException("Table.readCsv: could not read " + path + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Table.readCsv(" + path + "): " + e.getMessage(), e);
        }
    }

    /** Parses CSV text (see {@link #readCsv(Path, CsvOptions)}). */
    public static Table parseCsv(String text, CsvOptions options) {
        return CsvTables.build(CsvParser.parse(text, options.separator()), options);
    }

    // ------------------------------------------------------------------ shape and access

    /** Number of rows. */
    public int rowCount() {
        return rows;
    }

    /** Number of columns. */
    public int columnCount() {
        return columns.size();
    }

    /** {rows, columns}, as {@code df.shape}. */
    public int[] shape() {
        return new int[]{rows, columns.size()};
    }

    /** The column names in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /** The columns in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column with this name. */
    public Column column(String name) {
        return columns.get(indexOf(name));
    }

    /** The values of a numeric column (NaN for missing). */
    public double[] numbers(String name) {
        return column(name).numbers();
    }

    /** The first n rows, as {@code df.head(n)}. */
    public Table head(int n) {
        int[] idx = new int[Math.min(n, rows)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return takeRows(idx);
    }

    /** The rows at the given indices, in that order. */
    public Table takeRows(int[] rowIndices) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.take(rowIndices));
        }
        return new Table(out);
    }

    /** Only these columns, in this order, as {@code df[[...]]}. */
    public Table select(String... names) {
        List<Column> out = new ArrayList<>(names.length);
        for (String n : names) {
            out.add(column(n));
        }
        return new Table(out);
    }

    /** All columns but these, as {@code df.drop(columns=[...])}. */
    public Table drop(String... names) {
        List<Column> out = new ArrayList<>(columns);
        for (String n : names) {
            out.remove(columns.get(indexOf(n)));
        }
        return new Table(out);
    }

    /** This table with a column added at the end, or replaced in place if the name exists. */
    public Table withColumn(Column column) {
        List<Column> out = new ArrayList<>(columns);
        int i = columnNames().indexOf(column.name());
        if (i >= 0) {
            out.set(i, column);
        } else {
            out.add(column);
        }
        return new Table(out);
    }

    // ------------------------------------------------------------------ missing values

    /** Missing values per column, in column order: {@code df.isnull().sum()}. */
    public Map<String, Integer> isNull() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Column c : columns) {
            m.put(c.name(), c.nullCount());
        }
        return m;
    }

    /** Fills every column's missing values ({@link Fill#MEAN} and {@link Fill#MEDIAN}: numeric columns only). */
    public Table fillNa(Fill fill) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(Missing.fill(c, fill));
        }
        return new Table(out);
    }

    /** Fills the missing values of one column. */
    public Table fillNa(String column, Fill fill) {
        Column c = column(column);
        if (!c.isNumeric() && fill != Fill.MODE) {
            throw new IllegalArgumentException("fillNa: column '" + column + "' is categorical; " + fill + " needs "
                    + "numbers (use Fill.MODE or a value)");
        }
        return withColumn(Missing.fill(c, fill));
    }

    /** Fills the missing values of every numeric column with a value, as {@code df.fillna(0)}. */
    public Table fillNa(double value) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.isNumeric() ? Missing.fillValue(c, value) : c);
        }
        return new Table(out);
    }

    /** Fills the missing values of one column with a value (a number or a category). */
    public Table fillNa(String column, Object value) {
        Column c = column(column);
        if (c.isNumeric()) {
            if (!(value instanceof Number)) {
                throw new IllegalArgumentException("fillNa: column '" + column + "' is numeric; give a number, not "
                        + value);
            }
            return withColumn(Missing.fillValue(c, ((Number) value).doubleValue()));
        }
        return withColumn(Missing.fillCategory(c, String.valueOf(value)));
    }

    /** Drops the rows that have a missing value in any column (or in the given columns), as {@code dropna()}. */
    public Table dropNa(String... subset) {
        List<Column> check = subset.length == 0 ? columns : select(subset).columns;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            boolean ok = true;
            for (Column c : check) {
                if (c.isNull(i)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                keep.add(i);
            }
        }
        return takeRows(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Drops the columns with more than {@code maxMissingShare} (0..1) of their values missing. */
    public Table dropSparseColumns(double maxMissingShare) {
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.nullCount() <= maxMissingShare * rows) {
                out.add(c);
            }
        }
        return new Table(out);
    }

    // ------------------------------------------------------------------ statistics and encoding

    /** Pearson correlation between the numeric columns, over the rows where both are present ({@code df.corr()}). */
    public Correlation corr() {
        List<Column> nums = new ArrayList<>();
        for (Column c : columns) {
            if (c.isNumeric()) {
                nums.add(c);
            }
        }
        int k = nums.size();
        double[][] m = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                double r = a == b ? Stats.selfCorrelation(nums.get(a)) : Stats.pearson(nums.get(a), nums.get(b));
                m[a][b] = r;
                m[b][a] = r;
            }
        }
        List<String> names = new ArrayList<>();
        for (Column c : nums) {
            names.add(c.name());
        }
        return new Correlation(names, m);
    }

    /**
     * Replaces a column by one 0/1 column per distinct value, named {@code column_value} and appended at
     * the end in sorted value order, as {@code pd.get_dummies(df, columns=[column])}. Missing values get 0
     * in every new column.
     */
    public Table oneHot(String column) {
        Column c = column(column);
        String[] values = c.strings();
        TreeSet<String> categories = new TreeSet<>(c.isNumeric() ? Stats.numericOrder() : String::compareTo);
        for (String v : values) {
            if (v != null) {
                categories.add(v);
            }
        }
        List<Column> out = new ArrayList<>(columns);
        out.remove(c);
        for (String cat : categories) {
            double[] d = new double[rows];
            for (int i = 0; i < rows; i++) {
                d[i] = cat.equals(values[i]) ? 1 : 0;
            }
            out.add(Column.wrapNumeric(column + "_" + cat, d));
        }
        return new Table(out);
    }

    /** One-hot encodes every categorical column (pandas' {@code get_dummies(df)}). */
    public Table oneHotAll() {
        Table t = this;
        for (Column c : columns) {
            if (!c.isNumeric()) {
                t = t.oneHot(c.name());
            }
        }
        return t;
    }

    /**
     * count, mean, std (n-1), min, 25%, 50%, 75%, max of each numeric column, as {@code df.describe()}: a
     * table whose first column "stat" names the rows.
     */
    public Table describe() {
        List<Column> out = new ArrayList<>();
        out.add(Column.wrapCategorical("stat", new String[]{"count", "mean", "std", "min", "25%", "50%", "75%",
                "max"}));
        for (Column c : columns) {
            if (c.isNumeric()) {
                out.add(Column.wrapNumeric(c.name(), Stats.describe(c.numbers())));
            }
        }
        return new Table(out);
    }

    // ------------------------------------------------------------------ to tensors

    /** The given numeric columns as a float tensor [rows, columns] (all columns when none are named). */
    public Tensor toTensor(String... names) {
        List<Column> use = names.length == 0 ? columns : select(names).columns;
        int k = use.size();
        float[] data = new float[rows * k];
        for (int j = 0; j < k; j++) {
            Column c = use.get(j);
            if (!c.isNumeric()) {
                throw new IllegalArgumentException("toTensor: column '" + c.name() + "' holds categories; encode it "
                        + "with oneHot(\"" + c.name() + "\") or leave it out");
            }
            for (int i = 0; i < rows; i++) {
                data[i * k + j] = (float) c.number(i);
            }
        }
        return Tensor.wrap(data, rows, k);
    }

    /** One numeric column as a float tensor [rows] (e.g. the target). */
    public Tensor columnTensor(String name) {
        double[] d = numbers(name);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return Tensor.wrap(f, d.length);
    }

    private int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No column named '" + name + "'; the table has " + columnNames());
    }

    /** The table as pandas prints it: a row index, right-aligned columns, the middle rows elided past 10. */
    @Override
    public String toString() {
        return TableFormat.format(this, 10);
    }
}
