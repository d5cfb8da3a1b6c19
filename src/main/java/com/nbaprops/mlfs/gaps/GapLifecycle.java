package com.nbaprops.mlfs.gaps;

import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.source.RowParser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle of the gaps of one date, in plain Java: what a run writes into a date's gap
 * partition from the rows already there and the gaps it produced. A gap is identified by
 * (player_lookup, game_date, reason):
 * <ul>
 *   <li>a gap produced again while open keeps its first {@code detected_at};
 *   <li>an open gap the run no longer produces stays as history, resolved at the run's time by its
 *       run id, and keeps those on later runs;
 *   <li>a resolved gap that comes back is open again with the run's time as {@code detected_at};
 *   <li>a new gap is detected at the run's time.
 * </ul>
 * Rows are returned sorted by player, then reason: re-running the same inputs gives the same rows.
 */
public final class GapLifecycle {
  private GapLifecycle() {}

  /** Counts of one merge, for the run's metrics. */
  public record Result(List<GapRow> rows, int resolvedNow, int reopened, int keptOpen) {}

  public static Result merge(Collection<GapRow> existing, Collection<GapRow> produced,
      String runTime, String runId) {
    Map<String, GapRow> before = new LinkedHashMap<>();
    for (GapRow g : existing) {
      // One row per key; should a partition hold two, the open one (then the later) counts.
      before.merge(key(g), g, (a, b) -> a.isOpen() != b.isOpen() ? (a.isOpen() ? a : b)
          : (compareTime(a.detectedAt(), b.detectedAt()) >= 0 ? a : b));
    }
    List<GapRow> out = new ArrayList<>();
    int reopened = 0;
    int keptOpen = 0;
    for (GapRow g : produced) {
      GapRow old = before.remove(key(g));
      if (old != null && old.isOpen() && old.detectedAt() != null) {
        out.add(g.withLifecycle(old.detectedAt(), null, null));
        keptOpen++;
      } else {
        if (old != null && !old.isOpen()) {
          reopened++;
        }
        out.add(g.withLifecycle(runTime, null, null));
      }
    }
    int resolvedNow = 0;
    for (GapRow old : before.values()) {
      if (old.isOpen()) {
        out.add(old.withLifecycle(old.detectedAt(), runTime, runId));
        resolvedNow++;
      } else {
        out.add(old);
      }
    }
    out.sort(Comparator.comparing(GapRow::playerLookup).thenComparing(GapRow::reason));
    return new Result(out, resolvedNow, reopened, keptOpen);
  }

  private static String key(GapRow g) {
    return g.playerLookup() + "\u0000" + g.gameDate() + "\u0000" + g.reason();
  }

  private static int compareTime(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    return Instant.parse(a).compareTo(Instant.parse(b));
  }

  /**
   * A stored gap row (an NDJSON object or a BigQuery row as a map) as a {@link GapRow}; timestamps
   * in any of BigQuery's renderings become ISO-8601 instants. Null when it has no player, date or
   * reason (it cannot be identified).
   */
  public static GapRow fromStored(Map<String, Object> m) {
    Object player = m.get("player_lookup");
    Object date = m.get("game_date");
    Object reason = m.get("reason");
    if (player == null || date == null || reason == null) {
      return null;
    }
    Object season = m.get("season_year");
    return new GapRow(player.toString(), LocalDate.parse(date.toString().substring(0, 10)),
        text(m, "game_id"), text(m, "team_abbr"), text(m, "opponent_team_abbr"),
        season == null ? null : Integer.valueOf(new java.math.BigDecimal(season.toString())
            .intValueExact()), reason.toString(), text(m, "reason_detail"),
        time(m.get("detected_at")), time(m.get("resolved_at")), text(m, "resolved_by"));
  }

  private static String text(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? null : v.toString();
  }

  private static String time(Object v) {
    if (v == null) {
      return null;
    }
    Instant t = RowParser.parseTimestamp(v.toString());
    return t == null ? v.toString() : t.toString();
  }
}
