package com.nbaprops.mlfs.health;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.EndToEndTest;
import com.nbaprops.mlfs.ExitCode;
import com.nbaprops.mlfs.LocalRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * feature_store_daily_health on the hand-made tiny league: every count and statistic equals a
 * GROUP BY over the written rows (recomputed here with BigDecimal), the coverage gate, and a
 * chunked backfill that gives the same rows as one backfill.
 */
public class HealthTableTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  static final Path TINY = EndToEndTest.TINY_PATH();
  static LocalRun run;

  @BeforeClass
  public static void backfill() throws IOException {
    run = LocalRun.run(TMP.newFolder("one").toPath(), "--mode=backfill",
        "--startDate=2023-10-25", "--endDate=2023-11-14", "--inputDir=" + TINY,
        "--bootstrapDays=0", "--progressSeconds=0");
    assertEquals(run.stderr, 0, run.exitCode);
  }

  @SuppressWarnings("unchecked")
  static <T> T get(Map<String, Object> m, String k) {
    return (T) m.get(k);
  }

  static long num(Object v) {
    return ((Number) v).longValue();
  }

  @Test
  public void oneRowPerDateWithRosterAndItsCountsAreTheWrittenRows() throws IOException {
    Map<String, Map<String, Object>> health = run.healthByDate();
    Map<String, Set<String>> roster = EndToEndTest.expectedRoster(TINY);
    roster.keySet().removeIf(d -> d.compareTo("2023-10-25") < 0 || d.compareTo("2023-11-14") > 0);
    assertEquals(roster.keySet(), health.keySet());
    Map<String, List<Map<String, Object>>> rows = byDate("ml_feature_store_v2");
    Map<String, List<Map<String, Object>>> gaps = byDate("feature_store_gaps");
    for (Map.Entry<String, Map<String, Object>> e : health.entrySet()) {
      String d = e.getKey();
      Map<String, Object> h = e.getValue();
      List<Map<String, Object>> r = rows.getOrDefault(d, List.of());
      List<Map<String, Object>> g = gaps.getOrDefault(d, List.of());
      assertEquals(d, roster.get(d).size(), num(h.get("roster_entries")));
      assertEquals(d, r.size(), num(h.get("feature_rows")));
      assertEquals(d, g.size(), num(h.get("gap_rows")));
      assertEquals(d, groupCount(g, "reason", "reason"), h.get("gaps_by_reason"));
      assertEquals(d, groupCount(r, "quality_tier", "tier"), h.get("tier_counts"));
      assertEquals(d, groupCount(r, "quality_alert_level", "level"), h.get("alert_level_counts"));
      long ready = r.stream().filter(x -> Boolean.TRUE.equals(x.get("is_quality_ready"))).count();
      assertEquals(d, ready, num(h.get("quality_ready_count")));
      assertEquals(d, r.stream().filter(x -> Boolean.TRUE.equals(x.get("is_training_ready")))
          .count(), num(h.get("training_ready_count")));
      assertEquals(d, r.stream().filter(x -> num(x.get("required_default_count")) > 0).count(),
          num(h.get("rows_with_required_defaults")));
      assertEquals(d, BigDecimal.valueOf(100 * ready).divide(
          BigDecimal.valueOf(roster.get(d).size()), 1, RoundingMode.HALF_EVEN).doubleValue(),
          ((Number) h.get("quality_ready_pct")).doubleValue(), 0);
      assertFeatures(d, r, get(h, "features"));
      assertNull(h.get("coverage_ok"));
    }
  }

  /** mean, sample stddev, min, max, zero and default counts per feature, as SQL would give. */
  static void assertFeatures(String d, List<Map<String, Object>> rows,
      List<Map<String, Object>> features) {
    assertEquals(37, features.size());
    for (int i = 0; i < 37; i++) {
      List<BigDecimal> values = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        List<Object> defaults = get(r, "default_feature_indices");
        if (!defaults.contains(i)) {
          values.add(new BigDecimal(((List<Object>) get(r, "features")).get(i).toString()));
        }
      }
      Map<String, Object> f = features.get(i);
      String what = d + " feature " + i;
      assertEquals(what, i, num(f.get("index")));
      assertEquals(what, rows.size() - values.size(), num(f.get("default_count")));
      assertEquals(what, values.size(), num(f.get("value_count")));
      if (values.isEmpty()) {
        assertNull(what, f.get("mean"));
        continue;
      }
      BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal n = BigDecimal.valueOf(values.size());
      BigDecimal mean = sum.divide(n, 30, RoundingMode.HALF_EVEN);
      assertEquals(what, mean.setScale(9, RoundingMode.HALF_EVEN).doubleValue(),
          ((Number) f.get("mean")).doubleValue(), 0);
      if (values.size() < 2) {
        assertNull(what, f.get("stddev"));
      } else {
        BigDecimal ss = BigDecimal.ZERO;
        for (BigDecimal x : values) {
          ss = ss.add(x.subtract(mean).pow(2));
        }
        BigDecimal sd = ss.divide(n.subtract(BigDecimal.ONE), 30, RoundingMode.HALF_EVEN)
            .sqrt(new MathContext(30));
        assertEquals(what, sd.setScale(9, RoundingMode.HALF_EVEN).doubleValue(),
            ((Number) f.get("stddev")).doubleValue(), 0);
      }
      assertEquals(what, values.stream().min(BigDecimal::compareTo).get().doubleValue(),
          ((Number) f.get("min")).doubleValue(), 0);
      assertEquals(what, values.stream().max(BigDecimal::compareTo).get().doubleValue(),
          ((Number) f.get("max")).doubleValue(), 0);
      assertEquals(what, values.stream().filter(x -> x.signum() == 0).count(),
          num(f.get("zero_count")));
    }
  }

  /** The open rows of a table by date. */
  static Map<String, List<Map<String, Object>>> byDate(String table) {
    Map<String, List<Map<String, Object>>> out = new TreeMap<>();
    run.table(table).values().forEach(rows -> rows.forEach(r -> {
      if (r.get("resolved_at") == null) {
        out.computeIfAbsent((String) r.get("game_date"), k -> new ArrayList<>()).add(r);
      }
    }));
    return out;
  }

  /** SELECT column, COUNT(*) GROUP BY column ORDER BY column, as the health row's records. */
  static List<Map<String, Object>> groupCount(List<Map<String, Object>> rows, String column,
      String as) {
    Map<String, Integer> n = new TreeMap<>();
    rows.forEach(r -> n.merge((String) r.get(column), 1, Integer::sum));
    List<Map<String, Object>> out = new ArrayList<>();
    n.forEach((k, v) -> out.add(Map.of(as, k, "count", v)));
    return out;
  }

  @Test
  public void handComputedRowOfTheLastDate() {
    // 2023-11-14: ten players of player_game_summary (a1 a2 b1 b2 c1 c2 d1 d2 r1 t1).
    Map<String, Object> h = run.healthByDate().get("2023-11-14");
    assertEquals(10L, num(h.get("roster_entries")));
    assertEquals("backfill", h.get("mode"));
    List<Map<String, Object>> features = get(h, "features");
    Map<String, Object> homeAway = features.get(15);
    assertEquals("home_away", homeAway.get("name"));
    // Home sides (upcoming_player_game_context home_game): BBB of 20231114_AAA_BBB (b1, b2) and
    // CCC of 20231114_DDD_CCC (c1, c2); everyone else is away. home_away is never a default.
    Set<String> home = Set.of("b1", "b2", "c1", "c2");
    List<Map<String, Object>> rows = byDate("ml_feature_store_v2").get("2023-11-14");
    long homeRows = rows.stream().filter(r -> home.contains(r.get("player_lookup"))).count();
    assertEquals(rows.size(), num(homeAway.get("value_count")));
    assertEquals(rows.size() - homeRows, num(homeAway.get("zero_count")));
    assertEquals(BigDecimal.valueOf(homeRows).divide(BigDecimal.valueOf(rows.size()), 9,
        RoundingMode.HALF_EVEN).doubleValue(), ((Number) homeAway.get("mean")).doubleValue(), 0);
    assertEquals(0.0, ((Number) homeAway.get("min")).doubleValue(), 0);
    assertEquals(1.0, ((Number) homeAway.get("max")).doubleValue(), 0);
    // Baseline: the dates before 2023-11-14 in 2023-10-17 ... 2023-11-13 with rows.
    long before = run.healthByDate().keySet().stream()
        .filter(d -> d.compareTo("2023-11-14") < 0 && num(run.healthByDate().get(d)
            .get("feature_rows")) > 0).count();
    assertEquals(before, num(features.get(0).get("baseline_days")));
  }

  @Test
  public void theCoverageGateExitsThreeAndMarksTheDates() throws IOException {
    LocalRun gated = LocalRun.run(TMP.newFolder("gated").toPath(), "--mode=backfill",
        "--startDate=2023-11-12", "--endDate=2023-11-14", "--inputDir=" + TINY,
        "--bootstrapDays=0", "--progressSeconds=0", "--minQualityReadyPct=100");
    assertEquals(gated.stderr, ExitCode.LOW_COVERAGE.code(), gated.exitCode);
    assertEquals(3, ExitCode.LOW_COVERAGE.code());
    Map<String, Map<String, Object>> h = gated.healthByDate();
    assertFalse(h.isEmpty());
    for (Map<String, Object> row : h.values()) {
      boolean ok = ((Number) row.get("quality_ready_pct")).doubleValue() >= 100;
      assertEquals(ok, row.get("coverage_ok"));
      assertEquals(!ok, ((List<?>) row.get("alerts")).contains("low_coverage"));
    }
    Map<String, Object> history = gated.table("processor_run_history").values().iterator().next()
        .get(0);
    assertEquals("SUCCEEDED_LOW_COVERAGE", history.get("status"));
    assertThat(gated.stdout, containsString("below --minQualityReadyPct=100.0"));

    LocalRun open = LocalRun.run(TMP.newFolder("open").toPath(), "--mode=backfill",
        "--startDate=2023-11-12", "--endDate=2023-11-14", "--inputDir=" + TINY,
        "--bootstrapDays=0", "--progressSeconds=0", "--minQualityReadyPct=0");
    assertEquals(open.stderr, 0, open.exitCode);
    open.healthByDate().values().forEach(r -> assertEquals(Boolean.TRUE, r.get("coverage_ok")));
  }

  @Test
  public void aChunkedBackfillGivesTheSameHealthRows() throws IOException {
    Path out = TMP.newFolder("chunked").toPath();
    LocalRun first = LocalRun.run(out, "--mode=backfill", "--startDate=2023-10-25",
        "--endDate=2023-11-08", "--inputDir=" + TINY, "--bootstrapDays=0",
        "--progressSeconds=0");
    assertEquals(first.stderr, 0, first.exitCode);
    LocalRun second = LocalRun.run(out, "--mode=backfill", "--startDate=2023-11-09",
        "--endDate=2023-11-14", "--inputDir=" + TINY, "--bootstrapDays=0",
        "--progressSeconds=0");
    assertEquals(second.stderr, 0, second.exitCode);
    Map<String, Map<String, Object>> whole = new TreeMap<>(run.healthByDate());
    Map<String, Map<String, Object>> chunked = new TreeMap<>(second.healthByDate());
    whole.keySet().removeIf(d -> d.compareTo("2023-11-09") < 0);
    chunked.keySet().removeIf(d -> d.compareTo("2023-11-09") < 0);
    assertFalse(whole.isEmpty());
    assertEquals(whole, chunked);
    // The second run's baseline came from the first run's stored rows.
    Map<String, Object> f0 = ((List<Map<String, Object>>) get(chunked.get("2023-11-14"),
        "features")).get(0);
    assertTrue(num(f0.get("baseline_days")) > 0);
  }

  @Test
  public void verifyRunChecksTheHealthRowsCounts() throws IOException {
    String[] args = {"--mode=backfill", "--startDate=2023-10-25", "--endDate=2023-11-14",
        "--inputDir=" + TINY, "--outputDir=" + run.outputDir};
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream quiet = new java.io.PrintStream(new java.io.ByteArrayOutputStream());
    assertEquals(0, com.nbaprops.mlfs.tools.VerifyRun.cli(args, quiet,
        new java.io.PrintStream(err)));
    Path copy = TMP.newFolder("tampered").toPath();
    LocalRun.copyTree(run.outputDir, copy);
    Path f = LocalRun.datePath(copy, "feature_store_daily_health", "2023-11-14");
    java.nio.file.Files.writeString(f, java.nio.file.Files.readString(f)
        .replace("\"roster_entries\":10", "\"roster_entries\":9"));
    args[4] = "--outputDir=" + copy;
    assertEquals(1, com.nbaprops.mlfs.tools.VerifyRun.cli(args, quiet,
        new java.io.PrintStream(err)));
    assertThat(err.toString(), containsString(
        "2023-11-14: health row roster_entries = 9, the date has 10"));
  }
}
