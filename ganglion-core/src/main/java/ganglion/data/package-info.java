/**
 * Small tabular-data tools for the tutorials' pandas and scikit-learn steps: {@link ganglion.data.Table}
 * ({@code pd.read_csv}, {@code isnull().sum()}, {@code fillna}, {@code dropna}, {@code corr()},
 * {@code get_dummies}, {@code describe()}, then a Tensor for {@code fit}) and the scalers
 * {@link ganglion.data.StandardScaler} and {@link ganglion.data.MinMaxScaler} ({@code sklearn.preprocessing}).
 * Deliberately small: a handful of columns of numbers or categories, not a data-frame library.
 */
package ganglion.data;
