package ganglion.plot;

import java.awt.Graphics2D;

/** Something a {@link Figure} draws in one cell of its grid (a matplotlib axes). */
@FunctionalInterface
interface Panel {

    /** Paints into the rectangle (0, 0, width, height) of {@code g}. */
    void paint(Graphics2D g, int width, int height);
}
