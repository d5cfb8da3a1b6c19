package com.nbaprops.mlfs.history;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.nbaprops.mlfs.model.BettingProsPropRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

/** The contract's "Vegas lines" section, rule by rule. */
public class VegasLinesTest {
  private static final LocalDate D = LocalDate.parse("2025-01-15");
  private static final Instant TIP = Instant.parse("2025-01-16T00:30:00Z");

  private static OddsPropRow odds(String book, String snapshot, Long minutesBefore, double line) {
    return new OddsPropRow("p", D, TIP, Instant.parse(snapshot), minutesBefore, book, line);
  }

  private static BettingProsPropRow bp(String market, double line, Double opening, String at) {
    return new BettingProsPropRow("p", D, market, "bp", line, opening, Instant.parse(at));
  }

  @Test
  public void draftKingsLatestAndEarliestPreTipSnapshots() {
    VegasLine v = VegasLines.resolve(List.of(
        odds("fanduel", "2025-01-15T23:00:00Z", 90L, 30.5),
        odds("draftkings", "2025-01-15T15:00:00Z", 570L, 22.5),
        odds("DraftKings", "2025-01-15T22:00:00Z", 150L, 23.5),
        // after tip-off: never used
        odds("draftkings", "2025-01-16T00:45:00Z", -15L, 26.5)), List.of());
    assertEquals(23.5, v.current(), 0);
    assertEquals(22.5, v.opening(), 0);
  }

  @Test
  public void withoutDraftKingsAllBooksArePooledTiesToTheSmallerBookName() {
    VegasLine v = VegasLines.resolve(List.of(
        odds("fanduel", "2025-01-15T20:00:00Z", 270L, 24.5),
        odds("betmgm", "2025-01-15T20:00:00Z", 270L, 25.5),
        odds("fanduel", "2025-01-15T12:00:00Z", 750L, 21.5),
        odds("BetRivers", "2025-01-15T12:00:00Z", 750L, 22.5)), List.of());
    assertEquals(25.5, v.current(), 0); // betmgm < fanduel
    assertEquals(22.5, v.opening(), 0); // betrivers < fanduel
  }

  @Test
  public void alternateLinesTakeTheLowerMedian() {
    VegasLine v = VegasLines.resolve(List.of(
        odds("bovada", "2025-01-15T20:00:00Z", 270L, 26.5),
        odds("bovada", "2025-01-15T20:00:00Z", 270L, 24.5),
        odds("bovada", "2025-01-15T20:00:00Z", 270L, 25.5),
        odds("bovada", "2025-01-15T10:00:00Z", 870L, 20.5),
        odds("bovada", "2025-01-15T10:00:00Z", 870L, 23.5),
        odds("bovada", "2025-01-15T10:00:00Z", 870L, 21.5),
        odds("bovada", "2025-01-15T10:00:00Z", 870L, 22.5)), List.of());
    assertEquals(25.5, v.current(), 0); // median of 24.5, 25.5, 26.5
    assertEquals(21.5, v.opening(), 0); // lower middle of 20.5, 21.5, 22.5, 23.5
  }

  @Test
  public void tipOffRuleUsesTimestampsWhenMinutesAreNull() {
    VegasLine v = VegasLines.resolve(List.of(
        odds("draftkings", "2025-01-16T00:30:00Z", null, 24.5), // at tip-off: accepted
        odds("draftkings", "2025-01-16T00:31:00Z", null, 29.5), // after: rejected
        new OddsPropRow("p", D, null, Instant.parse("2025-01-15T09:00:00Z"), null, "draftkings",
            20.5)), // neither column complete: accepted
        List.of());
    assertEquals(24.5, v.current(), 0);
    assertEquals(20.5, v.opening(), 0);
  }

  @Test
  public void nonPositiveLinesAreIgnoredAndPostTipOnlyMeansNoOddsLine() {
    VegasLine v = VegasLines.resolve(List.of(
        odds("draftkings", "2025-01-15T20:00:00Z", 200L, 0.0),
        odds("draftkings", "2025-01-16T01:00:00Z", -30L, 24.5)), List.of());
    assertFalse(v.hasLine());
  }

  @Test
  public void bettingProsWhenNoOddsRowPasses() {
    VegasLine v = VegasLines.resolve(List.of(
        odds("draftkings", "2025-01-16T01:00:00Z", -30L, 24.5)), List.of(
        bp("points", 18.5, 17.5, "2025-01-15T14:00:00Z"),
        bp("points", 19.5, 17.0, "2025-01-15T18:00:00Z"),
        bp("rebounds", 7.5, 7.5, "2025-01-15T20:00:00Z")));
    assertEquals(19.5, v.current(), 0);
    assertEquals(17.0, v.opening(), 0);
  }

  @Test
  public void openingFallsBackThroughTheContractOrder() {
    // No odds, BettingPros without opening line: opening = BettingPros current.
    VegasLine v = VegasLines.resolve(List.of(), List.of(bp("points", 18.5, null,
        "2025-01-15T14:00:00Z")));
    assertEquals(18.5, v.current(), 0);
    assertEquals(18.5, v.opening(), 0);
    // Odds present: odds current/opening win over BettingPros.
    v = VegasLines.resolve(List.of(odds("fanduel", "2025-01-15T20:00:00Z", 270L, 24.5)),
        List.of(bp("points", 18.5, 16.5, "2025-01-15T14:00:00Z")));
    assertEquals(24.5, v.current(), 0);
    assertEquals(24.5, v.opening(), 0);
  }

  @Test
  public void noRowsNoLine() {
    assertFalse(VegasLines.resolve(List.of(), List.of()).hasLine());
  }
}
