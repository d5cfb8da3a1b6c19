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
    return round(value, 9);
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
}
