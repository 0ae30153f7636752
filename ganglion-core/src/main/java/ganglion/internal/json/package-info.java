/**
 * A small JSON reader and writer for Keras files (tokenizer JSON, {@code config.json}, {@code metadata.json}),
 * so that the core module needs no dependency.
 *
 * <p>{@link ganglion.internal.json.Json#parse(String)} reads text as Python's {@code json.loads} does and
 * {@link ganglion.internal.json.JsonWriter} writes it as {@code json.dumps} does, byte for byte, including
 * Python's float formatting ({@link ganglion.internal.json.PyFloat}).
 *
 * <p>Internal: no compatibility guarantee; not exported from the module.
 */
package ganglion.internal.json;
