package com.nbaprops.mlfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;

import com.nbaprops.mlfs.tools.VerifyRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The gap lifecycle across runs into one local output folder (the tiny league's bootstrap days). */
public class GapHistoryTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final String DAY = "2023-10-25";   // a bootstrap day of the 2023 season

  private static List<Map<String, Object>> gaps(Path out) {
    return LocalRun.read(out).table("feature_store_gaps")
        .getOrDefault("game_date=" + DAY + ".ndjson", List.of());
  }

  /** Each run of the history test runs one hour after the previous one (no wall-clock wait). */
  private static java.time.Instant clock = java.time.Instant.parse("2026-01-01T00:00:00Z");

  private static LocalRun run(Path out, String runId, String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "--startDate=" + DAY;
    args[1] = "--inputDir=" + EndToEndTest.TINY_PATH();
    args[2] = "--runId=" + runId;
    System.arraycopy(extra, 0, args, 3, extra.length);
    clock = clock.plusSeconds(3600);
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
    all.add("--outputDir=" + out);
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = FeatureStorePipeline.run(all.toArray(String[]::new),
        new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8), clock);
    assertEquals(e.toString(StandardCharsets.UTF_8), 0, code);
    return LocalRun.read(out);
  }

  private static String createdAt(LocalRun r, String table) {
    return (String) r.table(table).values().iterator().next().get(0).get("created_at");
  }

  @Test
  public void bootstrapDaysSetsHowManyOpeningDaysAreSkipped() throws Exception {
    // The 2023 season starts 2023-10-24, so 2023-10-25 is its day 1.
    Path skipped = TMP.newFolder("bootstrap-14").toPath();
    run(skipped, "b14");
    assertEquals(4, gaps(skipped).size());
    Path two = TMP.newFolder("bootstrap-2").toPath();
    run(two, "b2", "--bootstrapDays=2");
    assertEquals(4, gaps(two).size());
    Path one = TMP.newFolder("bootstrap-1").toPath();
    LocalRun built = run(one, "b1", "--bootstrapDays=1");
    assertEquals(0, gaps(one).size());
    List<Map<String, Object>> rows = built.table("ml_feature_store_v2").get(
        "game_date=" + DAY + ".ndjson");
    assertEquals(4, rows.size());
    for (Map<String, Object> r : rows) {
      assertEquals(true, r.get("early_season_flag"));   // still in the contract's 14 days
    }
    // --includeBootstrap is --bootstrapDays=0: the same rows.
    Path all = TMP.newFolder("bootstrap-0").toPath();
    LocalRun included = run(all, "b0", "--includeBootstrap");
    assertEquals(built.rowsByKey("ml_feature_store_v2"),
        included.rowsByKey("ml_feature_store_v2"));
  }

  @Test
  public void aGapAppearsPersistsIsResolvedAndStaysResolved() throws Exception {
    Path out = TMP.newFolder("history").toPath();
    // 1: the bootstrap day is skipped: 4 open bootstrap gaps, detected now.
    run(out, "r1");
    List<Map<String, Object>> first = gaps(out);
    assertEquals(4, first.size());
    String detected = (String) first.get(0).get("detected_at");
    for (Map<String, Object> g : first) {
      assertEquals("bootstrap", g.get("reason"));
      assertNull(g.get("resolved_at"));
    }
    // 2: the same inputs: the same gaps, first detection kept, only the run id moves.
    run(out, "r2");
    List<Map<String, Object>> second = gaps(out);
    assertEquals(4, second.size());
    for (int i = 0; i < 4; i++) {
      Map<String, Object> a = new java.util.HashMap<>(first.get(i));
      Map<String, Object> b = new java.util.HashMap<>(second.get(i));
      assertEquals("r2", b.remove("run_id"));
      a.remove("run_id");
      assertEquals(a, b);
    }
    // 3: the bootstrap day is built: the gaps are history, resolved at run 3's time by r3.
    LocalRun third = run(out, "r3", "--includeBootstrap");
    String resolvedAt = createdAt(third, "ml_feature_store_v2");
    List<Map<String, Object>> resolved = gaps(out);
    assertEquals(4, resolved.size());
    for (Map<String, Object> g : resolved) {
      assertEquals(detected, g.get("detected_at"));
      assertEquals(resolvedAt, g.get("resolved_at"));
      assertEquals("r3", g.get("resolved_by"));
    }
    // verify-run counts open gaps only: roster = rows + open gaps still holds.
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    assertEquals(0, VerifyRun.cli(new String[] {"--inputDir=" + EndToEndTest.TINY_PATH(),
        "--outputDir=" + out, "--startDate=" + DAY},
        new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(o, true,
            StandardCharsets.UTF_8)));
    // 4: built again: they stay resolved with run 3's time and id.
    run(out, "r4", "--includeBootstrap");
    for (Map<String, Object> g : gaps(out)) {
      assertEquals(resolvedAt, g.get("resolved_at"));
      assertEquals("r3", g.get("resolved_by"));
      assertEquals(detected, g.get("detected_at"));
    }
    // 5: skipped again: open again, detected anew, no resolution.
    run(out, "r5");
    List<Map<String, Object>> reopened = gaps(out);
    assertEquals(4, reopened.size());
    for (Map<String, Object> g : reopened) {
      assertNull(g.get("resolved_at"));
      assertNull(g.get("resolved_by"));
      assertNotEquals(detected, g.get("detected_at"));
      assertEquals(java.time.Instant.parse(detected).isBefore(java.time.Instant.parse(
          (String) g.get("detected_at"))), true);
    }
  }
}
