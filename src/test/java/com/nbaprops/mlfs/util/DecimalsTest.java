package com.nbaprops.mlfs.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.Test;

public class DecimalsTest {
  @Test
  public void plainTextIsShortestPlainDecimal() {
    assertEquals("13.0", Decimals.plainText(13.0));
    assertEquals("-3.0", Decimals.plainText(-3.0));
    assertEquals("0.0", Decimals.plainText(0.0));
    assertEquals("0.0", Decimals.plainText(-0.0));
    assertEquals("0.134751773", Decimals.plainText(0.134751773));
    assertEquals("-0.192123905", Decimals.plainText(-0.192123905));
    assertEquals("0.0000000001", Decimals.plainText(1.0E-10));
    assertEquals("10000000.0", Decimals.plainText(1.0E7));
    assertEquals("9999999.0", Decimals.plainText(9999999.0));
    assertEquals("123456789.5", Decimals.plainText(123456789.5));
  }

  @Test
  public void plainTextAgreesWithPlainOnEveryKindOfValue() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 20_000; i++) {
      double x = switch (i % 4) {
        case 0 -> Math.rint(random.nextDouble(-2e7, 2e7));
        case 1 -> Decimals.round9(random.nextDouble(-200, 200));
        case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
        default -> Double.longBitsToDouble(random.nextLong());
      };
      if (Double.isFinite(x)) {
        assertEquals(Double.toString(x), Decimals.plain(x).toPlainString(),
            Decimals.plainText(x));
      }
    }
  }

  /** The contract's rounding written out with BigDecimal: what round9 and ratio9 must equal. */
  private static double reference9(BigDecimal exact) {
    return exact.setScale(9, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }

  @Test
  public void round9IsHalfEvenOnTheShortestDecimal() {
    assertEquals(0.123456788, Decimals.round9(0.1234567885), 0.0); // tie, 8 is even: stays
    assertEquals(0.123456788, Decimals.round9(0.1234567875), 0.0); // tie, 7 is odd: up to 8
    assertEquals(-2.5, Decimals.round9(-2.5), 0.0);
    assertEquals(0.333333333, Decimals.round9(1.0 / 3), 0.0);
    assertEquals(0.0, Decimals.round9(-1e-12), 0.0);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double x = switch (i % 4) {
        case 0 -> random.nextDouble(-1000, 1000);
        case 1 -> random.nextLong(-10_000_000_000L, 10_000_000_000L) / 1e10; // 10 dp, many ties
        case 2 -> random.nextDouble(-2e6, 2e6);
        default -> random.nextLong(-1_000_000L, 1_000_000L) / Math.pow(10, random.nextInt(12));
      };
      assertEquals(Double.toString(x), reference9(BigDecimal.valueOf(x)), Decimals.round9(x),
          0.0);
    }
  }

  @Test
  public void ratio9IsTheExactQuotientRoundedHalfEven() {
    assertEquals(0.666666667, Decimals.ratio9(2, 3), 0.0);
    assertEquals(-0.666666667, Decimals.ratio9(-2, 3), 0.0);
    assertEquals(0.5, Decimals.ratio9(1, 2), 0.0);
    assertEquals(0.000000002, Decimals.ratio9(5, 2_000_000_000L), 0.0); // 2.5e-9: tie to even
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 200_000; i++) {
      long num = i % 2 == 0 ? random.nextLong(-5000, 5000) : random.nextLong(-2_000_000_000L,
          2_000_000_000L);
      long den = random.nextLong(1, i % 3 == 0 ? 100 : 3_000_000_000L) * (i % 5 == 0 ? -1 : 1);
      BigDecimal exact = BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den),
          java.math.MathContext.DECIMAL128);
      assertEquals(num + "/" + den, reference9(exact), Decimals.ratio9(num, den), 0.0);
    }
  }

  @Test
  public void plainDecimalTextIsReadAsTheNearestDouble() {
    assertEquals(14.5, plain("14.5"), 0);
    assertEquals(-0.2517, plain("-0.2517"), 0);
    assertEquals(Double.valueOf(0.0), Double.valueOf(plain("-0.000"))); // +0.0, as BigDecimal
    assertEquals(123456789012345.0, plain("123456789012345"), 0);
    for (String other : new String[] {"1234567890123456", "1e5", "0.00000000000000000000001",
        "-", ".", "1.2.3", "", "+1"}) {
      assertTrue(other, Double.isNaN(plain(other)));
    }
    // Random plain decimals of up to 15 digits: exactly what Double.parseDouble and
    // BigDecimal.doubleValue() give.
    java.util.Random rnd = new java.util.Random(7);
    for (int n = 0; n < 200_000; n++) {
      int digits = 1 + rnd.nextInt(15);
      int scale = rnd.nextInt(digits); // at least one digit before the point
      StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "-" : "");
      for (int i = 0; i < digits; i++) {
        if (i == digits - scale && scale > 0) {
          sb.append('.');
        }
        sb.append((char) ('0' + rnd.nextInt(10)));
      }
      String text = sb.toString();
      double expected = new java.math.BigDecimal(text).doubleValue();
      assertEquals(text, Double.valueOf(expected), Double.valueOf(plain(text)));
      if (expected != 0) {
        assertEquals(text, Double.parseDouble(text), plain(text), 0);
      }
    }
  }

  private static double plain(String text) {
    return Decimals.plainDecimal(text.toCharArray(), 0, text.length());
  }
}
