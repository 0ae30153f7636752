package ganglion.reliability;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Java serialization is never used: no main source of any module reads or writes Java object streams or
 * defines serialization hooks, so no loaded file can make the library instantiate arbitrary classes.
 * (Exceptions keep the {@code serialVersionUID} every Throwable carries; that is not a use.)
 */
class NoSerializationTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "ObjectInputStream|ObjectOutputStream|\\breadObject\\s*\\(|\\bwriteObject\\s*\\(|\\breadResolve\\s*\\("
                    + "|\\bwriteReplace\\s*\\(|Externalizable|implements[^{]*\\bSerializable\\b|XMLDecoder");

    @Test
    void noMainSourceUsesJavaSerialization() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(root.resolve("src/main/java")) && Files.isDirectory(root.resolve("ganglion-core"))) {
            root = root.resolve("ganglion-core");
        }
        Path repo = root.getParent();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repo)) {
            for (Path m : (Iterable<Path>) modules::iterator) {
                Path main = m.resolve("src/main/java");
                if (Files.isDirectory(main)) {
                    try (Stream<Path> s = Files.walk(main)) {
                        s.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
                    }
                }
            }
        }
        assertTrue(sources.size() > 50, "found only " + sources.size() + " main sources under " + repo);
        List<String> hits = new ArrayList<>();
        for (Path p : sources) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (FORBIDDEN.matcher(lines.get(i)).find()) {
                    hits.add(repo.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).trim());
                }
            }
        }
        assertTrue(hits.isEmpty(), "Java serialization used in main sources:\n" + String.join("\n", hits));
    }
}
