package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.history.RosterEntry;
import com.nbaprops.mlfs.model.PlayerGameRow;
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

/**
 * Turns one roster entry into exactly one outcome: a feature row, or a gap with the first reason
 * that applies ({@code bootstrap}, {@code missing_team_or_opponent}, {@code
 * feature_validation_error}, {@code processing_error}). Pure Java.
 */
public final class EntryProcessor {
  public static final String PROCESSOR = "ml_feature_store_v2";

  /** Gap reasons in the contract's order of precedence. */
  public static final List<String> GAP_REASONS = List.of("bootstrap", "missing_team_or_opponent",
      "feature_validation_error", "processing_error");

  /** The outcome: {@code row} for a feature row, else {@code gapReason} with the gap row. */
  public record Outcome(OutputRow row, String gapReason, OutputRow gap, FeatureVector vector) {
    public boolean isRow() {
      return gapReason == null;
    }
  }

  /** Run-level values stamped on every row: they are the only non-deterministic columns. */
  public record RunStamp(String runId, String createdAt) implements java.io.Serializable {}

  private EntryProcessor() {}

  public static Outcome process(PlayerInputs in, LeagueIndex league, boolean includeBootstrap,
      RunStamp stamp) {
    RosterEntry e = in.roster();
    LocalDate d = e.gameDate();
    boolean bootstrap = league.isBootstrap(d);
    if (bootstrap && !includeBootstrap) {
      return gap(in, "bootstrap", "first 14 days of season " + PlayerInputs.seasonOf(d)
          + " (starts " + league.seasonStart(PlayerInputs.seasonOf(d)) + ")", stamp);
    }
    if (blank(e.teamAbbr()) || blank(e.opponentTeamAbbr())
        || e.teamAbbr().equals(e.opponentTeamAbbr())) {
      return gap(in, "missing_team_or_opponent",
          "team_abbr=" + e.teamAbbr() + " opponent_team_abbr=" + e.opponentTeamAbbr(), stamp);
    }
    FeatureVector v;
    Quality q;
    try {
      v = FeatureBuilder.build(in, league);
      q = QualityScorer.score(v);
    } catch (FeatureValidationException ex) {
      return gap(in, "feature_validation_error", ex.getMessage(), stamp);
    } catch (RuntimeException ex) {
      return gap(in, "processing_error", ex.getClass().getSimpleName() + ": " + ex.getMessage(),
          stamp);
    }
    Map<String, Object> row = featureRow(in, v, q, bootstrap, stamp);
    return new Outcome(new OutputRow(d, e.playerLookup(), Json.write(row)), null, null, v);
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  private static Outcome gap(PlayerInputs in, String reason, String detail, RunStamp stamp) {
    RosterEntry e = in.roster();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("player_lookup", e.playerLookup());
    row.put("game_date", e.gameDate().toString());
    row.put("game_id", e.gameId());
    row.put("team_abbr", e.teamAbbr());
    row.put("opponent_team_abbr", e.opponentTeamAbbr());
    row.put("season_year", PlayerInputs.seasonOf(e.gameDate()));
    row.put("reason", reason);
    row.put("reason_detail", detail);
    row.put("detected_at", stamp.createdAt());
    row.put("detected_by", PROCESSOR);
    row.put("run_id", stamp.runId());
    String json = Json.write(OutputSchema.GAPS.ordered(row));
    return new Outcome(null, reason, new OutputRow(e.gameDate(), e.playerLookup(), json), null);
  }

  static Map<String, Object> featureRow(PlayerInputs in, FeatureVector v, Quality q,
      boolean bootstrapDay, RunStamp stamp) {
    RosterEntry e = in.roster();
    int n = FeatureContract.FEATURE_COUNT;
    List<Object> values = new ArrayList<>(n);
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      values.add(Decimals.plain(v.value(i)));
      sources.put(Integer.toString(i), v.label(i).raw());
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("player_lookup", e.playerLookup());
    r.put("universal_player_id", e.universalPlayerId());
    r.put("game_date", e.gameDate().toString());
    r.put("game_id", e.gameId());
    r.put("team_abbr", e.teamAbbr());
    r.put("opponent_team_abbr", e.opponentTeamAbbr());
    r.put("is_home", v.value(15) == 1.0);
    r.put("days_rest", v.daysRest());
    r.put("season_year", PlayerInputs.seasonOf(e.gameDate()));
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
    r.put("early_season_flag", bootstrapDay);
    long found = in.r10().size();
    long expected = Math.min(10, in.historyCount());
    List<String> dates = new ArrayList<>();
    for (int k = in.r10().size() - 1; k >= 0; k--) {
      PlayerGameRow g = in.r10().get(k);
      dates.add(g.gameDate().toString());
    }
    Map<String, Object> hc = new LinkedHashMap<>();
    hc.put("games_found", found);
    hc.put("games_expected", expected);
    hc.put("is_complete", found >= expected);
    hc.put("is_bootstrap", expected < 10);
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
