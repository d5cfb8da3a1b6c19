package com.nbaprops.mlfs.model;

import java.time.Instant;
import java.time.LocalDate;

/** One snapshot row of {@code nba_raw.odds_api_player_points_props}. */
public record OddsPropRow(
    String playerLookup,
    LocalDate gameDate,
    Instant gameStartTime,
    Instant snapshotTimestamp,
    Long minutesBeforeTipoff,
    String bookmaker,
    Double pointsLine) {}
