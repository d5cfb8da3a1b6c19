package com.nbaprops.mlfs.history;

import static com.nbaprops.mlfs.TestRows.d;
import static com.nbaprops.mlfs.TestRows.dnp;
import static com.nbaprops.mlfs.TestRows.played;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.TestRows;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import com.nbaprops.mlfs.history.PlayerSweep.PlayerRows;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Windows and as-of picks of the per-player sweep, point-in-time. */
public class PlayerSweepTest {

  private static PlayerRows rows(List<PlayerGameRow> games) {
    return new PlayerRows(games, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  private static PlayerInputs only(PlayerSweep.Result r, String date) {
    return r.entries().stream().filter(e -> e.gameDate().equals(d(date))).findFirst()
        .orElseThrow();
  }

  @Test
  public void historyExcludesTheDateItselfAndR10IsTenRowsWithinSixtyDays() {
    List<PlayerGameRow> games = new ArrayList<>();
    // 14 games every 3 days before 2025-03-01, plus the game of 2025-03-01 itself (99 points).
    for (int i = 1; i <= 14; i++) {
      games.add(played("p", d("2025-03-01").minusDays(3L * i).toString(), i, 20.0 + i));
    }
    games.add(played("p", "2025-03-01", 99, 40.0));
    PlayerSweep.Result r = PlayerSweep.sweep(Mode.BACKFILL, d("2025-03-01"), d("2025-03-01"),
        rows(games));
    assertEquals(1, r.entries().size());
    PlayerInputs in = r.entries().get(0);
    assertEquals(10, in.r10().size());
    assertEquals(d("2025-02-26"), in.r10().get(0).gameDate()); // newest first, D excluded
    assertEquals(Long.valueOf(1), in.r10().get(0).points());
    assertEquals(Long.valueOf(14), in.historyCount());
    assertEquals(d("2025-02-26"), in.previousGameDate());
    // Season 2024: mean points 1..14 = 7.5 (the 99 of D is not history).
    assertEquals(7.5, in.seasonPointsMean(), 0);
    // Last 30 days: games on Feb 26, 23, 20, 17, 14, 11, 8, 5, 2 (Jan 30 is 30 days before: in).
    // D-30 = Jan 30 -> i = 10 (Jan 30) is inside: rows i = 1..10 -> minutes 21..30 mean 25.5.
    assertEquals(25.5, in.minutes30Mean(), 1e-12);
  }

  @Test
  public void r10StopsAtSixtyDays() {
    List<PlayerGameRow> games = List.of(played("p", "2025-01-01", 10, 30.0),
        played("p", "2024-12-31", 10, 30.0), played("p", "2025-03-02", 10, 30.0));
    PlayerInputs in = only(PlayerSweep.sweep(Mode.BACKFILL, d("2025-03-02"), d("2025-03-02"),
        rows(games)), "2025-03-02");
    // D - 60 = 2025-01-01: that row is in, 2024-12-31 is out of R10 but still in H.
    assertEquals(1, in.r10().size());
    assertEquals(Long.valueOf(2), in.historyCount());
  }

  @Test
  public void tradeDayDuplicateKeepsThePlayedRow() {
    PlayerGameRow dnpOld = dnp("p", "2025-02-06");
    PlayerGameRow playedNew = new PlayerGameRow("p", "u", "20250206_AAA_NEW", d("2025-02-06"),
        2024L, "NEW", "AAA", 12L, 22.0, 9L, 2L, 1L, 3L, 4L, false);
    PlayerSweep.Result r = PlayerSweep.sweep(Mode.BACKFILL, d("2025-02-06"), d("2025-02-06"),
        rows(List.of(dnpOld, playedNew)));
    assertEquals(1, r.entries().size());
    assertEquals("NEW", r.entries().get(0).roster().teamAbbr());
    assertEquals("AAA", r.entries().get(0).roster().opponentTeamAbbr());
    assertEquals(Map.of("player_game_summary", 1L), r.duplicatesByTable());
    // Both played: more minutes wins; then smaller game_id.
    PlayerGameRow a = new PlayerGameRow("p", "u", "20250206_B_A", d("2025-02-06"), 2024L, "A",
        "B", 5L, 10.0, 1L, 1L, 1L, 1L, 1L, false);
    PlayerGameRow b = new PlayerGameRow("p", "u", "20250206_D_C", d("2025-02-06"), 2024L, "C",
        "D", 5L, 12.0, 1L, 1L, 1L, 1L, 1L, false);
    PlayerGameRow c = new PlayerGameRow("p", "u", "20250206_A_E", d("2025-02-06"), 2024L, "E",
        "F", 5L, 12.0, 1L, 1L, 1L, 1L, 1L, false);
    r = PlayerSweep.sweep(Mode.BACKFILL, d("2025-02-06"), d("2025-02-06"), rows(List.of(a, b, c)));
    assertEquals("E", r.entries().get(0).roster().teamAbbr());
  }

  @Test
  public void asOfPicksUseTheLatestRowWithinTheirWindowNeverAfterD() {
    PlayerRows rows = new PlayerRows(List.of(played("p", "2025-03-01", 10, 30.0)), List.of(),
        List.of(TestRows.cache("p", "2025-02-15", 1.0, 1.0, 1.0, 1.0),
            TestRows.cache("p", "2025-02-16", 2.0, 2.0, 2.0, 2.0),
            TestRows.cache("p", "2025-03-02", 9.0, 9.0, 9.0, 9.0)),
        List.of(new CompositeFactorsRow("p", d("2025-02-21"), 10L, 1.0, 1.0, 1.0),
            new CompositeFactorsRow("p", d("2025-02-22"), 20L, 1.0, 1.0, 1.0)),
        List.of(new ShotZoneRow("p", d("2025-02-14"), 40.0, 10.0, 30.0)),
        List.of(), List.of());
    PlayerInputs in = only(PlayerSweep.sweep(Mode.BACKFILL, d("2025-03-01"), d("2025-03-01"),
        rows), "2025-03-01");
    // Cache within 14 days: 2025-02-15 is exactly D-14 but 02-16 is later.
    assertEquals(d("2025-02-16"), in.cache().cacheDate());
    // Composite within 7 days: 2025-02-22 = D-7.
    assertEquals(d("2025-02-22"), in.composite().gameDate());
    // Shot zone 2025-02-14 = D-15: too old.
    assertNull(in.shotZone());
  }

  @Test
  public void contextSuppliesTeamFieldByField() {
    GameContextRow ctx = new GameContextRow("p", null, null, d("2025-03-01"), "NEW", null, true,
        false, "regular_season", 1L, 2L, "available");
    PlayerRows rows = new PlayerRows(List.of(played("p", "2025-03-01", 10, 30.0, "XYZ")),
        List.of(ctx), List.of(), List.of(), List.of(), List.of(), List.of());
    PlayerInputs in = only(PlayerSweep.sweep(Mode.BACKFILL, d("2025-03-01"), d("2025-03-01"),
        rows), "2025-03-01");
    assertEquals("NEW", in.roster().teamAbbr());
    assertEquals("XYZ", in.roster().opponentTeamAbbr());
    assertEquals("20250301_XYZ_TEA", in.roster().gameId());
    assertEquals("upid_p", in.roster().universalPlayerId());
    // Roster home flag from the box score's own game id: TEA is the home side.
    assertEquals(Boolean.TRUE, in.roster().rosterHome());
  }

  @Test
  public void dailyRosterComesFromContextRows() {
    GameContextRow ctx = TestRows.context("p", "2025-03-01", 1L, 1L, "available", true, false,
        "regular_season");
    PlayerRows rows = new PlayerRows(List.of(played("p", "2025-02-27", 10, 30.0),
        played("p", "2025-03-01", 50, 30.0)), List.of(ctx), List.of(), List.of(), List.of(),
        List.of(), List.of());
    PlayerSweep.Result r = PlayerSweep.sweep(Mode.DAILY, d("2025-03-01"), d("2025-03-01"), rows);
    assertEquals(1, r.entries().size());
    PlayerInputs in = r.entries().get(0);
    assertEquals(1, in.r10().size()); // the box score of D itself is never history
    assertEquals(10.0, in.seasonPointsMean(), 0);
    // Without a context row a daily roster has no entry for the player.
    r = PlayerSweep.sweep(Mode.DAILY, d("2025-03-01"), d("2025-03-01"), rows(rows.games()));
    assertTrue(r.entries().isEmpty());
  }

  @Test
  public void opponentHistoryCountsDnpRowsAndSkipsNullPoints() {
    List<PlayerGameRow> games = new ArrayList<>(List.of(
        played("p", "2024-11-01", 20, 30.0, "OPP"),
        played("p", "2024-12-01", 30, 30.0, "OPP"),
        played("p", "2024-12-05", 99, 30.0, "ZZZ"),
        played("p", "2024-02-01", 77, 30.0, "OPP"), // more than 365 days before D
        played("p", "2025-03-01", 5, 30.0, "OPP")));
    PlayerGameRow dnpVsOpp = dnp("p", "2025-01-10");
    games.add(new PlayerGameRow("p", "u", "g", dnpVsOpp.gameDate(), 2024L, "TEA", "OPP", null, 0.0,
        null, null, null, null, null, true));
    PlayerInputs in = only(PlayerSweep.sweep(Mode.BACKFILL, d("2025-03-01"), d("2025-03-01"),
        rows(games)), "2025-03-01");
    assertEquals(Long.valueOf(3), in.gamesVsOpponent());
    assertEquals(25.0, in.pointsVsOpponentMean(), 0);
  }

  @Test
  public void seasonMeansOnlyUsePlayedRowsOfSeasonS() {
    List<PlayerGameRow> games = List.of(
        played("p", "2024-04-10", 40, 40.0), // season 2023
        played("p", "2024-11-01", 10, 20.0),
        dnp("p", "2024-11-03"),
        played("p", "2024-11-05", 20, 30.0),
        played("p", "2024-11-07", 0, 0.0), // 0 minutes: not played
        played("p", "2024-11-09", 5, 25.0));
    PlayerInputs in = only(PlayerSweep.sweep(Mode.BACKFILL, d("2024-11-09"), d("2024-11-09"),
        rows(games)), "2024-11-09");
    assertEquals(15.0, in.seasonPointsMean(), 0);
    assertEquals(25.0, in.seasonMinutesMean(), 0);
  }

  @Test
  public void otherTablesDeduplicateToTheSmallestRowNullsLast() {
    DailyCacheRow a = TestRows.cache("p", "2025-03-01", 12.0, 1.0, 1.0, 1.0);
    DailyCacheRow b = TestRows.cache("p", "2025-03-01", 11.0, 1.0, 1.0, 1.0);
    DailyCacheRow c = TestRows.cache("p", "2025-03-01", null, 1.0, 1.0, 1.0);
    PlayerRows rows = new PlayerRows(List.of(played("p", "2025-03-01", 10, 30.0)), List.of(),
        List.of(a, c, b), List.of(), List.of(), List.of(), List.of());
    PlayerSweep.Result r = PlayerSweep.sweep(Mode.BACKFILL, d("2025-03-01"), d("2025-03-01"),
        rows);
    assertEquals(11.0, r.entries().get(0).cache().pointsAvgLast5(), 0);
    assertEquals(Map.of("player_daily_cache", 2L), r.duplicatesByTable());
  }

  @Test
  public void appendingLaterRowsChangesNoEarlierEntry() {
    List<PlayerGameRow> games = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      games.add(played("p", LocalDate.of(2024, 11, 1).plusDays(2L * i).toString(), i, 10.0 + i));
    }
    PlayerSweep.Result before = PlayerSweep.sweep(Mode.BACKFILL, d("2024-11-01"),
        d("2025-01-31"), rows(games));
    List<PlayerGameRow> more = new ArrayList<>(games);
    for (int i = 0; i < 10; i++) {
      more.add(played("p", LocalDate.of(2025, 2, 1).plusDays(i).toString(), 100, 48.0));
    }
    PlayerSweep.Result after = PlayerSweep.sweep(Mode.BACKFILL, d("2024-11-01"), d("2025-01-31"),
        rows(more));
    assertEquals(before.entries(), after.entries());
  }
}
