package com.nbaprops.mlfs.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import org.junit.Test;

public class DateScanTest {
  private final DateScan scan =
      new DateScan("game_date", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 15));

  @Test
  public void findsTheDateOfTheColumnWithOrWithoutSpaces() {
    assertEquals("2024-03-02", scan.find("{\"a\":1,\"game_date\":\"2024-03-02\",\"b\":2}"));
    assertEquals("2024-03-02", scan.find("{\"game_date\" : \"2024-03-02\"}"));
  }

  @Test
  public void anythingUnusualIsNotFoundSoTheLineIsParsedInFull() {
    assertNull(scan.find("{\"cache_date\":\"2024-03-02\"}")); // another column
    assertNull(scan.find("{\"game_date\":\"2024-3-2\"}")); // not YYYY-MM-DD
    assertNull(scan.find("{\"game_date\":\"2024-13-02\"}")); // month 13
    assertNull(scan.find("{\"game_date\":null}"));
    assertNull(scan.find("{\"game_date\":20240302}"));
    assertNull(scan.find("{\"game_date\":\"2024-03-02\",\"game_date\":\"2023-01-01\"}"));
    // An escaped key inside a string value is not the column.
    assertNull(scan.find("{\"raw\":\"{\\\"game_date\\\":\\\"2020-01-01\\\"}\"}"));
  }

  @Test
  public void outsideOnlyWhenFoundAndBeforeOrAfterTheWindow() {
    assertTrue(scan.outside("{\"game_date\":\"2024-02-29\"}"));
    assertTrue(scan.outside("{\"game_date\":\"2024-03-16\"}"));
    assertFalse(scan.outside("{\"game_date\":\"2024-03-01\"}"));
    assertFalse(scan.outside("{\"game_date\":\"2024-03-15\"}"));
    assertFalse(scan.outside("{\"game_date\":\"bad\"}"));
    assertFalse(scan.outside("not json at all"));
  }
}
