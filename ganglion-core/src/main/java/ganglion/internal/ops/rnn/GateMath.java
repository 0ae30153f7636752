package ganglion.internal.ops.rnn;

/**
 * In-place sigmoid and tanh over runs of floats: the transcendental part of the gate math. The Vector API
 * implementation is used when {@code jdk.incubator.vector} is available (loaded by name, so that nothing else
 * links against the incubator module); the scalar one otherwise, or with {@code -Dganglion.kernels=scalar}.
 */
interface GateMath {

    /** a[off .. off+n) = 1 / (1 + exp(-a)). */
    void sigmoid(float[] a, int off, int n);

    /** a[off .. off+n) = tanh(a). */
    void tanh(float[] a, int off, int n);

    /** The implementation in use. */
    GateMath INSTANCE = choose();

    private static GateMath choose() {
        if (!"scalar".equalsIgnoreCase(System.getProperty("ganglion.kernels"))
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Class<?> c = Class.forName("ganglion.internal.ops.rnn.VectorGateMath");
                return (GateMath) c.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                // fall back to the scalar loops
            }
        }
        return new ScalarGateMath();
    }

    /** Plain loops over {@link RnnActivation#sigmoid} and {@link RnnActivation#tanh}. */
    final class ScalarGateMath implements GateMath {
        @Override
        public void sigmoid(float[] a, int off, int n) {
            for (int i = off, e = off + n; i < e; i++) {
                a[i] = RnnActivation.sigmoid(a[i]);
            }
        }

        @Override
        public void tanh(float[] a, int off, int n) {
            for (int i = off, e = off + n; i < e; i++) {
                a[i] = RnnActivation.tanh(a[i]);
            }
        }
    }
}
