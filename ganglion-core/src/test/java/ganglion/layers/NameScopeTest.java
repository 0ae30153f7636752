package ganglion.layers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NameScopeTest {

    @Test
    void snakeCaseMatchesKerasNaming() {
        assertEquals("dense", NameScope.snakeCase("Dense"));
        assertEquals("batch_normalization", NameScope.snakeCase("BatchNormalization"));
        assertEquals("conv2d", NameScope.snakeCase("Conv2D"));
        assertEquals("simple_rnn", NameScope.snakeCase("SimpleRNN"));
        assertEquals("input_layer", NameScope.snakeCase("InputLayer"));
        assertEquals("global_average_pooling2d", NameScope.snakeCase("GlobalAveragePooling2D"));
    }

    @Test
    void uniqueNamesCountPerBaseAndClearResets() {
        NameScope.clear();
        assertEquals("x", NameScope.uniqueName("x"));
        assertEquals("x_1", NameScope.uniqueName("x"));
        assertEquals("y", NameScope.uniqueName("y"));
        NameScope.release("x", "x");      // not the latest: ignored
        assertEquals("x_2", NameScope.uniqueName("x"));
        NameScope.release("x", "x_2");
        assertEquals("x_2", NameScope.uniqueName("x"));
        NameScope.release("z", "z");      // unknown base: ignored
        NameScope.clear();
        assertEquals("x", NameScope.uniqueName("x"));
        NameScope.release("x", "x");
        assertEquals("x", NameScope.uniqueName("x"));
    }
}
