package com.nbaprops.mlfs.contract;

/** Raw source labels of the feature contract, with their canonical source and quality weight. */
public enum SourceLabel {
  PHASE4("phase4", "phase4", 100, false),
  PHASE3("phase3", "phase3", 87, false),
  CALCULATED("calculated", "calculated", 100, false),
  VEGAS("vegas", "phase4", 100, false),
  OPPONENT_HISTORY("opponent_history", "phase4", 90, false),
  MINUTES_PPM("minutes_ppm", "phase4", 95, false),
  DEFAULT("default", "default", 40, true),
  MISSING("missing", "default", 0, true);

  private final String raw;
  private final String canonical;
  private final int weight;
  private final boolean isDefault;

  SourceLabel(String raw, String canonical, int weight, boolean isDefault) {
    this.raw = raw;
    this.canonical = canonical;
    this.weight = weight;
    this.isDefault = isDefault;
  }

  public String raw() {
    return raw;
  }

  public String canonical() {
    return canonical;
  }

  public int weight() {
    return weight;
  }

  public boolean isDefault() {
    return isDefault;
  }
}
