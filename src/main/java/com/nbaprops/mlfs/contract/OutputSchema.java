package com.nbaprops.mlfs.contract;

import static com.nbaprops.mlfs.contract.Column.nullable;
import static com.nbaprops.mlfs.contract.Column.repeated;
import static com.nbaprops.mlfs.contract.Column.required;

import com.nbaprops.mlfs.contract.Column.Type;
import com.nbaprops.mlfs.contract.FeatureContract.Category;
import com.nbaprops.mlfs.features.FeatureRecord;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.features.Quality;
import com.nbaprops.mlfs.features.ScoredRow;
import com.nbaprops.mlfs.health.Count;
import com.nbaprops.mlfs.health.FeatureHealth;
import com.nbaprops.mlfs.health.HealthRow;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.sink.RunRecord;
import com.nbaprops.mlfs.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The five output tables, each column declared once with how its value is read from the table's
 * typed row ({@link ScoredRow}, {@link GapRow}, {@link DeadLetter}, {@link RunRecord}, {@link
 * HealthRow}). The feature
 * table's per-feature columns are generated from {@link FeatureContract}. The NDJSON writer, the
 * BigQuery schema and the BigQuery rows are all derived from these lists.
 */
public final class OutputSchema {
  public static final String DATASET = "nba_predictions";
  /** The processor name stamped on gap rows and run-history rows. */
  public static final String PROCESSOR = "ml_feature_store_v2";

  /** The columns whose values' canonical JSON is hashed into {@code data_hash}: stable across runs. */
  static final List<String> HASHED = List.of("player_lookup", "universal_player_id", "game_date",
      "game_id", "team_abbr", "opponent_team_abbr", "is_home", "days_rest", "season_year",
      "features", "feature_version", "feature_sources_json");

  /** The key of the columns that are a function of the row's source labels. */
  private static final Column.RowValue<ScoredRow> LABELS = s -> s.record().labels();

  public static final OutputTable<ScoredRow> FEATURE_STORE = new OutputTable<>(DATASET,
      "ml_feature_store_v2", featureColumns(), "game_date", List.of("player_lookup"));

  public static final OutputTable<GapRow> GAPS = new OutputTable<>(DATASET, "feature_store_gaps",
      List.of(
          required("player_lookup", Type.STRING, GapRow::playerLookup),
          required("game_date", Type.DATE, (GapRow g) -> g.gameDate().toString()),
          nullable("game_id", Type.STRING, GapRow::gameId),
          nullable("team_abbr", Type.STRING, GapRow::teamAbbr),
          nullable("opponent_team_abbr", Type.STRING, GapRow::opponentTeamAbbr),
          nullable("season_year", Type.INT64, GapRow::seasonYear),
          required("reason", Type.STRING, GapRow::reason),
          nullable("reason_detail", Type.STRING, GapRow::reasonDetail),
          // The first run that found the gap open (GapLifecycle); a gap just produced: this run.
          new Column<GapRow>("detected_at", Type.TIMESTAMP, Column.Mode.NULLABLE, List.of(),
              (g, s) -> g.detectedAt() != null ? g.detectedAt() : s.createdAt()),
          nullable("detected_by", Type.STRING, (GapRow g) -> PROCESSOR),
          Column.runId(),
          nullable("resolved_at", Type.TIMESTAMP, GapRow::resolvedAt),
          nullable("resolved_by", Type.STRING, GapRow::resolvedBy)),
      "game_date", List.of("reason", "player_lookup"));

  public static final OutputTable<DeadLetter> DEAD_LETTERS = new OutputTable<>(DATASET,
      "pipeline_dead_letters", List.of(
          required("source_table", Type.STRING, DeadLetter::sourceTable),
          nullable("raw_row", Type.STRING, DeadLetter::rawRow),
          required("error", Type.STRING, DeadLetter::error),
          Column.runId(),
          Column.runTime("detected_at")),
      null, List.of());

  public static final OutputTable<RunRecord> RUN_HISTORY = new OutputTable<>("nba_reference",
      "processor_run_history", List.of(
          required("run_id", Type.STRING, RunRecord::runId),
          nullable("processor_name", Type.STRING, (RunRecord r) -> PROCESSOR),
          nullable("mode", Type.STRING, RunRecord::mode),
          nullable("start_date", Type.DATE, (RunRecord r) -> r.startDate().toString()),
          nullable("end_date", Type.DATE, (RunRecord r) -> r.endDate().toString()),
          nullable("status", Type.STRING, RunRecord::status),
          nullable("rows_written", Type.INT64, RunRecord::rowsWritten),
          nullable("gap_rows", Type.INT64, RunRecord::gapRows),
          nullable("dead_letter_rows", Type.INT64, RunRecord::deadLetterRows),
          nullable("started_at", Type.TIMESTAMP, (RunRecord r) -> r.startedAt().toString()),
          nullable("finished_at", Type.TIMESTAMP, (RunRecord r) -> r.finishedAt().toString()),
          nullable("duration_seconds", Type.FLOAT64, (RunRecord r) -> r.durationSeconds()),
          nullable("timing_breakdown", Type.STRING, (RunRecord r) -> Json.write(r.breakdown()))),
      null, List.of());

  /**
   * One row per game date with roster: coverage, quality and each feature's health with its drift
   * against the previous four weeks ({@link com.nbaprops.mlfs.health.HealthRules}).
   */
  public static final OutputTable<HealthRow> HEALTH = new OutputTable<>(DATASET,
      "feature_store_daily_health", healthColumns(), "game_date", List.of());

  /** Every output table, in the order the local layout lists them. */
  public static List<OutputTable<?>> all() {
    return List.of(FEATURE_STORE, GAPS, DEAD_LETTERS, RUN_HISTORY, HEALTH);
  }

  /** The folder names of the local layout (one per output table). */
  public static List<String> localTables() {
    return all().stream().map(OutputTable::name).toList();
  }

  /** Each source label's weight as the column value (one boxed value per label, not per row). */
  private static final Double[] WEIGHTS = weights();

  private OutputSchema() {}

  private static Double[] weights() {
    SourceLabel[] labels = SourceLabel.values();
    Double[] w = new Double[labels.length];
    for (SourceLabel l : labels) {
      w[l.ordinal()] = (double) l.weight();
    }
    return w;
  }

  private static List<Column<ScoredRow>> featureColumns() {
    List<Column<ScoredRow>> f = new ArrayList<>(identityColumns());
    f.add(repeated("features", Type.FLOAT64, s -> s.record().features()));
    // Everything from feature_names to feature_sources_json is a function of the row's labels:
    // written once per distinct label string (a few hundred in a season) and copied after that.
    List<Column<ScoredRow>> byLabels = new ArrayList<>();
    byLabels.add(repeated("feature_names", Type.STRING, s -> FeatureContract.names()));
    byLabels.add(nullable("feature_count", Type.INT64, s -> FeatureContract.FEATURE_COUNT));
    byLabels.add(nullable("feature_version", Type.STRING, s -> FeatureContract.FEATURE_VERSION));
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      int k = i;
      byLabels.add(nullable("feature_" + i + "_source", Type.STRING,
          s -> s.record().label(k).canonical()));
    }
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      int k = i;
      byLabels.add(nullable("feature_" + i + "_quality", Type.FLOAT64,
          s -> WEIGHTS[s.record().label(k).ordinal()]));
    }
    byLabels.add(nullable("feature_sources_json", Type.STRING, s -> sourcesJson(s.record())));
    byLabels.forEach(c -> f.add(c.sameTextPer(LABELS)));
    f.addAll(qualityColumns());
    f.add(nullable("early_season_flag", Type.BOOL, s -> s.record().earlySeason()));
    f.add(Column.record("historical_completeness", ScoredRow::record, List.of(
        nullable("games_found", Type.INT64, FeatureRecord::gamesFound),
        nullable("games_expected", Type.INT64, FeatureRecord::gamesExpected),
        nullable("is_complete", Type.BOOL, r -> r.gamesFound() >= r.gamesExpected()),
        nullable("is_bootstrap", Type.BOOL, r -> r.gamesExpected() < 10),
        repeated("contributing_game_dates", Type.DATE,
            r -> r.contributingGameDates().stream().map(Object::toString).toList()))));
    f.add(Column.digest("data_hash", HASHED));
    f.add(nullable("feature_schema_version", Type.STRING,
        s -> FeatureContract.FEATURE_SCHEMA_VERSION));
    f.add(nullable("quality_schema_version", Type.STRING,
        s -> FeatureContract.QUALITY_SCHEMA_VERSION));
    f.add(Column.runId());
    f.add(Column.runTime("created_at"));
    return f;
  }

  private static List<Column<ScoredRow>> identityColumns() {
    return List.of(
        required("player_lookup", Type.STRING, s -> s.record().playerLookup()),
        nullable("universal_player_id", Type.STRING, s -> s.record().universalPlayerId()),
        required("game_date", Type.DATE, s -> s.record().gameDate().toString()),
        nullable("game_id", Type.STRING, s -> s.record().gameId()),
        nullable("team_abbr", Type.STRING, s -> s.record().teamAbbr()),
        nullable("opponent_team_abbr", Type.STRING, s -> s.record().opponentTeamAbbr()),
        nullable("is_home", Type.BOOL,
            s -> s.record().features().get(FeatureContract.HOME_AWAY) == 1.0),
        nullable("days_rest", Type.INT64, s -> s.record().daysRest()),
        nullable("season_year", Type.INT64, s -> Seasons.seasonOf(s.record().gameDate())));
  }

  private static List<Column<ScoredRow>> qualityColumns() {
    List<Column<ScoredRow>> f = new ArrayList<>();
    f.add(nullable("feature_quality_score", Type.FLOAT64, s -> q(s).score()));
    f.add(nullable("quality_tier", Type.STRING, s -> q(s).tier()));
    f.add(repeated("default_feature_indices", Type.INT64, s -> q(s).defaultIndices()));
    f.add(nullable("default_feature_count", Type.INT64, s -> q(s).defaultIndices().size()));
    f.add(nullable("required_default_count", Type.INT64, s -> q(s).requiredDefaultCount()));
    f.add(nullable("phase4_feature_count", Type.INT64, s -> q(s).phase4Count()));
    f.add(nullable("phase3_feature_count", Type.INT64, s -> q(s).phase3Count()));
    f.add(nullable("calculated_feature_count", Type.INT64, s -> q(s).calculatedCount()));
    for (Category c : Category.values()) {
      String key = c.key();
      f.add(nullable(key + "_quality_pct", Type.FLOAT64,
          s -> q(s).categoryPct().get(key)));
      f.add(nullable(key + "_default_count", Type.INT64, s -> q(s).categoryDefaults().get(key)));
    }
    f.add(nullable("matchup_quality_tier", Type.STRING, s -> q(s).matchupTier()));
    f.add(nullable("game_context_quality_tier", Type.STRING, s -> q(s).gameContextTier()));
    f.add(nullable("has_composite_factors", Type.BOOL, s -> q(s).hasCompositeFactors()));
    f.add(nullable("has_opponent_defense", Type.BOOL, s -> q(s).hasOpponentDefense()));
    f.add(nullable("has_vegas_line", Type.BOOL, s -> q(s).hasVegasLine()));
    f.add(nullable("critical_feature_count", Type.INT64, s -> q(s).criticalFeatureCount()));
    f.add(nullable("critical_features_training_quality", Type.BOOL,
        s -> q(s).criticalFeaturesTrainingQuality()));
    f.add(nullable("training_quality_feature_count", Type.INT64,
        s -> q(s).trainingQualityFeatureCount()));
    f.add(nullable("optional_feature_count", Type.INT64, s -> q(s).optionalFeatureCount()));
    f.add(nullable("quality_alert_level", Type.STRING, s -> q(s).alertLevel()));
    f.add(repeated("quality_alerts", Type.STRING, s -> q(s).alerts()));
    f.add(nullable("is_training_ready", Type.BOOL, s -> q(s).trainingReady()));
    f.add(nullable("is_quality_ready", Type.BOOL, s -> q(s).qualityReady()));
    f.add(nullable("feature_fallback_reasons_json", Type.STRING,
        // Keyed by the map: QualityScorer puts its keys in feature order, so equal maps are
        // equal texts.
        s -> REASONS_JSON.get(q(s).fallbackReasons(), Json::write)));
    f.add(nullable("data_source", Type.STRING, s -> q(s).dataSource()));
    return f;
  }

  private static List<Column<HealthRow>> healthColumns() {
    return List.of(
        required("game_date", Type.DATE, (HealthRow h) -> h.gameDate().toString()),
        nullable("mode", Type.STRING, HealthRow::mode),
        nullable("roster_entries", Type.INT64, HealthRow::rosterEntries),
        nullable("feature_rows", Type.INT64, HealthRow::featureRows),
        nullable("gap_rows", Type.INT64, HealthRow::gapRows),
        Column.repeatedRecord("gaps_by_reason", HealthRow::gapsByReason, counts("reason")),
        nullable("quality_ready_count", Type.INT64, HealthRow::qualityReadyCount),
        nullable("quality_ready_pct", Type.FLOAT64, HealthRow::qualityReadyPct),
        nullable("training_ready_count", Type.INT64, HealthRow::trainingReadyCount),
        nullable("rows_with_required_defaults", Type.INT64, HealthRow::rowsWithRequiredDefaults),
        nullable("avg_feature_quality_score", Type.FLOAT64,
            HealthRow::avgFeatureQualityScore),
        Column.repeatedRecord("tier_counts", HealthRow::tierCounts, counts("tier")),
        Column.repeatedRecord("alert_level_counts", HealthRow::alertLevelCounts, counts("level")),
        Column.repeatedRecord("features", HealthRow::features, List.of(
            nullable("index", Type.INT64, FeatureHealth::index),
            nullable("name", Type.STRING, FeatureHealth::name),
            nullable("default_count", Type.INT64, FeatureHealth::defaultCount),
            nullable("value_count", Type.INT64, FeatureHealth::valueCount),
            nullable("default_pct", Type.FLOAT64, FeatureHealth::defaultPct),
            nullable("mean", Type.FLOAT64, FeatureHealth::mean),
            nullable("stddev", Type.FLOAT64, FeatureHealth::stddev),
            nullable("min", Type.FLOAT64, FeatureHealth::min),
            nullable("max", Type.FLOAT64, FeatureHealth::max),
            nullable("zero_count", Type.INT64, FeatureHealth::zeroCount),
            nullable("baseline_days", Type.INT64, FeatureHealth::baselineDays),
            nullable("baseline_mean", Type.FLOAT64, FeatureHealth::baselineMean),
            nullable("baseline_std", Type.FLOAT64, FeatureHealth::baselineStd),
            nullable("baseline_value_std", Type.FLOAT64,
                FeatureHealth::baselineValueStd),
            nullable("baseline_default_pct", Type.FLOAT64,
                FeatureHealth::baselineDefaultPct),
            nullable("drift_z", Type.FLOAT64, FeatureHealth::driftZ))),
        repeated("alerts", Type.STRING, HealthRow::alerts),
        nullable("coverage_ok", Type.BOOL, HealthRow::coverageOk),
        Column.runId(),
        Column.runTime("created_at"));
  }

  /** The fields of a repeated count record: {@code <name>}, {@code count}. */
  private static List<Column<Count>> counts(String name) {
    return List.of(nullable(name, Type.STRING, Count::name),
        nullable("count", Type.INT64, Count::count));
  }

  private static Quality q(ScoredRow s) {
    return s.quality();
  }

  /** {@code feature_sources_json}: a few hundred distinct label strings make all the rows. */
  private static String sourcesJson(FeatureRecord r) {
    return SOURCES_JSON.get(r.labels(), labels -> {
      Map<String, String> sources = new LinkedHashMap<>();
      for (int i = 0; i < r.features().size(); i++) {
        sources.put(Integer.toString(i), r.label(i).raw());
      }
      return Json.write(sources);
    });
  }

  private static final JsonCache<String> SOURCES_JSON = new JsonCache<>();
  private static final JsonCache<Map<String, String>> REASONS_JSON = new JsonCache<>();
}
