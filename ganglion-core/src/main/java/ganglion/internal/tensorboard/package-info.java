/** TensorBoard event files: TFRecord framing and the Event/Summary/GraphDef messages, with no dependency. */
package ganglion.internal.tensorboard;
