package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.SourceLabel;
import com.nbaprops.mlfs.util.Decimals;

/** Writes values and labels; whatever is unset at the end takes the contract's default. */
final class Slots {
  private final double[] v;
  private final SourceLabel[] l;

  Slots(double[] v, SourceLabel[] l) {
    this.v = v;
    this.l = l;
  }

  /** The value set so far of feature i (its default once {@link #fillDefault} ran). */
  double get(int i) {
    return v[i];
  }

  SourceLabel label(int i) {
    return l[i];
  }

  boolean ifPresent(int i, Double value, SourceLabel label) {
    if (value == null) {
      return false;
    }
    value(i, value, label);
    return true;
  }

  void value(int i, double value, SourceLabel label) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalStateException("feature " + i + " ("
          + FeatureContract.feature(i).name() + ") is not finite: " + value);
    }
    v[i] = Decimals.round9(value);
    l[i] = label;
  }

  void fillDefaults() {
    for (int i = 0; i < v.length; i++) {
      fillDefault(i);
    }
  }

  /** Gives feature i the contract's default when no source set it. */
  void fillDefault(int i) {
    if (l[i] != null) {
      return;
    }
    FeatureContract.Feature f = FeatureContract.feature(i);
    if (f.defaultLabel() == null) {
      // Only #15 can get here: neither a context home flag nor a readable game id.
      v[i] = 0.0;
      l[i] = SourceLabel.DEFAULT;
    } else {
      v[i] = f.defaultValue();
      l[i] = f.defaultLabel();
    }
  }
}
