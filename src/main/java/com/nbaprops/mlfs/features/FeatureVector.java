package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.SourceLabel;

/** The 37 values (rounded half-even to 9 dp) and their raw source labels; plus the player's rest. */
public record FeatureVector(double[] values, SourceLabel[] labels, Long daysRest) {
  public FeatureVector {
    if (values.length != FeatureContract.FEATURE_COUNT
        || labels.length != FeatureContract.FEATURE_COUNT) {
      throw new IllegalArgumentException("a feature vector has 37 values and 37 labels");
    }
  }

  public double value(int i) {
    return values[i];
  }

  public SourceLabel label(int i) {
    return labels[i];
  }
}
