package ganglion.internal.kernels.vector;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Per-thread packing buffers for the GEMM, kept for the life of the thread and grown only when a larger
 * product needs them, so that a steady training loop allocates nothing in the GEMM.
 *
 * <p>Packed B panels are read with full-width vector loads, which run about a quarter slower when the buffer
 * happens to sit 8 bytes off a 16-byte boundary (Java gives no control over array addresses). Under G1 with the
 * usual object layout, an array of at least half a heap region is placed at the start of a region, so the B
 * buffer is made that large and its panels start at the first 64-byte boundary ({@link #packedBStart()}).
 */
final class VectorGemmWorkspace {

    private static final ThreadLocal<VectorGemmWorkspace> LOCAL = ThreadLocal.withInitial(VectorGemmWorkspace::new);

    private float[] packedA = new float[0];
    private float[] packedB = new float[0];
    /** Output tile for edge blocks whose width is not a whole number of vectors. */
    final float[] tile = new float[VectorGemm.MR * VectorGemm.NR];
    /** Loop state of the blocked product. */
    final VectorGemmSweep sweep = new VectorGemmSweep();

    private VectorGemmWorkspace() {
    }

    /** The calling thread's workspace. */
    static VectorGemmWorkspace get() {
        return LOCAL.get();
    }

    /** A buffer of at least {@code size} floats for packed A blocks. */
    float[] packedA(int size) {
        if (packedA.length < size) {
            packedA = new float[size];
        }
        return packedA;
    }

    /** A buffer with at least {@code size} floats from {@link #packedBStart()} on, for packed B blocks. */
    float[] packedB(int size) {
        if (packedB.length < Placement.START + size) {
            packedB = new float[Math.max(Placement.START + size, Placement.MIN_FLOATS)];
        }
        return packedB;
    }

    /** Index in {@link #packedB} where packed panels start. */
    static int packedBStart() {
        return Placement.START;
    }

    /** Where G1 puts large arrays, read once from the VM options; no adjustment when anything is unusual. */
    private static final class Placement {
        static final int START;
        static final int MIN_FLOATS;

        static {
            int start = 0;
            int minFloats = 0;
            try {
                HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                boolean g1 = Boolean.parseBoolean(vm.getVMOption("UseG1GC").getValue());
                boolean compressedClass = Boolean.parseBoolean(vm.getVMOption("UseCompressedClassPointers").getValue());
                boolean compactHeaders = false;
                try {
                    compactHeaders = Boolean.parseBoolean(vm.getVMOption("UseCompactObjectHeaders").getValue());
                } catch (IllegalArgumentException absentBeforeJdk24) {
                    // the flag does not exist: the classic header
                }
                long region = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
                if (g1 && compressedClass && !compactHeaders && region > 0 && region <= (1L << 26)) {
                    start = (64 - 16) / Float.BYTES;   // float[] data begins 16 bytes into the object
                    minFloats = (int) (region / 2 / Float.BYTES) + 64;
                }
            } catch (RuntimeException | LinkageError e) {
                // no management API or an unknown VM: keep plain buffers
            }
            START = start;
            MIN_FLOATS = minFloats;
        }
    }
}
