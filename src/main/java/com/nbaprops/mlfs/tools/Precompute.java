package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.history.PlayerSweep;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Derives the platform's precomputed tables (daily cache, composite factors, shot zones, team
 * defense) and the game context from box scores and team games, the way the upstream processors do:
 * a row dated D uses only games dated before D. Shared by the sample-league generator and the
 * real-season importer. The formulas of the composite factors are illustrative (synthetic), not the
 * platform's.
 */
public final class Precompute {

  /** The derived tables. */
  public record Tables(
      List<DailyCacheRow> cache,
      List<CompositeFactorsRow> composite,
      List<ShotZoneRow> shotZones,
      List<TeamDefenseRow> teamDefense,
      List<GameContextRow> context) {}

  /** The phase ("regular_season", "playoffs", ...) of a game date; the status of a player-game. */
  public interface Labels {
    String seasonPhase(PlayerGameRow row);

    String playerStatus(PlayerGameRow row);
  }

  /** Labels from two functions. */
  public static Labels labels(Function<PlayerGameRow, String> phase,
      Function<PlayerGameRow, String> status) {
    return new Labels() {
      @Override
      public String seasonPhase(PlayerGameRow row) {
        return phase.apply(row);
      }

      @Override
      public String playerStatus(PlayerGameRow row) {
        return status.apply(row);
      }
    };
  }

  private Precompute() {}

  public static Tables derive(List<PlayerGameRow> games, List<TeamGameRow> teamGames,
      Labels labels) {
    Map<String, List<TeamGameRow>> byTeam = group(teamGames, TeamGameRow::teamAbbr);
    Map<String, TeamHistory> teams = new HashMap<>();
    byTeam.forEach((t, rows) -> teams.put(t, new TeamHistory(rows)));
    // Opponent of each team-game, for the defense table: (team, date) -> opponent's game row.
    Map<String, String> opponentOf = new HashMap<>();
    for (PlayerGameRow g : games) {
      if (g.teamAbbr() != null && g.opponentTeamAbbr() != null) {
        opponentOf.put(g.teamAbbr() + "|" + g.gameDate(), g.opponentTeamAbbr());
      }
    }

    List<DailyCacheRow> cache = new ArrayList<>();
    List<CompositeFactorsRow> composite = new ArrayList<>();
    List<ShotZoneRow> zones = new ArrayList<>();
    List<GameContextRow> context = new ArrayList<>();
    Map<String, List<PlayerGameRow>> byPlayer = group(games, PlayerGameRow::playerLookup);
    for (List<PlayerGameRow> rows : byPlayer.values()) {
      TreeMap<LocalDate, PlayerGameRow> one = new TreeMap<>();
      for (PlayerGameRow r : rows) {
        one.merge(r.gameDate(), r,
            (a, b) -> PlayerSweep.TRADE_DAY_ORDER.compare(a, b) <= 0 ? a : b);
      }
      List<PlayerGameRow> sorted = new ArrayList<>(one.values());
      for (int i = 0; i < sorted.size(); i++) {
        PlayerGameRow today = sorted.get(i);
        LocalDate d = today.gameDate();
        Before w = new Before(sorted, i);
        List<PlayerGameRow> played = w.played;
        List<PlayerGameRow> seasonPlayed = w.seasonPlayed;
        int games7 = w.games7;
        TeamHistory team = teams.get(today.teamAbbr());
        TeamHistory opp = teams.get(today.opponentTeamAbbr());
        Double[] teamLast10 = team == null ? new Double[2] : team.means(d, 10);
        Double[] oppLast10 = opp == null ? new Double[2] : opp.means(d, 10);
        context.add(context(today, team, opp, labels));
        if (played.isEmpty()) {
          continue;
        }
        List<PlayerGameRow> last5 = played.subList(0, Math.min(5, played.size()));
        Double paint = rate(played, PlayerGameRow::paintAttempts);
        Double mid = rate(played, PlayerGameRow::midRangeAttempts);
        Double three = rate(played, PlayerGameRow::threePtAttempts);
        cache.add(new DailyCacheRow(today.playerLookup(), d,
            round(meanPoints(last5)), round(meanPoints(played)),
            round(meanPoints(seasonPlayed)), round(std(played)),
            round(played.stream().mapToDouble(PlayerGameRow::minutesPlayed).average().orElse(0)),
            paint, three, teamLast10[0], teamLast10[1], (long) games7));
        zones.add(new ShotZoneRow(today.playerLookup(), d, paint, mid, three));
        composite.add(composite(today, w, teamLast10, oppLast10, paint, three));
      }
    }

    List<TeamDefenseRow> defense = defense(byTeam, teams, opponentOf);
    return new Tables(cache, composite, zones, defense, context);
  }

  /** A player's played rows before game i within 365 days: the last 10, the season's, last 7 days. */
  private static final class Before {
    final List<PlayerGameRow> played = new ArrayList<>();
    final List<PlayerGameRow> seasonPlayed = new ArrayList<>();
    int games7;

    Before(List<PlayerGameRow> sorted, int i) {
      PlayerGameRow today = sorted.get(i);
      LocalDate d = today.gameDate();
      for (int k = i - 1; k >= 0; k--) {
        PlayerGameRow p = sorted.get(k);
        if (p.gameDate().isBefore(d.minusDays(365))) {
          break;
        }
        if (p.played()) {
          if (played.size() < 10) {
            played.add(p);
          }
          if (p.seasonYear() != null && p.seasonYear().equals(today.seasonYear())) {
            seasonPlayed.add(p);
          }
          if (!p.gameDate().isBefore(d.minusDays(7))) {
            games7++;
          }
        }
      }
    }
  }

  /** The (illustrative) composite factors of one game from the rows before it. */
  private static CompositeFactorsRow composite(PlayerGameRow today, Before w, Double[] teamLast10,
      Double[] oppLast10, Double paint, Double three) {
    List<PlayerGameRow> played = w.played;
    double minutes3 = played.subList(0, Math.min(3, played.size())).stream()
        .mapToDouble(PlayerGameRow::minutesPlayed).average().orElse(0);
    long fatigue = Math.max(0, Math.min(100,
        Math.round(100 - 12.0 * w.games7 - Math.max(0, minutes3 - 30) * 2)));
    Double seasonMean = meanPoints(w.seasonPlayed.isEmpty() ? played : w.seasonPlayed);
    Double recent3 = meanPoints(played.subList(0, Math.min(3, played.size())));
    Double sd = std(played);
    Double usage = seasonMean == null || recent3 == null ? null
        : round((recent3 - seasonMean) / Math.max(1.0, sd == null ? 1.0 : sd));
    Double pace = teamLast10[0] == null || oppLast10[0] == null ? null
        : round((teamLast10[0] + oppLast10[0]) / 2 - 100);
    Double mismatch = paint == null ? (three == null ? null : round((three - 35) / 10))
        : round((paint - 30) / 10);
    return new CompositeFactorsRow(today.playerLookup(), today.gameDate(), fatigue, mismatch, pace,
        usage);
  }

  /** Each team's defense before each of its games: opponents' offensive ratings and the pace. */
  private static List<TeamDefenseRow> defense(Map<String, List<TeamGameRow>> byTeam,
      Map<String, TeamHistory> teams, Map<String, String> opponentOf) {
    List<TeamDefenseRow> defense = new ArrayList<>();
    byTeam.forEach((t, rows) -> {
      TeamHistory h = teams.get(t);
      for (TeamGameRow g : h.games) {
        // The defense of team t before D: its opponents' offensive ratings and the pace.
        List<Double> allowed = new ArrayList<>();
        List<Double> paces = new ArrayList<>();
        for (int k = h.indexOf(g.gameDate()) - 1; k >= 0 && allowed.size() < 15; k--) {
          TeamGameRow prev = h.games.get(k);
          if (prev.gameDate().isBefore(g.gameDate().minusDays(365))) {
            break;
          }
          String o = opponentOf.get(t + "|" + prev.gameDate());
          TeamHistory oh = o == null ? null : teams.get(o);
          TeamGameRow og = oh == null ? null : oh.on(prev.gameDate());
          if (og != null && og.offensiveRating() != null) {
            allowed.add(og.offensiveRating());
          }
          if (prev.pace() != null) {
            paces.add(prev.pace());
          }
        }
        if (!allowed.isEmpty()) {
          defense.add(new TeamDefenseRow(t, g.gameDate(), round(avg(allowed)),
              paces.isEmpty() ? null : round(avg(paces))));
        }
      }
    });
    return defense;
  }

  private static GameContextRow context(PlayerGameRow today, TeamHistory team, TeamHistory opp,
      Labels labels) {
    LocalDate d = today.gameDate();
    Long rest = team == null ? null : team.daysSince(d);
    Long oppRest = opp == null ? null : opp.daysSince(d);
    Boolean home = PlayerGameRow.homeFromGameId(today.gameId(), today.teamAbbr());
    return new GameContextRow(today.playerLookup(), today.universalPlayerId(), today.gameId(), d,
        today.teamAbbr(), today.opponentTeamAbbr(), home, rest == null ? null : rest == 1,
        labels.seasonPhase(today), rest, oppRest, labels.playerStatus(today));
  }

  static Double meanPoints(List<PlayerGameRow> rows) {
    return rows.stream().filter(r -> r.points() != null).mapToDouble(PlayerGameRow::points)
        .average().stream().boxed().findFirst().map(Precompute::round).orElse(null);
  }

  static Double std(List<PlayerGameRow> rows) {
    double[] x = rows.stream().filter(r -> r.points() != null)
        .mapToDouble(PlayerGameRow::points).toArray();
    if (x.length < 2) {
      return null;
    }
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return round(Math.sqrt(s / (x.length - 1)));
  }

  /** 100 × Σpart / Σfg_attempts over rows with both set; null without attempts. */
  static Double rate(List<PlayerGameRow> rows, Function<PlayerGameRow, Long> part) {
    long num = 0;
    long den = 0;
    for (PlayerGameRow r : rows) {
      if (part.apply(r) != null && r.fgAttempts() != null) {
        num += part.apply(r);
        den += r.fgAttempts();
      }
    }
    return den == 0 ? null : round(100.0 * num / den);
  }

  static double avg(List<Double> xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.size();
  }

  /** NUMERIC-like storage: 4 decimal places. */
  static Double round(Double x) {
    return x == null ? null : Math.round(x * 10000) / 10000.0;
  }

  private static <T> Map<String, List<T>> group(List<T> rows, Function<T, String> key) {
    Map<String, List<T>> m = new TreeMap<>();
    for (T r : rows) {
      if (key.apply(r) != null) {
        m.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
      }
    }
    return m;
  }

  /** One team's games sorted by date. */
  static final class TeamHistory {
    final List<TeamGameRow> games;
    final Map<LocalDate, Integer> index = new HashMap<>();

    TeamHistory(List<TeamGameRow> rows) {
      TreeMap<LocalDate, TeamGameRow> one = new TreeMap<>();
      rows.forEach(r -> one.putIfAbsent(r.gameDate(), r));
      games = new ArrayList<>(one.values());
      for (int i = 0; i < games.size(); i++) {
        index.put(games.get(i).gameDate(), i);
      }
    }

    int indexOf(LocalDate d) {
      Integer i = index.get(d);
      if (i != null) {
        return i;
      }
      int k = 0;
      while (k < games.size() && games.get(k).gameDate().isBefore(d)) {
        k++;
      }
      return k;
    }

    TeamGameRow on(LocalDate d) {
      Integer i = index.get(d);
      return i == null ? null : games.get(i);
    }

    Long daysSince(LocalDate d) {
      int i = indexOf(d);
      if (i == 0) {
        return null;
      }
      LocalDate prev = games.get(i - 1).gameDate();
      long days = ChronoUnit.DAYS.between(prev, d);
      return days > 365 ? null : days;
    }

    /** Mean pace and offensive rating of the last n games before D. */
    Double[] means(LocalDate d, int n) {
      List<Double> pace = new ArrayList<>();
      List<Double> ortg = new ArrayList<>();
      int i = indexOf(d);
      for (int k = i - 1; k >= 0 && k >= i - n; k--) {
        TeamGameRow g = games.get(k);
        if (g.gameDate().isBefore(d.minusDays(365))) {
          break;
        }
        if (g.pace() != null) {
          pace.add(g.pace());
        }
        if (g.offensiveRating() != null) {
          ortg.add(g.offensiveRating());
        }
      }
      return new Double[] {pace.isEmpty() ? null : round(avg(pace)),
          ortg.isEmpty() ? null : round(avg(ortg))};
    }
  }
}
