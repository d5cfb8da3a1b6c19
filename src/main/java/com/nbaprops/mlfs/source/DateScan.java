package com.nbaprops.mlfs.source;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Finds a row's date in its NDJSON text without parsing or even decoding it: the value of {@code
 * "column": "YYYY-MM-DD"}, when the key occurs exactly once and its value is a well-formed
 * calendar date string. Anything else is "not found", and the caller parses the line in full.
 * Works on the line's UTF-8 bytes (the key and the date are ASCII, and no byte of a multi-byte
 * UTF-8 character is ASCII, so the bytes match where the characters would).
 */
final class DateScan implements Serializable {
  private static final long serialVersionUID = 1L;
  private final byte[] key;
  private final byte[] from;
  private final byte[] to;
  /** Horspool's shift per byte value: how far the key may move when that byte ends the window. */
  private final int[] skip;

  DateScan(String column, LocalDate from, LocalDate to) {
    this.key = ("\"" + column + "\"").getBytes(StandardCharsets.US_ASCII);
    this.from = from.toString().getBytes(StandardCharsets.US_ASCII);
    this.to = to.toString().getBytes(StandardCharsets.US_ASCII);
    this.skip = new int[256];
    Arrays.fill(skip, key.length);
    for (int j = 0; j < key.length - 1; j++) {
      skip[key[j] & 0xff] = key.length - 1 - j;
    }
  }

  /** Whether the line's date was found and lies outside [from, to]. */
  boolean outside(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return outside(b, 0, b.length);
  }

  /** {@link #outside(String)} of the line {@code b[start, end)} (UTF-8). */
  boolean outside(byte[] b, int start, int end) {
    int d = dateAt(b, start, end);
    return d >= 0 && (Arrays.compare(b, d, d + 10, from, 0, 10) < 0
        || Arrays.compare(b, d, d + 10, to, 0, 10) > 0);
  }

  /** The date text, or null when it cannot be found safely. */
  String find(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    int d = dateAt(b, 0, b.length);
    return d < 0 ? null : new String(b, d, 10, StandardCharsets.US_ASCII);
  }

  /** Where the date's 10 characters start in {@code b[start, end)}, or -1. */
  private int dateAt(byte[] b, int start, int end) {
    int k = indexOf(b, start, end);
    if (k < 0 || indexOf(b, k + key.length, end) >= 0) {
      return -1;
    }
    int i = skipSpace(b, k + key.length, end);
    if (i >= end || b[i] != ':') {
      return -1;
    }
    i = skipSpace(b, i + 1, end);
    if (i + 12 > end || b[i] != '"' || b[i + 11] != '"') {
      return -1;
    }
    return wellFormed(b, i + 1) ? i + 1 : -1;
  }

  /** The first occurrence of the key in {@code b[from, end)} or -1 (Boyer-Moore-Horspool). */
  private int indexOf(byte[] b, int from, int end) {
    int m = key.length;
    byte last = key[m - 1];
    for (int i = from; i <= end - m; i += skip[b[i + m - 1] & 0xff]) {
      if (b[i + m - 1] == last && Arrays.equals(b, i, i + m - 1, key, 0, m - 1)) {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpace(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** {@code YYYY-MM-DD} with month 01-12 and day 01-31 (text order is then date order). */
  static boolean wellFormed(String d) {
    return d.length() == 10 && wellFormed(d.getBytes(StandardCharsets.UTF_8), 0);
  }

  private static boolean wellFormed(byte[] b, int s) {
    for (int i = 0; i < 10; i++) {
      byte c = b[s + i];
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    int month = (b[s + 5] - '0') * 10 + (b[s + 6] - '0');
    int day = (b[s + 8] - '0') * 10 + (b[s + 9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
}
