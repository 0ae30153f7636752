/** Models as graphs of layers, for model pictures and TensorBoard. */
package ganglion.internal.graph;
