package com.nbaprops.mlfs.gaps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.nbaprops.mlfs.features.GapRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class GapLifecycleTest {
  private static final LocalDate D = LocalDate.of(2025, 1, 15);
  private static final String T1 = "2025-01-15T12:00:00Z";
  private static final String T2 = "2025-01-16T12:00:00Z";
  private static final String T3 = "2025-01-17T12:00:00Z";

  private static GapRow produced(String player, String reason) {
    return new GapRow(player, D, "g", "BOS", "NYK", 2024, reason, "detail " + player);
  }

  @Test
  public void openGapsKeepTheirFirstDetectionGoneOnesAreResolvedAndReturningOnesReopen() {
    // Run 1: two new gaps, detected now.
    GapLifecycle.Result r1 = GapLifecycle.merge(List.of(),
        List.of(produced("b", "bootstrap"), produced("a", "processing_error")), T1, "run1");
    assertEquals(2, r1.rows().size());
    assertEquals("a", r1.rows().get(0).playerLookup());            // sorted by player
    assertEquals(T1, r1.rows().get(0).detectedAt());
    assertNull(r1.rows().get(0).resolvedAt());
    // Run 2: a still open (keeps T1), b gone (resolved at T2 by run2), c new (T2).
    GapLifecycle.Result r2 = GapLifecycle.merge(r1.rows(),
        List.of(produced("a", "processing_error"), produced("c", "bootstrap")), T2, "run2");
    assertEquals(3, r2.rows().size());
    GapRow a = r2.rows().get(0);
    GapRow b = r2.rows().get(1);
    GapRow c = r2.rows().get(2);
    assertEquals(T1, a.detectedAt());
    assertNull(a.resolvedAt());
    assertEquals(T1, b.detectedAt());
    assertEquals(T2, b.resolvedAt());
    assertEquals("run2", b.resolvedBy());
    assertEquals(T2, c.detectedAt());
    assertEquals(1, r2.resolvedNow());
    assertEquals(1, r2.keptOpen());
    // Run 3: b stays resolved with run2's fields; a's reason changed: the old one is resolved.
    GapLifecycle.Result r3 = GapLifecycle.merge(r2.rows(),
        List.of(produced("a", "missing_team_or_opponent"), produced("c", "bootstrap")), T3,
        "run3");
    Map<String, GapRow> byKey = new java.util.TreeMap<>();
    r3.rows().forEach(g -> byKey.put(g.playerLookup() + "/" + g.reason(), g));
    assertEquals(4, byKey.size());
    assertEquals(T2, byKey.get("b/bootstrap").resolvedAt());
    assertEquals("run2", byKey.get("b/bootstrap").resolvedBy());
    assertEquals(T3, byKey.get("a/processing_error").resolvedAt());
    assertEquals(T3, byKey.get("a/missing_team_or_opponent").detectedAt());
    assertEquals(T2, byKey.get("c/bootstrap").detectedAt());
    // Run 4: b comes back: open again, detected at run 4's time, no resolution.
    GapLifecycle.Result r4 = GapLifecycle.merge(r3.rows(), List.of(produced("b", "bootstrap")),
        "2025-01-18T12:00:00Z", "run4");
    GapRow back = r4.rows().stream().filter(g -> g.playerLookup().equals("b")).findFirst()
        .orElseThrow();
    assertEquals("2025-01-18T12:00:00Z", back.detectedAt());
    assertNull(back.resolvedAt());
    assertNull(back.resolvedBy());
    assertEquals(1, r4.reopened());
  }

  @Test
  public void theSameInputsTwiceChangeNoRow() {
    List<GapRow> first = GapLifecycle.merge(List.of(), List.of(produced("a", "bootstrap")), T1,
        "run1").rows();
    List<GapRow> second = GapLifecycle.merge(first, List.of(produced("a", "bootstrap")), T2,
        "run2").rows();
    assertEquals(first, second);
  }

  @Test
  public void storedRowsOfEveryRenderingAreRead() {
    // A row written before the lifecycle (no resolved columns) is an open gap.
    GapRow old = GapLifecycle.fromStored(Map.of("player_lookup", "a", "game_date", "2025-01-15",
        "reason", "bootstrap", "season_year", "2024", "detected_at", "2025-01-15 12:00:00 UTC"));
    assertEquals(T1, old.detectedAt());
    assertEquals(Integer.valueOf(2024), old.seasonYear());
    assertNull(old.resolvedAt());
    assertNull(GapLifecycle.fromStored(Map.of("game_date", "2025-01-15")));
  }
}
