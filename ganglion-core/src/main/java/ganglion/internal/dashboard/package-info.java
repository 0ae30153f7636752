/** The live training page: an HTTP server with server-sent events and a bundled, dependency-free page. */
package ganglion.internal.dashboard;
