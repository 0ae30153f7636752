package ganglion.datasets;

import ganglion.Tensor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fisher's Iris flowers (150 rows, 4 measurements in cm, 3 species), the multi-class example of
 * the tutorials, like scikit-learn's {@code load_iris()}.
 *
 * <p>{@link #loadData()} returns {@code x} of shape [150, 4] (sepal length, sepal width, petal
 * length, petal width) and {@code y} of shape [150] (class index into {@link #CLASS_NAMES}). The
 * folder {@code iris} found by {@link DataPaths} may hold {@code iris.json} (rows like
 * {@code [5.1, 3.5, 1.4, 0.2, "setosa"]}) or {@code iris.csv}: scikit-learn's file (a count line, then
 * rows ending in the class index) or UCI's {@code iris.data} layout (rows ending in {@code Iris-setosa}).
 */
public final class Iris {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "iris";
    /** Species by class index. */
    public static final List<String> CLASS_NAMES = List.of("setosa", "versicolor", "virginica");
    /** Accepted file names, tried in order. */
    public static final List<String> FILE_NAMES = List.of("iris.json", "iris.csv", "iris.data");

    private static final int FEATURES = 4;

    private Iris() {
    }

    /** Loads the table from the first folder of {@link DataPaths#standard()} that holds it. */
    public static LabeledData loadData() {
        return loadData(DataPaths.standard().requireAny(NAME, "The Iris table", FILE_NAMES,
                "scikit-learn ships iris.csv in sklearn/datasets/data/ (Debian: python3-sklearn)."));
    }

    /** Loads the table from a {@code .json} or CSV file in one of the layouts above. */
    public static LabeledData loadData(Path file) {
        List<String[]> rows = file.getFileName().toString().contains(".json") ? TextTables.jsonRows(file)
                : TextTables.csvRows(file);
        if (!rows.isEmpty() && !measurements(rows.get(0))) {
            rows = rows.subList(1, rows.size());   // a header, or scikit-learn's "150,4,setosa,..." count line
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(file + " holds no data rows");
        }
        float[] x = new float[rows.size() * FEATURES];
        float[] y = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] f = rows.get(r);
            if (f.length != FEATURES + 1) {
                throw new DatasetFormatException(file + ", data row " + (r + 1) + ": expected 4 measurements"
                        + " and the species, found " + f.length + " fields");
            }
            for (int c = 0; c < FEATURES; c++) {
                x[r * FEATURES + c] = TextTables.number(file, r, c, f[c]);
            }
            y[r] = classIndex(file, r, f[FEATURES]);
        }
        return new LabeledData(Tensor.wrap(x, rows.size(), FEATURES), Tensor.wrap(y, rows.size()));
    }

    private static boolean measurements(String[] row) {
        if (row.length != FEATURES + 1) {
            return false;
        }
        for (int c = 0; c < FEATURES; c++) {
            if (!TextTables.isNumber(row[c])) {
                return false;
            }
        }
        return true;
    }

    private static int classIndex(Path file, int row, String label) {
        String s = label.toLowerCase(Locale.ROOT);
        if (s.startsWith("iris-")) {
            s = s.substring(5);
        }
        int i = CLASS_NAMES.indexOf(s);
        if (i >= 0) {
            return i;
        }
        if (TextTables.isNumber(s)) {
            double v = Double.parseDouble(s);
            if (v == Math.rint(v) && v >= 0 && v < CLASS_NAMES.size()) {
                return (int) v;
            }
        }
        throw new DatasetFormatException(file + ", data row " + (row + 1) + ": unknown species '" + label
                + "'; expected one of " + CLASS_NAMES + " or a class index 0..2");
    }
}
