package ganglion.datasets;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TarReaderTest {

    @Test
    void readsMembersInOrderAndSkipsUnreadContent() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("dir/a.txt", "alpha".getBytes());
        m.put("dir/big.bin", new byte[1500]);
        m.put("dir/c.txt", "gamma".getBytes());
        List<String> names = new ArrayList<>();
        try (TarReader t = TarReader.open(new ByteArrayInputStream(TestArchives.tarGz(m)), "mem")) {
            for (TarReader.Entry e; (e = t.next()) != null; ) {
                names.add(e.name() + ":" + e.size());
                if (e.name().endsWith("c.txt")) {
                    assertArrayEquals("gamma".getBytes(), t.readContent());
                }
            }
        }
        assertEquals(List.of("dir/a.txt:5", "dir/big.bin:1500", "dir/c.txt:5"), names);
    }
}
