package com.nbaprops.mlfs;

import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.history.RosterEntry;
import com.nbaprops.mlfs.history.VegasLine;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small factories for hand-written test rows. */
public final class TestRows {
  private TestRows() {}

  public static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  /** A played box-score row of player p against OPP for team TEA. */
  public static PlayerGameRow played(String p, String date, long points, double minutes) {
    return new PlayerGameRow(p, "upid_" + p, date.replace("-", "") + "_OPP_TEA", d(date),
        (long) com.nbaprops.mlfs.contract.Seasons.seasonOf(d(date)), "TEA", "OPP", points, minutes, 10L, 3L, 2L, 4L,
        3L, false);
  }

  public static PlayerGameRow played(String p, String date, long points, double minutes,
      String opponent) {
    PlayerGameRow r = played(p, date, points, minutes);
    return new PlayerGameRow(p, r.universalPlayerId(), date.replace("-", "") + "_" + opponent
        + "_TEA", r.gameDate(), r.seasonYear(), "TEA", opponent, points, minutes, r.fgAttempts(),
        r.threePtAttempts(), r.ftMakes(), r.paintAttempts(), r.midRangeAttempts(), false);
  }

  public static PlayerGameRow dnp(String p, String date) {
    return new PlayerGameRow(p, "upid_" + p, date.replace("-", "") + "_OPP_TEA", d(date),
        (long) com.nbaprops.mlfs.contract.Seasons.seasonOf(d(date)), "TEA", "OPP", 0L, 0.0, 0L, 0L, 0L, 0L, 0L, true);
  }

  public static PlayerGameRow withStats(PlayerGameRow r, Long fga, Long three, Long ft,
      Long paint, Long mid) {
    return new PlayerGameRow(r.playerLookup(), r.universalPlayerId(), r.gameId(), r.gameDate(),
        r.seasonYear(), r.teamAbbr(), r.opponentTeamAbbr(), r.points(), r.minutesPlayed(), fga,
        three, ft, paint, mid, r.isDnp());
  }

  public static GameContextRow context(String p, String date, Long rest, Long oppRest,
      String status, Boolean home, Boolean b2b, String phase) {
    return new GameContextRow(p, "upid_" + p, date.replace("-", "") + "_OPP_TEA", d(date), "TEA",
        "OPP", home, b2b, phase, rest, oppRest, status);
  }

  public static DailyCacheRow cache(String p, String date, Double l5, Double l10, Double season,
      Double std) {
    return new DailyCacheRow(p, d(date), l5, l10, season, std, null, null, null, null, null,
        null);
  }

  public static TeamGameRow teamGame(String team, String date, Boolean win, Double pace,
      Double ortg) {
    return new TeamGameRow(team, d(date), (long) com.nbaprops.mlfs.contract.Seasons.seasonOf(d(date)), win, pace, ortg);
  }

  public static LeagueIndex league(List<TeamGameRow> games, List<TeamDefenseRow> defense) {
    return new LeagueIndex(games, defense, Map.of());
  }

  public static LeagueIndex emptyLeague() {
    return league(List.of(), List.of());
  }

  /** Builder of {@link PlayerInputs} for one entry of player "p" on a date, team TEA vs OPP. */
  public static final class Inputs {
    private RosterEntry roster;
    private GameContextRow context;
    private DailyCacheRow cache;
    private CompositeFactorsRow composite;
    private ShotZoneRow shotZone;
    private List<PlayerGameRow> r10 = new ArrayList<>();
    private long historyCount;
    private long playedLast7;
    private Double seasonPoints;
    private Double seasonMinutes;
    private LocalDate previous;
    private long vsCount;
    private Double vsPoints;
    private Double minutes30;
    private Double ppm30;
    private VegasLine vegas = VegasLine.NONE;

    public Inputs(String date) {
      roster = new RosterEntry("p", "upid_p", d(date), date.replace("-", "") + "_OPP_TEA", "TEA",
          "OPP", true);
    }

    public Inputs roster(RosterEntry r) {
      roster = r;
      return this;
    }

    public Inputs context(GameContextRow c) {
      context = c;
      return this;
    }

    public Inputs cache(DailyCacheRow c) {
      cache = c;
      return this;
    }

    public Inputs composite(CompositeFactorsRow c) {
      composite = c;
      return this;
    }

    public Inputs shotZone(ShotZoneRow z) {
      shotZone = z;
      return this;
    }

    /** R10 newest first. */
    public Inputs r10(List<PlayerGameRow> rows) {
      r10 = rows;
      historyCount = Math.max(historyCount, rows.size());
      return this;
    }

    public Inputs history(long count) {
      historyCount = count;
      return this;
    }

    public Inputs playedLast7(long n) {
      playedLast7 = n;
      return this;
    }

    public Inputs season(Double points, Double minutes) {
      seasonPoints = points;
      seasonMinutes = minutes;
      return this;
    }

    public Inputs previous(String date) {
      previous = d(date);
      return this;
    }

    public Inputs vsOpponent(long count, Double meanPoints) {
      vsCount = count;
      vsPoints = meanPoints;
      return this;
    }

    public Inputs minutes30(Double minutes, Double ppm) {
      minutes30 = minutes;
      ppm30 = ppm;
      return this;
    }

    public Inputs vegas(Double current, Double opening) {
      vegas = new VegasLine(current, opening);
      return this;
    }

    public PlayerInputs build() {
      return new PlayerInputs(roster, context, cache, composite, shotZone, r10, historyCount,
          playedLast7, seasonPoints, seasonMinutes, previous, vsCount, vsPoints, minutes30, ppm30,
          vegas);
    }
  }

  /** R10 rows (newest first) with these points, one game every other day before {@code date}. */
  public static List<PlayerGameRow> r10Points(String date, long... newestFirst) {
    List<PlayerGameRow> rows = new ArrayList<>();
    for (int i = 0; i < newestFirst.length; i++) {
      rows.add(played("p", d(date).minusDays(2L * (i + 1)).toString(), newestFirst[i], 30.0));
    }
    return rows;
  }
}
