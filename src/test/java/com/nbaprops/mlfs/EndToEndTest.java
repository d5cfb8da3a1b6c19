package com.nbaprops.mlfs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The whole job on the hand-made tiny league (src/test/resources/leagues/tiny). */
public class EndToEndTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  static final Path TINY = LocalRun.resource("leagues/tiny");

  public static Path TINY_PATH() {
    return TINY.toAbsolutePath();
  }
  public static final String[] RANGE = {"--startDate=2023-10-25", "--endDate=2023-11-14"};
  static LocalRun backfill;

  @BeforeClass
  public static void runBackfill() throws IOException {
    backfill = LocalRun.run(TMP.newFolder("backfill").toPath(), "--mode=backfill", RANGE[0],
        RANGE[1], "--inputDir=" + TINY);
    assertEquals(backfill.stderr, 0, backfill.exitCode);
  }

  private static Map<String, Object> row(LocalRun run, String player, String date) {
    Map<String, Object> r = run.rowsByKey("ml_feature_store_v2").get(player + "|" + date);
    if (r == null) {
      throw new AssertionError("no feature row for " + player + " on " + date);
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  private static double feature(Map<String, Object> row, int i) {
    return ((Number) ((List<Object>) row.get("features")).get(i)).doubleValue();
  }

  /** Every valid (player, date) of player_game_summary in range, read straight from the input. */
  public static Map<String, Set<String>> expectedRoster(Path league) throws IOException {
    Map<String, Set<String>> byDate = new TreeMap<>();
    for (String line : Files.readAllLines(league.resolve("player_game_summary/part-0.ndjson"))) {
      Map<String, Object> r;
      try {
        r = Json.readObject(line);
      } catch (IOException e) {
        continue; // the malformed line: a dead letter
      }
      String p = (String) r.get("player_lookup");
      Object minutes = r.get("minutes_played");
      boolean negative = minutes instanceof Number n && n.doubleValue() < 0;
      if (p == null || p.isEmpty() || negative || "twelve".equals(r.get("points"))) {
        continue;
      }
      byDate.computeIfAbsent((String) r.get("game_date"), k -> new HashSet<>()).add(p);
    }
    return byDate;
  }

  @Test
  public void everyRosterEntryIsExactlyOneRowOrOneGap() throws IOException {
    Map<String, Set<String>> roster = expectedRoster(TINY);
    Map<String, List<Map<String, Object>>> rows = backfill.table("ml_feature_store_v2");
    Map<String, List<Map<String, Object>>> gaps = backfill.table("feature_store_gaps");
    int total = 0;
    for (Map.Entry<String, Set<String>> e : roster.entrySet()) {
      String file = "game_date=" + e.getKey() + ".ndjson";
      List<String> seen = new ArrayList<>();
      rows.getOrDefault(file, List.of()).forEach(r -> seen.add((String) r.get("player_lookup")));
      gaps.getOrDefault(file, List.of()).forEach(r -> seen.add((String) r.get("player_lookup")));
      assertEquals("roster of " + e.getKey(), e.getValue(), new HashSet<>(seen));
      assertEquals("no duplicates on " + e.getKey(), e.getValue().size(), seen.size());
      total += seen.size();
    }
    assertEquals(46, total);
    assertThat(backfill.stdout, containsString("Roster entries 46 = feature rows 40 + gaps 6"));
    assertThat(backfill.stdout, containsString("[balanced]"));
  }

  @Test
  public void rowsAreSortedByPlayerWithinEachFile() {
    backfill.table("ml_feature_store_v2").forEach((file, rows) -> {
      for (int i = 1; i < rows.size(); i++) {
        String a = (String) rows.get(i - 1).get("player_lookup");
        String b = (String) rows.get(i).get("player_lookup");
        assertTrue(file + ": " + a + " before " + b, a.compareTo(b) < 0);
      }
    });
  }

  @Test
  public void handComputedRowOfA1() {
    Map<String, Object> r = row(backfill, "a1", "2023-11-14");
    // History before 2023-11-14, newest first: 20, 21, 20, 21, 21 points, 30 minutes each.
    assertEquals(21.5, feature(r, 0), 0); // cache
    assertEquals(0.0, feature(r, 11), 0); // A = 20.33, B = 21: d = 0.67 -> 0
    assertEquals(-0.2, feature(r, 34), 0); // slope of 21, 21, 20, 21, 20
    assertEquals(0.194174757, feature(r, 21), 0); // 20 FT makes / 103 points
    assertEquals(21.0, feature(r, 29), 0); // two games against BBB: 21, 21
    assertEquals(2.0, feature(r, 30), 0);
    assertEquals(30.0, feature(r, 31), 0);
    assertEquals(0.686666667, feature(r, 32), 0); // 103 / 30 / 5
    assertEquals(21.5, feature(r, 25), 0); // DraftKings 60 min before tip; 23.5 after tip unused
    assertEquals(20.5, feature(r, 26), 0);
    assertEquals(1.0, feature(r, 27), 0);
    assertEquals(2.0, feature(r, 10), 0); // "Questionable"
    assertEquals(0.0, feature(r, 15), 0); // AAA is the away side of 20231114_AAA_BBB
    assertEquals(108.0, feature(r, 13), 0); // BBB defense of 2023-11-13
    assertEquals(0.4, feature(r, 18), 0); // shot zone 40 %
    assertEquals(0.5, feature(r, 35), 0); // (21.5 - 20.75) / 1.5
    assertEquals(98.14, ((Number) r.get("feature_quality_score")).doubleValue(), 0);
    assertEquals("gold", r.get("quality_tier"));
    assertEquals("green", r.get("quality_alert_level"));
    assertEquals(Boolean.FALSE, r.get("is_home"));
    assertEquals(2, ((Number) r.get("days_rest")).intValue());
    assertEquals(2023, ((Number) r.get("season_year")).intValue());
    assertEquals("v2_37features", r.get("feature_version"));
    @SuppressWarnings("unchecked")
    Map<String, Object> hc = (Map<String, Object>) r.get("historical_completeness");
    assertEquals(List.of("2023-10-25", "2023-11-07", "2023-11-09", "2023-11-10", "2023-11-12"),
        hc.get("contributing_game_dates"));
    assertEquals(5, ((Number) hc.get("games_found")).intValue());
    assertEquals(Boolean.TRUE, hc.get("is_bootstrap")); // fewer than 10 games expected
  }

  @Test
  public void tradeDayKeepsThePlayedRowAndRookiesGetDefaults() {
    Map<String, Object> t1 = row(backfill, "t1", "2023-11-12");
    assertEquals("DDD", t1.get("team_abbr"));
    Map<String, Object> r1 = row(backfill, "r1", "2023-11-14");
    assertEquals(10.0, feature(r1, 0), 0);
    assertThat(String.valueOf(r1.get("feature_sources_json")), containsString("\"0\":\"default\""));
    Map<?, ?> hc = (Map<?, ?>) r1.get("historical_completeness");
    assertEquals(0, ((Number) hc.get("games_expected")).intValue()); // no history at all
    assertEquals(Boolean.TRUE, hc.get("is_complete"));
  }

  @Test
  public void gapsCarryTheFirstReasonThatApplies() {
    Map<String, Map<String, Object>> gaps = backfill.rowsByKey("feature_store_gaps");
    assertEquals("missing_team_or_opponent", gaps.get("c2|2023-11-14").get("reason"));
    assertEquals("feature_validation_error", gaps.get("d1|2023-11-14").get("reason"));
    assertThat((String) gaps.get("d1|2023-11-14").get("reason_detail"),
        containsString("fatigue_score 150"));
    for (String p : List.of("a1", "a2", "b1", "b2")) {
      assertEquals("bootstrap", gaps.get(p + "|2023-10-25").get("reason"));
    }
    assertEquals(6, gaps.size());
  }

  @Test
  public void badRowsBecomeDeadLettersWithFileLineAndReason() {
    List<Map<String, Object>> dead = new ArrayList<>();
    backfill.table("pipeline_dead_letters").values().forEach(dead::addAll);
    // The parser's own wording after "malformed JSON: " is Jackson's, not ours: not pinned.
    List<String> errors = dead.stream().map(d -> ((String) d.get("error"))
        .replaceAll("malformed JSON: .+", "malformed JSON: …")).sorted().toList();
    assertEquals(List.of(
        "player_game_summary/part-0.ndjson:48: malformed JSON: …",
        "player_game_summary/part-0.ndjson:49: column minutes_played: negative value -5.0",
        "player_game_summary/part-0.ndjson:50: key column player_lookup is empty",
        "player_game_summary/part-0.ndjson:51: column points: expected INT64, got \"twelve\"",
        "upcoming_player_game_context/part-0.ndjson:11: key column player_lookup is NULL"),
        errors);
    assertTrue(dead.stream().allMatch(d -> d.get("raw_row") != null && d.get("run_id") != null));
    assertThat(backfill.stdout, containsString("player_daily_cache"));
  }

  @Test
  public void rerunReplacesOnlyItsDatesAndGivesTheSameRows() throws IOException {
    Path out = TMP.newFolder("rerun").toPath();
    LocalRun first = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY, "--runId=first");
    assertEquals(0, first.exitCode);
    Map<String, Map<String, Object>> before = first.rowsByKey("ml_feature_store_v2");
    // A stale file inside the re-run range must go (on a date without roster, only under
    // --replaceEmptyDates: see SafetyTest for the default); one outside must stay untouched.
    // (in the layout of earlier versions, which a re-run also replaces)
    Path stale = out.resolve("ml_feature_store_v2/game_date=2023-11-11.ndjson");
    Files.writeString(stale, "{\"player_lookup\":\"ghost\"}\n");
    Path outside = LocalRun.datePath(out, "ml_feature_store_v2", "2023-11-07");
    byte[] outsideBytes = Files.readAllBytes(outside);
    LocalRun second = LocalRun.run(out, "--mode=backfill", "--startDate=2023-11-09",
        "--endDate=2023-11-14", "--inputDir=" + TINY, "--runId=second", "--replaceEmptyDates");
    assertEquals(0, second.exitCode);
    assertFalse(Files.exists(stale));
    assertTrue(java.util.Arrays.equals(outsideBytes, Files.readAllBytes(outside)));
    assertEquals(before, second.rowsByKey("ml_feature_store_v2"));
    // The re-run's own dates carry its run id; the untouched date keeps the first one's.
    assertEquals("second", second.table("ml_feature_store_v2")
        .get("game_date=2023-11-14.ndjson").get(0).get("run_id"));
    assertEquals("first", second.table("ml_feature_store_v2")
        .get("game_date=2023-11-07.ndjson").get(0).get("run_id"));
  }

  @Test
  public void compressedOutputsReplaceThePlainOnesAndHoldTheSameRows() throws IOException {
    Path out = TMP.newFolder("compressed").toPath();
    LocalRun plain = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY);
    assertEquals(0, plain.exitCode);
    Map<String, Map<String, Object>> rows = plain.rowsByKey("ml_feature_store_v2");
    LocalRun gz = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY, "--compressOutputs");
    assertEquals(gz.stderr, 0, gz.exitCode);
    Path folder = out.resolve("ml_feature_store_v2/game_date=2023-11-14");
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of("part-00000.ndjson.gz"),
          files.map(f -> f.getFileName().toString()).toList());
    }
    assertEquals(rows, gz.rowsByKey("ml_feature_store_v2"));
    assertEquals(plain.rowsByKey("feature_store_gaps"), gz.rowsByKey("feature_store_gaps"));
    // verify-run reads the compressed layout too.
    assertEquals(0, com.nbaprops.mlfs.tools.VerifyRun.cli(new String[] {"--mode=backfill",
        RANGE[0], RANGE[1], "--inputDir=" + TINY, "--outputDir=" + out},
        new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
        new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
  }

  @Test
  public void dailyAndBackfillAgreeOnThePlayersOfBoth() throws IOException {
    // The tiny league has almost no precomputed rows: the readiness gate would refuse the date.
    LocalRun daily = LocalRun.run(TMP.newFolder("daily").toPath(), "--mode=daily",
        "--gameDate=2023-11-14", "--inputDir=" + TINY, "--skipDependencyCheck");
    assertEquals(daily.stderr, 0, daily.exitCode);
    Map<String, Map<String, Object>> d = daily.rowsByKey("ml_feature_store_v2");
    Map<String, Map<String, Object>> b = backfill.rowsByKey("ml_feature_store_v2");
    assertFalse(d.isEmpty());
    int compared = 0;
    for (Map.Entry<String, Map<String, Object>> e : d.entrySet()) {
      if (b.containsKey(e.getKey())) {
        assertEquals(e.getKey(), b.get(e.getKey()), e.getValue());
        compared++;
      }
    }
    assertEquals(8, compared);
    assertEquals(backfill.rowsByKey("feature_store_gaps").get("d1|2023-11-14"),
        daily.rowsByKey("feature_store_gaps").get("d1|2023-11-14"));
  }

  @Test
  public void appendingRowsDatedLaterChangesNoEarlierRow() throws IOException {
    Path league = TMP.newFolder("appended").toPath();
    LocalRun.copyTree(TINY, league);
    // A whole later game day in every table, plus prop lines and a cache row for later dates.
    append(league, "player_game_summary", List.of(
        "{\"player_lookup\":\"a1\",\"game_date\":\"2023-11-16\",\"season_year\":2023,"
            + "\"team_abbr\":\"AAA\",\"opponent_team_abbr\":\"DDD\",\"points\":60,"
            + "\"minutes_played\":48,\"is_dnp\":false,\"game_id\":\"20231116_DDD_AAA\"}",
        "{\"player_lookup\":\"d2\",\"game_date\":\"2023-11-16\",\"season_year\":2023,"
            + "\"team_abbr\":\"DDD\",\"opponent_team_abbr\":\"AAA\",\"points\":1,"
            + "\"minutes_played\":4,\"is_dnp\":false,\"game_id\":\"20231116_DDD_AAA\"}"));
    append(league, "team_offense_game_summary", List.of(
        "{\"team_abbr\":\"AAA\",\"game_date\":\"2023-11-16\",\"season_year\":2023,"
            + "\"win_flag\":true,\"pace\":120,\"offensive_rating\":150}"));
    append(league, "player_daily_cache", List.of(
        "{\"player_lookup\":\"b1\",\"cache_date\":\"2023-11-15\",\"points_avg_last_5\":99}"));
    append(league, "player_composite_factors", List.of(
        "{\"player_lookup\":\"a1\",\"game_date\":\"2023-11-15\",\"fatigue_score\":1}"));
    append(league, "team_defense_zone_analysis", List.of(
        "{\"team_abbr\":\"AAA\",\"analysis_date\":\"2023-11-15\",\"defensive_rating_last_15\":1}"));
    append(league, "odds_api_player_points_props", List.of(
        "{\"player_lookup\":\"b1\",\"game_date\":\"2023-11-16\",\"bookmaker\":\"draftkings\","
            + "\"points_line\":40.5}"));
    LocalRun more = LocalRun.run(TMP.newFolder("appended-out").toPath(), "--mode=backfill",
        RANGE[0], "--endDate=2023-11-16", "--inputDir=" + league);
    assertEquals(more.stderr, 0, more.exitCode);
    Map<String, Map<String, Object>> after = more.rowsByKey("ml_feature_store_v2");
    Map<String, Map<String, Object>> before = backfill.rowsByKey("ml_feature_store_v2");
    assertTrue(after.keySet().containsAll(before.keySet()));
    for (String key : before.keySet()) {
      assertEquals(key, before.get(key), after.get(key));
    }
    assertTrue(after.containsKey("a1|2023-11-16"));
  }

  static void append(Path league, String table, List<String> lines) throws IOException {
    Files.write(league.resolve(table + "/part-0.ndjson"), lines, StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  @Test
  public void missingTableFolderIsAnEmptyTableAndSaysSo() throws IOException {
    Path league = TMP.newFolder("no-bp").toPath();
    LocalRun.copyTree(TINY, league);
    Files.delete(league.resolve("bettingpros_player_points_props/part-0.ndjson"));
    Files.delete(league.resolve("bettingpros_player_points_props"));
    LocalRun run = LocalRun.run(TMP.newFolder("no-bp-out").toPath(), "--mode=backfill", RANGE[0],
        RANGE[1], "--inputDir=" + league);
    assertEquals(run.stderr, 0, run.exitCode);
    assertThat(run.stdout, containsString(
        "warning: optional source table bettingpros_player_points_props has no files"));
    // b1's line came from BettingPros: now it has none.
    assertEquals(0.0, feature(row(run, "b1", "2023-11-14"), 28), 0);
    assertEquals(1.0, feature(row(backfill, "b1", "2023-11-14"), 28), 0);
  }

  @Test
  public void aTruncatedGzipFileStopsTheJobNamingTheFile() throws IOException {
    Path league = TMP.newFolder("truncated").toPath();
    LocalRun.copyTree(TINY, league);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 200; i++) {
        gz.write(("{\"player_lookup\":\"x" + i + "\",\"cache_date\":\"2023-11-10\"}\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] all = bytes.toByteArray();
    Files.write(league.resolve("player_daily_cache/cut.ndjson.gz"),
        java.util.Arrays.copyOf(all, all.length / 2));
    LocalRun run = LocalRun.run(TMP.newFolder("truncated-out").toPath(), "--mode=backfill",
        RANGE[0], RANGE[1], "--inputDir=" + league);
    assertEquals(1, run.exitCode);
    assertThat(run.stderr, containsString("cannot read player_daily_cache/cut.ndjson.gz after line"));
    assertThat(run.stderr, containsString("truncated"));
    assertFalse(run.stderr.contains("\tat "));
  }
}
