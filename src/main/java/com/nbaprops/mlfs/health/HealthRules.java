package com.nbaprops.mlfs.health;

import com.nbaprops.mlfs.contract.FeatureContract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Every rule of the daily health table in one place: the baseline window, the drift and
 * default-rate alerts, the features exempt from them, and the rounding of its statistics.
 *
 * <p>Drift compares a date's mean of a feature (over its non-default values) with the baseline
 * of the previous {@value #BASELINE_DAYS} days' daily means. It fires when the move is large both
 * against the normal day-to-day movement of the daily mean ({@link #DRIFT_Z} × its standard
 * deviation) and against the feature's own spread within a day ({@link #DRIFT_MIN_SPREADS} × the
 * baseline's mean within-day standard deviation): the first keeps ordinary noise quiet, the second
 * keeps a feature whose daily mean barely ever moves from alerting on a shift no model would
 * notice. Both thresholds were tuned on the real 2021-22 … 2024-25 seasons (README, "Health").
 */
public final class HealthRules {
  /** Days before D whose health rows form D's baseline: D−28 … D−1. */
  public static final int BASELINE_DAYS = 28;
  /** Fewer baseline days (with values) than this: no drift or default-rate alert. */
  public static final int MIN_BASELINE_DAYS = 7;
  /** Drift: |mean − baseline mean| at least this many baseline standard deviations … */
  public static final double DRIFT_Z = 4.0;
  /** … and at least this many times the baseline's typical within-day standard deviation. */
  public static final double DRIFT_MIN_SPREADS = 1.0;
  /** Fewer values of a feature on the date than this: its mean is too noisy for a drift alert. */
  public static final int MIN_DRIFT_VALUES = 10;
  /** Default-rate jump: the date's default share at least this many points over the baseline's. */
  public static final int DEFAULT_JUMP_POINTS = 20;
  /** Decimal places of every statistic of the table (means, spreads, baselines, z). */
  public static final int STAT_SCALE = 9;

  /**
   * Features that move with the schedule, not with an upstream table: home/away (the day's mix of
   * home games), back-to-back and games in the last 7 days (a night after a rest day, the All-Star
   * break), rest advantage (the same), the playoff flag (0 all season, 1 from the first playoff
   * day). A one-day swing of these is the calendar, so they raise no drift or default alert.
   */
  public static final List<Integer> SCHEDULE_DRIVEN = List.of(FeatureContract.GAMES_IN_LAST_7_DAYS,
      FeatureContract.REST_ADVANTAGE, FeatureContract.HOME_AWAY, FeatureContract.BACK_TO_BACK,
      FeatureContract.PLAYOFF_GAME);

  /** The alert of a date below {@code --minQualityReadyPct}. */
  public static final String LOW_COVERAGE = "low_coverage";

  private HealthRules() {}

  public static String driftAlert(String feature) {
    return "drift:" + feature;
  }

  public static String defaultJumpAlert(String feature) {
    return "default_rate_jump:" + feature;
  }

  /** 100 × part / whole, half-even to {@code scale} places; null when whole is 0. */
  public static Double pct(long part, long whole, int scale) {
    return whole == 0 ? null : BigDecimal.valueOf(100 * part)
        .divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** The quality-ready share of a date, as {@code quality_ready_pct} holds it (1 dp). */
  public static Double qualityReadyPct(long qualityReady, long roster) {
    return pct(qualityReady, roster, 1);
  }

  /** Whether a date's quality-ready share passes the gate (null without a gate). */
  public static Boolean coverageOk(Double qualityReadyPct, Double minQualityReadyPct) {
    if (minQualityReadyPct == null) {
      return null;
    }
    return qualityReadyPct != null && qualityReadyPct >= minQualityReadyPct;
  }

  /** Half-even to {@link #STAT_SCALE} places; null stays null. */
  public static Double round(Double x) {
    return x == null ? null
        : BigDecimal.valueOf(x).setScale(STAT_SCALE, RoundingMode.HALF_EVEN).doubleValue();
  }
}
