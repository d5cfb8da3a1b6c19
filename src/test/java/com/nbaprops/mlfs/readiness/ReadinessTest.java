package com.nbaprops.mlfs.readiness;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The readiness rules, counted by hand from the issue: 50 rows, half the roster, half the teams. */
public class ReadinessTest {
  private static final LocalDate D = LocalDate.of(2024, 3, 15);
  private static final Readiness.Policy DAILY = new Readiness.Policy(true, 50, false, false);
  private static final Readiness.Policy BACKFILL = new Readiness.Policy(false, 50, false, false);

  private static DateCensus census(long roster, long cache, long composite, long teams,
      long defense) {
    return new DateCensus(D, roster, cache, composite, teams, defense, false);
  }

  @Test
  public void fiftyRowsOfEachPlayerTableAndHalfTheTeamsPass() {
    assertThat(Readiness.problems(DAILY, census(213, 50, 50, 14, 7)), empty());
    assertEquals(List.of("2024-03-15: player_daily_cache has 49 rows dated 2024-03-15, at least "
        + "50 needed (roster 213)"), Readiness.problems(DAILY, census(213, 49, 50, 14, 7)));
    assertEquals(List.of("2024-03-15: player_composite_factors has 0 rows dated 2024-03-15, at "
        + "least 50 needed (roster 213)"), Readiness.problems(DAILY, census(213, 50, 0, 14, 7)));
    assertEquals(List.of("2024-03-15: team_defense_zone_analysis covers 6 of the 14 teams playing "
        + "on 2024-03-15, at least half needed"),
        Readiness.problems(DAILY, census(213, 50, 50, 14, 6)));
  }

  @Test
  public void aSmallSlateNeedsHalfItsRoster() {
    // A one-game night of 26 entries: 13 rows each suffice, 12 do not.
    assertEquals(13, Readiness.requiredPlayerRows(DAILY, 26));
    assertEquals(14, Readiness.requiredPlayerRows(DAILY, 27));
    assertEquals(50, Readiness.requiredPlayerRows(DAILY, 100));
    assertThat(Readiness.problems(DAILY, census(26, 13, 13, 2, 1)), empty());
    assertEquals(1, Readiness.problems(DAILY, census(26, 12, 13, 2, 1)).size());
    assertEquals(1, Readiness.problems(DAILY, census(26, 13, 13, 2, 0)).size());
  }

  @Test
  public void anEmptyRosterFailsADailyRunButIsAnOffDayInABackfill() {
    assertEquals(List.of("2024-03-15: no roster entries (upcoming_player_game_context has no rows "
        + "dated 2024-03-15)"), Readiness.problems(DAILY, census(0, 0, 0, 0, 0)));
    assertThat(Readiness.problems(BACKFILL, census(0, 0, 0, 0, 0)), empty());
  }

  @Test
  public void aBootstrapDateIsCheckedForItsRosterOnly() {
    DateCensus bootstrap = new DateCensus(D, 200, 0, 0, 10, 0, true);
    assertThat(Readiness.problems(DAILY, bootstrap), empty());
  }

  @Test
  public void dailyBlocksBackfillReportsStrictBlocksSkipNever() {
    Map<LocalDate, DateCensus> bad = Map.of(D, census(213, 10, 50, 14, 7));
    assertTrue(Readiness.of(DAILY, D, D, bad).refused());
    assertFalse(Readiness.of(BACKFILL, D, D, bad).refused());
    assertThat(Readiness.of(BACKFILL, D, D, bad).failingDates(), contains(D));
    assertTrue(Readiness.of(new Readiness.Policy(false, 50, true, false), D, D, bad).refused());
    assertFalse(Readiness.of(new Readiness.Policy(true, 50, false, true), D, D, bad).refused());
    assertFalse(Readiness.of(new Readiness.Policy(false, 50, true, true), D, D, bad).refused());
  }

  @Test
  public void theStatusSaysWhatHappened() {
    Readiness ok = Readiness.of(DAILY, D, D, Map.of(D, census(213, 50, 50, 14, 7)));
    Readiness bad = Readiness.of(DAILY, D, D, Map.of(D, census(213, 10, 50, 14, 7)));
    Readiness reported = Readiness.of(BACKFILL, D, D, Map.of(D, census(213, 10, 50, 14, 7)));
    assertEquals("SUCCEEDED", new SafetyReport(ok, Map.of(), List.of()).status(true));
    assertEquals("FAILED_UNBALANCED", new SafetyReport(ok, Map.of(), List.of()).status(false));
    assertEquals("FAILED_DEPENDENCIES", new SafetyReport(bad, Map.of(), List.of()).status(true));
    assertEquals("SUCCEEDED_WITH_WARNINGS",
        new SafetyReport(ok, Map.of(), List.of("optional table x missing")).status(true));
    assertEquals("SUCCEEDED_WITH_WARNINGS",
        new SafetyReport(reported, Map.of(), List.of()).status(true));
  }

  @Test
  public void theCensusCountsTeamsWithDefenseAmongTheTeamsPlaying() {
    Map<String, Long> keys = Map.of(
        "roster|2024-03-15", 3L, "teams_playing|2024-03-15|AAA", 2L,
        "teams_playing|2024-03-15|BBB", 1L, "team_defense_zone_analysis|2024-03-15|AAA", 1L,
        "team_defense_zone_analysis|2024-03-15|ZZZ", 1L, "player_daily_cache|2024-03-15", 7L,
        "player_composite_factors|2024-03-15", 5L);
    assertEquals(new DateCensus(D, 3, 7, 5, 2, 1, false), CheckReadiness.census(keys).get(D));
  }
}
