package com.nbaprops.mlfs.history;

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

  /** Roster source per mode: box scores of the date (backfill) or context rows (daily). */
  public enum Mode { BACKFILL, DAILY }

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
    Map<String, Long> dups = new TreeMap<>();
    List<PlayerGameRow> games =
        dedup(rows.games(), PlayerGameRow::gameDate, TRADE_DAY_ORDER, "player_game_summary", dups);
    List<GameContextRow> contexts = dedup(rows.contexts(), GameContextRow::gameDate,
        RecordOrder.comparator(), "upcoming_player_game_context", dups);
    List<DailyCacheRow> caches = dedup(rows.caches(), DailyCacheRow::cacheDate,
        RecordOrder.comparator(), "player_daily_cache", dups);
    List<CompositeFactorsRow> composites = dedup(rows.composites(), CompositeFactorsRow::gameDate,
        RecordOrder.comparator(), "player_composite_factors", dups);
    List<ShotZoneRow> zones = dedup(rows.shotZones(), ShotZoneRow::analysisDate,
        RecordOrder.comparator(), "player_shot_zone_analysis", dups);

    Map<LocalDate, GameContextRow> contextByDate = new HashMap<>();
    contexts.forEach(c -> contextByDate.put(c.gameDate(), c));
    Map<LocalDate, List<OddsPropRow>> oddsByDate = new HashMap<>();
    rows.odds().forEach(o -> oddsByDate.computeIfAbsent(o.gameDate(), k -> new ArrayList<>()).add(o));
    Map<LocalDate, List<BettingProsPropRow>> bpByDate = new HashMap<>();
    rows.bettingPros().forEach(
        b -> bpByDate.computeIfAbsent(b.gameDate(), k -> new ArrayList<>()).add(b));

    History h = new History(games);
    AsOf<DailyCacheRow> cacheAsOf = new AsOf<>(caches, DailyCacheRow::cacheDate);
    AsOf<CompositeFactorsRow> compositeAsOf =
        new AsOf<>(composites, CompositeFactorsRow::gameDate);
    AsOf<ShotZoneRow> zoneAsOf = new AsOf<>(zones, ShotZoneRow::analysisDate);

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

    List<PlayerInputs> out = new ArrayList<>(roster.size());
    for (RosterEntry e : roster) {
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
      int season = Seasons.seasonOf(d);
      SeasonSums s = h.season(season);
      Double seasonPoints = null;
      Double seasonMinutes = null;
      if (s != null) {
        int a = Math.max(lowerBound(s.days, day - Windows.HISTORY_DAYS), 0);
        int b = lowerBound(s.days, day);
        seasonPoints = Decimals.mean(s.points[b].subtract(s.points[a]), s.pointCounts[b] - s.pointCounts[a]);
        seasonMinutes =
            Decimals.mean(s.minutes[b].subtract(s.minutes[a]), s.minuteCounts[b] - s.minuteCounts[a]);
      }
      LocalDate previous = i > lo ? games.get(i - 1).gameDate() : null;

      long vsCount = 0;
      BigDecimal vsPoints = BigDecimal.ZERO;
      long vsPointRows = 0;
      List<Integer> vs = e.opponentTeamAbbr() == null ? null : h.byOpponent.get(e.opponentTeamAbbr());
      if (vs != null) {
        for (int idx : vs) {
          if (idx >= lo && idx < i) {
            vsCount++;
            Long p = games.get(idx).points();
            if (p != null) {
              vsPoints = vsPoints.add(BigDecimal.valueOf(p));
              vsPointRows++;
            }
          }
        }
      }

      BigDecimal minutes30 = BigDecimal.ZERO;
      long minutes30Rows = 0;
      double ppmSum = 0;
      long ppmRows = 0;
      for (int k = lowerBound(h.days, day - Windows.MINUTES_DAYS); k < i; k++) {
        PlayerGameRow g = games.get(k);
        if (g.minutesPlayed() != null && g.minutesPlayed() > 0) {
          minutes30 = minutes30.add(BigDecimal.valueOf(g.minutesPlayed()));
          minutes30Rows++;
          if (g.points() != null) {
            ppmSum += g.points() / g.minutesPlayed();
            ppmRows++;
          }
        }
      }

      out.add(new PlayerInputs(
          e,
          contextByDate.get(d),
          cacheAsOf.at(d, Windows.DAILY_CACHE_AS_OF),
          compositeAsOf.at(d, Windows.COMPOSITE_AS_OF),
          zoneAsOf.at(d, Windows.SHOT_ZONE_AS_OF),
          Collections.unmodifiableList(r10),
          (long) (i - lo),
          played7,
          seasonPoints,
          seasonMinutes,
          previous,
          vsCount,
          Decimals.mean(vsPoints, vsPointRows),
          Decimals.mean(minutes30, minutes30Rows),
          ppmRows == 0 ? null : ppmSum / ppmRows,
          VegasLines.resolve(oddsByDate.getOrDefault(d, List.of()),
              bpByDate.getOrDefault(d, List.of()))));
    }
    return new Result(out, dups);
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
