package com.nbaprops.mlfs.source;

import static org.junit.Assert.assertEquals;

import com.nbaprops.mlfs.source.ReadFileTables.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;
import org.junit.Test;

/** How the listed files are spread over the parse step's keys. */
public class ReadFileTablesTest {
  private static SourceFile read(String path, long bytes) {
    return new SourceFile("t", path, bytes, -1);
  }

  @Test
  public void largestFilesFirstEachToTheLeastLoadedKeyAndPassedOverFilesMergedPerTable() {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < ReadFileTables.KEYS; i++) {
      files.add(read("big" + i, 100));
    }
    files.add(read("small", 10));
    files.add(read("medium", 50));
    files.add(new SourceFile("t", "old1", 7, 3));
    files.add(new SourceFile("u", "old2", 7, 4));
    files.add(new SourceFile("t", "old3", 7, 5));
    List<KV<Integer, SourceFile>> spread = ReadFileTables.spread(files);

    Map<String, Integer> keyOf = new TreeMap<>();
    Map<String, Long> passedOver = new TreeMap<>();
    for (KV<Integer, SourceFile> kv : spread) {
      if (kv.getValue().passOverRows() >= 0) {
        assertEquals(0, (int) kv.getKey());
        passedOver.put(kv.getValue().table(), kv.getValue().passOverRows());
      } else {
        keyOf.put(kv.getValue().path(), kv.getKey());
      }
    }
    // one element per table for its passed-over files, with their rows summed
    assertEquals(Map.of("t", 8L, "u", 4L), passedOver);
    // the eight big files take one key each; then the medium file goes to key 0 (all equally
    // loaded, the lowest), and the small one to key 1 (key 0 now carries 150)
    for (int i = 0; i < ReadFileTables.KEYS; i++) {
      assertEquals(i, (int) keyOf.get("big" + i));
    }
    assertEquals(0, (int) keyOf.get("medium"));
    assertEquals(1, (int) keyOf.get("small"));
    assertEquals(spread, ReadFileTables.spread(new ArrayList<>(files))); // deterministic
  }
}
