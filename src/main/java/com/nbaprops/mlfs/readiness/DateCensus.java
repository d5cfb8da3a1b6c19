package com.nbaprops.mlfs.readiness;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What the job read for one game date of its range: the inputs of the upstream readiness gate.
 *
 * @param roster roster entries of the date (player_game_summary rows in backfill mode,
 *     upcoming_player_game_context rows in daily mode)
 * @param dailyCache player_daily_cache rows dated D (cache_date)
 * @param compositeFactors player_composite_factors rows dated D
 * @param teamsPlaying distinct teams of the date's roster entries
 * @param teamsWithDefense of those, the teams with a team_defense_zone_analysis row dated D
 * @param bootstrap the date is a bootstrap day whose entries all become bootstrap gaps (no
 *     precomputed row is used, so the player and team tables are not checked)
 */
public record DateCensus(LocalDate date, long roster, long dailyCache, long compositeFactors,
    long teamsPlaying, long teamsWithDefense, boolean bootstrap) implements Serializable {}
