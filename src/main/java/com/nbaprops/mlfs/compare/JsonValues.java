package com.nbaprops.mlfs.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.nbaprops.mlfs.util.Json;

/**
 * Equality of two stored column values as the comparison means it: numbers within the tolerance
 * (also against their text, as {@code bq extract} writes INT64), JSON strings as JSON, arrays and
 * objects element by element; and the plain Java form of a value for reports.
 */
final class JsonValues {
  private JsonValues() {}

  static Object plain(JsonNode v) {
    return Json.mapper().convertValue(v, Object.class);
  }

  static Object finite(Object v) {
    return v instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : v;
  }

  static boolean same(JsonNode a, JsonNode b, double tolerance) {
    Double an = number(a);
    Double bn = number(b);
    if (an != null && bn != null && (a.isNumber() || b.isNumber())) {
      // bq extract writes INT64 as strings ("2024"): a number and its text are the same value.
      return Math.abs(an - bn) <= tolerance;
    }
    if (a.isTextual() && b.isTextual()) {
      String x = a.asText();
      String y = b.asText();
      if (x.equals(y)) {
        return true;
      }
      if ((x.startsWith("{") || x.startsWith("[")) && (y.startsWith("{") || y.startsWith("["))) {
        try {
          return Json.mapper().readTree(x).equals(Json.mapper().readTree(y));
        } catch (java.io.IOException e) {
          return false;
        }
      }
      return false;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i), tolerance)) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject() && a.size() == b.size()) {
      for (java.util.Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!b.has(name) || !same(a.get(name), b.get(name), tolerance)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  static Double number(JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.valueOf(v.asText());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

}
