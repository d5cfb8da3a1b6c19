package com.nbaprops.mlfs.history;

/** The resolved points line of one (player, date): current and opening; null fields mean none. */
public record VegasLine(Double current, Double opening) {
  public static final VegasLine NONE = new VegasLine(null, null);

  public boolean hasLine() {
    return current != null;
  }
}
