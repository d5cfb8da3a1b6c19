package com.nbaprops.mlfs.history;

import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the feature builder needs about one roster entry from the player's own tables, already
 * windowed and picked point-in-time by {@link PlayerSweep}: nothing here is dated D or later except
 * the precomputed rows dated ≤ D, the context row of D and the pre-tip-off lines of D.
 *
 * @param r10 the up to 10 most recent H rows dated ≥ D−60, newest first, DNP rows included
 * @param historyCount rows of H (D−365 ≤ date < D)
 * @param playedLast7Days played H rows dated D−7 … D−1
 * @param seasonPointsMean mean points of H's played rows of season S (NULL points skipped)
 * @param seasonMinutesMean mean minutes of H's played rows of season S
 * @param previousGameDate date of the latest H row
 * @param gamesVsOpponent H rows against the resolved opponent (DNP rows count)
 * @param pointsVsOpponentMean mean points of those rows, NULL points skipped
 * @param minutes30Mean mean minutes of H rows dated D−30 … D−1 with minutes > 0
 * @param ppm30Mean mean points per minute over the same rows, NULL points skipped
 */
public record PlayerInputs(
    RosterEntry roster,
    GameContextRow context,
    DailyCacheRow cache,
    CompositeFactorsRow composite,
    ShotZoneRow shotZone,
    List<PlayerGameRow> r10,
    Long historyCount,
    Long playedLast7Days,
    Double seasonPointsMean,
    Double seasonMinutesMean,
    LocalDate previousGameDate,
    Long gamesVsOpponent,
    Double pointsVsOpponentMean,
    Double minutes30Mean,
    Double ppm30Mean,
    VegasLine vegas) {

  public LocalDate gameDate() {
    return roster.gameDate();
  }
}
