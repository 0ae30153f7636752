/** Saving and loading models in Keras 3's ".keras" zip and the legacy ".h5" layout. */
package ganglion.saving;
