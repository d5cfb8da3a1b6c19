package com.nbaprops.mlfs.bigquery;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.google.api.services.bigquery.model.TableRow;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.nbaprops.mlfs.EndToEndTest;
import com.nbaprops.mlfs.FeatureStoreOptions;
import com.nbaprops.mlfs.FeatureStorePipeline;
import com.nbaprops.mlfs.LocalRun;
import com.nbaprops.mlfs.OptionsValidator;
import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.sink.BigQuerySchemas;
import com.nbaprops.mlfs.sink.WriteBigQueryOutputs;
import com.nbaprops.mlfs.source.BigQueryTables;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.gcp.bigquery.TableDestination;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** BigQuery in and out through Beam's fakes and the recording Storage Read fake. */
public class BigQueryIoTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();
  private FakeDatasetService datasets;
  private FakeJobService jobs;
  private FakeBigQueryServices services;
  private static final String PROJECT = "test-project";

  @Before
  public void setUp() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new FakeDatasetService();
    jobs = new FakeJobService();
    services = new FakeBigQueryServices().withDatasetService(datasets).withJobService(jobs)
        .withStorageClient(new FakeStorageClient());
    reloadSources();
    for (String d : List.of("nba_predictions", "nba_reference")) {
      datasets.createDataset(PROJECT, d, "", "", null);
    }
  }

  /** A fresh Storage Read fake serving the tiny league (and the tables the sink has loaded). */
  private void reloadSources() throws Exception {
    FakeStorageClient.reset();
    Map<String, String> ds = new HashMap<>();
    for (SourceTable<?> t : SourceTable.ALL) {
      ds.put(t.name(), t.dataset());
    }
    FakeStorageClient.loadLeague(EndToEndTest.TINY_PATH(), PROJECT, ds, datasets);
  }

  /** Runs the job with the fakes at the given time. */
  private void runAt(String instant, FeatureStoreOptions o) throws Exception {
    FeatureStorePipeline.build(o, OptionsValidator.validate(o, Instant.parse(instant)), services,
        new RecordingDeleter()).run().waitUntilFinish();
  }

  private FeatureStoreOptions options(String... args) {
    PipelineOptionsFactory.register(FeatureStoreOptions.class);
    FeatureStoreOptions o = PipelineOptionsFactory.fromArgs(args).as(FeatureStoreOptions.class);
    o.setProject(PROJECT);
    return o;
  }

  private static final String[] RANGE = {"--startDate=2023-10-25", "--endDate=2023-11-14"};

  @Test
  public void readsOncePerTableWithRestrictionAndSelectedFieldsAndMatchesTheFileSource()
      throws Exception {
    Path out = tmp.newFolder("bq-in").toPath();
    FeatureStoreOptions o = options(RANGE[0], RANGE[1], "--source=bigquery",
        "--outputDir=" + out, "--runId=bq");
    RunConfig config = OptionsValidator.validate(o, Instant.parse("2026-01-01T00:00:00Z"));
    OptionsValidator.validateIo(o);
    FeatureStorePipeline.build(o, config, services, new RecordingDeleter()).run().waitUntilFinish();

    List<CreateReadSessionRequest> sessions = FakeStorageClient.sessions();
    assertEquals(9, sessions.size()); // one read per table per job
    Map<String, CreateReadSessionRequest> byTable = new TreeMap<>();
    for (CreateReadSessionRequest r : sessions) {
      String table = r.getReadSession().getTable();
      byTable.put(table.substring(table.lastIndexOf('/') + 1), r);
    }
    assertEquals("player_game_summary BETWEEN", "game_date BETWEEN DATE '2022-10-25' AND DATE "
        + "'2023-11-14'", restriction(byTable, "player_game_summary"));
    assertEquals("cache_date BETWEEN DATE '2023-10-11' AND DATE '2023-11-14'",
        restriction(byTable, "player_daily_cache"));
    assertEquals("game_date BETWEEN DATE '2023-10-18' AND DATE '2023-11-14'",
        restriction(byTable, "player_composite_factors"));
    assertEquals("analysis_date BETWEEN DATE '2023-10-11' AND DATE '2023-11-14'",
        restriction(byTable, "player_shot_zone_analysis"));
    assertEquals("analysis_date BETWEEN DATE '2023-10-18' AND DATE '2023-11-14'",
        restriction(byTable, "team_defense_zone_analysis"));
    assertEquals("game_date BETWEEN DATE '2022-10-25' AND DATE '2023-11-14'",
        restriction(byTable, "team_offense_game_summary"));
    for (String t : List.of("upcoming_player_game_context", "odds_api_player_points_props",
        "bettingpros_player_points_props")) {
      assertEquals("game_date BETWEEN DATE '2023-10-25' AND DATE '2023-11-14'",
          restriction(byTable, t));
    }
    for (SourceTable<?> t : SourceTable.ALL) {
      CreateReadSessionRequest r = byTable.get(t.name());
      assertEquals(t.name(), t.columnNames(), r.getReadSession().getReadOptions()
          .getSelectedFieldsList());
      assertEquals("projects/" + PROJECT + "/datasets/" + t.dataset() + "/tables/" + t.name(),
          r.getReadSession().getTable());
    }

    // The same inputs through files give the same feature rows and gaps.
    LocalRun files = LocalRun.run(tmp.newFolder("files").toPath(), "--mode=backfill", RANGE[0],
        RANGE[1], "--inputDir=" + EndToEndTest.TINY_PATH());
    assertEquals(0, files.exitCode);
    LocalRun fromBq = LocalRun.read(out);
    assertEquals(files.rowsByKey("ml_feature_store_v2"), fromBq.rowsByKey("ml_feature_store_v2"));
    assertEquals(files.rowsByKey("feature_store_gaps"), fromBq.rowsByKey("feature_store_gaps"));
  }

  private static String restriction(Map<String, CreateReadSessionRequest> byTable, String t) {
    return byTable.get(t).getReadSession().getReadOptions().getRowRestriction();
  }

  @Test
  @SuppressWarnings("unchecked")
  public void writesEveryDateToItsOwnPartitionWithContractSchemaAndClustering() throws Exception {
    FeatureStoreOptions o = options(RANGE[0], RANGE[1], "--source=bigquery", "--sink=bigquery",
        "--tempLocation=" + tmp.newFolder("tmp"), "--runId=bqw");
    RunConfig config = OptionsValidator.validate(o, Instant.parse("2026-01-01T00:00:00Z"));
    OptionsValidator.validateIo(o);
    RecordingDeleter.DELETED.clear();
    RecordingDeleter.LOADED_BEFORE.clear();
    FeatureStorePipeline.build(o, config, services, new RecordingDeleter()).run()
        .waitUntilFinish();
    // Partitions are cleared only after the run's loads succeeded.
    assertFalse(RecordingDeleter.LOADED_BEFORE.isEmpty());
    assertTrue(RecordingDeleter.LOADED_BEFORE.stream().allMatch(n -> n == 40));
    // Every date of the range with roster but without feature rows (resp. gaps) has its
    // partition cleared, so a re-run replaces a date even by nothing; dates with rows are
    // replaced by their load; dates without roster keep their partitions (no --replaceEmptyDates).
    java.util.Set<String> deleted = new java.util.TreeSet<>(RecordingDeleter.DELETED);
    // Roster on 6 dates: Oct 25 (only bootstrap gaps), Nov 7, 9, 10, 12 (only rows), Nov 14.
    assertEquals(new java.util.TreeSet<>(List.of(
        PROJECT + ":nba_predictions.ml_feature_store_v2$20231025",
        PROJECT + ":nba_predictions.feature_store_gaps$20231107",
        PROJECT + ":nba_predictions.feature_store_gaps$20231109",
        PROJECT + ":nba_predictions.feature_store_gaps$20231110",
        PROJECT + ":nba_predictions.feature_store_gaps$20231112")), deleted);

    Map<String, String> partitions = new TreeMap<>();
    for (TableRow r : allRows("nba_predictions", "ml_feature_store_v2")) {
      partitions.put((String) r.get("player_lookup") + "|" + r.get("game_date"), "row");
    }
    assertEquals(40, partitions.size());
    assertEquals(6, allRows("nba_predictions", "feature_store_gaps").size());
    // Of the tiny league's five bad lines, the malformed JSON and the "twelve" in an INT64 column
    // cannot exist in a typed BigQuery table; the other three arrive and are dead-lettered.
    List<String> errors = allRows("nba_predictions", "pipeline_dead_letters").stream()
        .map(r -> (String) r.get("error")).sorted().toList();
    assertEquals(List.of("player_game_summary: column minutes_played: negative value -5.0",
        "player_game_summary: key column player_lookup is empty",
        "upcoming_player_game_context: key column player_lookup is NULL"), errors);
    List<TableRow> history = allRows("nba_reference", "processor_run_history");
    assertEquals(1, history.size());
    assertEquals("bqw", history.get(0).get("run_id"));
    assertEquals("40", String.valueOf(history.get(0).get("rows_written")));
    assertEquals("6", String.valueOf(history.get(0).get("gap_rows")));
    assertEquals("3", String.valueOf(history.get(0).get("dead_letter_rows")));
    // The breakdown is counted inside the pipeline: the tiny league's six gaps are four
    // bootstrap entries (Oct 25), c2's missing opponent and d1's fatigue score of 140 (Nov 14).
    Map<String, Object> breakdown =
        Json.readObject((String) history.get(0).get("timing_breakdown"));
    assertEquals(Map.of("bootstrap", 4, "missing_team_or_opponent", 1,
        "feature_validation_error", 1, "processing_error", 0),
        ((Map<String, Number>) breakdown.get("gaps_per_reason")).entrySet().stream().collect(
            java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue())));
    Map<String, Number> dead = (Map<String, Number>) breakdown.get("dead_letters_per_table");
    assertEquals(2, dead.get("player_game_summary").intValue());
    assertEquals(1, dead.get("upcoming_player_game_context").intValue());
    assertEquals(0, dead.get("player_daily_cache").intValue());
    // Defaults per feature: counted from the rows here, from Beam metrics by a local run.
    LocalRun files = LocalRun.run(tmp.newFolder("files-breakdown").toPath(), "--mode=backfill",
        RANGE[0], RANGE[1], "--inputDir=" + EndToEndTest.TINY_PATH(), "--runId=fb");
    Map<String, Object> local = Json.readObject((String) Json.readObject(Files.readString(
        files.outputDir.resolve("processor_run_history/run_id=fb.ndjson")))
        .get("timing_breakdown"));
    assertEquals(37, ((Map<?, ?>) breakdown.get("defaults_per_feature")).size());
    assertEquals(local.get("defaults_per_feature"), breakdown.get("defaults_per_feature"));
    assertEquals(local.get("gaps_per_reason"), breakdown.get("gaps_per_reason"));
    assertEquals("SUCCEEDED_WITH_WARNINGS", history.get(0).get("status"));
    assertEquals(local.get("dependencies"), breakdown.get("dependencies"));
  }

  @Test
  public void storedGapsAreReadBackAndResolvedWhenARunNoLongerProducesThem() throws Exception {
    // Run 1 skips the bootstrap days: Oct 25 has 4 bootstrap gaps, detected at run 1's time.
    FeatureStoreOptions first = options("--startDate=2023-10-25", "--endDate=2023-10-25",
        "--source=bigquery", "--sink=bigquery", "--tempLocation=" + tmp.newFolder("tmp-g1"),
        "--runId=g1");
    runAt("2026-01-01T00:00:00Z", first);
    List<TableRow> gaps = allRows("nba_predictions", "feature_store_gaps");
    assertEquals(4, gaps.size());
    for (TableRow g : gaps) {
      assertEquals("bootstrap", g.get("reason"));
      assertEquals(null, g.get("resolved_at"));
    }
    // Run 2 builds the bootstrap days: the job reads the date's stored gaps (one session,
    // restricted to the run's dates) and keeps them as history, resolved by run 2.
    reloadSources();
    FeatureStoreOptions second = options("--startDate=2023-10-25", "--endDate=2023-10-25",
        "--source=bigquery", "--sink=bigquery", "--tempLocation=" + tmp.newFolder("tmp-g2"),
        "--runId=g2", "--includeBootstrap");
    runAt("2026-01-02T00:00:00Z", second);
    List<CreateReadSessionRequest> gapReads = FakeStorageClient.sessions().stream()
        .filter(r -> r.getReadSession().getTable().endsWith("/feature_store_gaps")).toList();
    assertEquals(1, gapReads.size());
    assertEquals("game_date BETWEEN DATE '2023-10-25' AND DATE '2023-10-25'",
        gapReads.get(0).getReadSession().getReadOptions().getRowRestriction());
    // The fake appends a partition load to the base table: run 2's load is its g2 rows.
    gaps = allRows("nba_predictions", "feature_store_gaps").stream()
        .filter(g -> "g2".equals(g.get("run_id"))).toList();
    assertEquals(4, gaps.size());
    for (TableRow g : gaps) {
      assertEquals("g2", g.get("resolved_by"));
      assertEquals(Instant.parse("2026-01-02T00:00:00Z"),
          com.nbaprops.mlfs.source.RowParser.parseTimestamp((String) g.get("resolved_at")));
      assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
          com.nbaprops.mlfs.source.RowParser.parseTimestamp((String) g.get("detected_at")));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  public void healthRowsPerDateWithTheBaselineReadFromTheStoredTable() throws Exception {
    FeatureStoreOptions first = options("--startDate=2023-10-25", "--endDate=2023-11-10",
        "--source=bigquery", "--sink=bigquery", "--tempLocation=" + tmp.newFolder("tmp-h1"),
        "--runId=h1", "--includeBootstrap");
    runAt("2026-01-01T00:00:00Z", first);
    // One row per date with roster: Oct 25, Nov 7, 9, 10.
    assertEquals(List.of("2023-10-25", "2023-11-07", "2023-11-09", "2023-11-10"),
        allRows("nba_predictions", "feature_store_daily_health").stream()
            .map(r -> (String) r.get("game_date")).sorted().toList());
    reloadSources();
    FeatureStoreOptions second = options("--startDate=2023-11-11", "--endDate=2023-11-14",
        "--source=bigquery", "--sink=bigquery", "--tempLocation=" + tmp.newFolder("tmp-h2"),
        "--runId=h2", "--includeBootstrap", "--minQualityReadyPct=100");
    runAt("2026-01-02T00:00:00Z", second);
    List<CreateReadSessionRequest> healthReads = FakeStorageClient.sessions().stream()
        .filter(r -> r.getReadSession().getTable().endsWith("/feature_store_daily_health"))
        .toList();
    assertEquals(1, healthReads.size());
    assertEquals("game_date BETWEEN DATE '2023-10-14' AND DATE '2023-11-10'",
        healthReads.get(0).getReadSession().getReadOptions().getRowRestriction());
    assertEquals(List.of("game_date", "feature_rows", "features"),
        healthReads.get(0).getReadSession().getReadOptions().getSelectedFieldsList());
    // The second run's rows equal those of one file-sink backfill of the whole range.
    LocalRun files = LocalRun.run(tmp.newFolder("files-health").toPath(), "--mode=backfill",
        "--startDate=2023-10-25", "--endDate=2023-11-14", "--includeBootstrap",
        "--inputDir=" + EndToEndTest.TINY_PATH(), "--minQualityReadyPct=100");
    Map<String, Map<String, Object>> expected = files.healthByDate();
    List<TableRow> loaded = allRows("nba_predictions", "feature_store_daily_health").stream()
        .filter(r -> "h2".equals(r.get("run_id"))).toList();
    assertEquals(List.of("2023-11-12", "2023-11-14"),
        loaded.stream().map(r -> (String) r.get("game_date")).sorted().toList());
    for (TableRow r : loaded) {
      Map<String, Object> got = Json.readObject(Json.write(r));
      got.remove("run_id");
      got.remove("created_at");
      assertEquals(Json.write(normalized(expected.get(r.get("game_date")))),
          Json.write(normalized(got)));
    }
    List<TableRow> history = allRows("nba_reference", "processor_run_history").stream()
        .filter(h -> "h2".equals(h.get("run_id"))).toList();
    assertEquals("SUCCEEDED_LOW_COVERAGE", history.get(0).get("status"));
    Map<String, Object> health = (Map<String, Object>) Json.readObject(
        (String) history.get(0).get("timing_breakdown")).get("health");
    assertEquals(10, ((Number) health.get("distinct_players")).intValue());
  }

  /** A health row with every number as a double (BigQuery gives INT64 as text). */
  @SuppressWarnings("unchecked")
  private static Object normalized(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, x) -> out.put((String) k, normalized(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(BigQueryIoTest::normalized).toList();
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s && s.matches("^-?\\d+$")) {
      return Double.parseDouble(s);
    }
    return v;
  }

  @Test
  public void replaceEmptyDatesClearsTheDatesWithoutRoster() throws Exception {
    FeatureStoreOptions o = options(RANGE[0], RANGE[1], "--source=bigquery", "--sink=bigquery",
        "--tempLocation=" + tmp.newFolder("tmp-replace"), "--runId=bqr", "--replaceEmptyDates");
    RunConfig config = OptionsValidator.validate(o, Instant.parse("2026-01-01T00:00:00Z"));
    RecordingDeleter.DELETED.clear();
    FeatureStorePipeline.build(o, config, services, new RecordingDeleter()).run()
        .waitUntilFinish();
    // 21 dates: rows on 5 of them (Nov 7, 9, 10, 12, 14), gaps on 2 (Oct 25, Nov 14).
    // ... and health rows on the 6 dates with roster: 15 health partitions cleared.
    assertEquals(16 + 19 + 15, new java.util.TreeSet<>(RecordingDeleter.DELETED).size());
    assertTrue(RecordingDeleter.DELETED.contains(
        PROJECT + ":nba_predictions.ml_feature_store_v2$20231111"));
  }

  @Test
  public void aRefusedDailyRunLoadsNothingRecordsFailedDependenciesAndFails() throws Exception {
    FeatureStoreOptions o = options("--mode=daily", "--gameDate=2023-11-14", "--source=bigquery",
        "--sink=bigquery", "--tempLocation=" + tmp.newFolder("tmp-refused"), "--runId=bqd");
    RunConfig config = OptionsValidator.validate(o, Instant.parse("2026-01-01T00:00:00Z"));
    RecordingDeleter.DELETED.clear();
    RuntimeException e = org.junit.Assert.assertThrows(RuntimeException.class,
        () -> FeatureStorePipeline.build(o, config, services, new RecordingDeleter()).run()
            .waitUntilFinish());
    assertThat(String.valueOf(FeatureStorePipeline.gateRefusalMessage(e)),
        containsString("player_daily_cache has 1 rows dated 2023-11-14, at least 5 needed"));
    assertTrue(RecordingDeleter.DELETED.isEmpty());
    assertTrue(allRows("nba_predictions", "ml_feature_store_v2").isEmpty());
    assertTrue(allRows("nba_predictions", "feature_store_gaps").isEmpty());
    List<TableRow> history = allRows("nba_reference", "processor_run_history");
    assertEquals(1, history.size());
    assertEquals("FAILED_DEPENDENCIES", history.get(0).get("status"));
    assertEquals("0", String.valueOf(history.get(0).get("rows_written")));
  }

  /** Records the partitions the sink clears (the fake dataset service has no partitions). */
  static final class RecordingDeleter implements com.nbaprops.mlfs.sink.PartitionDeleter {
    static final List<String> DELETED =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** Feature rows already loaded when each partition was cleared. */
    static final List<Integer> LOADED_BEFORE =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    @Override
    public void deleteIfExists(String spec, org.apache.beam.sdk.options.PipelineOptions o) {
      DELETED.add(spec);
      try {
        FakeDatasetService ds = new FakeDatasetService();
        boolean loaded = ds.getTable(new com.google.api.services.bigquery.model.TableReference()
            .setProjectId(PROJECT).setDatasetId("nba_predictions")
            .setTableId("ml_feature_store_v2")) != null;
        LOADED_BEFORE.add(loaded ? ds.getAllRows(PROJECT, "nba_predictions",
            "ml_feature_store_v2").size() : 0);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  public void aFailedRunAppendsItsFailedRunHistoryRow() throws Exception {
    FeatureStoreOptions o = options(RANGE[0], RANGE[1], "--sink=bigquery",
        "--tempLocation=" + tmp.newFolder("tmp-failed"), "--runId=bqfail");
    RunConfig config = OptionsValidator.validate(o, Instant.parse("2026-01-01T00:00:00Z"));
    com.nbaprops.mlfs.sink.RunRecord row = com.nbaprops.mlfs.sink.RunHistory.row(config,
        "FAILED", null, Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:00:30Z"), "IllegalStateException: boom");
    com.nbaprops.mlfs.sink.WriteBigQueryOutputs.appendRunHistory(
        PROJECT + ":nba_reference.processor_run_history", row, o, services);
    List<TableRow> history = allRows("nba_reference", "processor_run_history");
    assertEquals(1, history.size());
    assertEquals("bqfail", history.get(0).get("run_id"));
    assertEquals("FAILED", history.get(0).get("status"));
    assertEquals(30.0, ((Number) history.get(0).get("duration_seconds")).doubleValue(), 0);
    assertEquals("IllegalStateException: boom", Json.readObject(
        (String) history.get(0).get("timing_breakdown")).get("error"));
  }

  private List<TableRow> allRows(String dataset, String table) throws Exception {
    // The fake loads partition decorators (table$YYYYMMDD) into the base table.
    if (datasets.getTable(new com.google.api.services.bigquery.model.TableReference()
        .setProjectId(PROJECT).setDatasetId(dataset).setTableId(table)) == null) {
      return List.of();
    }
    return datasets.getAllRows(PROJECT, dataset, table);
  }

  @Test
  public void perDateDestinationsAndSchemasComeFromTheContract() {
    TableDestination d = WriteBigQueryOutputs.destination("p:nba_predictions.ml_feature_store_v2",
        OutputSchema.FEATURE_STORE, LocalDate.of(2024, 4, 1));
    assertEquals("p:nba_predictions.ml_feature_store_v2$20240401", d.getTableSpec());
    assertEquals("DAY", d.getTimePartitioning().getType());
    assertEquals("game_date", d.getTimePartitioning().getField());
    assertEquals(List.of("player_lookup"), d.getClustering().getFields());
    TableDestination g = WriteBigQueryOutputs.destination("p:nba_predictions.feature_store_gaps",
        OutputSchema.GAPS, LocalDate.of(2024, 4, 1));
    assertEquals(List.of("reason", "player_lookup"), g.getClustering().getFields());
    List<String> names = BigQuerySchemas.schema(OutputSchema.FEATURE_STORE).getFields().stream()
        .map(f -> f.getName()).toList();
    assertEquals(OutputSchema.FEATURE_STORE.columnNames(), names);
    assertTrue(names.contains("feature_36_source"));
    assertEquals("REPEATED", BigQuerySchemas.schema(OutputSchema.FEATURE_STORE).getFields()
        .get(names.indexOf("features")).getMode());
  }

  @Test
  public void tableNamesAndProjectsResolveFromOptions() {
    FeatureStoreOptions o = options("--analyticsDataset=prod_analytics",
        "--oddsApiPlayerPointsPropsTable=other.odds", "--featureStoreTable=p2:x.fs");
    assertEquals(PROJECT + ":prod_analytics.player_game_summary",
        BigQueryTables.spec(o, "player_game_summary"));
    assertEquals(PROJECT + ":other.odds", BigQueryTables.spec(o, "odds_api_player_points_props"));
    assertEquals("p2:x.fs", BigQueryTables.spec(o, "ml_feature_store_v2"));
    FeatureStoreOptions bad = options("--playerGameSummaryTable=x; DROP TABLE y");
    assertThat(org.junit.Assert.assertThrows(OptionsValidator.InvalidOptionsException.class,
        () -> BigQueryTables.spec(bad, "player_game_summary")).getMessage(),
        containsString("is not a dataset or table name"));
    FeatureStoreOptions sinkNoTemp = options("--startDate=2024-01-01", "--sink=bigquery",
        "--source=bigquery");
    assertThat(org.junit.Assert.assertThrows(OptionsValidator.InvalidOptionsException.class,
        () -> OptionsValidator.validateIo(sinkNoTemp)).getMessage(),
        containsString("--tempLocation"));
  }

  static Map<String, Object> asMap(TableRow r) {
    return new LinkedHashMap<>(r);
  }

  static String json(Object o) {
    return Json.write(o);
  }
}
