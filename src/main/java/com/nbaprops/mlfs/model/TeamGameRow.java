package com.nbaprops.mlfs.model;

import java.time.LocalDate;

/** One row of {@code nba_analytics.team_offense_game_summary}. */
public record TeamGameRow(
    String teamAbbr,
    LocalDate gameDate,
    Long seasonYear,
    Boolean winFlag,
    Double pace,
    Double offensiveRating) {}
