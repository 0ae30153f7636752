package ganglion.applications;

/**
 * One entry of Keras's {@code decode_predictions}: the tuple {@code (class_name, class_description, score)},
 * e.g. {@code ("n02504458", "African_elephant", 0.91)}.
 *
 * @param classId     WordNet id of the ImageNet class
 * @param description human-readable class name
 * @param score       the model's output for that class
 */
public record Prediction(String classId, String description, float score) {
}
