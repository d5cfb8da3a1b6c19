package com.nbaprops.mlfs.status;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nbaprops.mlfs.EndToEndTest;
import com.nbaprops.mlfs.LocalRun;
import com.nbaprops.mlfs.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** scripts/status on the tiny league's output with a hole, a stale date and its gaps. */
public class StatusTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  record Run(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return Json.mapper().readTree(out);
    }
  }

  static Run status(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = StatusCli.cli(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path damagedStore() throws Exception {
    Path out = tmp.newFolder("store").toPath();
    LocalRun run = LocalRun.run(out, EndToEndTest.RANGE[0], EndToEndTest.RANGE[1],
        "--inputDir=" + EndToEndTest.TINY_PATH());
    assertEquals(run.stderr, 0, run.exitCode);
    // A hole: 2023-11-09 had rows and no gaps; its output is gone.
    deleteTree(out.resolve("ml_feature_store_v2/game_date=2023-11-09"));
    // A stale date: 2023-11-12 written by an older feature version.
    Path stale = out.resolve("ml_feature_store_v2/game_date=2023-11-12/part-00000.ndjson");
    Files.writeString(stale, Files.readString(stale).replace("\"feature_version\":\"v2_37features\"",
        "\"feature_version\":\"v2_33features\""));
    return out;
  }

  private static void deleteTree(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  public void holesStaleDatesAndGapsAreReportedAndThePrintedCommandsRepairThem() throws Exception {
    Path out = damagedStore();
    String[] range = {"--startDate=2023-10-25", "--endDate=2023-11-14",
        "--inputDir=" + EndToEndTest.TINY_PATH(), "--outputDir=" + out};
    Run r = status(concat(range, "--json"));
    assertEquals(r.err(), 1, r.exit());
    JsonNode j = r.json();
    for (String key : List.of("missing_dates", "stale_dates", "repair_ranges", "commands",
        "open_gaps", "top_defaulted_features", "coverage")) {
      assertTrue(key, j.has(key));
    }
    assertEquals("[\"2023-11-09\"]", j.get("missing_dates").toString());
    assertEquals("[\"2023-11-12\"]", j.get("stale_dates").toString());
    assertEquals("v2_33features", j.at("/stale_detail/0/found/feature_version").asText());
    // Three days apart: one range (--mergeDays defaults to 7).
    assertEquals(1, j.get("repair_ranges").size());
    assertEquals("2023-11-09", j.at("/repair_ranges/0/start").asText());
    assertEquals("2023-11-12", j.at("/repair_ranges/0/end").asText());
    // Open gaps of the tiny league: 4 bootstrap (expected) on 2023-10-25, and on 2023-11-14 one
    // missing_team_or_opponent and one feature_validation_error.
    Map<String, JsonNode> gaps = new TreeMap<>();
    j.get("open_gaps").forEach(g -> gaps.put(g.get("reason").asText(), g));
    assertEquals(4, gaps.get("bootstrap").get("count").asInt());
    assertTrue(gaps.get("bootstrap").get("expected").asBoolean());
    assertEquals("2023-10-25", gaps.get("bootstrap").get("first_date").asText());
    assertEquals(1, gaps.get("missing_team_or_opponent").get("count").asInt());
    assertEquals("2023-11-14", gaps.get("missing_team_or_opponent").get("last_date").asText());
    assertEquals(false, gaps.get("feature_validation_error").get("expected").asBoolean());
    // Coverage: the hole has its roster and nothing else.
    JsonNode hole = null;
    for (JsonNode c : j.get("coverage")) {
      if (c.get("game_date").asText().equals("2023-11-09")) {
        hole = c;
      }
      assertTrue(c.has("quality_ready_pct"));
    }
    assertTrue(hole.get("roster").asInt() > 0);
    assertEquals(0, hole.get("rows").asInt());
    // Closer ranges than --mergeDays stay apart when it is smaller.
    Run split = status(concat(range, "--json", "--mergeDays=2"));
    assertEquals(2, split.json().get("repair_ranges").size());
    assertEquals(2, split.json().get("commands").size());

    // Each printed command, run from the project root, repairs its range; then status is clean.
    for (JsonNode c : j.get("commands")) {
      String command = c.asText();
      assertThat(command, containsString("scripts/run-local --mode=backfill"));
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.remove(0);
      LocalRun fix = LocalRun.run(null, args.toArray(String[]::new));
      assertEquals(fix.stderr, 0, fix.exitCode);
    }
    Run after = status(concat(range, "--json"));
    assertEquals(after.out(), 0, after.exit());
    assertEquals(0, after.json().get("missing_dates").size());
    assertEquals(0, after.json().get("stale_dates").size());
    assertEquals(0, after.json().get("commands").size());
  }

  @Test
  public void topDefaultedFeaturesCountDefaultsAndPlayersOfTheLastDays() throws Exception {
    Path out = tmp.newFolder("days").toPath();
    LocalRun run = LocalRun.run(out, EndToEndTest.RANGE[0], EndToEndTest.RANGE[1],
        "--inputDir=" + EndToEndTest.TINY_PATH());
    assertEquals(run.stderr, 0, run.exitCode);
    // Count by hand from the written rows of the last 3 days (2023-11-12 .. 2023-11-14).
    Map<Integer, Integer> defaults = new TreeMap<>();
    Map<Integer, java.util.Set<Object>> players = new TreeMap<>();
    run.table("ml_feature_store_v2").forEach((file, rows) -> {
      if (file.compareTo("game_date=2023-11-12") >= 0) {
        for (Map<String, Object> row : rows) {
          for (Object i : (List<?>) row.get("default_feature_indices")) {
            int k = ((Number) i).intValue();
            defaults.merge(k, 1, Integer::sum);
            players.computeIfAbsent(k, x -> new java.util.HashSet<>())
                .add(row.get("player_lookup"));
          }
        }
      }
    });
    Run r = status("--startDate=2023-10-25", "--endDate=2023-11-14",
        "--inputDir=" + EndToEndTest.TINY_PATH(), "--outputDir=" + out, "--days=3", "--json");
    assertEquals(r.err(), 0, r.exit());
    JsonNode top = r.json().get("top_defaulted_features");
    assertEquals(Math.min(10, defaults.size()), top.size());
    long previous = Long.MAX_VALUE;
    for (JsonNode f : top) {
      int k = f.get("index").asInt();
      assertEquals((long) defaults.get(k), f.get("defaults").asLong());
      assertEquals(players.get(k).size(), f.get("players").asInt());
      assertTrue(f.get("defaults").asLong() <= previous);
      previous = f.get("defaults").asLong();
    }
  }

  @Test
  public void theHtmlPageIsSelfContainedWithItsCharts() throws Exception {
    Path out = damagedStore();
    Path html = tmp.getRoot().toPath().resolve("report/status.html");
    Run r = status("--startDate=2023-10-25", "--endDate=2023-11-14",
        "--inputDir=" + EndToEndTest.TINY_PATH(), "--outputDir=" + out, "--html=" + html);
    assertEquals(1, r.exit());
    String page = Files.readString(html);
    for (String id : List.of("id=\"coverage\"", "id=\"gaps\"", "id=\"defaults\"")) {
      assertThat(page, containsString(id));
    }
    assertThat(page, containsString("2023-11-09: missing"));
    assertThat(page, containsString("scripts/flex-backfill 2023-11-09 2023-11-12"));
    // No script, no external resource (the SVG namespace is a name, not a request).
    assertTrue(!page.contains("<script") && !page.contains("src=") && !page.contains("href="));
  }

  @Test
  public void aBigQueryStoreInDailyModeGetsOneChainedCommandPerRange() {
    StatusReport.Commands c = new StatusReport.Commands("daily", null, null,
        List.of("--sink=bigquery"));
    List<RepairPlan.Range> ranges = List.of(
        new RepairPlan.Range(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03")),
        new RepairPlan.Range(LocalDate.parse("2024-01-10"), LocalDate.parse("2024-01-10")));
    // the printed plan pairs the i-th range with the i-th command: one per range, its dates in it
    assertEquals(List.of(
        "scripts/flex-daily 2024-01-02 --sink=bigquery && scripts/flex-daily 2024-01-03 "
            + "--sink=bigquery",
        "scripts/flex-daily 2024-01-10 --sink=bigquery"), c.local(ranges));
    // the Dataflow list keeps one launch per date
    assertEquals(3, c.flex(ranges).size());
    StatusReport.Commands backfill = new StatusReport.Commands("backfill", null, null);
    assertEquals(List.of("scripts/flex-backfill 2024-01-02 2024-01-03",
        "scripts/flex-backfill 2024-01-10 2024-01-10"), backfill.local(ranges));
  }

  @Test
  public void badOptionsExitTwo() throws Exception {
    Path out = tmp.newFolder("empty").toPath();
    String in = "--inputDir=" + EndToEndTest.TINY_PATH();
    String o = "--outputDir=" + out;
    Object[][] cases = {
        {new String[] {in, o}, "pass --startDate"},
        {new String[] {"--startDate=2023-13-01", in, o}, "YYYY-MM-DD"},
        {new String[] {"--startDate=2023-11-02", "--endDate=2023-11-01", in, o}, "is before"},
        {new String[] {"--startDate=2023-11-01", "--mode=weekly", in, o}, "is not a mode"},
        {new String[] {"--startDate=2023-11-01", "--inputDir=/no/such", o}, "is not a folder"},
        {new String[] {"--startDate=2023-11-01", in, o, "--days=0"}, "--days must be 1 or more"},
        {new String[] {"--startDate=2023-11-01", in, o, "--json=maybe"}, "not true or false"},
    };
    for (Object[] c : cases) {
      Run r = status((String[]) c[0]);
      assertEquals(String.join(" ", (String[]) c[0]), 2, r.exit());
      assertThat(r.err(), containsString((String) c[1]));
    }
    // A store with games and no output at all: everything is missing, one range.
    Run empty = status("--startDate=2023-11-07", "--endDate=2023-11-10", in, o, "--json");
    assertEquals(1, empty.exit());
    assertEquals(LocalDate.parse("2023-11-07").toString(),
        empty.json().at("/repair_ranges/0/start").asText());
  }

  private static String[] concat(String[] a, String... b) {
    List<String> out = new ArrayList<>(List.of(a));
    out.addAll(List.of(b));
    return out.toArray(String[]::new);
  }

  @Test
  public void theHealthTablesAlertsAndCoverageVerdictsAreReported() throws Exception {
    Path out = tmp.newFolder("gated").toPath();
    LocalRun run = LocalRun.run(out, EndToEndTest.RANGE[0], EndToEndTest.RANGE[1],
        "--inputDir=" + EndToEndTest.TINY_PATH(), "--minQualityReadyPct=100");
    assertEquals(run.stderr, 3, run.exitCode);
    // A drift alert planted in one date's health row: status lists what the row says.
    Path h = LocalRun.datePath(out, "feature_store_daily_health", "2023-11-12");
    Files.writeString(h, Files.readString(h).replaceFirst("\"alerts\":\\[[^\\]]*\\]",
        "\"alerts\":[\"low_coverage\",\"drift:pace_score\"]"));
    Run r = status(EndToEndTest.RANGE[0], EndToEndTest.RANGE[1],
        "--inputDir=" + EndToEndTest.TINY_PATH(), "--outputDir=" + out, "--json");
    JsonNode j = r.json();
    java.util.Set<String> low = new java.util.TreeSet<>();
    j.get("low_coverage_dates").forEach(d -> low.add(d.asText()));
    java.util.Set<String> expected = new java.util.TreeSet<>();
    run.healthByDate().forEach((d, row) -> {
      if (Boolean.FALSE.equals(row.get("coverage_ok"))) {
        expected.add(d);
      }
    });
    assertFalse(expected.isEmpty());
    assertEquals(expected, low);
    JsonNode planted = null;
    for (JsonNode a : j.get("health_alerts")) {
      if (a.get("game_date").asText().equals("2023-11-12")) {
        planted = a.get("alerts");
      }
    }
    assertEquals("[\"low_coverage\",\"drift:pace_score\"]", String.valueOf(planted));
    Run text = status(EndToEndTest.RANGE[0], EndToEndTest.RANGE[1],
        "--inputDir=" + EndToEndTest.TINY_PATH(), "--outputDir=" + out);
    assertThat(text.out, containsString("2023-11-12  low_coverage, drift:pace_score"));
  }
}
