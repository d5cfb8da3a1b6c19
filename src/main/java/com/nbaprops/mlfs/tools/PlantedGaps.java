package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The sample league's planted gaps: precomputed rows removed, moved or corrupted so that every
 * fallback and gap of the contract occurs (dates without cache or shot zones, missing and stale
 * composite factors, a few invalid fatigue scores, missing defense and context rows, NULL context
 * fields). Draws from the generator's random sequence, so the same seed plants the same gaps.
 */
final class PlantedGaps {
  private PlantedGaps() {}

  record Planted(List<DailyCacheRow> cache, List<CompositeFactorsRow> composite,
      List<ShotZoneRow> zones, List<TeamDefenseRow> defense, List<GameContextRow> context) {}

  static Planted plant(Random rnd, List<PlayerGameRow> box, int seasons, Precompute.Tables t) {
    Set<LocalDate> dates = new java.util.TreeSet<>();
    box.forEach(r -> dates.add(r.gameDate()));
    Set<LocalDate> noCache = pickDates(rnd, dates, 0.04);
    Set<LocalDate> noZones = pickDates(rnd, dates, 0.10);
    List<DailyCacheRow> cache = new ArrayList<>();
    for (DailyCacheRow c : t.cache()) {
      if (noCache.contains(c.cacheDate())) {
        continue;
      }
      if (rnd.nextDouble() < 0.02) {
        c = new DailyCacheRow(c.playerLookup(), c.cacheDate(), c.pointsAvgLast5(),
            c.pointsAvgLast10(), c.pointsAvgSeason(), null, c.minutesAvgLast10(), null,
            c.threePtRateLast10(), c.teamPaceLast10(), null, c.gamesInLast7Days());
      }
      cache.add(c);
    }
    List<CompositeFactorsRow> composite = new ArrayList<>();
    int invalid = 0;
    for (CompositeFactorsRow c : t.composite()) {
      double u = rnd.nextDouble();
      if (u < 0.08) {
        continue;
      } else if (u < 0.11) {
        c = new CompositeFactorsRow(c.playerLookup(), c.gameDate().minusDays(2), c.fatigueScore(),
            c.shotZoneMismatchScore(), c.paceScore(), c.usageSpikeScore());
      } else if (u < 0.1103 && invalid < 2 * seasons) {
        invalid++;
        c = new CompositeFactorsRow(c.playerLookup(), c.gameDate(), 130L,
            c.shotZoneMismatchScore(), c.paceScore(), c.usageSpikeScore());
      }
      composite.add(c);
    }
    List<ShotZoneRow> zones = t.shotZones().stream()
        .filter(z -> !noZones.contains(z.analysisDate())).toList();
    List<TeamDefenseRow> defense = new ArrayList<>();
    for (TeamDefenseRow d : t.teamDefense()) {
      if (rnd.nextDouble() >= 0.05) {
        defense.add(d);
      }
    }
    List<GameContextRow> context = new ArrayList<>();
    for (GameContextRow c : t.context()) {
      double u = rnd.nextDouble();
      if (u < 0.03) {
        continue;
      } else if (u < 0.04) {
        c = new GameContextRow(c.playerLookup(), c.universalPlayerId(), c.gameId(), c.gameDate(),
            c.teamAbbr(), c.opponentTeamAbbr(), null, c.backToBack(), c.seasonPhase(), null,
            c.opponentDaysRest(), null);
      }
      context.add(c);
    }
    return new Planted(cache, composite, zones, defense, context);
  }

  private static Set<LocalDate> pickDates(Random rnd, Set<LocalDate> dates, double share) {
    Set<LocalDate> out = new HashSet<>();
    for (LocalDate d : dates) {
      if (rnd.nextDouble() < share) {
        out.add(d);
      }
    }
    return out;
  }
}
