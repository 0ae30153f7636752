/**
 * Input data for training. Two parts:
 * <ul>
 *   <li>Streaming pipelines as TensorFlow's {@code tf.data}: {@link ganglion.data.Dataset} (slices,
 *       generators, CSV and image-folder sources; map, filter, shuffle, batch, cache, prefetch, zip).</li>
 *   <li>Small tabular tools for the tutorials' pandas and scikit-learn steps: {@link ganglion.data.Table}
 *       ({@code pd.read_csv}, {@code isnull().sum()}, {@code fillna}, {@code dropna}, {@code corr()},
 *       {@code get_dummies}, {@code describe()}, then a Tensor for {@code fit}) and the scalers
 *       {@link ganglion.data.StandardScaler} and {@link ganglion.data.MinMaxScaler}
 *       ({@code sklearn.preprocessing}). Deliberately small: a handful of columns of numbers or
 *       categories, not a data-frame library.</li>
 * </ul>
 */
package ganglion.data;
