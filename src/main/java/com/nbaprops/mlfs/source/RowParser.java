package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.source.SourceTable.Column;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns one source row, as a map of column name to JSON-ish value (what an NDJSON line or a
 * BigQuery {@code TableRow} gives), into the table's typed record, or explains why it cannot.
 *
 * <p>Rules (data contract): a missing key or JSON null is NULL; integers may be numbers or strings;
 * DATE is {@code YYYY-MM-DD}; TIMESTAMP is ISO-8601 or {@code YYYY-MM-DD HH:MM:SS[.ffffff] UTC}.
 * A NULL or empty key column, an unparseable value, a value of the wrong type or a negative count
 * is an error. Columns the table does not use are ignored.
 */
public final class RowParser<T extends Record> {

  /** A parse outcome: exactly one of {@code record} and {@code error} is set. */
  public record Result<T>(T record, String error) {
    public boolean ok() {
      return record != null;
    }
  }

  private final SourceTable<T> table;
  private final Constructor<T> ctor;
  private final ParseCache<LocalDate> dates = new ParseCache<>();
  private final ParseCache<Instant> timestamps = new ParseCache<>();

  public RowParser(SourceTable<T> table) {
    this.table = table;
    RecordComponent[] comps = table.recordClass().getRecordComponents();
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      types[i] = comps[i].getType();
      if (types[i].isPrimitive()) {
        throw new IllegalArgumentException(table.recordClass().getSimpleName() + "."
            + comps[i].getName() + " is primitive: use the boxed type (every column may be NULL)");
      }
    }
    try {
      this.ctor = table.recordClass().getDeclaredConstructor(types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  public Result<T> parse(Map<String, Object> row) {
    Object[] values = new Object[table.columns().size()];
    for (Column c : table.columns()) {
      Object raw = row.get(c.name());
      Object v;
      try {
        v = convert(c, raw);
      } catch (IllegalArgumentException e) {
        return new Result<>(null, "column " + c.name() + ": " + e.getMessage());
      }
      if (v == null || (v instanceof String s && s.isEmpty())) {
        if (table.keyColumns().contains(c.name())) {
          return new Result<>(null, "key column " + c.name() + " is "
              + (v == null ? "NULL" : "empty"));
        }
      }
      if (v != null && table.nonNegativeColumns().contains(c.name())
          && ((Number) v).doubleValue() < 0) {
        return new Result<>(null, "column " + c.name() + ": negative value " + v);
      }
      values[c.index()] = v;
    }
    try {
      return new Result<>(ctor.newInstance(values), null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + table.recordClass(), e);
    }
  }

  Object convert(Column c, Object raw) {
    if (raw == null) {
      return null;
    }
    if (raw instanceof Map || raw instanceof java.util.List) {
      throw new IllegalArgumentException("expected " + c.type() + ", got a JSON "
          + (raw instanceof Map ? "object" : "array"));
    }
    switch (c.type()) {
      case STRING:
        if (!(raw instanceof String s)) {
          throw new IllegalArgumentException("expected STRING, got " + describe(raw));
        }
        return s;
      case INT64:
        return toLong(raw);
      case FLOAT64:
        return toDouble(raw);
      case BOOL:
        if (raw instanceof Boolean b) {
          return b;
        }
        if (raw instanceof String s) {
          if (s.equalsIgnoreCase("true")) {
            return true;
          }
          if (s.equalsIgnoreCase("false")) {
            return false;
          }
        }
        throw new IllegalArgumentException("expected BOOL, got " + describe(raw));
      case DATE:
        if (raw instanceof String s) {
          LocalDate d = s.length() == 10 ? dates.get(s, RowParser::parseDate) : null;
          if (d != null) {
            return d;
          }
        }
        throw new IllegalArgumentException("expected DATE YYYY-MM-DD, got " + describe(raw));
      case TIMESTAMP:
        if (raw instanceof String s) {
          Instant t = timestamps.get(s, RowParser::parseTimestamp);
          if (t != null) {
            return t;
          }
        }
        throw new IllegalArgumentException("expected TIMESTAMP, got " + describe(raw));
      default:
        throw new IllegalStateException();
    }
  }

  private static String describe(Object raw) {
    String s = String.valueOf(raw);
    if (s.length() > 40) {
      s = s.substring(0, 40) + "...";
    }
    return (raw instanceof String ? "\"" + s + "\"" : s);
  }

  private static Long toLong(Object raw) {
    BigDecimal d = toDecimal(raw, "INT64");
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("expected INT64, got " + describe(raw));
    }
  }

  private static Double toDouble(Object raw) {
    double d = toDecimal(raw, "FLOAT64").doubleValue();
    if (Double.isInfinite(d)) {
      throw new IllegalArgumentException("FLOAT64 out of range: " + describe(raw));
    }
    return d;
  }

  private static BigDecimal toDecimal(Object raw, String type) {
    if (raw instanceof BigDecimal d) {
      return d;
    }
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      return BigDecimal.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof java.math.BigInteger b) {
      return new BigDecimal(b);
    }
    if (raw instanceof Double || raw instanceof Float) {
      double v = ((Number) raw).doubleValue();
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("expected " + type + ", got " + v);
      }
      return BigDecimal.valueOf(v);
    }
    if (raw instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected " + type + ", got " + describe(raw));
      }
    }
    throw new IllegalArgumentException("expected " + type + ", got " + describe(raw));
  }

  /**
   * The one timestamp form of the data contract: {@code YYYY-MM-DD}, {@code T} or a space, {@code
   * HH:MM[:SS[.fraction]]}, then an optional {@code " UTC"} and an optional offset ({@code Z},
   * {@code +HH}, {@code +HH:MM}); no offset means UTC. Covers ISO-8601 and BigQuery's text form.
   */
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .appendPattern("[ ]['T']HH:mm[:ss]")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
      .optionalStart().appendLiteral(" UTC").optionalEnd()
      .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  /** A calendar date {@code YYYY-MM-DD}, or null when it is not one. */
  static LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Parsed values of recently seen texts (a table holds a few hundred distinct dates and snapshot
   * times; parsing each of them once instead of once per row halves the read stage). A parse is a
   * pure function of the text, so the cache cannot change a value; it is emptied when full.
   */
  private static final class ParseCache<V> {
    private static final int MAX = 4096;
    private final Map<String, Optional<V>> values = new HashMap<>();

    V get(String text, Function<String, V> parse) {
      Optional<V> v = values.get(text);
      if (v == null) {
        if (values.size() >= MAX) {
          values.clear();
        }
        v = Optional.ofNullable(parse.apply(text));
        values.put(text, v);
      }
      return v.orElse(null);
    }
  }

  /** A timestamp in {@link #TIMESTAMP}'s form, or null when it is not one. */
  public static Instant parseTimestamp(String s) {
    try {
      TemporalAccessor t = TIMESTAMP.parseBest(s.trim(), OffsetDateTime::from,
          LocalDateTime::from);
      return t instanceof OffsetDateTime o ? o.toInstant()
          : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
