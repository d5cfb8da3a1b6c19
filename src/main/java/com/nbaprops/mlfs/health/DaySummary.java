package com.nbaprops.mlfs.health;

import java.time.LocalDate;
import java.util.List;

/**
 * What the baseline of later dates reads of one date's health row: its feature rows and, per
 * feature, default and value counts, mean and spread. Built from a row this run computes or from a
 * stored one (the same rounded values either way, so a chunked backfill gives the same drift).
 */
public record DaySummary(LocalDate gameDate, long featureRows, List<FeatureDay> features) {

  public record FeatureDay(int index, long defaultCount, long valueCount, Double mean,
      Double stddev) {}
}
