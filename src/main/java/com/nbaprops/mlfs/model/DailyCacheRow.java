package com.nbaprops.mlfs.model;

import java.time.LocalDate;

/** One row of {@code nba_precompute.player_daily_cache}. */
public record DailyCacheRow(
    String playerLookup,
    LocalDate cacheDate,
    Double pointsAvgLast5,
    Double pointsAvgLast10,
    Double pointsAvgSeason,
    Double pointsStdLast10,
    Double minutesAvgLast10,
    Double paintRateLast10,
    Double threePtRateLast10,
    Double teamPaceLast10,
    Double teamOffRatingLast10,
    Long gamesInLast7Days) {}
