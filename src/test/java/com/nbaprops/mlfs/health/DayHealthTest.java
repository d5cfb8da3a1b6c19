package com.nbaprops.mlfs.health;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.nbaprops.mlfs.contract.FeatureContract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.Test;

/** A date's health row computed by hand from three feature rows and two gaps. */
public class DayHealthTest {
  static final LocalDate D = LocalDate.of(2024, 1, 10);

  /** A row whose every feature is {@code fill}, with feature 0 = {@code x0}. */
  static RowFacts row(String player, String tier, String level, boolean qualityReady,
      boolean trainingReady, int required, double score, List<Integer> defaults, double x0) {
    List<Double> values = new ArrayList<>(Collections.nCopies(FeatureContract.FEATURE_COUNT, 0.0));
    values.set(0, x0);
    values.set(FeatureContract.OPPONENT_DEF_RATING, 110.0);
    return new RowFacts(D, player, tier, level, qualityReady, trainingReady, required, score,
        defaults, values);
  }

  static List<RowFacts> rows() {
    return List.of(
        row("p1", "gold", "green", true, true, 0, 95.5, List.of(), 1.0),
        row("p2", "silver", "yellow", true, false, 1, 80.0, List.of(10), 2.0),
        row("p3", "gold", "green", false, true, 0, 90.25, List.of(), 4.0),
        row("p4", "poor", "red", false, false, 3, 40.0, List.of(0, 10, 13), 999.0));
  }

  @Test
  public void countsCoverageAndQualityOfTheDate() {
    HealthRow h = DayHealth.of(D, "backfill", rows(), List.of("bootstrap", "no_team", "bootstrap"));
    assertEquals(7, h.rosterEntries());
    assertEquals(4, h.featureRows());
    assertEquals(3, h.gapRows());
    assertEquals(List.of(new Count("bootstrap", 2), new Count("no_team", 1)), h.gapsByReason());
    assertEquals(2, h.qualityReadyCount());
    assertEquals(28.6, h.qualityReadyPct(), 0); // 100 × 2 / 7 = 28.571…
    assertEquals(2, h.trainingReadyCount());
    assertEquals(2, h.rowsWithRequiredDefaults());
    assertEquals(76.44, h.avgFeatureQualityScore(), 0); // 305.75 / 4 = 76.4375 → half-even 76.44
    assertEquals(List.of(new Count("gold", 2), new Count("poor", 1), new Count("silver", 1)),
        h.tierCounts());
    assertEquals(List.of(new Count("green", 2), new Count("red", 1), new Count("yellow", 1)),
        h.alertLevelCounts());
    assertEquals(List.of(), h.alerts());
    assertNull(h.coverageOk());
  }

  @Test
  public void featureStatisticsSkipDefaultsAndAreExact() {
    HealthRow h = DayHealth.of(D, "backfill", rows(), List.of());
    FeatureHealth f0 = h.features().get(0);
    assertEquals("points_avg_last_5", f0.name());
    assertEquals(1, f0.defaultCount()); // p4's 999 is a default and not counted
    assertEquals(3, f0.valueCount());
    assertEquals(25.0, f0.defaultPct(), 0);
    assertEquals(2.333333333, f0.mean(), 0); // 7 / 3
    // sample variance ((4/3)² + (1/3)² + (5/3)²) / 2 = 42/18 = 2.3333…; sqrt = 1.5275252316…
    assertEquals(1.527525232, f0.stddev(), 0);
    assertEquals(1.0, f0.min(), 0);
    assertEquals(4.0, f0.max(), 0);
    assertEquals(0, f0.zeroCount());
    FeatureHealth f13 = h.features().get(FeatureContract.OPPONENT_DEF_RATING);
    assertEquals(0.0, f13.stddev(), 0); // 110, 110, 110
    FeatureHealth f10 = h.features().get(FeatureContract.INJURY_RISK);
    assertEquals(2, f10.valueCount());
    assertEquals(2, f10.zeroCount());
    assertNull(f0.baselineDays());
  }

  @Test
  public void oneValueHasNoSpreadAndNoValuesNoStatistics() {
    FeatureHealth one = DayHealth.feature(3, "x", 2, List.of(7.25));
    assertEquals(7.25, one.mean(), 0);
    assertNull(one.stddev());
    FeatureHealth none = DayHealth.feature(3, "x", 2, List.of());
    assertEquals(100.0, none.defaultPct(), 0);
    assertNull(none.mean());
    assertNull(none.min());
  }

  @Test
  public void theRowDoesNotDependOnTheOrderOfItsRows() {
    List<RowFacts> reversed = new ArrayList<>(rows());
    Collections.reverse(reversed);
    assertEquals(DayHealth.of(D, "daily", rows(), List.of("a", "b")),
        DayHealth.of(D, "daily", reversed, List.of("b", "a")));
    // Sums of decimals that binary doubles cannot hold exactly: 0.1 + 0.2 + 0.3 = 0.6, any order.
    assertEquals(0.2, DayHealth.feature(0, "x", 3, List.of(0.3, 0.1, 0.2)).mean(), 0);
    assertEquals(0.2, DayHealth.feature(0, "x", 3, List.of(0.1, 0.2, 0.3)).mean(), 0);
  }

  @Test
  public void sumsAreExactInTheLongPathAndPastIt() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    for (int trial = 0; trial < 300; trial++) {
      List<Double> values = new ArrayList<>();
      int n = random.nextInt(1, 600);
      double scale = trial % 3 == 0 ? 999_999 : trial % 3 == 1 ? 150 : 5e7; // last: slow path
      for (int i = 0; i < n; i++) {
        values.add(Math.round(random.nextDouble(-scale, scale) * 1e9) / 1e9);
      }
      java.math.BigInteger sum = java.math.BigInteger.ZERO;
      java.math.BigInteger squares = java.math.BigInteger.ZERO;
      for (double x : values) {
        java.math.BigInteger u = java.math.BigDecimal.valueOf(x).movePointRight(9)
            .setScale(0, java.math.RoundingMode.HALF_EVEN).toBigIntegerExact();
        sum = sum.add(u);
        squares = squares.add(u.multiply(u));
      }
      java.math.BigInteger[] got = DayHealth.Sums.of(values);
      assertEquals(sum, got[0]);
      assertEquals(squares, got[1]);
    }
  }
}
