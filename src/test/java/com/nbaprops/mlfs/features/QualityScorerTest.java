package com.nbaprops.mlfs.features;

import static com.nbaprops.mlfs.contract.SourceLabel.CALCULATED;
import static com.nbaprops.mlfs.contract.SourceLabel.DEFAULT;
import static com.nbaprops.mlfs.contract.SourceLabel.MINUTES_PPM;
import static com.nbaprops.mlfs.contract.SourceLabel.MISSING;
import static com.nbaprops.mlfs.contract.SourceLabel.OPPONENT_HISTORY;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE3;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE4;
import static com.nbaprops.mlfs.contract.SourceLabel.VEGAS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.contract.SourceLabel;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The contract's "Quality fields", with the worked examples computed by hand. */
public class QualityScorerTest {

  /** Every feature from its normal source (the contract's worked example). */
  static SourceLabel[] normal() {
    SourceLabel[] l = new SourceLabel[37];
    for (int i = 0; i < 37; i++) {
      l[i] = CALCULATED;
    }
    for (int i : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 18, 19, 20, 22, 23}) {
      l[i] = PHASE4;
    }
    for (int i : new int[] {15, 16, 17}) {
      l[i] = PHASE3;
    }
    l[29] = OPPONENT_HISTORY;
    l[30] = OPPONENT_HISTORY;
    l[31] = MINUTES_PPM;
    l[32] = MINUTES_PPM;
    l[25] = VEGAS;
    l[26] = VEGAS;
    l[27] = VEGAS;
    return l;
  }

  static FeatureVector vector(SourceLabel[] labels, boolean vegasFlag) {
    double[] v = new double[37];
    v[28] = vegasFlag ? 1 : 0;
    return new FeatureVector(v, labels, null);
  }

  @Test
  public void everyFeatureFromItsNormalSource() {
    // 16 x 100 + 3 x 87 + 2 x 90 + 2 x 95 + 14 x 100 = 3631; 3631 / 37 = 98.135... -> 98.14.
    Quality q = QualityScorer.score(vector(normal(), true));
    assertEquals(98.14, q.score(), 0);
    assertEquals("gold", q.tier());
    assertEquals("green", q.alertLevel());
    assertEquals(List.of(), q.defaultIndices());
    assertEquals(List.of(), q.alerts());
    assertTrue(q.trainingReady());
    assertTrue(q.qualityReady());
    assertEquals(16 + 2 + 2 + 3, q.phase4Count()); // phase4 + opponent_history + minutes + vegas
    assertEquals(3, q.phase3Count());
    assertEquals(11, q.calculatedCount());
    // raw phase4 labels 16 / 37 = 0.43 < 0.5 and raw phase3 3 / 37 < 0.5: mixed.
    assertEquals("mixed", q.dataSource());
  }

  @Test
  public void withoutVegasLine() {
    SourceLabel[] l = normal();
    l[25] = MISSING;
    l[26] = MISSING;
    l[27] = MISSING;
    // (3631 - 300) / 37 = 90.027 -> 90.03, silver; vegas defaults are not required ones.
    Quality q = QualityScorer.score(vector(l, false));
    assertEquals(90.03, q.score(), 0);
    assertEquals("silver", q.tier());
    assertEquals(List.of(25, 26, 27), q.defaultIndices());
    assertEquals(0, q.requiredDefaultCount());
    assertEquals("green", q.alertLevel());
    assertTrue(q.qualityReady());
    assertTrue(q.trainingReady());
    assertFalse(q.hasVegasLine());
    assertEquals(25.0, q.categoryPct().get("vegas"), 0); // (0 + 0 + 0 + 100) / 4
  }

  @Test
  public void categoryPercentagesAndCounts() {
    SourceLabel[] l = normal();
    l[25] = MISSING;
    l[26] = MISSING;
    l[27] = MISSING;
    l[13] = DEFAULT;
    Quality q = QualityScorer.score(vector(l, false));
    // matchup: 5 x 100 + 40 = 540 / 6 = 90.0
    assertEquals(90.0, q.categoryPct().get("matchup"), 0);
    assertEquals(1, (int) q.categoryDefaults().get("matchup"));
    // vegas: 0 + 0 + 0 + 100 (#28 calculated) = 25.0
    assertEquals(25.0, q.categoryPct().get("vegas"), 0);
    assertEquals(3, (int) q.categoryDefaults().get("vegas"));
    // player_history: 0-4 (500) + 29-30 (180) + 31-32 (190) + 33-36 (400) = 1270 / 13 = 97.69 -> 97.7
    assertEquals(97.7, q.categoryPct().get("player_history"), 0);
    // game_context: 9-12 (400) + 15-17 (261) + 18-20 (300) + 21 (100) = 1061 / 11 = 96.45 -> 96.5
    assertEquals(96.5, q.categoryPct().get("game_context"), 0);
    assertEquals(100.0, q.categoryPct().get("team_context"), 0);
    assertEquals(1, q.requiredDefaultCount());
    assertEquals("yellow", q.alertLevel());
    assertFalse(q.qualityReady());
    assertFalse(q.hasOpponentDefense());
    assertTrue(q.hasCompositeFactors());
    assertEquals(5, q.criticalFeatureCount());
    assertFalse(q.criticalFeaturesTrainingQuality());
    assertEquals(List.of("opponent_defense_missing"), q.alerts());
    assertEquals(Map.of("13", "opponent_defense_missing", "25", "vegas_line_unavailable",
        "26", "vegas_line_unavailable", "27", "vegas_line_unavailable"), q.fallbackReasons());
    // optional: 31 non-critical features minus the 3 vegas defaults = 28.
    assertEquals(28, q.optionalFeatureCount());
    // weight >= 85: 37 - 4 defaults - 0 = 33 (phase3 87 counts).
    assertEquals(33, q.trainingQualityFeatureCount());
  }

  @Test
  public void allMatchupDefaultedIsRedWithEveryAlertInOrder() {
    SourceLabel[] l = normal();
    for (int i : new int[] {5, 6, 7, 8, 13, 14}) {
      l[i] = DEFAULT;
    }
    for (int i : new int[] {9, 10, 11, 12, 15, 16, 17, 18, 19, 20, 21}) {
      l[i] = MISSING;
    }
    Quality q = QualityScorer.score(vector(l, true));
    // 17 defaults of 37 = 45.9 % -> high_default_rate_46pct.
    assertEquals(List.of("all_matchup_features_defaulted", "composite_factors_missing",
        "opponent_defense_missing", "high_default_rate_46pct", "matchup_quality_critical",
        "game_context_quality_critical"), q.alerts());
    assertEquals("red", q.alertLevel());
    assertEquals(40.0, q.categoryPct().get("matchup"), 0);
    assertEquals("critical", q.matchupTier());
    assertEquals("critical", q.gameContextTier());
    assertEquals(0, q.criticalFeatureCount());
    assertFalse(q.hasCompositeFactors());
  }

  @Test
  public void tiers() {
    assertEquals("gold", QualityScorer.tier(95));
    assertEquals("silver", QualityScorer.tier(94.99));
    assertEquals("silver", QualityScorer.tier(85));
    assertEquals("bronze", QualityScorer.tier(70));
    assertEquals("poor", QualityScorer.tier(50));
    assertEquals("critical", QualityScorer.tier(49.99));
  }

  @Test
  public void dataSourceShares() {
    SourceLabel[] l = new SourceLabel[37];
    java.util.Arrays.fill(l, PHASE4);
    assertEquals("phase4", QualityScorer.score(vector(l, false)).dataSource());
    // 34 / 37 = 0.919 >= 0.9
    l[0] = PHASE3;
    l[1] = PHASE3;
    l[2] = PHASE3;
    assertEquals("phase4", QualityScorer.score(vector(l, false)).dataSource());
    l[3] = PHASE3; // 33 / 37 = 0.89
    assertEquals("phase4_partial", QualityScorer.score(vector(l, false)).dataSource());
    java.util.Arrays.fill(l, PHASE3);
    assertEquals("phase3", QualityScorer.score(vector(l, false)).dataSource());
    java.util.Arrays.fill(l, CALCULATED);
    assertEquals("mixed", QualityScorer.score(vector(l, false)).dataSource());
  }
}
