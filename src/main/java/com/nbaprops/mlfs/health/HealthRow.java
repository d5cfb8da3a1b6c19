package com.nbaprops.mlfs.health;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code feature_store_daily_health}: a game date's roster, coverage, quality and the
 * health of each feature. Every count and statistic is a function of that date's feature and gap
 * rows ({@link DayHealth}); the baseline fields, alerts and {@code coverageOk} come from {@link
 * Drift}.
 *
 * @param gapRows the date's open gaps: the gap rows this run produced
 * @param qualityReadyPct 100 × quality-ready rows / roster entries (1 dp)
 * @param avgFeatureQualityScore mean feature_quality_score of the rows (2 dp); null without rows
 * @param coverageOk qualityReadyPct ≥ {@code --minQualityReadyPct}; null without that option
 */
public record HealthRow(LocalDate gameDate, String mode, long rosterEntries, long featureRows,
    long gapRows, List<Count> gapsByReason, long qualityReadyCount, Double qualityReadyPct,
    long trainingReadyCount, long rowsWithRequiredDefaults, Double avgFeatureQualityScore,
    List<Count> tierCounts, List<Count> alertLevelCounts, List<FeatureHealth> features,
    List<String> alerts, Boolean coverageOk) {

  public HealthRow {
    gapsByReason = List.copyOf(gapsByReason);
    tierCounts = List.copyOf(tierCounts);
    alertLevelCounts = List.copyOf(alertLevelCounts);
    features = List.copyOf(features);
    alerts = List.copyOf(alerts);
  }

  public HealthRow withDrift(List<FeatureHealth> withBaseline, List<String> newAlerts,
      Boolean ok) {
    return new HealthRow(gameDate, mode, rosterEntries, featureRows, gapRows, gapsByReason,
        qualityReadyCount, qualityReadyPct, trainingReadyCount, rowsWithRequiredDefaults,
        avgFeatureQualityScore, tierCounts, alertLevelCounts, withBaseline, newAlerts, ok);
  }

  /** What the baseline of later dates reads of this row. */
  public DaySummary summary() {
    return new DaySummary(gameDate, featureRows,
        features.stream().map(FeatureHealth::day).toList());
  }
}
