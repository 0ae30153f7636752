package ganglion.models;

import ganglion.Ganglion;
import ganglion.Tensor;
import ganglion.layers.NameScope;
import ganglion.layers.Dense;
import ganglion.layers.Flatten;
import ganglion.losses.CategoricalCrossentropy;
import ganglion.optimizers.Adam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Expected tables were produced by rich 13 with Keras's print_summary settings (Table(width=88), ...). */
class SummaryTest {

    private static final String MLP_TABLE = String.join("\n",
            "Model: \"sequential\"",
            "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓",
            "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃",
            "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩",
            "│ flatten (Flatten)                    │ (None, 784)                 │               0 │",
            "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤",
            "│ dense (Dense)                        │ (None, 128)                 │         100,480 │",
            "├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤",
            "│ dense_1 (Dense)                      │ (None, 10)                  │           1,290 │",
            "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘",
            "");

    @BeforeEach
    void reset() {
        NameScope.clear();
        Ganglion.setRandomSeed(0);
    }

    private static Sequential mlp() {
        Sequential m = new Sequential();
        m.add(new Flatten().inputShape(28, 28));
        m.add(new Dense(128, "relu"));
        m.add(new Dense(10, "softmax"));
        return m;
    }

    @Test
    void denseMlpTableMatchesKeras() {
        String expected = MLP_TABLE
                + " Total params: 101,770 (397.54 KB)\n"
                + " Trainable params: 101,770 (397.54 KB)\n"
                + " Non-trainable params: 0 (0.00 B)\n";
        assertEquals(expected, mlp().summaryString());
    }

    @Test
    void afterFitWithAdamTheOptimizerIsCounted() {
        Sequential m = mlp();
        m.compile(new Adam(), new CategoricalCrossentropy(), "accuracy");
        float[] y = new float[4 * 10];
        for (int i = 0; i < 4; i++) {
            y[i * 10 + i] = 1;
        }
        m.fit(Tensor.randomUniform(0, 1, 4, 28, 28), Tensor.wrap(y, 4, 10), new FitOptions().verbose(0));
        String expected = MLP_TABLE
                + " Total params: 305,312 (1.16 MB)\n"
                + " Trainable params: 101,770 (397.54 KB)\n"
                + " Non-trainable params: 0 (0.00 B)\n"
                + " Optimizer params: 203,542 (795.09 KB)\n";
        assertEquals(expected, m.summaryString());
    }

    @Test
    void compiledByNamesTheOptimizerIsCountedAfterFit() {
        Sequential m = mlp();
        m.compile("adam", "categorical_crossentropy", "accuracy");
        String before = m.summaryString();
        assertEquals(false, before.contains("Optimizer params"));
        float[] y = new float[2 * 10];
        y[3] = 1;
        y[17] = 1;
        m.fit(Tensor.randomUniform(0, 1, 2, 28, 28), Tensor.wrap(y, 2, 10), new FitOptions().verbose(0));
        assertEquals(true, m.summaryString().endsWith(" Optimizer params: 203,542 (795.09 KB)\n"));
    }

    @Test
    void summaryPrintsToTheModelOutput() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Sequential m = mlp();
        m.setOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        m.summary();
        assertEquals(m.summaryString(), bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        m.summary(76);
        assertEquals(m.summaryString(76), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void narrowerLineLengthMatchesKerasIoLayout() {
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
                "│ flatten (Flatten)               │ (None, 784)            │             0 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dense (Dense)                   │ (None, 128)            │       100,480 │",
                "├─────────────────────────────────┼────────────────────────┼───────────────┤",
                "│ dense_1 (Dense)                 │ (None, 10)             │         1,290 │",
                "└─────────────────────────────────┴────────────────────────┴───────────────┘",
                " Total params: 101,770 (397.54 KB)",
                " Trainable params: 101,770 (397.54 KB)",
                " Non-trainable params: 0 (0.00 B)",
                "");
        assertEquals(expected, mlp().summaryString(76));
    }

    @Test
    void unbuiltModelShowsQuestionMarksAndEmptyModelAnEmptyTable() {
        Sequential m = new Sequential(new Dense(3));
        String s = m.summaryString();
        assertEquals("│ dense (Dense)                        │ ?                           │     0 (unbuilt) │",
                s.split("\n")[4]);
        String empty = new Sequential().summaryString();
        assertEquals(String.join("\n",
                "Model: \"sequential_1\"",
                "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓",
                "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃",
                "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩",
                "└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘",
                " Total params: 0 (0.00 B)",
                " Trainable params: 0 (0.00 B)",
                " Non-trainable params: 0 (0.00 B)",
                ""), empty);
    }

    @Test
    void longCellsWrapAsRichDoes() {
        assertEquals(List.of("a_really_long_layer_name_that_goes_…", "(Dense)"),
                SummaryTable.wrap("a_really_long_layer_name_that_goes_on_and_on (Dense)", 36));
        assertEquals(List.of("(None, 12, 12, 12, 12, 12, ", "12, 12, 12, 12)"),
                SummaryTable.wrap("(None, 12, 12, 12, 12, 12, 12, 12, 12, 12)", 27));
        assertEquals(List.of("x y z x y z x y z x y z x y z x y z ", "x y z x y z x y z x y z  (Dense)"),
                SummaryTable.wrap("x y z ".repeat(10) + " (Dense)", 36));
    }

    @Test
    void columnWidthsFollowRich() {
        assertArrayEquals(new int[]{39, 31, 18}, SummaryTable.columnWidths(new double[]{0.45, 0.80, 1.0}, 88));
        assertArrayEquals(new int[]{38, 29, 17}, SummaryTable.renderedWidths(new int[]{39, 31, 18}, 88));
        assertArrayEquals(new int[]{33, 24, 15}, SummaryTable.renderedWidths(new int[]{34, 26, 16}, 76));
        assertEquals(4, SummaryTable.pythonRound(3.5));
        assertEquals(2, SummaryTable.pythonRound(2.5));
    }

    @Test
    void readableSizesAsKeras() {
        assertEquals("0.00 B", SummaryTable.readableSize(0));
        assertEquals("397.54 KB", SummaryTable.readableSize(407_080));
        assertEquals("1.16 MB", SummaryTable.readableSize(1_221_248));
        assertEquals("1023.00 B", SummaryTable.readableSize(1023));
        assertEquals("1.00 KB", SummaryTable.readableSize(1024));
    }
}
