package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.util.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The feature contract's arithmetic: buckets, clamps, exact ratios, means and spreads. Pure Java. */
final class FeatureMath {
  private FeatureMath() {}

  static double injuryRisk(String status) {
    switch (status.toLowerCase(Locale.ROOT)) {
      case "probable":
        return 1;
      case "questionable":
        return 2;
      case "doubtful":
      case "out":
        return 3;
      default:
        return 0;
    }
  }

  /** ≥ hi → 2, ≥ lo → 1, ≤ −hi → −2, ≤ −lo → −1, else 0 (on the 9-dp value). */
  static double bucket(double x, double hi, double lo) {
    double r = Decimals.round9(x);
    if (r >= hi) {
      return 2;
    } else if (r >= lo) {
      return 1;
    } else if (r <= -hi) {
      return -2;
    } else if (r <= -lo) {
      return -1;
    }
    return 0;
  }

  static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  /** num / den rounded half-even to 9 dp, computed in decimal. */
  static double ratio(long num, long den) {
    return Decimals.ratio9(num, den);
  }

  static long pointsOrZero(PlayerGameRow r) {
    return r.points() == null ? 0 : r.points();
  }

  static Double meanPoints(List<PlayerGameRow> rows) {
    long sum = 0;
    long n = 0;
    for (PlayerGameRow r : rows) {
      if (r.points() != null) {
        sum += r.points();
        n++;
      }
    }
    return n == 0 ? null : ratio(sum, n);
  }

  static Double meanMinutes(List<PlayerGameRow> rows) {
    BigDecimal sum = BigDecimal.ZERO;
    int n = 0;
    for (PlayerGameRow r : rows) {
      if (r.minutesPlayed() != null) {
        sum = sum.add(BigDecimal.valueOf(r.minutesPlayed()));
        n++;
      }
    }
    return Decimals.mean(sum, n);
  }

  /** Sample standard deviation (n − 1) of non-NULL points; null with fewer than 2 values. */
  static Double sampleStdPoints(List<PlayerGameRow> rows) {
    long n = 0;
    long sum = 0;
    long sumSq = 0;
    for (PlayerGameRow r : rows) {
      if (r.points() != null) {
        n++;
        sum += r.points();
        sumSq += r.points() * r.points();
      }
    }
    if (n < 2) {
      return null;
    }
    // variance = (n Σx² − (Σx)²) / (n (n − 1)), exact in integers before the square root.
    BigDecimal var = BigDecimal.valueOf(n * sumSq - sum * sum)
        .divide(BigDecimal.valueOf(n * (n - 1)), MathContext.DECIMAL128);
    return var.sqrt(MathContext.DECIMAL64).doubleValue();
  }

  /** Σpart / Σfg_attempts over rows where both are non-NULL; null when Σfg is 0. */
  static Double share(List<PlayerGameRow> p10, Function<PlayerGameRow, Long> part) {
    long num = 0;
    long den = 0;
    for (PlayerGameRow r : p10) {
      Long fg = r.fgAttempts();
      Long x = part.apply(r);
      if (fg != null && x != null) {
        num += x;
        den += fg;
      }
    }
    return den > 0 ? ratio(num, den) : null;
  }

  /** Least-squares slope of points (NULL → 0) over R10 taken oldest first, x = 0 … n−1. */
  static double slopeOldestFirst(List<PlayerGameRow> newestFirst) {
    int n = newestFirst.size();
    long sx = 0;
    long sy = 0;
    long sxx = 0;
    long sxy = 0;
    for (int x = 0; x < n; x++) {
      long y = pointsOrZero(newestFirst.get(n - 1 - x));
      sx += x;
      sy += y;
      sxx += (long) x * x;
      sxy += x * y;
    }
    return ratio(n * sxy - sx * sy, n * sxx - sx * sx);
  }

  static Double percent(Double rate) {
    return rate == null
        ? null
        : BigDecimal.valueOf(rate).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64)
            .doubleValue();
  }

}
