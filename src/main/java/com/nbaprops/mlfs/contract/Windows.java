package com.nbaprops.mlfs.contract;

/**
 * Every look-back window of the feature contract, in days. The readers' row restrictions (how far
 * before the run's first date each table is read) and the history sweep both use these, so a
 * window is changed in one place.
 */
public final class Windows {
  /** Player and team history H: games dated D−365 … D−1. */
  public static final int HISTORY_DAYS = 365;
  /** R10: the last 10 history rows, none older than D−60. */
  public static final int RECENT_MAX_AGE_DAYS = 60;
  public static final int RECENT_GAMES = 10;
  /** Games in the last 7 days (#4 fallback). */
  public static final int LAST_WEEK_DAYS = 7;
  /** Minutes and points per minute (#31, #32): rows D−30 … D−1. */
  public static final int MINUTES_DAYS = 30;

  /** As-of windows: the latest row dated within [D − k, D]. */
  public static final int DAILY_CACHE_AS_OF = 14;
  public static final int COMPOSITE_AS_OF = 7;
  public static final int SHOT_ZONE_AS_OF = 14;
  public static final int TEAM_DEFENSE_AS_OF = 7;

  private Windows() {}
}
