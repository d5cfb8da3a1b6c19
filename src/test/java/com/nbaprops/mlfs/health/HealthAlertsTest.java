package com.nbaprops.mlfs.health;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.LocalRun;
import com.nbaprops.mlfs.tools.SampleConfig;
import com.nbaprops.mlfs.tools.SampleLeague;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * One-day upstream breaks planted in a generated season fire the right alerts and nothing else:
 * every team-defense rating 15 points off on one analysis date, and one game date without
 * composite factors. The same range of the unbroken league is the reference.
 */
public class HealthAlertsTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  static final String START = "2024-12-20";
  static final String END = "2025-02-20";
  static final String DEFENSE_BROKEN = "2025-01-22";
  static final String COMPOSITE_MISSING = "2025-02-12";
  static TreeSet<String> clean;
  static TreeSet<String> broken;

  @BeforeClass
  public static void runBoth() throws IOException {
    Path league = TMP.newFolder("league").toPath();
    SampleLeague.generate(new SampleConfig(7, 1, 2024), league);
    Path bad = TMP.newFolder("broken").toPath();
    LocalRun.copyTree(league, bad);
    rewrite(bad.resolve("team_defense_zone_analysis"), r -> {
      if (DEFENSE_BROKEN.equals(r.get("analysis_date"))) {
        r.put("defensive_rating_last_15",
            ((Number) r.get("defensive_rating_last_15")).doubleValue() + 15);
      }
      return r;
    });
    rewrite(bad.resolve("player_composite_factors"),
        r -> COMPOSITE_MISSING.equals(r.get("game_date")) ? null : r);
    clean = alerts(league, "clean");
    broken = alerts(bad, "bad");
  }

  static TreeSet<String> alerts(Path league, String out) throws IOException {
    LocalRun run = LocalRun.run(TMP.newFolder(out).toPath(), "--mode=backfill",
        "--startDate=" + START, "--endDate=" + END, "--inputDir=" + league,
        "--progressSeconds=0");
    assertEquals(run.stderr, 0, run.exitCode);
    TreeSet<String> all = new TreeSet<>();
    run.healthByDate().forEach((d, h) -> ((List<?>) h.get("alerts")).forEach(a -> all.add(d
        + " " + a)));
    return all;
  }

  /** Rewrites every gzip NDJSON file of a table folder; {@code edit} null drops the row. */
  static void rewrite(Path folder, Function<Map<String, Object>, Map<String, Object>> edit)
      throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      // (a rewritten file no longer matches the folder's index: the job reads it in full)
      for (Path f : files.filter(f -> f.toString().endsWith(".ndjson.gz")).toList()) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            Map<String, Object> row = edit.apply(Json.readObject(line));
            if (row != null) {
              out.add(Json.write(row));
            }
          }
        }
        try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(f)),
            StandardCharsets.UTF_8)) {
          for (String line : out) {
            w.write(line + "\n");
          }
        }
      }
    }
  }

  @Test
  public void theBreaksAddTheirAlertsAndNothingElse() {
    TreeSet<String> added = new TreeSet<>(broken);
    added.removeAll(clean);
    TreeSet<String> removed = new TreeSet<>(clean);
    removed.removeAll(broken);
    assertTrue("the defense break fires on its date: " + added,
        added.contains(DEFENSE_BROKEN + " drift:opponent_def_rating"));
    // Of the composite features, #6 and #7 read the row dated D only (feature contract); #5 and
    // #8 fall back to the latest row of the 7 days before, so they do not default.
    List<String> composite = List.of(COMPOSITE_MISSING + " default_rate_jump:pace_score",
        COMPOSITE_MISSING + " default_rate_jump:shot_zone_mismatch_score");
    assertTrue("the missing composite day fires: " + added, added.containsAll(composite));
    for (String a : added) {
      boolean defense = a.endsWith(" drift:opponent_def_rating")
          && a.compareTo(DEFENSE_BROKEN) >= 0 && a.compareTo("2025-01-30") < 0;
      assertTrue("unexpected alert " + a + " (all added: " + added + ")",
          defense || composite.contains(a));
    }
    assertEquals("alerts the breaks hid", new TreeSet<>(), removed);
  }
}
