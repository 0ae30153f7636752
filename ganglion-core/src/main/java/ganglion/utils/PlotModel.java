package ganglion.utils;

import ganglion.internal.graph.LayerGraph;
import ganglion.layers.Layer;
import ganglion.models.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Keras's {@code plot_model}: a picture of a model's layers and connections. The Graphviz DOT text is always
 * produced ({@link #toDot}); {@link #plotModel} writes it, and renders PNG or SVG with Graphviz's
 * {@code dot} program when the file name asks for one and Graphviz is installed (Debian:
 * {@code apt-get install graphviz}). Without Graphviz it writes the DOT file beside the requested picture
 * and says so on standard error. Works for Sequential models, branching functional graphs and nested
 * models (drawn as a boxed sub-graph with {@code expandNested}).
 */
public final class PlotModel {

    private PlotModel() {
    }

    /** {@code plot_model(model, to_file)} with Keras's defaults: no shapes, layer names, top-to-bottom. */
    public static Path plotModel(Model model, Path path) {
        return plotModel(model, path, false, true, false, "TB");
    }

    /**
     * Writes a picture of {@code model} to {@code path}: ".dot" (or ".gv") gives DOT text, ".png" and ".svg"
     * are rendered by Graphviz. Returns the file actually written (the ".dot" file when Graphviz is missing).
     *
     * @param showShapes     show each layer's output shape
     * @param showLayerNames show layer names besides their classes
     * @param showTrainable  mark frozen layers
     * @param rankdir        "TB" (top to bottom) or "LR" (left to right), as Keras
     */
    public static Path plotModel(Model model, Path path, boolean showShapes, boolean showLayerNames,
                                 boolean showTrainable, String rankdir) {
        return plotModel(model, path, showShapes, showLayerNames, showTrainable, rankdir, false);
    }

    /** {@link #plotModel(Model, Path, boolean, boolean, boolean, String)} with {@code expandNested}. */
    public static Path plotModel(Model model, Path path, boolean showShapes, boolean showLayerNames,
                                 boolean showTrainable, String rankdir, boolean expandNested) {
        String dot = toDot(model, showShapes, showLayerNames, showTrainable, rankdir, expandNested);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        int dotAt = name.lastIndexOf('.');
        String ext = dotAt < 0 ? "" : name.substring(dotAt + 1);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (ext.equals("dot") || ext.equals("gv")) {
                Files.writeString(path, dot, StandardCharsets.UTF_8);
                return path;
            }
            if (!ext.equals("png") && !ext.equals("svg") && !ext.equals("pdf")) {
                throw new IllegalArgumentException("plotModel: cannot write \"" + path.getFileName()
                        + "\": use a .png, .svg, .pdf or .dot file name");
            }
            if (!graphvizAvailable()) {
                Path dotFile = path.resolveSibling(path.getFileName().toString() + ".dot");
                Files.writeString(dotFile, dot, StandardCharsets.UTF_8);
                System.err.println("plotModel: Graphviz's 'dot' program was not found, so " + path + " was not "
                        + "rendered; the DOT text is in " + dotFile + ". Install Graphviz (Debian/Ubuntu: "
                        + "apt-get install graphviz) to get " + ext.toUpperCase(Locale.ROOT) + " pictures.");
                return dotFile;
            }
            render(dot, ext, path);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("plotModel: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether Graphviz's {@code dot} program can be run. */
    public static boolean graphvizAvailable() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void render(String dot, String format, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".plot", "." + format);
        try {
            Process p = new ProcessBuilder("dot", "-T" + format, "-o", tmp.toString())
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("Graphviz failed to render the model: " + log.strip());
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while Graphviz rendered the model", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The DOT text of the picture. */
    public static String toDot(Model model, boolean showShapes, boolean showLayerNames, boolean showTrainable,
                               String rankdir, boolean expandNested) {
        if (!"TB".equals(rankdir) && !"LR".equals(rankdir) && !"BT".equals(rankdir) && !"RL".equals(rankdir)) {
            throw new IllegalArgumentException("plotModel: rankdir must be TB, LR, BT or RL, got \"" + rankdir + "\"");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("digraph \"").append(escape(model.name())).append("\" {\n");
        sb.append("  graph [rankdir=").append(rankdir).append(", dpi=96, fontname=\"Helvetica\"];\n");
        sb.append("  node [shape=record, style=\"rounded,filled\", fillcolor=\"#f2f5fb\", fontname=\"Helvetica\", fontsize=11];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        appendGraph(sb, model, "", showShapes, showLayerNames, showTrainable, expandNested, "  ");
        sb.append("}\n");
        return sb.toString();
    }

    private static void appendGraph(StringBuilder sb, Model model, String prefix, boolean showShapes,
                                    boolean showLayerNames, boolean showTrainable, boolean expandNested,
                                    String indent) {
        List<LayerGraph.Node> nodes = LayerGraph.of(model);
        for (LayerGraph.Node n : nodes) {
            String id = prefix + n.name();
            if (expandNested && n.layer() instanceof Model inner) {
                sb.append(indent).append("subgraph \"cluster_").append(escape(id)).append("\" {\n");
                sb.append(indent).append("  label=\"").append(escape(n.name())).append(" (")
                        .append(escape(n.className())).append(")\"; style=dashed;\n");
                appendGraph(sb, inner, id + "/", showShapes, showLayerNames, showTrainable, true, indent + "  ");
                sb.append(indent).append("}\n");
                continue;
            }
            sb.append(indent).append('"').append(escape(id)).append("\" [label=\"")
                    .append(label(n, showShapes, showLayerNames, showTrainable)).append("\"");
            if (showTrainable && !n.trainable()) {
                sb.append(", fillcolor=\"#e6e6e6\"");
            }
            sb.append("];\n");
        }
        for (LayerGraph.Node n : nodes) {
            for (String in : n.inputs()) {
                String from = prefix + in;
                LayerGraph.Node source = nodes.stream().filter(m -> m.name().equals(in)).findFirst().orElse(null);
                if (expandNested && source != null && source.layer() instanceof Model innerSource) {
                    List<LayerGraph.Node> innerNodes = LayerGraph.of(innerSource);
                    from = prefix + in + "/" + innerNodes.get(innerNodes.size() - 1).name();
                }
                String to = prefix + n.name();
                if (expandNested && n.layer() instanceof Model innerTarget) {
                    List<LayerGraph.Node> innerNodes = LayerGraph.of(innerTarget);
                    to = prefix + n.name() + "/" + innerNodes.get(0).name();
                }
                sb.append(indent).append('"').append(escape(from)).append("\" -> \"").append(escape(to)).append("\";\n");
            }
        }
    }

    private static String label(LayerGraph.Node n, boolean showShapes, boolean showLayerNames, boolean showTrainable) {
        StringBuilder l = new StringBuilder();
        l.append(showLayerNames ? escapeRecord(n.name()) + " (" + escapeRecord(n.className()) + ")" : escapeRecord(n.className()));
        if (showTrainable) {
            l.append(n.trainable() ? "\\nTrainable: True" : "\\nTrainable: False");
        }
        if (showShapes) {
            String out = n.outputShape() == null ? "?" : Layer.withBatch(n.outputShape());
            l.append("|{Output shape:|").append(escapeRecord(out)).append('}');
        }
        return showShapes ? "{" + l + "}" : l.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Record labels reserve {}|<> and quotes. */
    private static String escapeRecord(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("{}|<>\"\\".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
