package com.nbaprops.mlfs.history;

import com.nbaprops.mlfs.model.BettingProsPropRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The contract's "Vegas lines" rule: pre-tip-off Odds API snapshots, DraftKings first, then BettingPros. */
public final class VegasLines {
  private VegasLines() {}

  /** Resolves the line of one (player, date) from that player's rows for that date. */
  public static VegasLine resolve(List<OddsPropRow> odds, List<BettingProsPropRow> bettingPros) {
    List<OddsPropRow> usable = new ArrayList<>();
    for (OddsPropRow r : odds) {
      if (r.pointsLine() != null && r.pointsLine() > 0 && preTip(r)) {
        usable.add(r);
      }
    }
    List<OddsPropRow> dk = usable.stream()
        .filter(r -> "draftkings".equals(book(r.bookmaker()))).toList();
    List<OddsPropRow> pool = dk.isEmpty() ? usable : dk;
    Double oddsCurrent = null;
    Double oddsOpening = null;
    if (!pool.isEmpty()) {
      oddsCurrent = pick(pool, OddsPropRow::snapshotTimestamp, OddsPropRow::bookmaker, true)
          .pointsLine();
      oddsOpening = pick(pool, OddsPropRow::snapshotTimestamp, OddsPropRow::bookmaker, false)
          .pointsLine();
    }

    List<BettingProsPropRow> bp = new ArrayList<>();
    for (BettingProsPropRow r : bettingPros) {
      if (r.marketType() != null && r.marketType().equalsIgnoreCase("points")
          && r.pointsLine() != null && r.pointsLine() > 0) {
        bp.add(r);
      }
    }
    Double bpCurrent = null;
    Double bpOpening = null;
    if (!bp.isEmpty()) {
      BettingProsPropRow latest =
          pick(bp, BettingProsPropRow::createdAt, BettingProsPropRow::bookmaker, true);
      bpCurrent = latest.pointsLine();
      bpOpening = latest.openingLine();
    }

    Double current = oddsCurrent != null ? oddsCurrent : bpCurrent;
    if (current == null) {
      return VegasLine.NONE;
    }
    Double opening = firstNonNull(oddsOpening, bpOpening, oddsCurrent, bpCurrent);
    return new VegasLine(current, opening);
  }

  /**
   * Pre-tip-off rule: {@code minutes_before_tipoff >= 0} when set, else {@code snapshot_timestamp <=
   * game_start_time} when both are set; rows with neither are accepted.
   */
  public static boolean preTip(OddsPropRow r) {
    if (r.minutesBeforeTipoff() != null) {
      return r.minutesBeforeTipoff() >= 0;
    }
    if (r.snapshotTimestamp() != null && r.gameStartTime() != null) {
      return !r.snapshotTimestamp().isAfter(r.gameStartTime());
    }
    return true;
  }

  static String book(String bookmaker) {
    return bookmaker == null ? "" : bookmaker.toLowerCase(Locale.ROOT);
  }

  /**
   * The latest (or earliest) snapshot; ties: the smaller bookmaker name (lower-cased); several lines
   * of that book in that snapshot: the row holding the median line (lower middle for even counts).
   * A NULL timestamp sorts before every timestamp.
   */
  static <R extends Record> R pick(List<R> rows, Function<R, Instant> time, Function<R, String> bookmaker,
      boolean latest) {
    Comparator<Instant> byTime = Comparator.nullsFirst(Comparator.naturalOrder());
    Instant target = time.apply(rows.get(0));
    for (R r : rows) {
      int c = byTime.compare(time.apply(r), target);
      if (latest ? c > 0 : c < 0) {
        target = time.apply(r);
      }
    }
    final Instant t = target;
    List<R> atTime = rows.stream().filter(r -> byTime.compare(time.apply(r), t) == 0).toList();
    String minBook = atTime.stream().map(r -> book(bookmaker.apply(r)))
        .min(Comparator.naturalOrder()).orElseThrow();
    List<R> group = new ArrayList<>(
        atTime.stream().filter(r -> book(bookmaker.apply(r)).equals(minBook)).toList());
    group.sort(Comparator.comparingDouble((R r) -> lineOf(r)).thenComparing(RecordOrder::compare));
    return group.get((group.size() - 1) / 2);
  }

  private static double lineOf(Object row) {
    if (row instanceof OddsPropRow o) {
      return o.pointsLine();
    }
    return ((BettingProsPropRow) row).pointsLine();
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
