package ganglion.datasets;

import ganglion.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Pima Indians Diabetes table (UCI; 768 women, 8 measurements, whether diabetes followed within
 * five years), the first real data set of many Keras tutorials, which read it with
 * {@code numpy.loadtxt("pima-indians-diabetes.csv", delimiter=",")}.
 *
 * <p>{@link #loadData()} returns {@code x} of shape [768, 8] (pregnancies, glucose, blood pressure,
 * skin thickness, insulin, BMI, diabetes pedigree, age) and {@code y} of shape [768] (0 or 1).
 * The CSV file (no header, outcome last; a header line is skipped if present) is looked for by
 * {@link DataPaths} in a folder {@code pima-indians-diabetes}, under any of the names in {@link #FILE_NAMES}.
 */
public final class PimaIndiansDiabetes {

    /** Folder name of this data set under each data root. */
    public static final String NAME = "pima-indians-diabetes";
    /** Accepted file names, tried in order. */
    public static final List<String> FILE_NAMES = List.of("pima-indians-diabetes.data.csv",
            "pima-indians-diabetes.csv", "diabetes.csv");
    /** Column names of {@code x}. */
    public static final List<String> FEATURES = List.of("pregnant", "glucose", "pressure", "triceps",
            "insulin", "mass", "pedigree", "age");

    private static final String HOW_TO_GET = "The table is the UCI 'Pima Indians Diabetes Database'"
            + " (768 rows, 9 comma-separated numbers each, outcome last); on Debian its R form is in"
            + " package r-cran-mlbench.";

    private PimaIndiansDiabetes() {
    }

    /** Loads the table from the first folder of {@link DataPaths#standard()} that holds it. */
    public static LabeledData loadData() {
        return loadData(DataPaths.standard().requireAny(NAME, "The Pima Indians Diabetes table", FILE_NAMES,
                HOW_TO_GET));
    }

    /** Loads the table from a CSV file: 8 feature columns, then the 0/1 outcome. */
    public static LabeledData loadData(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new DatasetFormatException("No such file: " + csv);
        }
        List<String[]> rows = TextTables.csvRows(csv);
        if (!rows.isEmpty() && !TextTables.isNumber(rows.get(0)[0])) {
            rows = rows.subList(1, rows.size());      // a header line
        }
        int width = FEATURES.size() + 1;
        float[] x = new float[rows.size() * FEATURES.size()];
        float[] y = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] f = rows.get(r);
            if (f.length != width) {
                throw new DatasetFormatException(csv + ", data row " + (r + 1) + ": expected " + width
                        + " comma-separated numbers (8 features and the outcome), found " + f.length);
            }
            for (int c = 0; c < FEATURES.size(); c++) {
                x[r * FEATURES.size() + c] = TextTables.number(csv, r, c, f[c]);
            }
            float outcome = TextTables.number(csv, r, width - 1, f[width - 1]);
            if (outcome != 0f && outcome != 1f) {
                throw new DatasetFormatException(csv + ", data row " + (r + 1) + ": the outcome must be 0 or 1,"
                        + " found " + f[width - 1]);
            }
            y[r] = outcome;
        }
        if (rows.isEmpty()) {
            throw new DatasetFormatException(csv + " holds no data rows");
        }
        return new LabeledData(Tensor.wrap(x, rows.size(), FEATURES.size()), Tensor.wrap(y, rows.size()));
    }
}
