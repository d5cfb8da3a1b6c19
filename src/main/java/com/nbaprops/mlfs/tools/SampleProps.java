package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.model.BettingProsPropRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sample league's prop lines: Odds API snapshots (several books, alternate lines, post-tip
 * snapshots) or BettingPros consensus rows, drawn from the generator's random sequence.
 */
final class SampleProps {
  private final Random rnd;
  private final Map<String, String> statusOf;
  final List<OddsPropRow> odds = new ArrayList<>();
  final List<BettingProsPropRow> bettingPros = new ArrayList<>();

  SampleProps(Random rnd, Map<String, String> statusOf) {
    this.rnd = rnd;
    this.statusOf = statusOf;
  }

  /** Prop lines posted before the game, from the player's history before the game only. */
  void post(PlayerGameRow r, Player p) {
    if (p == null || p.baseMinutes < 18 || "out".equals(statusOf.get(p.lookup + "|"
        + r.gameDate()))) {
      return;
    }
    double expected = p.recentPoints.isEmpty() ? p.ppm * p.baseMinutes
        : p.recentPoints.stream().mapToInt(Integer::intValue).average().orElse(0);
    double base = Math.floor(expected) + 0.5;
    Instant tip = r.gameDate().atTime(23, 30).toInstant(ZoneOffset.UTC);
    double u = rnd.nextDouble();
    if (u < 0.80) {
      boolean withDk = rnd.nextDouble() < 0.8;
      boolean noMinutesColumn = rnd.nextDouble() < 0.25;
      int[] minutesBefore = {600, 90, -20};
      List<String> books = new ArrayList<>(List.of("fanduel"));
      if (withDk) {
        books.add(0, "draftkings");
      }
      if (rnd.nextDouble() < 0.3) {
        books.add("betmgm");
      }
      if (rnd.nextDouble() < 0.25) {
        books.add("bovada");
      }
      double line = base;
      for (int m : minutesBefore) {
        line = Math.max(0.5, line + (rnd.nextInt(3) - 1) * 0.5);
        Instant snap = tip.minusSeconds(60L * m);
        for (String book : books) {
          double bookLine = line + (book.equals("betmgm") ? 0.5 * (rnd.nextInt(3) - 1) : 0);
          Long mbt = noMinutesColumn ? null : (long) m;
          if (book.equals("bovada")) {
            for (double alt : new double[] {bookLine - 1, bookLine, bookLine + 1}) {
              if (alt > 0) {
                odds.add(new OddsPropRow(r.playerLookup(), r.gameDate(), tip, snap, mbt, book,
                    alt));
              }
            }
          } else {
            odds.add(new OddsPropRow(r.playerLookup(), r.gameDate(), tip, snap, mbt, book,
                bookLine));
          }
        }
      }
    } else if (u < 0.90) {
      Instant morning = r.gameDate().atTime(15, 0).toInstant(ZoneOffset.UTC);
      double open = base;
      double close = base + (rnd.nextInt(3) - 1) * 0.5;
      bettingPros.add(new BettingProsPropRow(r.playerLookup(), r.gameDate(), "points",
          "bettingpros_consensus", open, open, morning));
      bettingPros.add(new BettingProsPropRow(r.playerLookup(), r.gameDate(), "points",
          "bettingpros_consensus", close, open, morning.plusSeconds(4 * 3600)));
      bettingPros.add(new BettingProsPropRow(r.playerLookup(), r.gameDate(), "rebounds",
          "bettingpros_consensus", 5.5, 5.5, morning));
    }
  }
}
