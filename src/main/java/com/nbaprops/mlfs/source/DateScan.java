package com.nbaprops.mlfs.source;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Finds a row's date in its NDJSON text without parsing the JSON: the value of {@code "column":
 * "YYYY-MM-DD"}, when the key occurs exactly once and its value is a well-formed calendar date
 * string. Anything else is "not found", and the caller parses the line in full.
 */
final class DateScan implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final String from;
  private final String to;

  DateScan(String column, LocalDate from, LocalDate to) {
    this.key = "\"" + column + "\"";
    this.from = from.toString();
    this.to = to.toString();
  }

  /** Whether the line's date was found and lies outside [from, to]. */
  boolean outside(String line) {
    String date = find(line);
    return date != null && (date.compareTo(from) < 0 || date.compareTo(to) > 0);
  }

  /** The date text, or null when it cannot be found safely. */
  String find(String line) {
    int k = line.indexOf(key);
    if (k < 0 || line.indexOf(key, k + key.length()) >= 0) {
      return null;
    }
    int i = skipSpace(line, k + key.length());
    if (i >= line.length() || line.charAt(i) != ':') {
      return null;
    }
    i = skipSpace(line, i + 1);
    if (i + 12 > line.length() || line.charAt(i) != '"' || line.charAt(i + 11) != '"') {
      return null;
    }
    String date = line.substring(i + 1, i + 11);
    return wellFormed(date) ? date : null;
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** {@code YYYY-MM-DD} with month 01-12 and day 01-31 (text order is then date order). */
  static boolean wellFormed(String d) {
    for (int i = 0; i < 10; i++) {
      char c = d.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    int month = Integer.parseInt(d.substring(5, 7));
    int day = Integer.parseInt(d.substring(8, 10));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
}
