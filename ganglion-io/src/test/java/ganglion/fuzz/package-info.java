/**
 * Coverage-guided fuzz tests (Jazzer {@code @FuzzTest}) of the model readers of ganglion-io: {@code .keras},
 * {@code .weights.h5}, legacy {@code .h5} and {@code config.json}. Seeds live under
 * {@code src/test/resources/ganglion/fuzz/SavingFuzzTestInputs/<method>/}.
 */
package ganglion.fuzz;
