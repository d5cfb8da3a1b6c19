package com.nbaprops.mlfs.model;

import java.time.LocalDate;

/** One row of {@code nba_precompute.player_composite_factors}. */
public record CompositeFactorsRow(
    String playerLookup,
    LocalDate gameDate,
    Long fatigueScore,
    Double shotZoneMismatchScore,
    Double paceScore,
    Double usageSpikeScore) {}
