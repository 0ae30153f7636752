package ganglion.saving;

import ganglion.Tensor;
import ganglion.layers.Dense;
import ganglion.models.Model;
import ganglion.models.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM saves a model over and over; it is killed with SIGKILL at random moments. The file on disk must
 * always load as one complete model (every weight of one save, never a mix or a torn file).
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    /** The child: saves a model whose weights all equal k, for k = 1, 2, 3, ... */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        Sequential m = new Sequential();
        m.add(new Dense(64).inputShape(64));
        m.add(new Dense(64));
        for (int k = 1; ; k++) {
            List<Tensor> ws = new ArrayList<>();
            for (Tensor w : m.getWeights()) {
                ws.add(Tensor.full(k, w.shape()));
            }
            m.setWeights(ws);
            m.save(target);
            System.out.println("saved " + k);
            System.out.flush();
        }
    }

    @Test
    void killedSavesLeaveACompleteFile() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Random rnd = new Random(7);
        for (String name : new String[]{"crash.keras", "crash.h5"}) {
            Path target = dir.resolve(name);
            for (int round = 0; round < 3; round++) {
                Process p = new ProcessBuilder(javaBin, "--add-modules=jdk.incubator.vector", "-Xmx256m", "-cp",
                        System.getProperty("java.class.path"), CrashSafetyTest.class.getName(), target.toString())
                        .redirectErrorStream(true).start();
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line;
                int saves = 0;
                long killAfter = 3 + rnd.nextInt(25);
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("saved ")) {
                        saves++;
                        if (saves == 1) {
                            Thread.sleep(rnd.nextInt(40));
                        }
                        if (saves >= killAfter) {
                            break;
                        }
                    }
                }
                Thread.sleep(rnd.nextInt(15));
                p.destroyForcibly();   // SIGKILL on Linux
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                assertTrue(saves > 0, "the child never saved; its output ended with: " + line);
                Model back = Model.load(target);
                float first = back.getWeights().get(0).toFloatArray()[0];
                assertTrue(first >= 1, name);
                for (Tensor w : back.getWeights()) {
                    for (float v : w.toFloatArray()) {
                        assertEquals(first, v, 0f, name + ": a torn or mixed file");
                    }
                }
            }
            try (var s = Files.list(dir)) {
                s.filter(f -> f.getFileName().toString().endsWith(".tmp")).forEach(f -> f.toFile().delete());
            }
        }
    }
}
