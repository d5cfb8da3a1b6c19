package com.nbaprops.mlfs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The bad-input corpus (src/test/resources/bad-inputs) overlaid on the tiny league. */
public class RobustnessTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();

  @SuppressWarnings("unchecked")
  @Test
  public void everyBadLineHasItsExactOutcomeAndNothingIsLost() throws IOException {
    Path league = TMP.newFolder("league").toPath();
    LocalRun.copyTree(EndToEndTest.TINY, league);
    LocalRun.copyTree(LocalRun.resource("bad-inputs"), league);
    Files.delete(league.resolve("expected-dead-letters.txt"));
    Files.delete(league.resolve("README.md"));
    // A missing table folder is an empty table.
    Files.delete(league.resolve("player_shot_zone_analysis/part-0.ndjson"));
    Files.delete(league.resolve("player_shot_zone_analysis"));

    LocalRun run = LocalRun.run(TMP.newFolder("out").toPath(), "--mode=backfill",
        EndToEndTest.RANGE[0], EndToEndTest.RANGE[1], "--inputDir=" + league, "--runId=bad");
    assertEquals(run.stderr, 0, run.exitCode);

    List<String> expected = new ArrayList<>(Files.readAllLines(
        LocalRun.resource("bad-inputs/expected-dead-letters.txt")));
    // The tiny league's own five bad lines.
    expected.addAll(List.of(
        "player_game_summary/part-0.ndjson:48: malformed JSON: …",
        "player_game_summary/part-0.ndjson:49: column minutes_played: negative value -5.0",
        "player_game_summary/part-0.ndjson:50: key column player_lookup is empty",
        "player_game_summary/part-0.ndjson:51: column points: expected INT64, got \"twelve\"",
        "upcoming_player_game_context/part-0.ndjson:11: key column player_lookup is NULL"));
    List<String> errors = new ArrayList<>();
    List<Map<String, Object>> dead = new ArrayList<>();
    run.table("pipeline_dead_letters").values().forEach(dead::addAll);
    // The parser's own wording after "malformed JSON: " is Jackson's, not ours: not pinned.
    dead.forEach(d -> errors.add(((String) d.get("error"))
        .replaceAll("malformed JSON: .+", "malformed JSON: …")));
    assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(errors));
    assertEquals(expected.size(), errors.size());
    // Each dead letter keeps the raw line exactly as read.
    assertTrue(dead.stream().anyMatch(d -> "[\"not\",\"an\",\"object\"]".equals(d.get("raw_row"))));

    Map<String, Object> history = Json.readObject(Files.readString(run.outputDir.resolve(
        "processor_run_history/run_id=bad.ndjson")));
    Map<String, Object> breakdown = Json.readObject((String) history.get("timing_breakdown"));
    Map<String, Map<String, Number>> sources = (Map<String, Map<String, Number>>)
        breakdown.get("sources");
    assertEquals(1, sources.get("player_game_summary").get("outside_window").intValue());
    assertEquals(1, sources.get("player_daily_cache").get("outside_window").intValue());
    assertEquals(1, sources.get("player_daily_cache").get("duplicate_keys").intValue());
    assertEquals(1, sources.get("team_offense_game_summary").get("duplicate_keys").intValue());
    assertEquals(1, sources.get("player_game_summary").get("duplicate_keys").intValue());
    assertEquals(0, sources.get("player_shot_zone_analysis").get("rows_read").intValue());
    assertEquals(0, sources.get("player_composite_factors").get("dead_letters").intValue());
    assertEquals(expected.size(), ((Number) history.get("dead_letter_rows")).intValue());
    // The breakdown names every measured stage and the mean vector build time.
    assertEquals(Set.of("read_parse", "player_sweep", "league_index", "build_features",
        "write_outputs"), ((Map<String, Object>) breakdown.get("stage_seconds")).keySet());
    assertTrue(((Number) breakdown.get("vector_build_us_mean")).doubleValue() > 0);
    // The tiny league has almost no precomputed rows: every date is below the readiness gate,
    // which a backfill reports as a warning and writes anyway.
    assertEquals("SUCCEEDED_WITH_WARNINGS", history.get("status"));

    // Nothing of the good data is lost: the roster of every date is intact and balanced.
    Map<String, Set<String>> roster = EndToEndTest.expectedRoster(EndToEndTest.TINY);
    Set<String> seen = new HashSet<>();
    run.rowsByKey("ml_feature_store_v2").keySet().forEach(seen::add);
    run.rowsByKey("feature_store_gaps").keySet().forEach(seen::add);
    Set<String> want = new HashSet<>();
    roster.forEach((date, players) -> players.forEach(p -> want.add(p + "|" + date)));
    assertEquals(want, seen);
    assertTrue(run.stdout.contains(
        "warning: optional source table player_shot_zone_analysis has no files"));
  }
}
