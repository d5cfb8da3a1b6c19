package com.nbaprops.mlfs.model;

import java.time.Instant;
import java.time.LocalDate;

/** One row of {@code nba_raw.bettingpros_player_points_props}. */
public record BettingProsPropRow(
    String playerLookup,
    LocalDate gameDate,
    String marketType,
    String bookmaker,
    Double pointsLine,
    Double openingLine,
    Instant createdAt) {}
