package ganglion.internal.kernels;

/**
 * Chooses the kernels once per JVM: the Vector API implementation when {@code jdk.incubator.vector} is
 * readable and usable, the scalar one otherwise. The vector class is loaded by name, so that nothing else
 * links against the incubator module. Set {@code -Dganglion.kernels=scalar} to force the fallback. Loading this
 * class also starts {@link KernelWarmup} (if nothing has started it yet).
 */
public final class KernelProvider {

    private static final Kernels INSTANCE = lookup();

    static {
        KernelWarmup.start();
    }

    private KernelProvider() {
    }

    /** The kernels in use. */
    public static Kernels get() {
        return INSTANCE;
    }

    private static Kernels lookup() {
        if ("scalar".equalsIgnoreCase(System.getProperty("ganglion.kernels"))) {
            return new ScalarKernels();
        }
        Kernels vector = tryVector();
        if (vector == null) {
            return new ScalarKernels();
        }
        return vector;
    }

    /** The vector kernels if this JVM can run them, else null. Visible for tests. */
    public static Kernels tryVector() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            Class<?> c = Class.forName("ganglion.internal.kernels.vector.VectorKernels");
            return (Kernels) c.getDeclaredConstructor().newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof UnsupportedOperationException) {
                return null; // e.g. vectors narrower than 128 bits: the scalar code is faster
            }
            throw new IllegalStateException("Vector kernels failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LinkageError("Vector kernels missing from the Ganglion jar", e);
        }
    }
}
