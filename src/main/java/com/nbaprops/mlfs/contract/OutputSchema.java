package com.nbaprops.mlfs.contract;

import com.nbaprops.mlfs.contract.FeatureContract.Category;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column lists of the four output tables, in output order. The feature table's columns are generated
 * from {@link FeatureContract}; the row assembler, the NDJSON writer and the BigQuery schema all use
 * these lists, so a column exists in exactly one place.
 */
public final class OutputSchema {
  public enum Type { STRING, INT64, FLOAT64, BOOL, DATE, TIMESTAMP, RECORD }

  public enum Mode { NULLABLE, REQUIRED, REPEATED }

  /** One column; {@code fields} only for RECORD columns. */
  public record Field(String name, Type type, Mode mode, List<Field> fields)
      implements Serializable {
    static Field of(String name, Type type) {
      return new Field(name, type, Mode.NULLABLE, List.of());
    }

    static Field required(String name, Type type) {
      return new Field(name, type, Mode.REQUIRED, List.of());
    }

    static Field repeated(String name, Type type) {
      return new Field(name, type, Mode.REPEATED, List.of());
    }
  }

  /** An output table: name, dataset, columns, partition and clustering. */
  public record Table(String dataset, String name, List<Field> fields, String partitionField,
      List<String> clustering) implements Serializable {
    public List<String> columnNames() {
      return fields.stream().map(Field::name).toList();
    }

    /** The row's values in column order; fails loudly when keys and columns differ. */
    public Map<String, Object> ordered(Map<String, Object> row) {
      if (!row.keySet().equals(new java.util.HashSet<>(columnNames()))) {
        List<String> missing = new ArrayList<>(columnNames());
        missing.removeAll(row.keySet());
        List<String> extra = new ArrayList<>(row.keySet());
        extra.removeAll(columnNames());
        throw new IllegalStateException(name + " row does not match its schema: missing "
            + missing + ", unknown " + extra);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (String c : columnNames()) {
        out.put(c, row.get(c));
      }
      return out;
    }
  }

  public static final Table FEATURE_STORE = new Table("nba_predictions", "ml_feature_store_v2",
      featureColumns(), "game_date", List.of("player_lookup"));

  public static final Table GAPS = new Table("nba_predictions", "feature_store_gaps", List.of(
      Field.required("player_lookup", Type.STRING),
      Field.required("game_date", Type.DATE),
      Field.of("game_id", Type.STRING),
      Field.of("team_abbr", Type.STRING),
      Field.of("opponent_team_abbr", Type.STRING),
      Field.of("season_year", Type.INT64),
      Field.required("reason", Type.STRING),
      Field.of("reason_detail", Type.STRING),
      Field.of("detected_at", Type.TIMESTAMP),
      Field.of("detected_by", Type.STRING),
      Field.of("run_id", Type.STRING)), "game_date", List.of("reason", "player_lookup"));

  public static final Table DEAD_LETTERS = new Table("nba_predictions", "pipeline_dead_letters",
      List.of(
          Field.required("source_table", Type.STRING),
          Field.of("raw_row", Type.STRING),
          Field.required("error", Type.STRING),
          Field.of("run_id", Type.STRING),
          Field.of("detected_at", Type.TIMESTAMP)), null, List.of());

  public static final Table RUN_HISTORY = new Table("nba_reference", "processor_run_history",
      List.of(
          Field.required("run_id", Type.STRING),
          Field.of("processor_name", Type.STRING),
          Field.of("mode", Type.STRING),
          Field.of("start_date", Type.DATE),
          Field.of("end_date", Type.DATE),
          Field.of("status", Type.STRING),
          Field.of("rows_written", Type.INT64),
          Field.of("gap_rows", Type.INT64),
          Field.of("dead_letter_rows", Type.INT64),
          Field.of("started_at", Type.TIMESTAMP),
          Field.of("finished_at", Type.TIMESTAMP),
          Field.of("duration_seconds", Type.FLOAT64),
          Field.of("timing_breakdown", Type.STRING)), null, List.of());

  private OutputSchema() {}

  private static List<Field> featureColumns() {
    List<Field> f = new ArrayList<>();
    f.add(Field.required("player_lookup", Type.STRING));
    f.add(Field.of("universal_player_id", Type.STRING));
    f.add(Field.required("game_date", Type.DATE));
    f.add(Field.of("game_id", Type.STRING));
    f.add(Field.of("team_abbr", Type.STRING));
    f.add(Field.of("opponent_team_abbr", Type.STRING));
    f.add(Field.of("is_home", Type.BOOL));
    f.add(Field.of("days_rest", Type.INT64));
    f.add(Field.of("season_year", Type.INT64));
    f.add(Field.repeated("features", Type.FLOAT64));
    f.add(Field.repeated("feature_names", Type.STRING));
    f.add(Field.of("feature_count", Type.INT64));
    f.add(Field.of("feature_version", Type.STRING));
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      f.add(Field.of("feature_" + i + "_source", Type.STRING));
    }
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      f.add(Field.of("feature_" + i + "_quality", Type.FLOAT64));
    }
    f.add(Field.of("feature_sources_json", Type.STRING));
    f.add(Field.of("feature_quality_score", Type.FLOAT64));
    f.add(Field.of("quality_tier", Type.STRING));
    f.add(Field.repeated("default_feature_indices", Type.INT64));
    f.add(Field.of("default_feature_count", Type.INT64));
    f.add(Field.of("required_default_count", Type.INT64));
    f.add(Field.of("phase4_feature_count", Type.INT64));
    f.add(Field.of("phase3_feature_count", Type.INT64));
    f.add(Field.of("calculated_feature_count", Type.INT64));
    for (Category c : Category.values()) {
      f.add(Field.of(c.key() + "_quality_pct", Type.FLOAT64));
      f.add(Field.of(c.key() + "_default_count", Type.INT64));
    }
    f.add(Field.of("matchup_quality_tier", Type.STRING));
    f.add(Field.of("game_context_quality_tier", Type.STRING));
    f.add(Field.of("has_composite_factors", Type.BOOL));
    f.add(Field.of("has_opponent_defense", Type.BOOL));
    f.add(Field.of("has_vegas_line", Type.BOOL));
    f.add(Field.of("critical_feature_count", Type.INT64));
    f.add(Field.of("critical_features_training_quality", Type.BOOL));
    f.add(Field.of("training_quality_feature_count", Type.INT64));
    f.add(Field.of("optional_feature_count", Type.INT64));
    f.add(Field.of("quality_alert_level", Type.STRING));
    f.add(Field.repeated("quality_alerts", Type.STRING));
    f.add(Field.of("is_training_ready", Type.BOOL));
    f.add(Field.of("is_quality_ready", Type.BOOL));
    f.add(Field.of("feature_fallback_reasons_json", Type.STRING));
    f.add(Field.of("data_source", Type.STRING));
    f.add(Field.of("early_season_flag", Type.BOOL));
    f.add(new Field("historical_completeness", Type.RECORD, Mode.NULLABLE, List.of(
        Field.of("games_found", Type.INT64),
        Field.of("games_expected", Type.INT64),
        Field.of("is_complete", Type.BOOL),
        Field.of("is_bootstrap", Type.BOOL),
        Field.repeated("contributing_game_dates", Type.DATE))));
    f.add(Field.of("data_hash", Type.STRING));
    f.add(Field.of("feature_schema_version", Type.STRING));
    f.add(Field.of("quality_schema_version", Type.STRING));
    f.add(Field.of("run_id", Type.STRING));
    f.add(Field.of("created_at", Type.TIMESTAMP));
    return Collections.unmodifiableList(f);
  }
}
