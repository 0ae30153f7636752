/** Charts as the tutorials draw them with matplotlib: training curves, image grids, confusion matrices. */
package ganglion.plot;
