package ganglion.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A figure of one or more panels in a grid, as a matplotlib {@code plt.figure()} with {@code subplot}s.
 * {@link #save(Path)} writes a PNG (".png") or an SVG (".svg") of {@link #width()} x {@link #height()}
 * pixels; {@link #toImage()} gives the raster. Made by {@link Plots}.
 */
public final class Figure {

    private final List<Panel> panels;
    private final int columns;
    private int panelWidth;
    private int panelHeight;

    Figure(List<Panel> panels, int columns, int panelWidth, int panelHeight) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("Figure: nothing to draw");
        }
        this.panels = Collections.unmodifiableList(new ArrayList<>(panels));
        this.columns = Math.max(1, Math.min(columns, panels.size()));
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
    }

    /** Sets the size of each panel in pixels (a figure of 1x2 panels is twice as wide). */
    public Figure panelSize(int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("Figure: panels need at least 50x50 pixels; got " + width + "x" + height);
        }
        this.panelWidth = width;
        this.panelHeight = height;
        return this;
    }

    /** The whole figure's width in pixels. */
    public int width() {
        return panelWidth * columns;
    }

    /** The whole figure's height in pixels. */
    public int height() {
        return panelHeight * rows();
    }

    /** The number of panels (subplots). */
    public int panelCount() {
        return panels.size();
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** The figure as an RGB image on a white background. */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            paintAll(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void paintAll(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        for (int i = 0; i < panels.size(); i++) {
            AffineTransform saved = g.getTransform();
            java.awt.Shape clip = g.getClip();
            g.translate((i % columns) * panelWidth, (i / columns) * panelHeight);
            g.clipRect(0, 0, panelWidth, panelHeight);
            panels.get(i).paint(g, panelWidth, panelHeight);
            g.setTransform(saved);
            g.setClip(clip);
        }
    }

    /**
     * Writes the figure: ".png" as a PNG image, ".svg" as SVG. The file is written to a temporary name
     * first and then moved, so a failed save leaves an existing file intact. Missing folders are created.
     *
     * @return the path written
     */
    public Path save(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("Figure.save: the file name must end in .png or .svg; got " + path);
        }
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // a sibling temporary file created with the default permissions (createTempFile would make it 0600)
            Path tmp = dir.resolve("." + path.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE)) {
                    if (svg) {
                        writeSvg(out);
                    } else if (!ImageIO.write(toImage(), "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Figure.save: could not write " + path + ": " + e.getMessage(), e);
        }
        return path;
    }

    /** Writes the figure as SVG. */
    public void writeSvg(OutputStream out) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        paintAll(g);
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height()));
        doc.writeTo(out);
    }

    @Override
    public String toString() {
        return "Figure(" + panels.size() + " panels, " + width() + "x" + height() + ")";
    }
}
