package com.nbaprops.mlfs.health;

/**
 * One feature on one date: how often it was a default, the statistics of its other values
 * (sample standard deviation; null below 2 values; all null without values), and its drift against
 * the baseline of the previous days ({@link Drift}; null fields where there is no baseline).
 *
 * @param defaultPct 100 × defaultCount / feature rows (2 dp)
 * @param baselineDays days of D−28 … D−1 with values of this feature
 * @param baselineMean mean of those days' means
 * @param baselineStd sample standard deviation of those days' means (the day-to-day movement)
 * @param baselineValueStd mean of those days' standard deviations (the spread within a day)
 * @param baselineDefaultPct default share of the rows of D−28 … D−1, pooled (2 dp)
 * @param driftZ (mean − baselineMean) / baselineStd; null without a spread
 */
public record FeatureHealth(int index, String name, long defaultCount, long valueCount,
    Double defaultPct, Double mean, Double stddev, Double min, Double max, long zeroCount,
    Integer baselineDays, Double baselineMean, Double baselineStd, Double baselineValueStd,
    Double baselineDefaultPct, Double driftZ) {

  /** The same day's statistics with its baseline fields. */
  public FeatureHealth withBaseline(int days, Double mean, Double std, Double valueStd,
      Double defaultPct, Double z) {
    return new FeatureHealth(index, name, defaultCount, valueCount, this.defaultPct, this.mean,
        stddev, min, max, zeroCount, days, mean, std, valueStd, defaultPct, z);
  }

  /** What a later date's baseline reads of this day. */
  public DaySummary.FeatureDay day() {
    return new DaySummary.FeatureDay(index, defaultCount, valueCount, mean, stddev);
  }
}
