package com.nbaprops.mlfs.util;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rounding rules of the feature contract: half-even, on the value's shortest decimal form. */
public final class Decimals {
  private Decimals() {}

  /** Rounds half-even to {@code scale} decimal places. NaN and infinities are rejected. */
  public static double round(double value, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new ArithmeticException("cannot round non-finite value " + value);
    }
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** Rounds half-even to 9 decimal places: every stored feature value and every compared ratio. */
  public static double round9(double value) {
    if (Double.isFinite(value) && Math.abs(value) < 1e6) {
      // value·10⁹ in binary is within `margin` of the shortest decimal's value·10⁹; away from a
      // tie (.5) both round to the same whole number q, and q / 10⁹ is the double nearest to
      // the rounded decimal (what BigDecimal.doubleValue returns too: q < 2^52).
      double y = value * 1e9;
      double floor = Math.floor(y);
      double frac = y - floor;
      double margin = Math.ulp(value) * 1e9 + 4 * Math.ulp(y);
      if (Math.abs(frac - 0.5) > margin) {
        long q = (long) floor + (frac > 0.5 ? 1 : 0);
        return q / 1e9;
      }
    }
    return round(value, 9);
  }

  /**
   * {@code num / den} rounded half-even to 9 decimal places, exactly (the decimal quotient, not
   * the double one), as a double.
   */
  public static double ratio9(long num, long den) {
    if (den != 0 && Math.abs(num) < 1_000_000_000L && Math.abs(den) < 1_000_000_000L) {
      long n = num * 1_000_000_000L;
      long q = n / den;
      long twiceRest = 2 * Math.abs(n % den);
      long d = Math.abs(den);
      if (twiceRest > d || twiceRest == d && (q & 1) != 0) {
        q += (n < 0) != (den < 0) ? -1 : 1;
      }
      if (Math.abs(q) < 1L << 52) {
        return q / 1e9; // as BigDecimal.doubleValue computes it for such q
      }
    }
    return BigDecimal.valueOf(num)
        .divide(BigDecimal.valueOf(den), java.math.MathContext.DECIMAL128)
        .setScale(9, RoundingMode.HALF_EVEN).doubleValue();
  }

  /**
   * The contract's exact mean: the decimal sum of the values divided by their count with 16
   * significant digits (IEEE 754 decimal64), as a double; null when there are no values.
   */
  public static Double mean(BigDecimal sum, long n) {
    return n == 0 ? null
        : sum.divide(BigDecimal.valueOf(n), java.math.MathContext.DECIMAL64).doubleValue();
  }

  /**
   * {@link #plain}'s text without building a {@code BigDecimal} for the usual case: the NDJSON
   * writer's form of every FLOAT64 value ("13.0", "0.134751773", "1.0E-10" becomes
   * "0.0000000001"; negative zero is "0.0").
   */
  public static String plainText(double value) {
    if (value == (long) value && Math.abs(value) < 1e7) {
      // Whole numbers below 10^7, which Double.toString writes as "N.0" (0.0 for either zero).
      return Long.toString((long) value) + ".0";
    }
    String text = Double.toString(value);
    if (text.indexOf('E') < 0) {
      return value == 0 ? "0.0" : text;
    }
    return plain(value).toPlainString();
  }

  /** Plain decimal text for JSON output: never scientific notation, always a decimal point. */
  public static BigDecimal plain(double value) {
    String text = Double.toString(value);
    if (text.indexOf('E') < 0) {
      // Double.toString is already the shortest plain form with a decimal point ("100.0").
      return new BigDecimal(text);
    }
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    if (d.scale() < 1) {
      d = d.setScale(1);
    }
    return d;
  }

  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
    1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  /**
   * The nearest double to decimal text {@code [-]digits[.digits]} of at most 15 digits and 22
   * decimals, read from the parser's characters without a string, else NaN. The digits m and
   * 10^k are exact doubles, so m / 10^k is one correctly rounded division: the value {@link
   * Double#parseDouble} and {@code BigDecimal.doubleValue()} give. A zero is +0.0, as the general
   * path's {@code BigDecimal} reads {@code -0.0}.
   */
  public static double plainDecimal(char[] c, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = i < end && c[i] == '-';
    if (negative) {
      i++;
    }
    long m = 0;
    int digits = 0;
    int scale = 0;
    boolean point = false;
    for (; i < end; i++) {
      char ch = c[i];
      if (ch >= '0' && ch <= '9') {
        if (++digits > 15) {
          return Double.NaN;
        }
        m = m * 10 + (ch - '0');
        scale += point ? 1 : 0;
      } else if (ch == '.' && !point) {
        point = true;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || scale >= POW10.length) {
      return Double.NaN;
    }
    double v = m / POW10[scale];
    return m == 0 ? 0.0 : negative ? -v : v;
  }
}
