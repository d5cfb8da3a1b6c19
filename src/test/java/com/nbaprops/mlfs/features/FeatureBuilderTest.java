package com.nbaprops.mlfs.features;

import static com.nbaprops.mlfs.TestRows.cache;
import static com.nbaprops.mlfs.TestRows.context;
import static com.nbaprops.mlfs.TestRows.d;
import static com.nbaprops.mlfs.TestRows.dnp;
import static com.nbaprops.mlfs.TestRows.emptyLeague;
import static com.nbaprops.mlfs.TestRows.played;
import static com.nbaprops.mlfs.TestRows.r10Points;
import static com.nbaprops.mlfs.TestRows.teamGame;
import static com.nbaprops.mlfs.TestRows.withStats;
import static com.nbaprops.mlfs.contract.SourceLabel.CALCULATED;
import static com.nbaprops.mlfs.contract.SourceLabel.DEFAULT;
import static com.nbaprops.mlfs.contract.SourceLabel.MINUTES_PPM;
import static com.nbaprops.mlfs.contract.SourceLabel.MISSING;
import static com.nbaprops.mlfs.contract.SourceLabel.OPPONENT_HISTORY;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE3;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE4;
import static com.nbaprops.mlfs.contract.SourceLabel.VEGAS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import com.nbaprops.mlfs.TestRows;
import com.nbaprops.mlfs.TestRows.Inputs;
import com.nbaprops.mlfs.contract.SourceLabel;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Every rule of feature-contract.md, with values worked out by hand from the contract. */
public class FeatureBuilderTest {
  private static final String D = "2025-01-15";
  private static final double EPS = 0;

  private static FeatureVector build(Inputs in) {
    return FeatureBuilder.build(in.build(), emptyLeague());
  }

  private static FeatureVector build(Inputs in, LeagueIndex league) {
    return FeatureBuilder.build(in.build(), league);
  }

  private static void assertFeature(FeatureVector v, int i, double value, SourceLabel label) {
    assertEquals("value of #" + i, value, v.value(i), EPS);
    assertEquals("label of #" + i, label, v.label(i));
  }

  // ------------------------------------------------ worked examples of the contract

  @Test
  public void restAdvantageWorkedExamples() {
    assertFeature(build(new Inputs(D).context(context("p", D, 2L, 0L, null, true, false, null))),
        9, 2, CALCULATED);
    assertFeature(build(new Inputs(D).context(context("p", D, 5L, 0L, null, true, false, null))),
        9, 2, CALCULATED);
    assertFeature(build(new Inputs(D).context(context("p", D, 1L, 2L, null, true, false, null))),
        9, -1, CALCULATED);
    assertFeature(build(new Inputs(D).context(context("p", D, 0L, 4L, null, true, false, null))),
        9, -2, CALCULATED);
  }

  @Test
  public void restAdvantageFallsBackToTheScheduleForBothSides() {
    // No context: TEA played the day before (1 day), OPP three days before (3 days): 1 - 3 = -2.
    LeagueIndex league = TestRows.league(List.of(
        teamGame("TEA", "2025-01-14", true, 100.0, 110.0),
        teamGame("OPP", "2025-01-12", true, 100.0, 110.0)), List.of());
    FeatureVector v = build(new Inputs(D), league);
    assertFeature(v, 9, -2, CALCULATED);
    assertEquals(Long.valueOf(1), v.daysRest());
    // Context gives the player's rest (3) but not the opponent's: a NULL field is a missing context
    // row for #9, so both sides come from the schedule: 1 - 3 = -2 (not 3 - 3 = 0), days_rest 1.
    v = build(new Inputs(D).context(context("p", D, 3L, null, null, true, false, null)), league);
    assertFeature(v, 9, -2, CALCULATED);
    assertEquals(Long.valueOf(1), v.daysRest());
    // The same with only the opponent's rest in the context row.
    v = build(new Inputs(D).context(context("p", D, null, 0L, null, true, false, null)), league);
    assertFeature(v, 9, -2, CALCULATED);
    // Both context fields set: the context wins over the schedule: 3 - 0 = 3, clamped to 2.
    v = build(new Inputs(D).context(context("p", D, 3L, 0L, null, true, false, null)), league);
    assertFeature(v, 9, 2, CALCULATED);
    assertEquals(Long.valueOf(3), v.daysRest());
    // Unknown on one side: 0, calculated, days_rest NULL.
    v = build(new Inputs(D));
    assertFeature(v, 9, 0, CALCULATED);
    assertNull(v.daysRest());
  }

  @Test
  public void injuryRiskWorkedExamples() {
    String[] statuses = {"available", "probable", "questionable", "doubtful", "out", "OUT",
        "Questionable", "day-to-day"};
    double[] expected = {0, 1, 2, 3, 3, 3, 2, 0};
    for (int i = 0; i < statuses.length; i++) {
      FeatureVector v = build(new Inputs(D).context(
          context("p", D, 1L, 1L, statuses[i], true, false, null)));
      assertFeature(v, 10, expected[i], CALCULATED);
    }
    assertFeature(build(new Inputs(D)), 10, 0, DEFAULT);
    // A NULL status is a missing context row for #10.
    assertFeature(build(new Inputs(D).context(context("p", D, 1L, 1L, null, true, false, null))),
        10, 0, DEFAULT);
  }

  @Test
  public void recentTrendWorkedExamples() {
    assertFeature(build(new Inputs(D).r10(r10Points(D, 25, 24, 26, 18, 17))), 11, -2, CALCULATED);
    assertFeature(build(new Inputs(D).r10(r10Points(D, 17, 18, 16, 25, 26))), 11, 2, CALCULATED);
    assertFeature(build(new Inputs(D).r10(r10Points(D, 22, 21, 23, 22, 21))), 11, 0, CALCULATED);
    // Exactly on the thresholds: B - A = 12 - 10 = 2 -> 1; 15 - 10 = 5 -> 2; 8 - 10 = -2 -> -1.
    assertFeature(build(new Inputs(D).r10(r10Points(D, 10, 10, 10, 12, 12))), 11, 1, CALCULATED);
    assertFeature(build(new Inputs(D).r10(r10Points(D, 10, 10, 10, 15, 15))), 11, 2, CALCULATED);
    assertFeature(build(new Inputs(D).r10(r10Points(D, 10, 10, 10, 8, 8))), 11, -1, CALCULATED);
    // Fewer than 5 rows: 0, calculated.
    assertFeature(build(new Inputs(D).r10(r10Points(D, 30, 10, 10, 10))), 11, 0, CALCULATED);
  }

  @Test
  public void recentTrendCountsNullPointsAsZero() {
    List<PlayerGameRow> rows = new ArrayList<>(r10Points(D, 10, 10, 10, 10, 10));
    PlayerGameRow r = rows.get(0);
    rows.set(0, new PlayerGameRow("p", "u", r.gameId(), r.gameDate(), r.seasonYear(), "TEA",
        "OPP", null, 30.0, 10L, 3L, 2L, 4L, 3L, false));
    // A = (0 + 10 + 10) / 3 = 6.667, B = 10, d = 3.333 -> 1.
    assertFeature(build(new Inputs(D).r10(rows)), 11, 1, CALCULATED);
  }

  @Test
  public void minutesChangeWorkedExamples() {
    assertFeature(build(new Inputs(D).cache(minutesCache(36.0)).season(null, 28.0)), 12, 2,
        CALCULATED);
    assertFeature(build(new Inputs(D).cache(minutesCache(32.0)).season(null, 28.0)), 12, 1,
        CALCULATED);
    assertFeature(build(new Inputs(D).cache(minutesCache(24.0)).season(null, 32.0)), 12, -2,
        CALCULATED);
    // 27 vs 30: -0.1 exactly -> -1; 33 vs 30: 0.1 -> 1.
    assertFeature(build(new Inputs(D).cache(minutesCache(27.0)).season(null, 30.0)), 12, -1,
        CALCULATED);
    assertFeature(build(new Inputs(D).cache(minutesCache(33.0)).season(null, 30.0)), 12, 1,
        CALCULATED);
    // Recent from P10 when the cache has no minutes: played 40 and 36 (DNP skipped) = 38 vs 30.
    List<PlayerGameRow> r10 = List.of(played("p", "2025-01-13", 20, 40.0), dnp("p", "2025-01-11"),
        played("p", "2025-01-09", 20, 36.0));
    assertFeature(build(new Inputs(D).r10(r10).season(null, 30.0)), 12, 2, CALCULATED);
    // Season missing -> 0.
    assertFeature(build(new Inputs(D).cache(minutesCache(36.0))), 12, 0, CALCULATED);
  }

  private static DailyCacheRow minutesCache(double minutes) {
    return new DailyCacheRow("p", d(D), null, null, null, null, minutes, null, null, null, null,
        null);
  }

  @Test
  public void freeThrowShareWorkedExample() {
    long[] ft = {8, 6, 10, 4, 7, 5, 9, 6, 8, 7};
    long[] pts = {28, 24, 32, 20, 26, 22, 30, 25, 29, 27};
    List<PlayerGameRow> rows = new ArrayList<>();
    for (int i = 0; i < ft.length; i++) {
      PlayerGameRow r = played("p", d(D).minusDays(2L * (i + 1)).toString(), pts[i], 30.0);
      rows.add(withStats(r, 20L, 5L, ft[i], 6L, 6L));
    }
    // 70 / 263 = 0.2661596958... -> 0.266159696.
    assertFeature(build(new Inputs(D).r10(rows)), 21, 0.266159696, CALCULATED);
    assertFeature(build(new Inputs(D).r10(rows.subList(0, 4))), 21, 0.15, CALCULATED);
    // Clamped: 6 FT makes over 10 points -> 0.6 -> 0.5.
    List<PlayerGameRow> high = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      high.add(withStats(played("p", d(D).minusDays(i + 1).toString(), 2, 10.0), 2L, 0L,
          i == 0 ? 6L : 0L, 0L, 0L));
    }
    assertFeature(build(new Inputs(D).r10(high)), 21, 0.5, CALCULATED);
    // Five DNP rows: no points at all -> 0.15.
    List<PlayerGameRow> dnps = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      dnps.add(dnp("p", d(D).minusDays(i + 1).toString()));
    }
    assertFeature(build(new Inputs(D).r10(dnps)), 21, 0.15, CALCULATED);
  }

  @Test
  public void teamWinPctWorkedExamples() {
    List<TeamGameRow> games = new ArrayList<>();
    boolean[] wins = {true, true, false, true, true, false, true, true};
    for (int i = 0; i < wins.length; i++) {
      games.add(teamGame("TEA", d(D).minusDays(2L * (i + 1)).toString(), wins[i], 100.0, 110.0));
    }
    // A game on D itself and one of last season are not counted.
    games.add(teamGame("TEA", D, false, 100.0, 110.0));
    games.add(teamGame("TEA", "2024-04-01", false, 100.0, 110.0));
    assertFeature(build(new Inputs(D), TestRows.league(games, List.of())), 24, 0.75, CALCULATED);
    assertFeature(build(new Inputs(D), TestRows.league(games.subList(0, 2), List.of())), 24, 0.5,
        CALCULATED);
  }

  @Test
  public void slopeZscoreAndBreakoutWorkedExamples() {
    assertFeature(build(new Inputs(D).r10(r10Points(D, 30, 28, 26, 24, 22))), 34, 2.0,
        CALCULATED);
    assertFeature(build(new Inputs(D).r10(r10Points(D, 30, 28, 26, 24))), 34, 0.0, CALCULATED);
    FeatureVector v = build(new Inputs(D).cache(cache("p", D, 40.0, 40.0, 20.0, 4.0)));
    assertFeature(v, 35, 3.0, CALCULATED);
    assertFeature(v, 36, 1, CALCULATED);
    // L5 25, season 20, std 4: z = 1.25; 25 > 20 + 6 is false.
    v = build(new Inputs(D).cache(cache("p", D, 25.0, 25.0, 20.0, 4.0)));
    assertFeature(v, 35, 1.25, CALCULATED);
    assertFeature(v, 36, 0, CALCULATED);
    // L5 exactly season + 1.5 std is not a breakout (strictly greater).
    v = build(new Inputs(D).cache(cache("p", D, 26.0, 25.0, 20.0, 4.0)));
    assertFeature(v, 36, 0, CALCULATED);
    // Any of #0, #2, #3 default -> 0 and 0.
    v = build(new Inputs(D).cache(cache("p", D, 40.0, 40.0, 20.0, null)));
    assertFeature(v, 35, 0, CALCULATED);
    assertFeature(v, 36, 0, CALCULATED);
  }

  // ------------------------------------------------ player history 0-4, 29-34

  @Test
  public void pointsFromCacheThenFromPlayedRowsThenDefaults() {
    FeatureVector v = build(new Inputs(D).cache(cache("p", D, 21.0, 19.5, 18.25, 4.5)));
    assertFeature(v, 0, 21.0, PHASE4);
    assertFeature(v, 1, 19.5, PHASE4);
    assertFeature(v, 2, 18.25, PHASE4);
    assertFeature(v, 3, 4.5, PHASE4);

    // No cache: P10 = played rows of R10 (DNP and 0-minute rows excluded): 20, 10, 30.
    List<PlayerGameRow> r10 = List.of(dnp("p", "2025-01-14"), played("p", "2025-01-12", 20, 30.0),
        played("p", "2025-01-10", 10, 25.0), played("p", "2025-01-08", 30, 35.0));
    v = build(new Inputs(D).r10(r10).season(22.0, 31.0).playedLast7(2));
    assertFeature(v, 0, 20.0, PHASE3);
    assertFeature(v, 1, 20.0, PHASE3);
    assertFeature(v, 2, 22.0, PHASE3);
    assertFeature(v, 3, 10.0, PHASE3); // sample std of 20, 10, 30
    assertFeature(v, 4, 2.0, PHASE3);

    // Nothing at all: defaults.
    v = build(new Inputs(D));
    assertFeature(v, 0, 10.0, DEFAULT);
    assertFeature(v, 1, 10.0, DEFAULT);
    assertFeature(v, 2, 10.0, DEFAULT);
    assertFeature(v, 3, 5.0, DEFAULT);
    assertFeature(v, 4, 3.0, DEFAULT);
  }

  @Test
  public void lastFiveUsesTheFirstFivePlayedRows() {
    // P10 newest first: 10, 10, 10, 10, 10, 40 -> L5 = 10, L10 = 15.
    FeatureVector v = build(new Inputs(D).r10(r10Points(D, 10, 10, 10, 10, 10, 40)));
    assertFeature(v, 0, 10.0, PHASE3);
    assertFeature(v, 1, 15.0, PHASE3);
  }

  @Test
  public void stdNeedsTwoPlayedRows() {
    FeatureVector v = build(new Inputs(D).r10(r10Points(D, 17)));
    assertFeature(v, 3, 5.0, DEFAULT);
    assertFeature(v, 0, 17.0, PHASE3);
  }

  @Test
  public void gamesInLastSevenDaysNeedsARowInR10() {
    assertFeature(build(new Inputs(D).playedLast7(0)), 4, 3.0, DEFAULT);
    assertFeature(build(new Inputs(D).r10(List.of(dnp("p", "2025-01-01"))).playedLast7(0)), 4,
        0.0, PHASE3);
  }

  @Test
  public void opponentHistoryAndItsDefaultIsTheSeasonValue() {
    FeatureVector v = build(new Inputs(D).vsOpponent(3, 18.5));
    assertFeature(v, 29, 18.5, OPPONENT_HISTORY);
    assertFeature(v, 30, 3, OPPONENT_HISTORY);
    v = build(new Inputs(D).cache(cache("p", D, 20.0, 20.0, 21.3, 3.0)).vsOpponent(1, null));
    assertFeature(v, 29, 21.3, DEFAULT);
    assertFeature(v, 30, 1, OPPONENT_HISTORY);
    v = build(new Inputs(D));
    assertFeature(v, 29, 10.0, DEFAULT);
    assertFeature(v, 30, 0, OPPONENT_HISTORY);
  }

  @Test
  public void minutesAndPointsPerMinute() {
    FeatureVector v = build(new Inputs(D).minutes30(31.5, 0.6));
    assertFeature(v, 31, 31.5, MINUTES_PPM);
    assertFeature(v, 32, 0.6, MINUTES_PPM);
    v = build(new Inputs(D));
    assertFeature(v, 31, 28.0, DEFAULT);
    assertFeature(v, 32, 0.4, DEFAULT);
  }

  @Test
  public void dnpRateNeedsThreeRows() {
    List<PlayerGameRow> r10 = List.of(dnp("p", "2025-01-14"), played("p", "2025-01-12", 20, 30.0),
        dnp("p", "2025-01-10"), played("p", "2025-01-08", 30, 35.0));
    assertFeature(build(new Inputs(D).r10(r10)), 33, 0.5, CALCULATED);
    assertFeature(build(new Inputs(D).r10(r10.subList(0, 2))), 33, 0.0, CALCULATED);
    List<PlayerGameRow> three = List.of(dnp("p", "2025-01-14"), played("p", "2025-01-12", 2, 3.0),
        played("p", "2025-01-10", 2, 3.0));
    assertFeature(build(new Inputs(D).r10(three)), 33, 0.333333333, CALCULATED);
  }

  // ------------------------------------------------ matchup 5-8, 13-14

  @Test
  public void compositeFactorsAsOfAndExactDate() {
    CompositeFactorsRow today = new CompositeFactorsRow("p", d(D), 70L, 1.5, -2.25, 0.75);
    FeatureVector v = build(new Inputs(D).composite(today));
    assertFeature(v, 5, 70, PHASE4);
    assertFeature(v, 6, 1.5, PHASE4);
    assertFeature(v, 7, -2.25, PHASE4);
    assertFeature(v, 8, 0.75, PHASE4);
    // A row from two days ago: #5 and #8 use it, #6 and #7 never use a stale row.
    CompositeFactorsRow stale = new CompositeFactorsRow("p", d("2025-01-13"), 60L, 1.5, -2.25, 0.5);
    v = build(new Inputs(D).composite(stale));
    assertFeature(v, 5, 60, PHASE4);
    assertFeature(v, 6, 0.0, DEFAULT);
    assertFeature(v, 7, 0.0, DEFAULT);
    assertFeature(v, 8, 0.5, PHASE4);
    v = build(new Inputs(D));
    assertFeature(v, 5, 50.0, DEFAULT);
    assertFeature(v, 8, 0.0, DEFAULT);
    // A NULL column moves to the default, never to an older row.
    v = build(new Inputs(D).composite(new CompositeFactorsRow("p", d(D), null, null, 1.0, null)));
    assertFeature(v, 5, 50.0, DEFAULT);
    assertFeature(v, 6, 0.0, DEFAULT);
    assertFeature(v, 7, 1.0, PHASE4);
  }

  @Test
  public void fatigueOutsideZeroToHundredRejectsTheEntry() {
    assertFeature(build(new Inputs(D).composite(new CompositeFactorsRow("p", d(D), 100L, 0.0,
        0.0, 0.0))), 5, 100, PHASE4);
    assertFeature(build(new Inputs(D).composite(new CompositeFactorsRow("p", d(D), 0L, 0.0,
        0.0, 0.0))), 5, 0, PHASE4);
    assertThrows(FeatureValidationException.class, () -> build(new Inputs(D).composite(
        new CompositeFactorsRow("p", d(D), 101L, 0.0, 0.0, 0.0))));
    assertThrows(FeatureValidationException.class, () -> build(new Inputs(D).composite(
        new CompositeFactorsRow("p", d(D), -1L, 0.0, 0.0, 0.0))));
  }

  @Test
  public void opponentDefenseAsOfSevenDays() {
    LeagueIndex inWindow = TestRows.league(List.of(), List.of(
        new TeamDefenseRow("OPP", d("2025-01-08"), 108.5, 99.25),
        new TeamDefenseRow("OPP", d("2025-01-16"), 90.0, 90.0),
        new TeamDefenseRow("TEA", d(D), 120.0, 120.0)));
    FeatureVector v = build(new Inputs(D), inWindow);
    assertFeature(v, 13, 108.5, PHASE4);
    assertFeature(v, 14, 99.25, PHASE4);
    LeagueIndex tooOld = TestRows.league(List.of(), List.of(
        new TeamDefenseRow("OPP", d("2025-01-07"), 108.5, 99.25)));
    v = build(new Inputs(D), tooOld);
    assertFeature(v, 13, 112.0, DEFAULT);
    assertFeature(v, 14, 100.0, DEFAULT);
  }

  // ------------------------------------------------ game context 15-20

  @Test
  public void homeBackToBackPlayoffFromContextElseSchedule() {
    FeatureVector v = build(new Inputs(D).context(
        context("p", D, 1L, 1L, "available", false, true, "Playoffs")));
    assertFeature(v, 15, 0, PHASE3);
    assertFeature(v, 16, 1, PHASE3);
    assertFeature(v, 17, 1, PHASE3);
    v = build(new Inputs(D).context(
        context("p", D, 1L, 1L, "available", true, false, "regular_season")));
    assertFeature(v, 15, 1, PHASE3);
    assertFeature(v, 16, 0, PHASE3);
    assertFeature(v, 17, 0, PHASE3);
    // Without context: roster home flag (true in the builder), previous game D-1 -> 1.
    v = build(new Inputs(D).previous("2025-01-14"));
    assertFeature(v, 15, 1, CALCULATED);
    assertFeature(v, 16, 1, CALCULATED);
    assertFeature(v, 17, 0, DEFAULT);
    v = build(new Inputs(D).previous("2025-01-13"));
    assertFeature(v, 16, 0, CALCULATED);
    // NULL context fields count as a missing context row for that feature.
    v = build(new Inputs(D).previous("2025-01-14").context(
        context("p", D, 1L, 1L, "available", null, null, null)));
    assertFeature(v, 15, 1, CALCULATED);
    assertFeature(v, 16, 1, CALCULATED);
    assertFeature(v, 17, 0, DEFAULT);
  }

  @Test
  public void shotZoneSharesThreeLevels() {
    ShotZoneRow zone = new ShotZoneRow("p", d(D), 45.0, 12.5, 33.3);
    DailyCacheRow cache = new DailyCacheRow("p", d(D), null, null, null, null, null, 30.0, 40.0,
        null, null, null);
    FeatureVector v = build(new Inputs(D).shotZone(zone).cache(cache));
    assertFeature(v, 18, 0.45, PHASE4);
    assertFeature(v, 19, 0.125, PHASE4);
    assertFeature(v, 20, 0.333, PHASE4);
    v = build(new Inputs(D).cache(cache));
    assertFeature(v, 18, 0.3, PHASE4);
    assertFeature(v, 19, 0.0, MISSING); // no cache column for mid-range, no box scores
    assertFeature(v, 20, 0.4, PHASE4);
    // Box scores: paint 4 + 2 over fga 10 + 10 (the NULL-paint row is skipped) = 0.3;
    // mid 3 + 3 + 5 over 30 = 0.366666667; three 3 + 3 + 3 over 30 = 0.3.
    List<PlayerGameRow> r10 = List.of(
        withStats(played("p", "2025-01-13", 20, 30.0), 10L, 3L, 2L, 4L, 3L),
        withStats(played("p", "2025-01-11", 20, 30.0), 10L, 3L, 2L, 2L, 3L),
        withStats(played("p", "2025-01-09", 20, 30.0), 10L, 3L, 2L, null, 5L),
        dnp("p", "2025-01-07"));
    v = build(new Inputs(D).r10(r10));
    assertFeature(v, 18, 0.3, PHASE3);
    assertFeature(v, 19, 0.366666667, PHASE3);
    assertFeature(v, 20, 0.3, PHASE3);
    v = build(new Inputs(D));
    assertFeature(v, 18, 0.0, MISSING);
    assertFeature(v, 19, 0.0, MISSING);
    assertFeature(v, 20, 0.0, MISSING);
  }

  // ------------------------------------------------ team 22-23, vegas 25-28

  @Test
  public void teamPaceFromCacheElseLastTenTeamGames() {
    DailyCacheRow cache = new DailyCacheRow("p", d(D), null, null, null, null, null, null, null,
        101.5, 115.25, null);
    FeatureVector v = build(new Inputs(D).cache(cache));
    assertFeature(v, 22, 101.5, PHASE4);
    assertFeature(v, 23, 115.25, PHASE4);
    // 12 games before D: the oldest two (pace 200) are outside the last 10. Of the last 10, one
    // has NULL pace: mean pace of the other 9 (all 100) = 100; ORtg 1..10 -> mean 5.5.
    List<TeamGameRow> games = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      Double pace = i > 10 ? Double.valueOf(200.0) : (i == 3 ? null : Double.valueOf(100.0));
      games.add(teamGame("TEA", d(D).minusDays(i).toString(), true, pace, i > 10 ? 500.0 : (double) i));
    }
    v = build(new Inputs(D), TestRows.league(games, List.of()));
    assertFeature(v, 22, 100.0, PHASE3);
    assertFeature(v, 23, 5.5, PHASE3);
    v = build(new Inputs(D));
    assertFeature(v, 22, 100.0, DEFAULT);
    assertFeature(v, 23, 112.0, DEFAULT);
  }

  @Test
  public void vegasLinesAndFlag() {
    FeatureVector v = build(new Inputs(D).vegas(24.5, 23.0));
    assertFeature(v, 25, 24.5, VEGAS);
    assertFeature(v, 26, 23.0, VEGAS);
    assertFeature(v, 27, 1.5, VEGAS);
    assertFeature(v, 28, 1, CALCULATED);
    v = build(new Inputs(D));
    assertFeature(v, 25, 0.0, MISSING);
    assertFeature(v, 26, 0.0, MISSING);
    assertFeature(v, 27, 0.0, MISSING);
    assertFeature(v, 28, 0, CALCULATED);
  }

  @Test
  public void valuesAreRoundedHalfEvenToNineDecimals() {
    // Cache value with more decimals than 9: 0.1234567895 -> 0.12345679 (half-even on 9th digit).
    FeatureVector v = build(new Inputs(D).cache(cache("p", D, 0.1234567895, 1.0000000004, 2.0,
        1.0)));
    assertEquals(0.12345679, v.value(0), 0);
    assertEquals(1.0, v.value(1), 0);
  }
}
