package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.Seasons;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.history.RosterEntry;
import com.nbaprops.mlfs.util.DoubleList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one roster entry into exactly one outcome: a feature row, or a gap with the first reason
 * that applies ({@code bootstrap}, {@code missing_team_or_opponent}, {@code
 * feature_validation_error}, {@code processing_error}). Pure Java.
 */
public final class EntryProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(EntryProcessor.class);

  /** Gap reasons in the contract's order of precedence. */
  public static final List<String> GAP_REASONS = List.of("bootstrap", "missing_team_or_opponent",
      "feature_validation_error", "processing_error");

  /** The outcome: a scored feature row, or the gap row. Exactly one is set. */
  public record Outcome(ScoredRow row, GapRow gap) {
    public boolean isRow() {
      return row != null;
    }
  }

  /** Run-level values stamped on every row: they are the only non-deterministic columns. */
  public record RunStamp(String runId, String createdAt) implements java.io.Serializable {}

  private EntryProcessor() {}

  /** As {@link #process(PlayerInputs, LeagueIndex, int)}: every day built, or 14 skipped. */
  public static Outcome process(PlayerInputs in, LeagueIndex league, boolean includeBootstrap) {
    return process(in, league, includeBootstrap ? 0 : Seasons.BOOTSTRAP_DAYS);
  }

  /**
   * The entry's feature row or gap; the first {@code bootstrapDays} days of a season are
   * {@code bootstrap} gaps (the row's {@code early_season_flag} still means the contract's 14).
   */
  public static Outcome process(PlayerInputs in, LeagueIndex league, int bootstrapDays) {
    RosterEntry e = in.roster();
    LocalDate d = e.gameDate();
    boolean bootstrap = league.isBootstrap(d);
    if (league.isBootstrap(d, bootstrapDays)) {
      int season = Seasons.seasonOf(d);
      return gap(in, "bootstrap", "first " + bootstrapDays + " days of season " + season
          + " (starts " + league.seasonStart(season) + ")");
    }
    if (blank(e.teamAbbr()) || blank(e.opponentTeamAbbr())
        || e.teamAbbr().equals(e.opponentTeamAbbr())) {
      return gap(in, "missing_team_or_opponent",
          "team_abbr=" + e.teamAbbr() + " opponent_team_abbr=" + e.opponentTeamAbbr());
    }
    FeatureVector v;
    Quality q;
    try {
      v = FeatureBuilder.build(in, league);
      q = QualityScorer.score(v);
    } catch (FeatureValidationException ex) {
      return gap(in, "feature_validation_error", ex.getMessage());
    } catch (RuntimeException ex) {
      // The gap row keeps the message; the stack trace goes to the job's log (the console of a
      // local run, the worker logs in Cloud Logging on Dataflow), keyed by player and date.
      LOG.warn("processing_error for {} on {}", e.playerLookup(), d, ex);
      return gap(in, "processing_error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
    }
    return new Outcome(new ScoredRow(record(in, v, bootstrap), q), null);
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }

  private static Outcome gap(PlayerInputs in, String reason, String detail) {
    RosterEntry e = in.roster();
    return new Outcome(null, new GapRow(e.playerLookup(), e.gameDate(), e.gameId(), e.teamAbbr(),
        e.opponentTeamAbbr(), Seasons.seasonOf(e.gameDate()), reason, detail));
  }

  /** The compact row of a built vector. */
  static FeatureRecord record(PlayerInputs in, FeatureVector v, boolean bootstrapDay) {
    RosterEntry e = in.roster();
    List<Double> values = DoubleList.of(v.values());
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
