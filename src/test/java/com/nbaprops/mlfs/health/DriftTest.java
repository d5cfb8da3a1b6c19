package com.nbaprops.mlfs.health;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.contract.FeatureContract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Baselines and alerts computed by hand from made-up daily summaries. */
public class DriftTest {
  static final LocalDate D = LocalDate.of(2024, 2, 1);
  static final int DEF = FeatureContract.OPPONENT_DEF_RATING;

  /** A summary where every feature has 100 rows, no defaults, mean {@code mean}, spread 3. */
  static DaySummary day(LocalDate d, double mean, long defaultsOfDef) {
    List<DaySummary.FeatureDay> f = new ArrayList<>();
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      long defaults = i == DEF ? defaultsOfDef : 0;
      f.add(new DaySummary.FeatureDay(i, defaults, 100 - defaults, mean, 3.0));
    }
    return new DaySummary(d, 100, f);
  }

  /** Ten days before D alternating means 100 and 101, 10 % of opponent_def_rating defaulted. */
  static List<DaySummary> window() {
    List<DaySummary> w = new ArrayList<>();
    for (int k = 1; k <= 10; k++) {
      w.add(day(D.minusDays(k), k % 2 == 0 ? 100 : 101, 10));
    }
    return w;
  }

  /** The date's own row: 100 rows, every feature mean {@code mean}, defaults of #13 given. */
  static HealthRow today(double mean, long defaultsOfDef, long qualityReady) {
    List<FeatureHealth> f = new ArrayList<>();
    for (FeatureContract.Feature x : FeatureContract.features()) {
      long defaults = x.index() == DEF ? defaultsOfDef : 0;
      f.add(new FeatureHealth(x.index(), x.name(), defaults, 100 - defaults, null, mean, 3.0,
          mean - 5, mean + 5, 0, null, null, null, null, null, null));
    }
    return new HealthRow(D, "daily", 100, 100, 0, List.of(), qualityReady,
        HealthRules.qualityReadyPct(qualityReady, 100), 0, 0, 90.0, List.of(), List.of(), f,
        List.of(), null);
  }

  @Test
  public void baselineFieldsOfTheFourWeeksBefore() {
    HealthRow h = Drift.apply(today(100.5, 10, 80), window(), null);
    FeatureHealth f = h.features().get(0);
    assertEquals(Integer.valueOf(10), f.baselineDays());
    assertEquals(100.5, f.baselineMean(), 0);
    // five 100s and five 101s: sample variance 10 × 0.25 / 9; std = 0.527046277
    assertEquals(0.527046277, f.baselineStd(), 0);
    assertEquals(3.0, f.baselineValueStd(), 0);
    assertEquals(0.0, f.driftZ(), 0);
    assertEquals(10.0, h.features().get(DEF).baselineDefaultPct(), 0);
    assertEquals(List.of(), h.alerts());
  }

  @Test
  public void aShiftBeyondNoiseAndSpreadIsDriftOfEveryNonScheduleFeature() {
    // 100.5 + 4 > 4 × 0.527 and ≥ 1 × 3: every feature drifts except the schedule-driven ones.
    HealthRow h = Drift.apply(today(104.5, 10, 80), window(), null);
    List<String> expected = new ArrayList<>();
    for (FeatureContract.Feature x : FeatureContract.features()) {
      if (!HealthRules.SCHEDULE_DRIVEN.contains(x.index())) {
        expected.add("drift:" + x.name());
      }
    }
    assertEquals(expected, h.alerts());
    assertEquals(7.58946638, h.features().get(0).driftZ(), 0); // 4 / 0.527046277 = 7.5894663800…
  }

  @Test
  public void aShiftWithinTheDaysSpreadIsNoDrift() {
    // 2.9 is 5.5 baseline stds but less than the within-day spread of 3.
    assertEquals(List.of(), Drift.apply(today(103.4, 10, 80), window(), null).alerts());
  }

  @Test
  public void aDefaultShareTwentyPointsOverTheBaselineIsAJump() {
    assertEquals(List.of("default_rate_jump:opponent_def_rating"),
        Drift.apply(today(100.5, 30, 80), window(), null).alerts()); // 30 % vs 10 %
    assertEquals(List.of(), Drift.apply(today(100.5, 29, 80), window(), null).alerts());
  }

  @Test
  public void tooShortABaselineRaisesNothing() {
    HealthRow h = Drift.apply(today(150, 100, 80), window().subList(0, 6), null);
    assertEquals(List.of(), h.alerts());
    assertEquals(Integer.valueOf(6), h.features().get(0).baselineDays());
    HealthRow first = Drift.apply(today(150, 100, 80), List.of(), null);
    assertNull(first.features().get(0).baselineMean());
    assertEquals(Integer.valueOf(0), first.features().get(0).baselineDays());
  }

  @Test
  public void daysOutsideTheFourWeeksAreNotTheBaseline() {
    List<DaySummary> w = new ArrayList<>(window());
    w.add(day(D.minusDays(29), 500, 10));
    w.add(day(D, 500, 10));
    assertEquals(100.5, Drift.apply(today(100.5, 10, 80), w, null).features().get(0)
        .baselineMean(), 0);
  }

  @Test
  public void theCoverageGateMarksDatesBelowIt() {
    HealthRow low = Drift.apply(today(100.5, 10, 59), window(), 60.0);
    assertFalse(low.coverageOk());
    assertEquals(List.of("low_coverage"), low.alerts());
    HealthRow ok = Drift.apply(today(100.5, 10, 60), window(), 60.0);
    assertTrue(ok.coverageOk());
    assertNull(Drift.apply(today(100.5, 10, 0), window(), null).coverageOk());
  }
}
