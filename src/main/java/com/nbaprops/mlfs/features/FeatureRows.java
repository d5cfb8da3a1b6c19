package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.util.Decimals;
import com.nbaprops.mlfs.util.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link FeatureRecord} as the {@code ml_feature_store_v2} row (schema order). */
public final class FeatureRows {
  private FeatureRows() {}

  public static String toJson(FeatureRecord f, RunStamp stamp) {
    return Json.write(toMap(f, stamp));
  }

  public static Map<String, Object> toMap(FeatureRecord f, RunStamp stamp) {
    FeatureVector v = f.vector();
    Quality q = QualityScorer.score(v);
    int n = FeatureContract.FEATURE_COUNT;
    List<Object> values = new ArrayList<>(n);
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      values.add(Decimals.plain(v.value(i)));
      sources.put(Integer.toString(i), v.label(i).raw());
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("player_lookup", f.playerLookup());
    r.put("universal_player_id", f.universalPlayerId());
    r.put("game_date", f.gameDate().toString());
    r.put("game_id", f.gameId());
    r.put("team_abbr", f.teamAbbr());
    r.put("opponent_team_abbr", f.opponentTeamAbbr());
    r.put("is_home", v.value(15) == 1.0);
    r.put("days_rest", f.daysRest());
    r.put("season_year", PlayerInputs.seasonOf(f.gameDate()));
    r.put("features", values);
    r.put("feature_names", FeatureContract.names());
    r.put("feature_count", n);
    r.put("feature_version", FeatureContract.FEATURE_VERSION);
    for (int i = 0; i < n; i++) {
      r.put("feature_" + i + "_source", v.label(i).canonical());
    }
    for (int i = 0; i < n; i++) {
      r.put("feature_" + i + "_quality", Decimals.plain(v.label(i).weight()));
    }
    r.put("feature_sources_json", Json.write(sources));
    r.put("feature_quality_score", Decimals.plain(q.score()));
    r.put("quality_tier", q.tier());
    r.put("default_feature_indices", q.defaultIndices());
    r.put("default_feature_count", q.defaultIndices().size());
    r.put("required_default_count", q.requiredDefaultCount());
    r.put("phase4_feature_count", q.phase4Count());
    r.put("phase3_feature_count", q.phase3Count());
    r.put("calculated_feature_count", q.calculatedCount());
    q.categoryPct().forEach((c, pct) -> {
      r.put(c + "_quality_pct", Decimals.plain(pct));
      r.put(c + "_default_count", q.categoryDefaults().get(c));
    });
    r.put("matchup_quality_tier", q.matchupTier());
    r.put("game_context_quality_tier", q.gameContextTier());
    r.put("has_composite_factors", q.hasCompositeFactors());
    r.put("has_opponent_defense", q.hasOpponentDefense());
    r.put("has_vegas_line", q.hasVegasLine());
    r.put("critical_feature_count", q.criticalFeatureCount());
    r.put("critical_features_training_quality", q.criticalFeaturesTrainingQuality());
    r.put("training_quality_feature_count", q.trainingQualityFeatureCount());
    r.put("optional_feature_count", q.optionalFeatureCount());
    r.put("quality_alert_level", q.alertLevel());
    r.put("quality_alerts", q.alerts());
    r.put("is_training_ready", q.trainingReady());
    r.put("is_quality_ready", q.qualityReady());
    r.put("feature_fallback_reasons_json", Json.write(q.fallbackReasons()));
    r.put("data_source", q.dataSource());
    r.put("early_season_flag", f.earlySeason());
    List<String> dates = new ArrayList<>();
    for (LocalDate d : f.contributingGameDates()) {
      dates.add(d.toString());
    }
    Map<String, Object> hc = new LinkedHashMap<>();
    hc.put("games_found", f.gamesFound());
    hc.put("games_expected", f.gamesExpected());
    hc.put("is_complete", f.gamesFound() >= f.gamesExpected());
    hc.put("is_bootstrap", f.gamesExpected() < 10);
    hc.put("contributing_game_dates", dates);
    r.put("historical_completeness", hc);
    r.put("data_hash", dataHash(r));
    r.put("feature_schema_version", FeatureContract.FEATURE_SCHEMA_VERSION);
    r.put("quality_schema_version", FeatureContract.QUALITY_SCHEMA_VERSION);
    r.put("run_id", stamp.runId());
    r.put("created_at", stamp.createdAt());
    return OutputSchema.FEATURE_STORE.ordered(r);
  }

  /** Hex SHA-256 of the identifying and feature columns, as canonical JSON: stable across runs. */
  static String dataHash(Map<String, Object> row) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (String c : List.of("player_lookup", "universal_player_id", "game_date", "game_id",
        "team_abbr", "opponent_team_abbr", "is_home", "days_rest", "season_year", "features",
        "feature_version", "feature_sources_json")) {
      key.put(c, row.get(c));
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256")
          .digest(Json.write(key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
