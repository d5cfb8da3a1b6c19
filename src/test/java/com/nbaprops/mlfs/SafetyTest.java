package com.nbaprops.mlfs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.sink.OutputLock;
import com.nbaprops.mlfs.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Issue #9 on the local sink: the readiness gate, protected dates, required tables, one writer per
 * folder (with real second processes) and recovery from a killed run.
 */
public class SafetyTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final Path TINY = EndToEndTest.TINY;
  private static final String[] RANGE = EndToEndTest.RANGE;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> history(Path out, String runId) throws IOException {
    return Json.readObject(Files.readString(
        out.resolve("processor_run_history/run_id=" + runId + ".ndjson")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> breakdown(Map<String, Object> history) throws IOException {
    return Json.readObject((String) history.get("timing_breakdown"));
  }

  /** Every file under a folder with its bytes, the run-specific lines blanked. */
  private static Map<String, List<Map<String, Object>>> contents(Path out) throws IOException {
    Map<String, List<Map<String, Object>>> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = out.relativize(f).toString();
        if (name.startsWith("processor_run_history")) {
          m.put(name, List.of()); // its times differ from run to run
          continue;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          Map<String, Object> r = Json.readObject(line);
          r.remove("run_id");
          r.remove("created_at");
          r.remove("detected_at");
          rows.add(r);
        }
        m.put(name, rows);
      }
    }
    return m;
  }

  @Test
  public void aDailyRunBelowTheGateWritesNothingExitsFourAndRecordsFailedDependencies()
      throws IOException {
    Path out = TMP.newFolder("gate").toPath();
    LocalRun good = LocalRun.run(out, "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=" + TINY, "--skipDependencyCheck", "--runId=good");
    assertEquals(good.stderr, 0, good.exitCode);
    Path file = LocalRun.datePath(out, "ml_feature_store_v2", "2023-11-14");
    byte[] before = Files.readAllBytes(file);

    LocalRun refused = LocalRun.run(out, "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=" + TINY, "--runId=refused");
    assertEquals(refused.stderr, 4, refused.exitCode);
    // The message names the table, the date and the counts (the tiny league: 1 cache row, 2
    // composite rows, no defense row dated Nov 14, for 10 roster entries of 4 teams).
    assertThat(refused.stderr, containsString("player_daily_cache has 1 rows dated 2023-11-14, "
        + "at least 5 needed (roster 10)"));
    assertThat(refused.stderr, containsString("player_composite_factors has 2 rows dated "
        + "2023-11-14"));
    assertThat(refused.stderr, containsString("team_defense_zone_analysis covers 0 of the 4 teams"));
    assertArrayEquals(before, Files.readAllBytes(file));
    assertFalse(Files.exists(out.resolve("pipeline_dead_letters/run_id=refused.ndjson")));
    Map<String, Object> h = history(out, "refused");
    assertEquals("FAILED_DEPENDENCIES", h.get("status"));
    assertEquals(0, ((Number) h.get("rows_written")).intValue());
    @SuppressWarnings("unchecked")
    Map<String, Object> dep = (Map<String, Object>) breakdown(h).get("dependencies");
    assertEquals(Boolean.TRUE, dep.get("refused"));
    @SuppressWarnings("unchecked")
    Map<String, Number> date = (Map<String, Number>) ((Map<String, Object>) dep.get("dates"))
        .get("2023-11-14");
    assertEquals(10, date.get("roster").intValue());
    assertEquals(1, date.get("player_daily_cache").intValue());
    assertEquals(2, date.get("player_composite_factors").intValue());
    assertEquals(4, date.get("teams_playing").intValue());
    assertEquals(0, date.get("teams_with_defense").intValue());

    // A lower threshold still fails on the defense coverage alone.
    LocalRun lower = LocalRun.run(out, "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=" + TINY, "--minUpstreamRows=1", "--runId=lower");
    assertEquals(4, lower.exitCode);
    assertFalse(lower.stderr.contains("player_daily_cache has"));
    assertThat(lower.stderr, containsString("team_defense_zone_analysis covers 0 of the 4"));
  }

  @Test
  public void aDailyRunWithoutRosterKeepsTheDateAndExitsFour() throws IOException {
    Path out = TMP.newFolder("no-roster").toPath();
    LocalRun good = LocalRun.run(out, "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=" + TINY, "--skipDependencyCheck");
    assertEquals(0, good.exitCode);
    Path file = LocalRun.datePath(out, "ml_feature_store_v2", "2023-11-14");
    byte[] before = Files.readAllBytes(file);
    // The upstream context of Nov 14 has not arrived yet.
    Path league = TMP.newFolder("late-context").toPath();
    LocalRun.copyTree(TINY, league);
    Path ctx = league.resolve("upcoming_player_game_context/part-0.ndjson");
    Files.write(ctx, Files.readAllLines(ctx).stream()
        .filter(l -> !l.contains("2023-11-14")).toList());
    LocalRun late = LocalRun.run(out, "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=" + league);
    assertEquals(4, late.exitCode);
    assertThat(late.stderr, containsString("no roster entries (upcoming_player_game_context has "
        + "no rows dated 2023-11-14)"));
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  public void strictBackfillBlocksOnAnyDateBelowTheGate() throws IOException {
    Path out = TMP.newFolder("strict").toPath();
    LocalRun strict = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY, "--strictDependencies", "--runId=strict");
    assertEquals(4, strict.exitCode);
    assertFalse(Files.exists(out.resolve("ml_feature_store_v2")));
    assertEquals("FAILED_DEPENDENCIES", history(out, "strict").get("status"));
  }

  @Test
  public void aDateWithoutRosterKeepsItsOutputUnlessReplaceEmptyDates() throws IOException {
    Path out = TMP.newFolder("kept").toPath();
    LocalRun first = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY);
    assertEquals(0, first.exitCode);
    Path nov9 = LocalRun.datePath(out, "ml_feature_store_v2", "2023-11-09");
    byte[] before = Files.readAllBytes(nov9);
    long rows = Files.readAllLines(nov9).size();
    // An import that lost Nov 9's box scores: that date has no roster now.
    Path league = TMP.newFolder("lost-nov9").toPath();
    LocalRun.copyTree(TINY, league);
    Path pgs = league.resolve("player_game_summary/part-0.ndjson");
    Files.write(pgs, Files.readAllLines(pgs).stream()
        .filter(l -> !l.contains("\"game_date\":\"2023-11-09\"")).toList());
    LocalRun second = LocalRun.run(out, "--mode=backfill", "--startDate=2023-11-09",
        "--endDate=2023-11-09", "--inputDir=" + league, "--runId=keep");
    assertEquals(second.stderr, 0, second.exitCode);
    assertArrayEquals(before, Files.readAllBytes(nov9));
    assertThat(second.stdout, containsString("2023-11-09  " + rows + " feature rows"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> kept = (List<Map<String, Object>>) breakdown(history(out, "keep"))
        .get("kept_dates");
    assertEquals(1, kept.size());
    assertEquals("2023-11-09", kept.get(0).get("game_date"));
    assertEquals(rows, ((Number) kept.get(0).get("feature_rows")).longValue());

    LocalRun cleared = LocalRun.run(out, "--mode=backfill", "--startDate=2023-11-09",
        "--endDate=2023-11-09", "--inputDir=" + league, "--replaceEmptyDates");
    assertEquals(0, cleared.exitCode);
    assertFalse(Files.exists(nov9));
  }

  @Test
  public void missingRequiredTablesFailBeforeTheBuildNamingThem() throws IOException {
    Path league = TMP.newFolder("no-required").toPath();
    LocalRun.copyTree(TINY, league);
    deleteTree(league.resolve("team_offense_game_summary"));
    deleteTree(league.resolve("upcoming_player_game_context"));
    Path out = TMP.newFolder("no-required-out").toPath();
    LocalRun backfill = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + league);
    assertEquals(2, backfill.exitCode);
    assertThat(backfill.stderr, containsString("required source table(s) missing"));
    assertThat(backfill.stderr, containsString(": team_offense_game_summary"));
    LocalRun daily = LocalRun.run(out, "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=" + league);
    assertEquals(2, daily.exitCode);
    assertThat(daily.stderr, containsString(
        ": upcoming_player_game_context, team_offense_game_summary"));
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  public void aMissingOptionalTableIsAWarningAndUnderStrictAnError() throws IOException {
    Path league = TMP.newFolder("no-props").toPath();
    LocalRun.copyTree(TINY, league);
    deleteTree(league.resolve("bettingpros_player_points_props"));
    Path out = TMP.newFolder("no-props-out").toPath();
    LocalRun run = LocalRun.run(out, "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=" + league, "--skipDependencyCheck", "--runId=warned");
    assertEquals(0, run.exitCode);
    Map<String, Object> h = history(out, "warned");
    assertEquals("SUCCEEDED_WITH_WARNINGS", h.get("status"));
    assertThat(String.valueOf(breakdown(h).get("warnings")),
        containsString("optional source table bettingpros_player_points_props"));
    LocalRun strict = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + league, "--strictDependencies");
    assertEquals(2, strict.exitCode);
    assertThat(strict.stderr, containsString("bettingpros_player_points_props"));
  }

  @Test
  public void aSecondRunIntoAFolderHeldByALiveRunIsRefusedAndAStaleLockTakenOver()
      throws Exception {
    Path out = TMP.newFolder("locked").toPath();
    Process holder = javaProcess(LockHolder.class.getName(), out.toString(), "holder-run");
    try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertEquals("locked", r.readLine());
      LocalRun second = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
          "--inputDir=" + TINY);
      assertEquals(second.stderr, 4, second.exitCode);
      assertThat(second.stderr, containsString("is being written by run holder-run (pid "
          + holder.pid()));
      assertFalse(Files.exists(out.resolve("ml_feature_store_v2")));
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    // The holder was killed: its lock is stale and the next run takes it over, then releases it.
    assertTrue(Files.exists(out.resolve(OutputLock.FILE)));
    LocalRun third = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY);
    assertEquals(third.stderr, 0, third.exitCode);
    assertThat(third.stdout, containsString("taking over the stale lock of run holder-run"));
    assertFalse(Files.exists(out.resolve(OutputLock.FILE)));
  }

  @Test
  public void aRunKilledDuringItsWritesAndRerunLeavesWhatACleanRunLeaves() throws Exception {
    Path clean = TMP.newFolder("clean").toPath();
    assertEquals(0, LocalRun.run(clean, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY, "--runId=same").exitCode);

    Path out = TMP.newFolder("killed").toPath();
    Process run = javaProcess(FeatureStorePipeline.class.getName(), "--mode=backfill", RANGE[0],
        RANGE[1], "--inputDir=" + TINY.toAbsolutePath(), "--outputDir=" + out,
        "--runId=killed");
    // Kill it as soon as its first output appears (or whenever it is, if it finished first).
    long deadline = System.currentTimeMillis() + 60_000;
    while (run.isAlive() && System.currentTimeMillis() < deadline
        && !Files.exists(out.resolve("ml_feature_store_v2"))) {
      Thread.sleep(5);
    }
    run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    // What a killed run can leave besides: a temporary file of a date it was writing.
    Files.createDirectories(out.resolve("feature_store_gaps/game_date=2023-11-14"));
    Files.writeString(out.resolve(
        "feature_store_gaps/game_date=2023-11-14/part-00000.ndjson.tmp-killed"),
        "{\"half\":");

    LocalRun rerun = LocalRun.run(out, "--mode=backfill", RANGE[0], RANGE[1],
        "--inputDir=" + TINY, "--runId=same");
    assertEquals(rerun.stderr, 0, rerun.exitCode);
    assertEquals(contents(clean), contents(out));
  }

  private static Process javaProcess(String mainClass, String... args) throws IOException {
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp", cp,
        mainClass));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
