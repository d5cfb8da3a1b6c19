package com.nbaprops.mlfs;

import static com.nbaprops.mlfs.TestRows.d;
import static com.nbaprops.mlfs.TestRows.played;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.features.BuildFeatureRows;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.features.EntryProcessor;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.features.ScoredRow;
import com.nbaprops.mlfs.history.BuildLeagueIndex;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import com.nbaprops.mlfs.history.PlayerTimeline;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import com.nbaprops.mlfs.sink.WriteFileOutputs;
import com.nbaprops.mlfs.source.ReadFileTables;
import com.nbaprops.mlfs.source.SourceFileIndex;
import com.nbaprops.mlfs.metrics.MetricNames;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.source.SourceTables;
import com.nbaprops.mlfs.util.Json;
import com.nbaprops.mlfs.util.RecordCoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Each composite transform alone, on TestPipeline (immutability and encodability checks on). */
public class TransformTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public final transient TemporaryFolder tmp = new TemporaryFolder();

  static final RunConfig CONFIG = new RunConfig(Mode.BACKFILL, d("2025-01-10"), d("2025-01-20"),
      false, new RunStamp("test-run", "2025-01-21T00:00:00Z"));

  /** Empty collections for every source table, plus the given ones. */
  private PCollectionTuple sources(List<PlayerGameRow> games, List<TeamGameRow> teamGames,
      List<TeamDefenseRow> defense) {
    PCollectionTuple t = PCollectionTuple.empty(p);
    for (SourceTable<?> table : SourceTable.ALL) {
      t = and(t, table, games, teamGames, defense);
    }
    return t.and(SourceTables.DEAD_LETTERS, p.apply("NoDead",
        Create.empty(RecordCoder.of(DeadLetter.class))));
  }

  @SuppressWarnings("unchecked")
  private <T extends Record> PCollectionTuple and(PCollectionTuple t, SourceTable<T> table,
      List<PlayerGameRow> games, List<TeamGameRow> teamGames, List<TeamDefenseRow> defense) {
    List<T> rows = List.of();
    if (table == SourceTable.PLAYER_GAME_SUMMARY) {
      rows = (List<T>) games;
    } else if (table == SourceTable.TEAM_OFFENSE_GAME_SUMMARY) {
      rows = (List<T>) teamGames;
    } else if (table == SourceTable.TEAM_DEFENSE_ZONE_ANALYSIS) {
      rows = (List<T>) defense;
    }
    return t.and(table.tag(), p.apply("Create " + table.name(),
        Create.of(rows).withCoder(table.coder())));
  }

  @Test
  public void readFileTableParsesFiltersTheWindowAndDeadLettersBadLines() throws IOException {
    Path dir = tmp.newFolder("player_game_summary").toPath();
    Files.write(dir.resolve("a.ndjson"), List.of(
        "{\"player_lookup\":\"a\",\"game_date\":\"2025-01-12\",\"points\":\"7\"}",
        "",
        "{\"player_lookup\":\"old\",\"game_date\":\"2023-01-12\"}",
        "{\"player_lookup\":\"late\",\"game_date\":\"2025-01-21\"}",
        "{\"player_lookup\": ",
        "[1,2]"));
    // Line 7: invalid UTF-8 in a value, read as the replacement character (as a text decoder
    // reads it); line 8 (after \r\n): a value the parser refuses, a dead letter with its text.
    byte[] bad = "{\"player_lookup\":\"b\u0001\",\"game_date\":\"2025-01-13\"}\r\n"
        .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bad.length; i++) {
      bad[i] = bad[i] == 1 ? (byte) 0xff : bad[i];
    }
    Files.write(dir.resolve("a.ndjson"), bad, StandardOpenOption.APPEND);
    String refused = "{\"player_lookup\":\"c\",\"game_date\":\"2025-01-14\",\"points\":\"seven\"}";
    Files.writeString(dir.resolve("a.ndjson"), refused + "\n", StandardOpenOption.APPEND);
    Files.writeString(dir.resolve("notes.txt"), "ignored: not .ndjson");
    PCollectionTuple out = p.apply(ReadFileTables.of(SourceTable.PLAYER_GAME_SUMMARY,
        dir.toString(), d("2024-01-11"), d("2025-01-20")));
    PAssert.that(out.get(SourceTable.PLAYER_GAME_SUMMARY.tag()).apply("Keys", MapElements
        .into(TypeDescriptors.strings()).via((PlayerGameRow r) -> r.playerLookup() + ":"
            + r.points()))).containsInAnyOrder("a:7", "b\uFFFD:null");
    PAssert.that(out.get(ReadFileTables.DEAD_LETTERS).apply("Errors", MapElements
        .into(TypeDescriptors.strings()).via(DeadLetter::error))).satisfies(errors -> {
          List<String> e = new ArrayList<>();
          errors.forEach(e::add);
          assertEquals(3, e.size());
          assertTrue(e.stream().anyMatch(x -> x.startsWith("player_game_summary/a.ndjson:8: ")));
          assertTrue(e.stream().anyMatch(x -> x.startsWith("player_game_summary/a.ndjson:5: "
              + "malformed JSON")));
          assertTrue(e.contains("player_game_summary/a.ndjson:6: not a JSON object"));
          return null;
        });
    PAssert.that(out.get(ReadFileTables.DEAD_LETTERS).apply("Raw", MapElements
        .into(TypeDescriptors.strings()).via(DeadLetter::rawRow)))
        .containsInAnyOrder("{\"player_lookup\": ", "[1,2]", refused);
    p.run().waitUntilFinish();
  }

  @Test
  public void aFileTheIndexDatesOutsideTheWindowIsCountedNotOpened() throws IOException {
    Path dir = tmp.newFolder("player_game_summary").toPath();
    String jan = "{\"player_lookup\":\"a\",\"game_date\":\"2025-01-12\",\"points\":7}";
    Files.write(dir.resolve("x_2025-01.ndjson"), List.of(jan));
    // March: outside the window, and unreadable as rows: opened, it would give dead letters.
    Files.write(dir.resolve("x_2025-03.ndjson"), List.of("not json", "{\"points\":\"nine\"}",
        "[3]"));
    SourceFileIndex.write(dir, List.of(
        new SourceFileIndex.Entry("x_2025-01.ndjson", Files.size(dir.resolve("x_2025-01.ndjson")),
            1, d("2025-01-12"), d("2025-01-12")),
        new SourceFileIndex.Entry("x_2025-03.ndjson", Files.size(dir.resolve("x_2025-03.ndjson")),
            3, d("2025-03-01"), d("2025-03-02"))));
    PCollectionTuple out = p.apply(ReadFileTables.of(SourceTable.PLAYER_GAME_SUMMARY,
        dir.toString(), d("2025-01-01"), d("2025-01-31")));
    PAssert.that(out.get(SourceTable.PLAYER_GAME_SUMMARY.tag()).apply("Keys", MapElements
        .into(TypeDescriptors.strings()).via((PlayerGameRow r) -> r.playerLookup() + ":"
            + r.points()))).containsInAnyOrder("a:7");
    PAssert.that(out.get(ReadFileTables.DEAD_LETTERS)).empty();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    // As a full read counts rows dated outside: read, and outside the window.
    assertEquals(4, counter(result, MetricNames.rowsRead("player_game_summary")));
    assertEquals(3, counter(result, MetricNames.outsideWindow("player_game_summary")));
  }

  private static long counter(PipelineResult result, String name) {
    long sum = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(MetricNames.NAMESPACE, name)).build())
        .getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  @Test
  public void playerTimelineEmitsOneEntryPerRosterRowWithPointInTimeHistory() {
    List<PlayerGameRow> games = List.of(
        played("a", "2025-01-08", 10, 30.0), played("a", "2025-01-12", 20, 30.0),
        played("a", "2025-01-15", 30, 30.0), played("b", "2025-01-15", 5, 10.0),
        played("a", "2025-01-25", 99, 30.0)); // after the range: never in a row's history
    PCollection<PlayerInputs> entries = sources(games, List.of(), List.of())
        .apply(new PlayerTimeline(CONFIG));
    PAssert.that(entries.apply(MapElements.into(TypeDescriptors.strings()).via(
        (PlayerInputs in) -> in.roster().playerLookup() + "@" + in.gameDate() + " r10="
            + in.r10().size() + " season=" + in.seasonPointsMean())))
        .containsInAnyOrder(
            "a@2025-01-12 r10=1 season=10.0",
            "a@2025-01-15 r10=2 season=15.0",
            "b@2025-01-15 r10=0 season=null");
    p.run().waitUntilFinish();
  }

  @Test
  public void leagueIndexSideInputAnswersTeamLookups() {
    List<TeamGameRow> teams = List.of(
        TestRows.teamGame("TEA", "2025-01-12", true, 100.0, 110.0),
        TestRows.teamGame("TEA", "2025-01-12", false, 90.0, 90.0), // duplicate key
        TestRows.teamGame("TEA", "2025-01-14", true, 102.0, 112.0));
    List<TeamDefenseRow> defense = List.of(new TeamDefenseRow("OPP", d("2025-01-13"), 105.0,
        99.0));
    List<PlayerGameRow> games = List.of(played("x", "2025-10-30", 1, 1.0));
    PCollectionView<LeagueIndex> view = sources(games, teams, defense)
        .apply(new BuildLeagueIndex());
    PCollection<String> answers = p.apply("Probe", Create.of("2025-01-15"))
        .apply(ParDo.of(new ProbeFn(view)).withSideInputs(view));
    // Duplicate (TEA, 2025-01-12): the smaller row column by column (win_flag false < true).
    // 2025 is in the fixed calendar; 2026 has no box score here.
    PAssert.that(answers).containsInAnyOrder(
        "rest=1 pace=96.0 def=105.0 start2025=2025-10-21 start2026=null");
    p.run().waitUntilFinish();
  }

  /** Asks the side input a few questions about 2025-01-15. */
  static final class ProbeFn extends DoFn<String, String> {
    private final PCollectionView<LeagueIndex> view;

    ProbeFn(PCollectionView<LeagueIndex> view) {
      this.view = view;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      LeagueIndex league = c.sideInput(view);
      java.time.LocalDate day = d(c.element());
      c.output("rest=" + league.schedule("TEA").daysSincePrevious(day)
          + " pace=" + league.schedule("TEA").last10Means(day)[0]
          + " def=" + league.defenseAsOf("OPP", day).defensiveRatingLast15()
          + " start2025=" + league.seasonStart(2025)
          + " start2026=" + league.seasonStart(2026));
    }
  }

  @Test
  public void buildFeatureRowsSplitsRowsAndGaps() {
    LeagueIndex league = TestRows.emptyLeague();
    PCollectionView<LeagueIndex> view = p.apply("League", Create.of(league)
        .withCoder(new LeagueIndex.Coder())).apply(org.apache.beam.sdk.transforms.View
        .asSingleton());
    PlayerInputs ok = new TestRows.Inputs("2025-01-15").build();
    PlayerInputs noOpponent = new TestRows.Inputs("2025-01-16").roster(
        new com.nbaprops.mlfs.history.RosterEntry("q", null, d("2025-01-16"), null, "TEA", null,
            null)).build();
    PCollectionTuple out = p.apply("Entries", Create.of(ok, noOpponent)
            .withCoder(RecordCoder.of(PlayerInputs.class)))
        .apply(new BuildFeatureRows(view, CONFIG));
    PAssert.that(out.get(BuildFeatureRows.FEATURE_ROWS).apply("RowKeys", MapElements
        .into(TypeDescriptors.strings()).via((ScoredRow r) -> r.record().playerLookup() + "@"
            + r.record().gameDate() + " " + r.record().features().size() + " "
            + r.record().labels().length())))
        .containsInAnyOrder("p@2025-01-15 37 37");
    PAssert.that(out.get(BuildFeatureRows.GAP_ROWS).apply("GapReasons", MapElements
        .into(TypeDescriptors.strings()).via((GapRow r) -> r.playerLookup() + ":" + r.reason()
            + ":" + r.teamAbbr() + ":" + r.opponentTeamAbbr())))
        .containsInAnyOrder("q:missing_team_or_opponent:TEA:null");
    p.run().waitUntilFinish();
  }

  /** A built record of a player with no data at all (every feature at its default). */
  public static ScoredRow record(String player, String date) {
    PlayerInputs in = new TestRows.Inputs(date).roster(new com.nbaprops.mlfs.history.RosterEntry(
        player, null, d(date), "g", "TEA", "OPP", true)).build();
    return EntryProcessor.process(in, TestRows.emptyLeague(), false).row();
  }

  /** A readiness census with these roster entries per date (nothing else read). */
  static PCollection<com.nbaprops.mlfs.readiness.Readiness> readiness(TestPipeline p,
      RunConfig config, Map<String, Integer> roster) {
    Map<LocalDate, com.nbaprops.mlfs.readiness.DateCensus> census = new java.util.TreeMap<>();
    roster.forEach((date, n) -> census.put(d(date),
        new com.nbaprops.mlfs.readiness.DateCensus(d(date), n, 0, 0, 0, 0, false)));
    return p.apply("Readiness", Create.of(com.nbaprops.mlfs.readiness.Readiness.of(
        config.safety().gate(), config.start(), config.end(), census)).withCoder(
        org.apache.beam.sdk.coders.SerializableCoder.of(
            com.nbaprops.mlfs.readiness.Readiness.class)));
  }

  @Test
  public void writeFileOutputsReplacesDateFilesSortedAndRemovesEmptyDates() throws IOException {
    Path out = tmp.newFolder("out").toPath();
    // 2025-01-11 had roster entries that are all gone now (its file goes); 2025-01-12 has no
    // roster at all (its file is kept: a late upstream must not erase a good date). Both are in
    // the layout of earlier versions (game_date=D.ndjson), which the sink still recognises.
    Path stale = out.resolve("ml_feature_store_v2/game_date=2025-01-11.ndjson");
    Path kept = out.resolve("ml_feature_store_v2/game_date=2025-01-12.ndjson");
    Path outside = out.resolve("ml_feature_store_v2/game_date=2025-02-01.ndjson");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "{}\n");
    Files.writeString(kept, "{}\n{}\n");
    Path staleHealth = out.resolve("feature_store_daily_health/game_date=2025-01-11/"
        + "part-00000.ndjson");
    Files.createDirectories(staleHealth.getParent());
    Files.writeString(staleHealth, "{}\n");
    Path legacy = out.resolve("ml_feature_store_v2/game_date=2025-01-15.ndjson");
    Files.writeString(legacy, "{}\n");
    Files.writeString(outside, "{}\n");
    List<ScoredRow> rows = List.of(record("zed", "2025-01-15"), record("abe", "2025-01-15"),
        record("abe", "2025-01-20"));
    List<GapRow> gaps = List.of(new GapRow("gus", d("2025-01-15"), "g1", "TEA", null, 2024,
        "missing_team_or_opponent", "team_abbr=TEA opponent_team_abbr=null"));
    PCollectionTuple in = PCollectionTuple
        .of(BuildFeatureRows.FEATURE_ROWS, p.apply("Rows", Create.of(rows)
            .withCoder(RecordCoder.of(ScoredRow.class))))
        .and(BuildFeatureRows.GAP_ROWS, p.apply("Gaps", Create.of(gaps)
            .withCoder(RecordCoder.of(GapRow.class))))
        .and(SourceTables.DEAD_LETTERS, p.apply("Dead", Create.of(new DeadLetter(
            "player_game_summary", "{bad", "x.ndjson:1: malformed JSON")).withCoder(
            RecordCoder.of(DeadLetter.class))))
        .and(com.nbaprops.mlfs.readiness.CheckReadiness.READINESS, readiness(p, CONFIG,
            Map.of("2025-01-11", 1, "2025-01-15", 3, "2025-01-20", 1)))
        .and(com.nbaprops.mlfs.health.ComputeHealth.HEALTH_ROWS, p.apply("Health", Create.of(
            com.nbaprops.mlfs.health.DayHealth.of(d("2025-01-15"), "backfill", List.of(),
                List.of("missing_team_or_opponent"))).withCoder(RecordCoder.of(
                    com.nbaprops.mlfs.health.HealthRow.class))));
    in.apply(new WriteFileOutputs(out.toString(), CONFIG));
    p.run().waitUntilFinish();
    List<String> lines =
        Files.readAllLines(LocalRun.datePath(out, "ml_feature_store_v2", "2025-01-15"));
    assertEquals(2, lines.size());
    Map<String, Object> first = Json.readObject(lines.get(0));
    assertEquals("abe", first.get("player_lookup"));
    assertEquals("zed", Json.readObject(lines.get(1)).get("player_lookup"));
    assertEquals("test-run", first.get("run_id"));
    assertEquals(List.copyOf(com.nbaprops.mlfs.contract.OutputSchema.FEATURE_STORE.columnNames()),
        List.copyOf(first.keySet()));
    assertEquals(List.of("{\"player_lookup\":\"gus\",\"game_date\":\"2025-01-15\","
        + "\"game_id\":\"g1\",\"team_abbr\":\"TEA\",\"opponent_team_abbr\":null,"
        + "\"season_year\":2024,\"reason\":\"missing_team_or_opponent\","
        + "\"reason_detail\":\"team_abbr=TEA opponent_team_abbr=null\","
        + "\"detected_at\":\"" + CONFIG.stamp().createdAt() + "\","
        + "\"detected_by\":\"ml_feature_store_v2\",\"run_id\":\"test-run\","
        + "\"resolved_at\":null,\"resolved_by\":null}"),
        Files.readAllLines(LocalRun.datePath(out, "feature_store_gaps", "2025-01-15")));
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(staleHealth)); // 2025-01-11 has roster now but no health row
    Map<String, Object> health = Json.readObject(Files.readString(
        LocalRun.datePath(out, "feature_store_daily_health", "2025-01-15")));
    assertEquals("2025-01-15", health.get("game_date"));
    assertEquals(1, ((Number) health.get("gap_rows")).intValue());
    assertEquals("test-run", health.get("run_id"));
    assertFalse(Files.exists(LocalRun.datePath(out, "feature_store_daily_health", "2025-01-20")));
    assertFalse(Files.exists(legacy)); // replaced by game_date=2025-01-15/part-00000.ndjson
    assertEquals(2, Files.readAllLines(kept).size());
    assertTrue(Files.exists(outside));
    List<String> dead = Files.readAllLines(out.resolve(
        "pipeline_dead_letters/run_id=test-run.ndjson"));
    assertEquals(1, dead.size());
    Map<String, Object> d = Json.readObject(dead.get(0));
    assertEquals("x.ndjson:1: malformed JSON", d.get("error"));
    assertEquals("test-run", d.get("run_id"));
    try (var files = Files.walk(out.resolve("ml_feature_store_v2"))) {
      assertTrue(StreamSupport.stream(files.spliterator(), false)
          .noneMatch(f -> f.getFileName().toString().contains(".tmp-")));
    }
  }
}
