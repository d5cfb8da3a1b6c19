package com.nbaprops.mlfs.history;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.nbaprops.mlfs.model.BettingProsPropRow;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.contract.Seasons;
import com.nbaprops.mlfs.contract.Windows;
import com.nbaprops.mlfs.util.Decimals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one sorted pass over a player's rows: de-duplicates each table, builds the player's roster
 * entries, and for each entry date D resolves the history windows and as-of picks by binary search
 * and prefix sums over the date-sorted rows. Work per entry is bounded by the window sizes (10 games,
 * 30 days, the games against one opponent), never by the lookback: cost grows with the data.
 *
 * <p>Plain Java, no Beam types: {@code PlayerTimeline} is the thin Beam wrapper.
 */
public final class PlayerSweep {

  /**
   * Roster source per mode: box scores of the date (backfill) or context rows (daily); named in
   * lower case on the command line ({@code --mode}), where {@code PipelineOptions} parses it.
   */
  public enum Mode {
    BACKFILL, DAILY;

    /** The mode named {@code text}, in any case (how {@code --mode=backfill} is read). */
    @JsonCreator
    public static Mode parse(String text) {
      return valueOf(text.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** The player's raw rows of every per-player table (any order, duplicates allowed). */
  public record PlayerRows(
      List<PlayerGameRow> games,
      List<GameContextRow> contexts,
      List<DailyCacheRow> caches,
      List<CompositeFactorsRow> composites,
      List<ShotZoneRow> shotZones,
      List<OddsPropRow> odds,
      List<BettingProsPropRow> bettingPros) {}

  /** The entries, and how many duplicate keys each table had (for the metrics). */
  public record Result(List<PlayerInputs> entries, Map<String, Long> duplicatesByTable) {}

  /** The trade-day rule: played first, then more minutes, smaller game_id, smaller team_abbr. */
  public static final Comparator<PlayerGameRow> TRADE_DAY_ORDER =
      Comparator.comparing((PlayerGameRow r) -> !r.played())
          .thenComparing(PlayerGameRow::minutesPlayed,
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(PlayerGameRow::gameId, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(PlayerGameRow::teamAbbr, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(RecordOrder::compare);

  private PlayerSweep() {}

  public static Result sweep(Mode mode, LocalDate start, LocalDate end, PlayerRows rows) {
    Tables t = new Tables(rows);
    List<PlayerInputs> out = new ArrayList<>();
    for (RosterEntry e : t.roster(mode, start, end)) {
      out.add(t.inputs(e));
    }
    return new Result(out, t.dups);
  }

  /** One player's de-duplicated, date-sorted tables and the indexes the sweep reads. */
  private static final class Tables {
    final Map<String, Long> dups = new TreeMap<>();
    final List<PlayerGameRow> games;
    final List<GameContextRow> contexts;
    final Map<LocalDate, GameContextRow> contextByDate = new HashMap<>();
    final Map<LocalDate, List<OddsPropRow>> oddsByDate = new HashMap<>();
    final Map<LocalDate, List<BettingProsPropRow>> bpByDate = new HashMap<>();
    final History h;
    final AsOf<DailyCacheRow> cacheAsOf;
    final AsOf<CompositeFactorsRow> compositeAsOf;
    final AsOf<ShotZoneRow> zoneAsOf;

    Tables(PlayerRows rows) {
      games = dedup(rows.games(), PlayerGameRow::gameDate, TRADE_DAY_ORDER, "player_game_summary",
          dups);
      contexts = dedup(rows.contexts(), GameContextRow::gameDate, RecordOrder.comparator(),
          "upcoming_player_game_context", dups);
      cacheAsOf = new AsOf<>(dedup(rows.caches(), DailyCacheRow::cacheDate,
          RecordOrder.comparator(), "player_daily_cache", dups), DailyCacheRow::cacheDate);
      compositeAsOf = new AsOf<>(dedup(rows.composites(), CompositeFactorsRow::gameDate,
          RecordOrder.comparator(), "player_composite_factors", dups),
          CompositeFactorsRow::gameDate);
      zoneAsOf = new AsOf<>(dedup(rows.shotZones(), ShotZoneRow::analysisDate,
          RecordOrder.comparator(), "player_shot_zone_analysis", dups), ShotZoneRow::analysisDate);
      contexts.forEach(c -> contextByDate.put(c.gameDate(), c));
      rows.odds().forEach(
          o -> oddsByDate.computeIfAbsent(o.gameDate(), k -> new ArrayList<>()).add(o));
      rows.bettingPros().forEach(
          x -> bpByDate.computeIfAbsent(x.gameDate(), k -> new ArrayList<>()).add(x));
      h = new History(games);
    }

    /** The roster entries of [start, end]: box-score rows (backfill) or context rows (daily). */
    List<RosterEntry> roster(Mode mode, LocalDate start, LocalDate end) {
      List<RosterEntry> roster = new ArrayList<>();
      if (mode == Mode.BACKFILL) {
        for (PlayerGameRow g : games) {
          if (!g.gameDate().isBefore(start) && !g.gameDate().isAfter(end)) {
            roster.add(resolve(g.playerLookup(), g.universalPlayerId(), g.gameDate(), g.gameId(),
                g.teamAbbr(), g.opponentTeamAbbr(), contextByDate.get(g.gameDate())));
          }
        }
      } else {
        for (GameContextRow c : contexts) {
          if (!c.gameDate().isBefore(start) && !c.gameDate().isAfter(end)) {
            roster.add(resolve(c.playerLookup(), null, c.gameDate(), null, null, null, c));
          }
        }
      }
      return roster;
    }

    /** Everything the builder reads for one entry, from rows dated before its game date. */
    PlayerInputs inputs(RosterEntry e) {
      LocalDate d = e.gameDate();
      long day = d.toEpochDay();
      int i = lowerBound(h.days, day);
      int lo = lowerBound(h.days, day - Windows.HISTORY_DAYS);
      List<PlayerGameRow> r10 = new ArrayList<>(Windows.RECENT_GAMES);
      for (int k = i - 1; k >= lo && r10.size() < Windows.RECENT_GAMES
          && h.days[k] >= day - Windows.RECENT_MAX_AGE_DAYS; k--) {
        r10.add(games.get(k));
      }
      long played7 = 0;
      for (int k = lowerBound(h.days, day - Windows.LAST_WEEK_DAYS); k < i; k++) {
        if (games.get(k).played()) {
          played7++;
        }
      }
      SeasonSums s = h.season(Seasons.seasonOf(d));
      Double[] season = s == null ? new Double[2] : s.means(day);
      LocalDate previous = i > lo ? games.get(i - 1).gameDate() : null;
      Vs vs = vsOpponent(e.opponentTeamAbbr(), lo, i);
      Minutes30 m30 = minutes30(day, i);
      return new PlayerInputs(e, contextByDate.get(d),
          cacheAsOf.at(d, Windows.DAILY_CACHE_AS_OF),
          compositeAsOf.at(d, Windows.COMPOSITE_AS_OF),
          zoneAsOf.at(d, Windows.SHOT_ZONE_AS_OF),
          Collections.unmodifiableList(r10), (long) (i - lo), played7, season[0], season[1],
          previous, vs.games, Decimals.mean(vs.points, vs.pointRows),
          Decimals.mean(m30.minutes, m30.rows), m30.ppmRows == 0 ? null : m30.ppmSum / m30.ppmRows,
          VegasLines.resolve(oddsByDate.getOrDefault(d, List.of()),
              bpByDate.getOrDefault(d, List.of())));
    }

    /** Games and points against the opponent among history rows [lo, i). */
    Vs vsOpponent(String opponent, int lo, int i) {
      Vs vs = new Vs();
      List<Integer> rows = opponent == null ? null : h.byOpponent.get(opponent);
      if (rows == null) {
        return vs;
      }
      for (int idx : rows) {
        if (idx >= lo && idx < i) {
          vs.games++;
          Long p = games.get(idx).points();
          if (p != null) {
            vs.points = vs.points.add(BigDecimal.valueOf(p));
            vs.pointRows++;
          }
        }
      }
      return vs;
    }

    /** Minutes and points per minute over rows dated D−30 … D−1 with minutes > 0. */
    Minutes30 minutes30(long day, int i) {
      Minutes30 m = new Minutes30();
      for (int k = lowerBound(h.days, day - Windows.MINUTES_DAYS); k < i; k++) {
        PlayerGameRow g = games.get(k);
        if (g.minutesPlayed() != null && g.minutesPlayed() > 0) {
          m.minutes = m.minutes.add(BigDecimal.valueOf(g.minutesPlayed()));
          m.rows++;
          if (g.points() != null) {
            m.ppmSum += g.points() / g.minutesPlayed();
            m.ppmRows++;
          }
        }
      }
      return m;
    }
  }

  private static final class Vs {
    long games;
    BigDecimal points = BigDecimal.ZERO;
    long pointRows;
  }

  private static final class Minutes30 {
    BigDecimal minutes = BigDecimal.ZERO;
    long rows;
    double ppmSum;
    long ppmRows;
  }

  /** Context fields win field by field; NULL context fields fall back to the roster's. */
  static RosterEntry resolve(String player, String upid, LocalDate date, String gameId,
      String team, String opponent, GameContextRow ctx) {
    String rosterGameId = gameId;
    String rosterTeam = team;
    if (ctx != null) {
      upid = ctx.universalPlayerId() != null ? ctx.universalPlayerId() : upid;
      gameId = ctx.gameId() != null ? ctx.gameId() : gameId;
      team = ctx.teamAbbr() != null ? ctx.teamAbbr() : team;
      opponent = ctx.opponentTeamAbbr() != null ? ctx.opponentTeamAbbr() : opponent;
    }
    Boolean home = rosterTeam != null
        ? PlayerGameRow.homeFromGameId(rosterGameId, rosterTeam)
        : PlayerGameRow.homeFromGameId(gameId, team);
    return new RosterEntry(player, upid, date, gameId, team, opponent, home);
  }

  /** First index whose value is ≥ key (values ascending). */
  static int lowerBound(long[] values, long key) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static <T> long[] days(List<T> rows, Function<T, LocalDate> date) {
    long[] d = new long[rows.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = date.apply(rows.get(i)).toEpochDay();
    }
    return d;
  }

  /** One row per date (the first by {@code order}), sorted by date; duplicates are counted. */
  static <T> List<T> dedup(List<T> rows, Function<T, LocalDate> date, Comparator<? super T> order,
      String table, Map<String, Long> dups) {
    TreeMap<LocalDate, T> best = new TreeMap<>();
    long n = 0;
    for (T r : rows) {
      T prev = best.putIfAbsent(date.apply(r), r);
      if (prev != null) {
        n++;
        if (order.compare(r, prev) < 0) {
          best.put(date.apply(r), r);
        }
      }
    }
    if (n > 0) {
      dups.merge(table, n, Long::sum);
    }
    return new ArrayList<>(best.values());
  }

  /** Prefix sums of one season's played rows. */
  private static final class SeasonSums {
    long[] days;
    BigDecimal[] points;
    long[] pointCounts;
    BigDecimal[] minutes;
    long[] minuteCounts;

    /** Mean points and minutes of the season's played rows dated D−365 … D−1. */
    Double[] means(long day) {
      int a = Math.max(lowerBound(days, day - Windows.HISTORY_DAYS), 0);
      int b = lowerBound(days, day);
      return new Double[] {
        Decimals.mean(points[b].subtract(points[a]), pointCounts[b] - pointCounts[a]),
        Decimals.mean(minutes[b].subtract(minutes[a]), minuteCounts[b] - minuteCounts[a])};
    }
  }

  /** The player's date-sorted box-score rows with the indexes the sweep needs. */
  private static final class History {
    final long[] days;
    final Map<String, List<Integer>> byOpponent = new HashMap<>();
    final Map<Long, SeasonSums> seasons = new HashMap<>();

    History(List<PlayerGameRow> games) {
      days = days(games, PlayerGameRow::gameDate);
      Map<Long, List<PlayerGameRow>> bySeason = new TreeMap<>();
      for (int k = 0; k < games.size(); k++) {
        PlayerGameRow g = games.get(k);
        if (g.opponentTeamAbbr() != null) {
          byOpponent.computeIfAbsent(g.opponentTeamAbbr(), x -> new ArrayList<>()).add(k);
        }
        if (g.seasonYear() != null && g.played()) {
          bySeason.computeIfAbsent(g.seasonYear(), x -> new ArrayList<>()).add(g);
        }
      }
      bySeason.forEach((season, list) -> {
        SeasonSums s = new SeasonSums();
        int n = list.size();
        s.days = days(list, PlayerGameRow::gameDate);
        s.points = new BigDecimal[n + 1];
        s.minutes = new BigDecimal[n + 1];
        s.pointCounts = new long[n + 1];
        s.minuteCounts = new long[n + 1];
        s.points[0] = BigDecimal.ZERO;
        s.minutes[0] = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
          PlayerGameRow g = list.get(k);
          boolean hasPoints = g.points() != null;
          s.points[k + 1] = hasPoints ? s.points[k].add(BigDecimal.valueOf(g.points())) : s.points[k];
          s.pointCounts[k + 1] = s.pointCounts[k] + (hasPoints ? 1 : 0);
          s.minutes[k + 1] = s.minutes[k].add(BigDecimal.valueOf(g.minutesPlayed()));
          s.minuteCounts[k + 1] = s.minuteCounts[k] + 1;
        }
        seasons.put(season, s);
      });
    }

    SeasonSums season(int s) {
      return seasons.get((long) s);
    }
  }
}
