package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.history.RosterEntry;
import com.nbaprops.mlfs.util.Json;
import java.time.LocalDate;
import java.util.ArrayList;
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
  public record Outcome(FeatureRecord row, String gapReason, OutputRow gap, FeatureVector vector) {
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
    try {
      v = FeatureBuilder.build(in, league);
      QualityScorer.score(v);
    } catch (FeatureValidationException ex) {
      return gap(in, "feature_validation_error", ex.getMessage(), stamp);
    } catch (RuntimeException ex) {
      return gap(in, "processing_error", ex.getClass().getSimpleName() + ": " + ex.getMessage(),
          stamp);
    }
    return new Outcome(record(in, v, bootstrap), null, null, v);
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

  /** The compact row of a built vector. */
  static FeatureRecord record(PlayerInputs in, FeatureVector v, boolean bootstrapDay) {
    RosterEntry e = in.roster();
    List<Double> values = new ArrayList<>(v.values().length);
    for (double x : v.values()) {
      values.add(x);
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int k = in.r10().size() - 1; k >= 0; k--) {
      dates.add(in.r10().get(k).gameDate());
    }
    return new FeatureRecord(e.gameDate(), e.playerLookup(), e.universalPlayerId(), e.gameId(),
        e.teamAbbr(), e.opponentTeamAbbr(), v.daysRest(), values,
        FeatureRecord.encodeLabels(v.labels()), (long) in.r10().size(),
        Math.min(10L, in.historyCount()), dates, bootstrapDay);
  }

}
