package com.nbaprops.mlfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.tools.SampleConfig;
import com.nbaprops.mlfs.tools.SampleLeague;
import com.nbaprops.mlfs.tools.TableWriter;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * On a generated league (6 teams, one season with play-offs): the same rows whatever the
 * parallelism and across runs; and, for cut dates drawn at random (fixed seed), removing every row
 * dated after the cut from every table changes no row dated at or before it.
 */
public class DeterminismTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  static Path league;
  static LocalRun baseline;
  static final String START = "2024-11-01";
  static final String END = "2025-06-30";

  @BeforeClass
  public static void generateAndRun() throws IOException {
    league = TMP.newFolder("league").toPath();
    SampleLeague.generate(new SampleConfig(11, 1, 2024, 6), league);
    baseline = LocalRun.run(TMP.newFolder("p1").toPath(), "--startDate=" + START,
        "--endDate=" + END, "--inputDir=" + league, "--targetParallelism=1", "--playerShards=0");
    assertEquals(baseline.stderr, 0, baseline.exitCode);
  }

  @Test
  public void sameRowsWhateverTheParallelismAndPlayerShards() throws IOException {
    // Parallelism 4 and three player shards (the baseline: one join key per player).
    LocalRun four = LocalRun.run(TMP.newFolder("p4").toPath(), "--startDate=" + START,
        "--endDate=" + END, "--inputDir=" + league, "--targetParallelism=4", "--playerShards=3");
    assertEquals(four.stderr, 0, four.exitCode);
    Map<String, Map<String, Object>> rows = baseline.rowsByKey("ml_feature_store_v2");
    assertFalse(rows.isEmpty());
    assertEquals(rows, four.rowsByKey("ml_feature_store_v2"));
    assertEquals(baseline.rowsByKey("feature_store_gaps"), four.rowsByKey("feature_store_gaps"));
    // Byte-identical files apart from the run-specific columns.
    assertEquals(strippedFiles(baseline), strippedFiles(four));
  }

  private static Map<String, String> strippedFiles(LocalRun run) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (String table : List.of("ml_feature_store_v2", "feature_store_gaps")) {
      Path root = run.outputDir.resolve(table);
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          out.put(table + "/" + root.relativize(f), Files.readString(f)
              .replaceAll("\"run_id\":\"[^\"]*\"", "").replaceAll("\"(created_at|detected_at)\":"
                  + "\"[^\"]*\"", ""));
        }
      }
    }
    return out;
  }

  @Test
  public void rowsUpToACutDoNotDependOnDataAfterIt() throws IOException {
    Random random = new Random(20261123L);
    LocalDate start = LocalDate.parse(START);
    int days = (int) (LocalDate.parse("2025-06-01").toEpochDay() - start.toEpochDay());
    Map<String, Map<String, Object>> full = baseline.rowsByKey("ml_feature_store_v2");
    for (int k = 0; k < 3; k++) {
      LocalDate cut = start.plusDays(random.nextInt(days));
      Path cutLeague = TMP.newFolder("cut-" + cut).toPath();
      truncate(league, cutLeague, cut);
      LocalRun run = LocalRun.run(TMP.newFolder("cut-out-" + cut).toPath(), "--startDate="
          + START, "--endDate=" + cut, "--inputDir=" + cutLeague);
      assertEquals(run.stderr, 0, run.exitCode);
      Map<String, Map<String, Object>> before = run.rowsByKey("ml_feature_store_v2");
      int compared = 0;
      for (Map.Entry<String, Map<String, Object>> e : full.entrySet()) {
        LocalDate d = LocalDate.parse(e.getKey().substring(e.getKey().indexOf('|') + 1));
        if (!d.isAfter(cut)) {
          assertEquals("cut " + cut + ": " + e.getKey(), e.getValue(), before.get(e.getKey()));
          compared++;
        }
      }
      assertEquals(compared, before.size());
    }
  }

  /** Copies the league keeping only rows dated on or before the cut (by each table's date). */
  static void truncate(Path from, Path to, LocalDate cut) throws IOException {
    for (SourceTable<?> t : SourceTable.ALL) {
      List<String> kept = new ArrayList<>();
      Path dir = from.resolve(t.name());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".ndjson.gz")).toList()) {
          try (BufferedReader r = new BufferedReader(new InputStreamReader(
              new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
              String d = (String) Json.readObject(line).get(t.dateColumn());
              if (!LocalDate.parse(d).isAfter(cut)) {
                kept.add(line);
              }
            }
          }
        }
      }
      Files.createDirectories(to.resolve(t.name()));
      TableWriter.writeLines(to.resolve(t.name()).resolve("cut.ndjson.gz"), kept);
    }
  }
}
