/**
 * Coverage-guided fuzz tests (Jazzer {@code @FuzzTest}) of every file reader of the core: IDX, CIFAR binary,
 * npy/npz, JSON, tokenizer JSON, CSV and images. A plain {@code mvn test} replays the seed corpora under
 * {@code src/test/resources/ganglion/fuzz/<Class>Inputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes one target.
 */
package ganglion.fuzz;
