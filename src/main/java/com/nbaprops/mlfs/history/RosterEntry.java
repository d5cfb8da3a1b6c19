package com.nbaprops.mlfs.history;

import java.time.LocalDate;

/**
 * One roster entry (player, date) with the game fields resolved: the context row's value field by
 * field, else the roster row's. {@code rosterHome} is the roster's own home flag (from the
 * {@code YYYYMMDD_AWAY_HOME} game id), null when unknown.
 */
public record RosterEntry(
    String playerLookup,
    String universalPlayerId,
    LocalDate gameDate,
    String gameId,
    String teamAbbr,
    String opponentTeamAbbr,
    Boolean rosterHome) {}
