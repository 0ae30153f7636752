package ganglion.saving;

import ganglion.models.Model;
import ganglion.spi.ModelIO;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ganglion's {@link ModelIO}: Keras 3's ".keras" zip and ".weights.h5", and the legacy ".h5" layout, written
 * atomically and read defensively. Found by {@link java.util.ServiceLoader} (META-INF/services).
 */
public final class KerasModelIO implements ModelIO {

    static {
        // jHDF logs "Writing files is in alpha" through slf4j; nothing else is configured here.
    }

    @Override
    public void save(Model model, Path path) throws IOException {
        String name = lower(path);
        if (name.endsWith(".keras")) {
            saveKeras(model, path);
        } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            if (name.endsWith(".weights.h5")) {
                throw new IllegalArgumentException("model.save() writes a whole model; " + path + " ends in "
                        + "'.weights.h5', which is for saveWeights(). Use a '.keras' or '.h5' name.");
            }
            checkModel(model);
            AtomicFiles.write(path, tmp -> writeH5(tmp, root -> LegacyH5.writeModel(root, model)));
        } else {
            throw new IllegalArgumentException("Invalid filepath extension for saving. Please add either a `.keras` "
                    + "extension for the native Keras format (recommended) or a `.h5` extension. Received: filepath="
                    + path);
        }
    }

    @Override
    public Model load(Path path) throws IOException {
        checkReadable(path);
        if (isZip(path)) {
            return loadKeras(path);
        }
        if (isHdf5(path)) {
            return H5Input.read(path, h -> {
                if (!LegacyH5.isLegacy(h)) {
                    throw new GanglionFormatException(path, "this HDF5 file holds Keras 3 weights only (no architecture): "
                            + "build the model in code and call model.loadWeights(path)");
                }
                return LegacyH5.readModel(h, path);
            });
        }
        throw new GanglionFormatException(path, "neither a .keras zip archive nor an HDF5 file");
    }

    @Override
    public void saveWeights(Model model, Path path) throws IOException {
        String name = lower(path);
        if (name.endsWith(".weights.h5")) {
            AtomicFiles.write(path, tmp -> writeH5(tmp, root -> KerasWeights.write(root, model, true)));
        } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
            AtomicFiles.write(path, tmp -> writeH5(tmp, root -> LegacyH5.writeWeights(root, model)));
        } else {
            throw new IllegalArgumentException("The filename must end in `.weights.h5` (or `.h5` for the legacy "
                    + "layout). Received: filepath=" + path);
        }
    }

    @Override
    public void loadWeights(Model model, Path path) throws IOException {
        checkReadable(path);
        if (isZip(path)) {
            Map<String, byte[]> entries = KerasArchive.read(path, Set.of(KerasArchive.WEIGHTS));
            byte[] h5 = entries.get(KerasArchive.WEIGHTS);
            if (h5 == null) {
                throw new GanglionFormatException(path, "the archive has no " + KerasArchive.WEIGHTS);
            }
            H5Input.read(h5, path, KerasArchive.WEIGHTS, h -> {
                KerasWeights.read(h, model, path, true);
                return null;
            });
            return;
        }
        if (!isHdf5(path)) {
            throw new GanglionFormatException(path, "not an HDF5 file (no HDF5 signature)");
        }
        H5Input.read(path, h -> {
            if (KerasWeights.isKeras3Layout(h)) {
                KerasWeights.read(h, model, path, true);
            } else if (LegacyH5.isLegacy(h)) {
                io.jhdf.api.Group mw = H5Data.group(h, "model_weights");
                LegacyH5.readWeights(mw != null ? mw : h, model, path);
            } else {
                throw new GanglionFormatException(path, "no Keras weights found (neither a 'layers' group nor a "
                        + "'layer_names' attribute)");
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ .keras

    private void saveKeras(Model model, Path path) throws IOException {
        checkModel(model);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("keras_version", LegacyH5.KERAS_VERSION);
        meta.put("date_saved", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss", Locale.ROOT)));
        meta.put("producer", "Ganglion");
        byte[] metaJson = JsonIO.write(meta).getBytes(StandardCharsets.UTF_8);
        byte[] configJson = JsonIO.write(ModelConfigs.serialize(model, true)).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(path, tmp -> {
            Path h5 = Files.createTempFile(tmp.getParent(), "." + path.getFileName() + ".", ".h5.tmp");
            try {
                writeH5(h5, root -> KerasWeights.write(root, model, true));
                KerasArchive.write(tmp, metaJson, configJson, h5);
            } finally {
                Files.deleteIfExists(h5);
            }
        });
    }

    private Model loadKeras(Path path) throws IOException {
        Map<String, byte[]> entries = KerasArchive.read(path,
                Set.of(KerasArchive.CONFIG, KerasArchive.METADATA, KerasArchive.WEIGHTS));
        byte[] config = entries.get(KerasArchive.CONFIG);
        if (config == null) {
            throw new GanglionFormatException(path, "the archive has no config.json: not a Keras 3 model file");
        }
        Map<String, Object> root = JsonIO.parseObject(config, path, "config.json");
        Model model = ModelConfigs.deserializeModel(root, path);
        if (root.get("compile_config") instanceof Map<?, ?> cc) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ccm = (Map<String, Object>) cc;
            ModelConfigs.compile(model, ccm, path);
        }
        byte[] h5 = entries.get(KerasArchive.WEIGHTS);
        if (h5 == null) {
            if (entries.isEmpty() || !model.variables().isEmpty()) {
                throw new GanglionFormatException(path, "the archive has no " + KerasArchive.WEIGHTS
                        + " (a model.weights.npz variant is not supported)");
            }
            return model;
        }
        if (!model.isBuilt() && !model.layers().isEmpty()) {
            throw new GanglionFormatException(path, "the config gives no input shape, so the model cannot be built "
                    + "to receive its weights");
        }
        H5Input.read(h5, path, KerasArchive.WEIGHTS, h -> {
            KerasWeights.read(h, model, path, true);
            return null;
        });
        return model;
    }

    // ------------------------------------------------------------------ helpers

    /** Writes an HDF5 file with jHDF; failures become IOExceptions naming the cause. */
    interface H5Body {
        void write(H5Tree.Group root);
    }

    /**
     * Builds the content in memory, writes it with jHDF, then reads the file back to check every node: a file
     * that jHDF wrote wrongly is never renamed over a good one.
     */
    static void writeH5(Path target, H5Body body) throws IOException {
        H5Tree.Group root = new H5Tree.Group();
        body.write(root);
        try (WritableHdfFile f = HdfFile.write(target)) {
            H5Tree.emit(root, f);
        } catch (RuntimeException e) {
            throw new IOException("could not write HDF5 file " + target + ": " + e, e);
        }
        try (HdfFile check = new HdfFile(target)) {
            verify(check, root, "");
        } catch (RuntimeException e) {
            throw new IOException("jHDF wrote an unreadable HDF5 file " + target + ": " + e, e);
        }
    }

    private static void verify(io.jhdf.api.Group g, H5Tree.Group expected, String path) throws IOException {
        Map<String, io.jhdf.api.Node> children = g.getChildren();
        for (Map.Entry<String, Object> c : expected.children.entrySet()) {
            io.jhdf.api.Node n = children.get(c.getKey());
            if (n == null) {
                throw new IOException("jHDF lost node " + path + "/" + c.getKey());
            }
            if (c.getValue() instanceof H5Tree.Group sub) {
                if (!(n instanceof io.jhdf.api.Group ng) || n instanceof io.jhdf.api.Dataset) {
                    throw new IOException("jHDF wrote " + path + "/" + c.getKey() + " as a dataset");
                }
                verify(ng, sub, path + "/" + c.getKey());
            } else if (!(n instanceof io.jhdf.api.Dataset ds) || ds.getDimensions() == null) {
                throw new IOException("jHDF wrote " + path + "/" + c.getKey() + " wrongly");
            }
        }
    }

    private static void checkModel(Model model) {
        if (model.layers().isEmpty()) {
            throw new IllegalArgumentException("model '" + model.name() + "' has no layers to save");
        }
    }

    private static void checkReadable(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new java.io.FileNotFoundException("No file or directory found at " + path);
        }
    }

    private static boolean isZip(Path p) throws IOException {
        byte[] h = head(p, 4);
        return h.length == 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4;
    }

    private static boolean isHdf5(Path p) throws IOException {
        byte[] h = head(p, 8);
        return h.length == 8 && (h[0] & 0xff) == 0x89 && h[1] == 'H' && h[2] == 'D' && h[3] == 'F';
    }

    private static byte[] head(Path p, int n) throws IOException {
        try (var in = Files.newInputStream(p)) {
            return in.readNBytes(n);
        }
    }

    private static String lower(Path p) {
        Path f = p.getFileName();
        return f == null ? "" : f.toString().toLowerCase(Locale.ROOT);
    }
}
