/**
 * Charts as the tutorials draw them with matplotlib: training curves ({@link ganglion.plot.Plots#history}),
 * accuracy and loss side by side ({@link ganglion.plot.Plots#historyGrid}), sample-image grids like
 * {@code imshow} ({@link ganglion.plot.Plots#images}) and confusion matrices
 * ({@link ganglion.plot.Plots#confusionMatrix}). Each returns a {@link ganglion.plot.Figure} whose
 * {@code save(path)} writes PNG or SVG, chosen by the file extension. Rendering is headless
 * ({@code java.awt.headless=true}), so it works on servers and in CI.
 *
 * <p><b>Why XChart</b> (org.knowm.xchart 3.8.8) rather than JFreeChart: it is small (one jar of about
 * 0.4 MB plus VectorGraphics2D for SVG), Apache-2.0 licensed like Ganglion, still maintained, and its charts
 * paint straight onto any {@code Graphics2D} with defaults close to matplotlib's (line charts with
 * legends, axis titles, a plot grid). That one {@code paint(Graphics2D, w, h)} method lets a figure lay
 * several charts side by side (matplotlib's {@code subplot}) and write the same drawing as PNG through
 * {@code ImageIO} or as SVG through VectorGraphics2D. JFreeChart (LGPL) is larger and needs JFreeSVG, a
 * further dependency, for SVG. Image grids and confusion matrices are drawn with plain Java2D, which
 * reproduces matplotlib's {@code imshow} look more closely than a heat-map chart.
 */
package ganglion.plot;
