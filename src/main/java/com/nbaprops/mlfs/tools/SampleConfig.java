package com.nbaprops.mlfs.tools;

/** Settings of the synthetic league ({@link SampleLeague}): seed, seasons, last season, teams. */
public record SampleConfig(long seed, int seasons, int lastSeason, int teams) {
  public SampleConfig {
    if (seasons < 1 || seasons > 10) {
      throw new IllegalArgumentException("--seasons must be 1..10, got " + seasons);
    }
    if (teams < 4 || teams > 30 || teams % 2 != 0) {
      throw new IllegalArgumentException("--teams must be an even number 4..30, got " + teams);
    }
  }

  public SampleConfig(long seed, int seasons, int lastSeason) {
    this(seed, seasons, lastSeason, 30);
  }

  public int firstSeason() {
    return lastSeason - seasons + 1;
  }
}
