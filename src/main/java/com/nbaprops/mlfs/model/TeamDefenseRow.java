package com.nbaprops.mlfs.model;

import java.time.LocalDate;

/** One row of {@code nba_precompute.team_defense_zone_analysis}. */
public record TeamDefenseRow(
    String teamAbbr, LocalDate analysisDate, Double defensiveRatingLast15, Double opponentPace) {}
