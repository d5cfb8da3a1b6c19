package com.nbaprops.mlfs.health;

import com.nbaprops.mlfs.features.Quality;
import com.nbaprops.mlfs.features.ScoredRow;
import java.time.LocalDate;
import java.util.List;

/**
 * The part of a feature row that its date's health reads: quality fields, default features and
 * the written feature values. Small, so that grouping the rows by date moves little.
 */
public record RowFacts(LocalDate gameDate, String playerLookup, String tier, String alertLevel,
    boolean qualityReady, boolean trainingReady, int requiredDefaultCount, double score,
    List<Integer> defaultIndices, List<Double> values) {

  public static RowFacts of(ScoredRow row) {
    Quality q = row.quality();
    return new RowFacts(row.record().gameDate(), row.record().playerLookup(), q.tier(),
        q.alertLevel(), q.qualityReady(), q.trainingReady(), q.requiredDefaultCount(), q.score(),
        q.defaultIndices(), row.record().features()); // immutable: shared, not copied
  }
}
