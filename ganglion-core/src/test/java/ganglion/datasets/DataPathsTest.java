package ganglion.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataPathsTest {

    @TempDir
    Path tmp;

    private static final List<String> FILES = List.of("a.gz", "b.csv");

    @Test
    void searchOrderIsUserThenCachesThenSystemThenShared() {
        Path home = tmp.resolve("home");
        DataPaths p = DataPaths.of(Map.of("GANGLION_DATA", "/d", "GANGLION_SHARED_DATA", "/s"), home);
        assertEquals(List.of(Path.of("/d/fashion-mnist"), home.resolve(".ganglion/datasets/fashion-mnist"),
                home.resolve(".keras/datasets/fashion-mnist"), Path.of("/usr/share/datasets/fashion-mnist"),
                Path.of("/s/fashion-mnist")), p.candidates("fashion-mnist"));
        // unset variables and data sets without a system folder add nothing
        DataPaths q = DataPaths.of(Map.of(), home);
        assertEquals(List.of(home.resolve(".ganglion/datasets/iris"), home.resolve(".keras/datasets/iris")),
                q.candidates("iris"));
    }

    @Test
    void firstFolderWithEveryFileWins(@TempDir Path home) throws IOException {
        Path user = tmp.resolve("user");
        Path shared = tmp.resolve("shared");
        Files.createDirectories(user.resolve("x"));
        Files.writeString(user.resolve("x/a.gz"), "only one of two files");
        Files.createDirectories(shared.resolve("x"));
        Files.writeString(shared.resolve("x/a"), "unzipped twin counts");
        Files.writeString(shared.resolve("x/b.csv"), "1,2");
        DataPaths p = DataPaths.of(Map.of("GANGLION_DATA", user.toString(),
                "GANGLION_SHARED_DATA", shared.toString()), home);
        assertEquals(shared.resolve("x"), p.find("x", FILES).orElseThrow());
        Files.writeString(user.resolve("x/b.csv"), "now complete");
        assertEquals(user.resolve("x"), p.find("x", FILES).orElseThrow());
        assertEquals(shared.resolve("x/a"), DataPaths.resolveFile(shared.resolve("x"), "a.gz"));
    }

    @Test
    void missingDataSetMessageSaysWhereToPutTheFiles(@TempDir Path home) throws IOException {
        Path user = tmp.resolve("user");
        Files.createDirectories(user.resolve("x"));
        Files.writeString(user.resolve("x/a.gz"), "");
        DataPaths p = DataPaths.of(Map.of("GANGLION_DATA", user.toString()), home);
        assertFalse(p.find("x", FILES).isPresent());
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> p.require("x", "The X set", FILES, "Get it from the X project."));
        String m = e.getMessage();
        assertTrue(m.startsWith("The X set was not found."), m);
        assertTrue(m.contains(user.resolve("x") + " [$GANGLION_DATA]: lacks b.csv"), m);
        assertTrue(m.contains(home.resolve(".ganglion/datasets/x") + " [user cache]: no such folder"), m);
        assertTrue(m.contains("$GANGLION_SHARED_DATA (not set)"), m);
        assertTrue(m.contains("To fix: put them into " + home.resolve(".ganglion/datasets/x") + "/"), m);
        assertTrue(m.contains("Get it from the X project."), m);
        assertTrue(m.contains("does not download"), m);
        assertEquals("x", e.dataset());
    }

    @Test
    void requireAnyTakesTheFirstFolderHoldingOneOfTheNames(@TempDir Path home) throws IOException {
        Path user = tmp.resolve("user");
        Path shared = tmp.resolve("shared");
        Files.createDirectories(user.resolve("t"));
        Files.createDirectories(shared.resolve("t"));
        Files.writeString(user.resolve("t/second-name.csv.gz"), "");
        Files.writeString(shared.resolve("t/first-name.csv"), "");
        DataPaths p = DataPaths.of(Map.of("GANGLION_DATA", user.toString(),
                "GANGLION_SHARED_DATA", shared.toString()), home);
        assertEquals(user.resolve("t/second-name.csv.gz"),
                p.requireAny("t", "T", List.of("first-name.csv", "second-name.csv"), null));
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> p.requireAny("t", "The T table", List.of("other.csv", "else.csv"), null));
        assertTrue(e.getMessage().startsWith("The T table was not found. Ganglion looked for any of other.csv,"
                + " else.csv"), e.getMessage());
    }
}
