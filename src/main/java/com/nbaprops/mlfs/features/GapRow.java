package com.nbaprops.mlfs.features;

import java.time.LocalDate;

/**
 * A roster entry that became no feature row, and why ({@code feature_store_gaps}), with its
 * lifecycle: {@code detectedAt} the time of the run that first found it open (null for a gap just
 * produced: the run's own time), {@code resolvedAt}/{@code resolvedBy} the time and run id of the
 * run that no longer produced it (null while open). See {@link com.nbaprops.mlfs.gaps.GapLifecycle}.
 */
public record GapRow(String playerLookup, LocalDate gameDate, String gameId, String teamAbbr,
    String opponentTeamAbbr, Integer seasonYear, String reason, String reasonDetail,
    String detectedAt, String resolvedAt, String resolvedBy) {

  /** A gap this run produced (open, detected now). */
  public GapRow(String playerLookup, LocalDate gameDate, String gameId, String teamAbbr,
      String opponentTeamAbbr, Integer seasonYear, String reason, String reasonDetail) {
    this(playerLookup, gameDate, gameId, teamAbbr, opponentTeamAbbr, seasonYear, reason,
        reasonDetail, null, null, null);
  }

  public boolean isOpen() {
    return resolvedAt == null;
  }

  public GapRow withLifecycle(String detectedAt, String resolvedAt, String resolvedBy) {
    return new GapRow(playerLookup, gameDate, gameId, teamAbbr, opponentTeamAbbr, seasonYear,
        reason, reasonDetail, detectedAt, resolvedAt, resolvedBy);
  }
}
