/**
 * Runnable ports of tutorial programs, one class per program, each with a {@code main} that prints what
 * Keras prints and a static method that returns the result, so that tests can check it.
 *
 * <p>Run one with {@code mvn -q -pl examples -am compile -Prun -Dexample=ganglion.examples.Iris}
 * (the default is {@link ganglion.examples.FashionMnistMlp}).
 */
package ganglion.examples;
