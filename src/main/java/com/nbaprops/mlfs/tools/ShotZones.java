package com.nbaprops.mlfs.tools;

/**
 * Approximate shot-zone attempts from what the NBA.com box scores hold: two-point makes and
 * attempts and points in the paint, but no attempts per zone. Paint makes are {@code pts_paint / 2}
 * (paint points are field goals only); the two-point attempts are split between the paint and the
 * mid-range in the proportion of the two-point makes, i.e. as if both zones were shot at the same
 * percentage. That overstates mid-range attempts (the paint is shot better), which the README says.
 */
final class ShotZones {
  private ShotZones() {}

  /**
   * {@code {paintAttempts, midRangeAttempts}}; both null when a field is missing or the split is
   * unknown (two-point attempts without a make, or more paint makes than two-point makes).
   */
  static Long[] twoPointSplit(Long fg2m, Long fg2a, Long ptsPaint) {
    if (fg2m == null || fg2a == null || ptsPaint == null || fg2m < 0 || fg2a < fg2m
        || ptsPaint < 0 || ptsPaint / 2 > fg2m) {
      return new Long[] {null, null};
    }
    if (fg2a == 0) {
      return new Long[] {0L, 0L};
    }
    if (fg2m == 0) {
      return new Long[] {null, null};
    }
    long paint = Math.round((double) fg2a * (ptsPaint / 2) / fg2m);
    return new Long[] {paint, fg2a - paint};
  }
}
