package com.nbaprops.mlfs.history;

import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import com.nbaprops.mlfs.util.RecordCoder;
import com.nbaprops.mlfs.contract.Seasons;
import com.nbaprops.mlfs.contract.Windows;
import com.nbaprops.mlfs.util.Decimals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The league-level lookups: each team's date-sorted schedule from {@code team_offense_game_summary}
 * (last-10 means, season record, days since the previous game), the opponent defense as-of pick,
 * and the season start calendar. Small (a few thousand rows a season): one copy is shared with every
 * worker as a side input. Lookups are binary searches, never scans of the lookback.
 */
public final class LeagueIndex {
  private final List<TeamGameRow> teamGames;
  private final List<TeamDefenseRow> teamDefense;
  private final Map<String, Long> observedSeasonStarts;
  private final Map<String, TeamSchedule> schedules = new HashMap<>();
  private final Map<String, AsOf<TeamDefenseRow>> defenses = new HashMap<>();
  private final Map<String, Long> duplicates = new TreeMap<>();

  /**
   * @param teamGames rows of {@code team_offense_game_summary} (any order, duplicates allowed)
   * @param teamDefense rows of {@code team_defense_zone_analysis}
   * @param observedSeasonStarts season year → epoch day of its earliest box-score game
   */
  public LeagueIndex(List<TeamGameRow> teamGames, List<TeamDefenseRow> teamDefense,
      Map<String, Long> observedSeasonStarts) {
    this.teamGames = teamGames;
    this.teamDefense = teamDefense;
    this.observedSeasonStarts = observedSeasonStarts;
    Map<String, List<TeamGameRow>> gamesByTeam = new HashMap<>();
    teamGames.forEach(g -> gamesByTeam.computeIfAbsent(g.teamAbbr(), k -> new ArrayList<>()).add(g));
    gamesByTeam.forEach((team, rows) -> schedules.put(team, new TeamSchedule(
        PlayerSweep.dedup(rows, TeamGameRow::gameDate, RecordOrder.comparator(),
            "team_offense_game_summary", duplicates))));
    Map<String, List<TeamDefenseRow>> defByTeam = new HashMap<>();
    teamDefense.forEach(d -> defByTeam.computeIfAbsent(d.teamAbbr(), k -> new ArrayList<>()).add(d));
    defByTeam.forEach((team, rows) -> defenses.put(team, new AsOf<>(PlayerSweep.dedup(rows,
        TeamDefenseRow::analysisDate, RecordOrder.comparator(), "team_defense_zone_analysis",
        duplicates), TeamDefenseRow::analysisDate)));
  }

  public Map<String, Long> duplicatesByTable() {
    return duplicates;
  }

  /** First game date of season {@code s}: the contract's calendar, else the earliest box score. */
  public LocalDate seasonStart(int s) {
    LocalDate fixed = Seasons.FIXED_STARTS.get(s);
    if (fixed != null) {
      return fixed;
    }
    Long observed = observedSeasonStarts.get(Integer.toString(s));
    return observed == null ? null : LocalDate.ofEpochDay(observed);
  }

  /** D falls in days 0-13 of its season (never before the season's first game). */
  public boolean isBootstrap(LocalDate d) {
    return isBootstrap(d, Seasons.BOOTSTRAP_DAYS);
  }

  /** D falls in the first {@code days} days of its season ({@code --bootstrapDays}). */
  public boolean isBootstrap(LocalDate d, int days) {
    LocalDate start = seasonStart(com.nbaprops.mlfs.contract.Seasons.seasonOf(d));
    return start != null && !d.isBefore(start) && d.isBefore(start.plusDays(days));
  }

  /** The team's defense row as of D (within {@link Windows#TEAM_DEFENSE_AS_OF} days), or null. */
  public TeamDefenseRow defenseAsOf(String team, LocalDate d) {
    AsOf<TeamDefenseRow> rows = team == null ? null : defenses.get(team);
    return rows == null ? null : rows.at(d, Windows.TEAM_DEFENSE_AS_OF);
  }

  public TeamSchedule schedule(String team) {
    TeamSchedule s = team == null ? null : schedules.get(team);
    return s == null ? TeamSchedule.EMPTY : s;
  }

  /** One team's games sorted by date, one row per date. */
  public static final class TeamSchedule {
    static final TeamSchedule EMPTY = new TeamSchedule(List.of());
    private final List<TeamGameRow> games;
    private final long[] days;

    TeamSchedule(List<TeamGameRow> games) {
      this.games = games;
      this.days = new long[games.size()];
      for (int i = 0; i < days.length; i++) {
        days[i] = games.get(i).gameDate().toEpochDay();
      }
    }

    /** Days since the latest game dated D−365 … D−1 (a back-to-back is 1), or null. */
    public Long daysSincePrevious(LocalDate d) {
      long day = d.toEpochDay();
      int i = PlayerSweep.lowerBound(days, day);
      if (i == 0 || days[i - 1] < day - Windows.HISTORY_DAYS) {
        return null;
      }
      return day - days[i - 1];
    }

    /** Means of pace and offensive rating over the last 10 games dated D−365 … D−1 (NULLs skipped). */
    public Double[] last10Means(LocalDate d) {
      long day = d.toEpochDay();
      int i = PlayerSweep.lowerBound(days, day);
      int lo = Math.max(PlayerSweep.lowerBound(days, day - Windows.HISTORY_DAYS),
          i - Windows.RECENT_GAMES);
      BigDecimal pace = BigDecimal.ZERO;
      BigDecimal ortg = BigDecimal.ZERO;
      int np = 0;
      int no = 0;
      for (int k = lo; k < i; k++) {
        TeamGameRow g = games.get(k);
        if (g.pace() != null) {
          pace = pace.add(BigDecimal.valueOf(g.pace()));
          np++;
        }
        if (g.offensiveRating() != null) {
          ortg = ortg.add(BigDecimal.valueOf(g.offensiveRating()));
          no++;
        }
      }
      return new Double[] {
        Decimals.mean(pace, np), Decimals.mean(ortg, no)
      };
    }

    /** {games, wins} of season {@code s} dated before D (rows with a NULL win flag not counted). */
    public long[] seasonRecord(int s, LocalDate d) {
      long day = d.toEpochDay();
      int i = PlayerSweep.lowerBound(days, day);
      long n = 0;
      long w = 0;
      for (int k = i - 1; k >= 0 && days[k] >= day - Windows.HISTORY_DAYS; k--) {
        TeamGameRow g = games.get(k);
        if (g.seasonYear() != null && g.seasonYear() == s && g.winFlag() != null) {
          n++;
          if (g.winFlag()) {
            w++;
          }
        }
      }
      return new long[] {n, w};
    }
  }

  /** Explicit coder: the three input lists; the lookups are rebuilt on decode. */
  public static final class Coder extends CustomCoder<LeagueIndex> {
    private static final long serialVersionUID = 1L;
    private static final ListCoder<TeamGameRow> GAMES =
        ListCoder.of(RecordCoder.of(TeamGameRow.class));
    private static final ListCoder<TeamDefenseRow> DEFENSE =
        ListCoder.of(RecordCoder.of(TeamDefenseRow.class));
    private static final MapCoder<String, Long> STARTS =
        MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

    @Override
    public void encode(LeagueIndex value, OutputStream out) throws IOException {
      GAMES.encode(value.teamGames, out);
      DEFENSE.encode(value.teamDefense, out);
      STARTS.encode(new TreeMap<>(value.observedSeasonStarts), out);
    }

    @Override
    public LeagueIndex decode(InputStream in) throws IOException {
      return new LeagueIndex(GAMES.decode(in), DEFENSE.decode(in), STARTS.decode(in));
    }
  }
}
