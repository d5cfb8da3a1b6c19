package com.nbaprops.mlfs.model;

import java.time.LocalDate;

/** One row of {@code nba_analytics.upcoming_player_game_context}. */
public record GameContextRow(
    String playerLookup,
    String universalPlayerId,
    String gameId,
    LocalDate gameDate,
    String teamAbbr,
    String opponentTeamAbbr,
    Boolean homeGame,
    Boolean backToBack,
    String seasonPhase,
    Long daysRest,
    Long opponentDaysRest,
    String playerStatus) {}
