package ganglion.spi;

import ganglion.models.Model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Saving and loading models, provided by the {@code ganglion-io} module (HDF5 and JSON need libraries the
 * dependency-free core does not carry). {@link Model#save}, {@link Model#load}, {@link Model#saveWeights}
 * and {@link Model#loadWeights} find the implementation through {@link ServiceLoader}; the
 * {@code io.ganglion:ganglion} artifact brings it along.
 */
public interface ModelIO {

    /** Writes the whole model: ".keras" (Keras 3 zip) or ".h5" (legacy Keras HDF5), chosen by the file name. */
    void save(Model model, Path path) throws IOException;

    /** Reads a model written by {@link #save} or by Keras. */
    Model load(Path path) throws IOException;

    /** Writes only the weights (".weights.h5" in Keras 3's layout, or ".h5" in the legacy layout). */
    void saveWeights(Model model, Path path) throws IOException;

    /** Reads weights into an existing model of the same architecture. */
    void loadWeights(Model model, Path path) throws IOException;

    /** The implementation on the class path; a clear error when the io module is missing. */
    static ModelIO provider() {
        Iterator<ModelIO> it = ServiceLoader.load(ModelIO.class, ModelIO.class.getClassLoader()).iterator();
        if (!it.hasNext()) {
            throw new IllegalStateException("Saving and loading models needs the ganglion-io module on the class "
                    + "path: depend on io.ganglion:ganglion (which includes it) or io.ganglion:ganglion-io");
        }
        return it.next();
    }
}
