package ganglion.utils.images;

/**
 * A decoded image as unsigned bytes in channels-last order (row, column, channel), the layout of Keras's
 * {@code img_to_array} before the cast to float.
 *
 * @param height   rows
 * @param width    columns
 * @param channels 1 (grey) or 3 (RGB)
 * @param pixels   height * width * channels values 0..255
 */
public record DecodedImage(int height, int width, int channels, byte[] pixels) {

    /** The value at (row, column, channel), 0..255. */
    public int get(int row, int col, int channel) {
        return pixels[(row * width + col) * channels + channel] & 0xFF;
    }
}
