package com.nbaprops.mlfs.model;

import java.time.LocalDate;

/** One row of {@code nba_analytics.player_game_summary}; components in the data contract's order. */
public record PlayerGameRow(
    String playerLookup,
    String universalPlayerId,
    String gameId,
    LocalDate gameDate,
    Long seasonYear,
    String teamAbbr,
    String opponentTeamAbbr,
    Long points,
    Double minutesPlayed,
    Long fgAttempts,
    Long threePtAttempts,
    Long ftMakes,
    Long paintAttempts,
    Long midRangeAttempts,
    Boolean isDnp) {

  /** Played: {@code is_dnp} is not true and {@code minutes_played > 0} (NULL minutes: not played). */
  public boolean played() {
    return !Boolean.TRUE.equals(isDnp) && minutesPlayed != null && minutesPlayed > 0;
  }

  public boolean dnp() {
    return Boolean.TRUE.equals(isDnp);
  }

  /** Home flag from a {@code YYYYMMDD_AWAY_HOME} game id; null when the id has another form. */
  public static Boolean homeFromGameId(String gameId, String teamAbbr) {
    if (gameId == null || teamAbbr == null) {
      return null;
    }
    String[] parts = gameId.split("_");
    if (parts.length != 3 || parts[0].length() != 8) {
      return null;
    }
    if (parts[2].equals(teamAbbr)) {
      return true;
    }
    return parts[1].equals(teamAbbr) ? false : null;
  }
}
