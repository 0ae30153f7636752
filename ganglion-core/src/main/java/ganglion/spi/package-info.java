/** Service interfaces that optional Ganglion modules implement (model saving in {@code ganglion-io}). */
package ganglion.spi;
