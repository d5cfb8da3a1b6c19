package com.nbaprops.mlfs.model;

import java.time.LocalDate;

/** One row of {@code nba_precompute.player_shot_zone_analysis} (rates in percent, 0-100). */
public record ShotZoneRow(
    String playerLookup,
    LocalDate analysisDate,
    Double paintRateLast10,
    Double midRangeRateLast10,
    Double threePtRateLast10) {}
