package ganglion.internal.npy;

import java.io.IOException;

/** A {@code .npy}/{@code .npz} file that is malformed, truncated, or uses a feature this reader refuses. */
public final class NpyFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An error whose message names the file (or entry) and what is wrong. */
    public NpyFormatException(String message) {
        super(message);
    }
}
