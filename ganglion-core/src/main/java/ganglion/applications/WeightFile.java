package ganglion.applications;

/**
 * One file Keras publishes for its applications (weights, or the ImageNet class index), as Keras's
 * {@code get_file(file_name, origin, cache_subdir="models", file_hash=...)} call names it.
 *
 * @param name file name in Keras's cache ({@code ~/.keras/models})
 * @param url  published location
 * @param md5  the published checksum (Keras publishes MD5 digests), or null where Keras publishes none
 */
public record WeightFile(String name, String url, String md5) {
}
