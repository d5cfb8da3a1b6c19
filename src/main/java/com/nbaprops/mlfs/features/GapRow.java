package com.nbaprops.mlfs.features;

import java.time.LocalDate;

/**
 * A roster entry that became no feature row, and why ({@code feature_store_gaps}; the run-level
 * columns come from the run's stamp).
 */
public record GapRow(String playerLookup, LocalDate gameDate, String gameId, String teamAbbr,
    String opponentTeamAbbr, Integer seasonYear, String reason, String reasonDetail) {}
