package com.nbaprops.mlfs.util;

import static org.junit.Assert.assertEquals;

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
}
