package ganglion.internal.ops.conv;

/**
 * Per-thread scratch arrays that grow and are then reused, so that a training step allocates no im2col
 * buffers after the first batch. Each op asks for a numbered slot on the thread that runs it and passes
 * the array to its workers; a slot is never held across a call into another op. Arrays only grow (to the
 * largest size any conv on that thread has needed, at most about {@link ConvGemm#CHUNK_FLOATS} floats
 * per slot), and live as long as their thread.
 */
final class Scratch {

    /** im2col matrix of the input. */
    static final int COLS = 0;
    /** Gradient of the im2col matrix. */
    static final int DCOLS = 1;
    /** A transposed kernel. */
    static final int KERNEL_T = 2;
    /** The gradient of a fused convolution's pre-activation output. */
    static final int RELU_GRAD = 3;
    /** Winograd: transformed input tiles. */
    static final int WINOGRAD_V = 4;
    /** Winograd: products of the transformed tiles and kernels, before the output transform. */
    static final int WINOGRAD_M = 5;
    /** Winograd: the transformed kernel. */
    static final int WINOGRAD_U = 6;
    /** Winograd: one zero-padded input tile at the border (used on each worker thread). */
    static final int WINOGRAD_TILE = 7;

    private static final ThreadLocal<float[][]> SLOTS = ThreadLocal.withInitial(() -> new float[8][0]);

    private Scratch() {
    }

    /** An array of at least {@code size} floats for this thread; its contents are garbage. */
    static float[] get(int slot, int size) {
        float[][] slots = SLOTS.get();
        if (slots[slot].length < size) {
            // Grow by a quarter more than asked, so that slightly larger batches do not reallocate.
            slots[slot] = new float[(int) Math.min(Integer.MAX_VALUE - 8, size + (long) size / 4)];
        }
        return slots[slot];
    }
}
