package ganglion.data;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@link Table#readCsv(java.nio.file.Path, CsvOptions)} reads a file, as the keyword arguments of
 * pandas' {@code read_csv}: {@code sep}, {@code header} (auto-detected by default), {@code skiprows},
 * {@code names} and {@code na_values}.
 */
public final class CsvOptions {

    /** Whether the first (non-skipped) row holds column names. */
    public enum Header { AUTO, YES, NO }

    /** Cells read as missing by default: "", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?". */
    public static final Set<String> DEFAULT_NA = Set.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?",
            "#N/A", "<NA>");

    private char separator = ',';
    private Header header = Header.AUTO;
    private int skipRows;
    private String[] names;
    private Set<String> naValues = new LinkedHashSet<>(DEFAULT_NA);

    /** Comma-separated, header detected, no rows skipped, the default missing-value markers. */
    public static CsvOptions defaults() {
        return new CsvOptions();
    }

    /** @param separator the field separator; default ',' (use '\t' for TSV, ' ' for space-separated) */
    public CsvOptions separator(char separator) {
        this.separator = separator;
        return this;
    }

    /** @param header YES, NO or AUTO (the default: a first row of names over numeric columns) */
    public CsvOptions header(Header header) {
        this.header = header;
        return this;
    }

    /** @param hasHeader whether the first row holds the column names */
    public CsvOptions header(boolean hasHeader) {
        return header(hasHeader ? Header.YES : Header.NO);
    }

    /** @param rows lines to skip at the start (e.g. scikit-learn's count line); default 0 */
    public CsvOptions skipRows(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("CsvOptions: skipRows must be >= 0. Received: " + rows);
        }
        this.skipRows = rows;
        return this;
    }

    /** @param names column names to use (for a file without header, or to replace its header) */
    public CsvOptions names(String... names) {
        this.names = names.clone();
        return this;
    }

    /** @param markers extra cell values read as missing */
    public CsvOptions naValues(String... markers) {
        naValues.addAll(Arrays.asList(markers));
        return this;
    }

    /** @param markers the only cell values read as missing (replacing the defaults) */
    public CsvOptions onlyNaValues(String... markers) {
        naValues = new LinkedHashSet<>(Arrays.asList(markers));
        return this;
    }

    char separator() {
        return separator;
    }

    Header header() {
        return header;
    }

    int skipRows() {
        return skipRows;
    }

    String[] names() {
        return names == null ? null : names.clone();
    }

    boolean isNa(String cell) {
        return naValues.contains(cell.trim());
    }
}
