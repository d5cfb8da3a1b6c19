package com.nbaprops.mlfs.health;

import com.nbaprops.mlfs.contract.FeatureContract;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The health of one game date from its feature rows and its gaps: counts, coverage, quality and
 * per-feature statistics, exactly what a GROUP BY over the written rows gives. Pure Java, no Beam.
 *
 * <p>Statistics are exact: every written feature value has at most 9 decimal places, so the sums
 * are taken over the values × 10⁹ as integers and only the results are rounded (half-even, 9 dp).
 * The row therefore does not depend on the order the rows arrive in.
 */
public final class DayHealth {
  private static final MathContext WIDE = new MathContext(40, RoundingMode.HALF_EVEN);
  private static final int SCALE = HealthRules.STAT_SCALE;
  private static final double UNIT = 1e9;
  /** Below it, |x| × 10⁹ < 10¹⁵: the product's error is far below 0.5, so rounding it is exact. */
  private static final double EXACT_IN_LONG = 1e6;

  private DayHealth() {}

  /** The date's row without baseline (see {@link Drift}); {@code gapReasons}: one per gap. */
  public static HealthRow of(LocalDate date, String mode, List<RowFacts> rows,
      List<String> gapReasons) {
    long qualityReady = 0;
    long trainingReady = 0;
    long withRequiredDefaults = 0;
    BigDecimal scoreSum = BigDecimal.ZERO;
    Map<String, Long> tiers = new TreeMap<>();
    Map<String, Long> levels = new TreeMap<>();
    for (RowFacts r : rows) {
      qualityReady += r.qualityReady() ? 1 : 0;
      trainingReady += r.trainingReady() ? 1 : 0;
      withRequiredDefaults += r.requiredDefaultCount() > 0 ? 1 : 0;
      scoreSum = scoreSum.add(BigDecimal.valueOf(r.score()));
      tiers.merge(r.tier(), 1L, Long::sum);
      levels.merge(r.alertLevel(), 1L, Long::sum);
    }
    Map<String, Long> reasons = new TreeMap<>();
    gapReasons.forEach(g -> reasons.merge(g, 1L, Long::sum));
    long roster = rows.size() + gapReasons.size();
    Double avgScore = rows.isEmpty() ? null : scoreSum
        .divide(BigDecimal.valueOf(rows.size()), 2, RoundingMode.HALF_EVEN).doubleValue();
    return new HealthRow(date, mode, roster, rows.size(), gapReasons.size(), counts(reasons),
        qualityReady, HealthRules.qualityReadyPct(qualityReady, roster), trainingReady,
        withRequiredDefaults, avgScore, counts(tiers), counts(levels), features(rows), List.of(),
        null);
  }

  private static List<Count> counts(Map<String, Long> m) {
    List<Count> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new Count(k, v)));
    return out;
  }

  private static List<FeatureHealth> features(List<RowFacts> rows) {
    int n = FeatureContract.FEATURE_COUNT;
    boolean[][] isDefault = new boolean[rows.size()][n];
    for (int r = 0; r < rows.size(); r++) {
      for (int i : rows.get(r).defaultIndices()) {
        isDefault[r][i] = true;
      }
    }
    List<FeatureHealth> out = new ArrayList<>(n);
    for (FeatureContract.Feature f : FeatureContract.features()) {
      int i = f.index();
      List<Double> values = new ArrayList<>(rows.size());
      for (int r = 0; r < rows.size(); r++) {
        if (!isDefault[r][i]) {
          values.add(rows.get(r).values().get(i));
        }
      }
      out.add(feature(i, f.name(), rows.size(), values));
    }
    return out;
  }

  /** One feature's statistics over its non-default values of the date. */
  static FeatureHealth feature(int index, String name, long featureRows, List<Double> values) {
    long defaults = featureRows - values.size();
    Double defaultPct = HealthRules.pct(defaults, featureRows, 2);
    if (values.isEmpty()) {
      return new FeatureHealth(index, name, defaults, 0, defaultPct, null, null, null, null, 0,
          null, null, null, null, null, null);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long zeros = 0;
    for (double x : values) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      zeros += x == 0 ? 1 : 0;
    }
    BigInteger[] sums = Sums.of(values);
    BigInteger sum = sums[0];
    BigInteger squares = sums[1];
    BigInteger count = BigInteger.valueOf(values.size());
    double mean = new BigDecimal(sum, SCALE).divide(new BigDecimal(count), SCALE,
        RoundingMode.HALF_EVEN).doubleValue();
    Double stddev = null;
    if (values.size() >= 2) {
      // Sample variance = (n Σx² − (Σx)²) / (n (n − 1)), exact in integers (units of 10⁻¹⁸).
      BigInteger num = count.multiply(squares).subtract(sum.multiply(sum));
      BigDecimal variance = new BigDecimal(num, 2 * SCALE).divide(
          new BigDecimal(count.multiply(count.subtract(BigInteger.ONE))), WIDE);
      stddev = variance.sqrt(WIDE).setScale(SCALE, RoundingMode.HALF_EVEN).doubleValue();
    }
    return new FeatureHealth(index, name, defaults, values.size(), defaultPct, mean, stddev,
        min == 0 ? 0.0 : min, max == 0 ? 0.0 : max, zeros, null, null, null, null, null, null);
  }

  /** x × 10⁹ as an integer: exact for the written values (at most 9 decimal places). */
  static BigInteger unscaled(double x) {
    if (Math.abs(x) < EXACT_IN_LONG) {
      return BigInteger.valueOf(Math.round(x * UNIT));
    }
    return BigDecimal.valueOf(x).setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue();
  }

  /** Σu and Σu² of the values' unscaled integers u ({@link #unscaled}), exactly. */
  static final class Sums {
    private Sums() {}

    static BigInteger[] of(List<Double> values) {
      // The usual case in longs: Σu in a long (checked), Σu² in 128 bits (u² < 10³⁰).
      long sum = 0;
      long hi = 0;
      long lo = 0;
      for (double x : values) {
        if (!(Math.abs(x) < EXACT_IN_LONG)) {
          return slow(values);
        }
        long u = Math.round(x * UNIT);
        try {
          sum = Math.addExact(sum, u);
        } catch (ArithmeticException overflow) {
          return slow(values);
        }
        long sqLo = u * u;
        long sqHi = Math.multiplyHigh(u, u);
        long newLo = lo + sqLo;
        hi += sqHi + (Long.compareUnsigned(newLo, lo) < 0 ? 1 : 0);
        lo = newLo;
        if (hi < 0) {
          return slow(values);
        }
      }
      BigInteger squares = BigInteger.valueOf(hi).shiftLeft(64)
          .add(new BigInteger(Long.toUnsignedString(lo)));
      return new BigInteger[] {BigInteger.valueOf(sum), squares};
    }

    private static BigInteger[] slow(List<Double> values) {
      BigInteger sum = BigInteger.ZERO;
      BigInteger squares = BigInteger.ZERO;
      for (double x : values) {
        BigInteger u = unscaled(x);
        sum = sum.add(u);
        squares = squares.add(u.multiply(u));
      }
      return new BigInteger[] {sum, squares};
    }
  }
}
