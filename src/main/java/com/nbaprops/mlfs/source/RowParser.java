package com.nbaprops.mlfs.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.nbaprops.mlfs.source.SourceTable.Column;
import com.nbaprops.mlfs.util.Decimals;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
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
  private final Map<String, Column> byName = new HashMap<>();
  private final ParseCache<LocalDate> dates = new ParseCache<>();
  private final ParseCache<Instant> timestamps = new ParseCache<>();

  public RowParser(SourceTable<T> table) {
    this.table = table;
    for (Column c : table.columns()) {
      byName.put(c.name(), c);
    }
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
      String error = check(c, v);
      if (error != null) {
        return new Result<>(null, error);
      }
      values[c.index()] = v;
    }
    return new Result<>(construct(values), null);
  }

  /** What the data contract says against value {@code v} of column {@code c}, or null. */
  private String check(Column c, Object v) {
    if ((v == null || (v instanceof String s && s.isEmpty()))
        && table.keyColumns().contains(c.name())) {
      return "key column " + c.name() + " is " + (v == null ? "NULL" : "empty");
    }
    if (v != null && table.nonNegativeColumns().contains(c.name())
        && ((Number) v).doubleValue() < 0) {
      return "column " + c.name() + ": negative value " + v;
    }
    return null;
  }

  private T construct(Object[] values) {
    try {
      return ctor.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + table.recordClass(), e);
    }
  }

  /**
   * The record of one NDJSON line given as UTF-8 bytes {@code b[off, off + len)}, read token by
   * token straight into the record's components (no map, no {@code BigDecimal} per number), or
   * null when the line is not a valid row in the usual shape: malformed JSON, a value of another
   * JSON type than its column's usual one, a number out of the plain range, or a row that {@link
   * #parse} would refuse. The caller then takes the general path ({@link #parse} of the line's
   * map), which gives the same record for every line this method accepts (tested value by value)
   * and the row's error for the others.
   */
  public T parseBytes(byte[] b, int off, int len) {
    if (!startsObject(b, off, len)) {
      return null; // (Jackson itself would skip a byte-order mark, which the text path refuses)
    }
    Object[] values = new Object[table.columns().size()];
    try (JsonParser p = JSON.createParser(b, off, len)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        Column c = byName.get(p.currentName());
        JsonToken token = p.nextToken();
        if (c == null) {
          p.skipChildren(); // a column the table does not use
          continue;
        }
        Object v = typed(c, token, p);
        if (v == UNUSUAL) {
          return null;
        }
        values[c.index()] = v;
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    for (Column c : table.columns()) {
      if (check(c, values[c.index()]) != null) {
        return null;
      }
    }
    return construct(values);
  }

  /** Whether UTF-8 bytes {@code b[off, off + len)} are a JSON object after ASCII blanks. */
  static boolean startsObject(byte[] b, int off, int len) {
    int i = off;
    while (i < off + len && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i < off + len && b[i] == '{';
  }

  /** Marks a value {@link #parseBytes} leaves to the general path. */
  private static final Object UNUSUAL = new Object();
  private static final JsonFactory JSON = Json.mapper().getFactory();

  /** The value {@link #convert} gives for the usual JSON types of a column, else UNUSUAL. */
  private Object typed(Column c, JsonToken token, JsonParser p) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    switch (c.type()) {
      case STRING:
        return token == JsonToken.VALUE_STRING ? p.getText() : UNUSUAL;
      case INT64:
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != NumberType.BIG_INTEGER) {
          return p.getLongValue();
        }
        return UNUSUAL;
      case FLOAT64:
        return typedDouble(token, p);
      case BOOL:
        return token == JsonToken.VALUE_TRUE ? Boolean.TRUE
            : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : UNUSUAL;
      case DATE:
        if (token == JsonToken.VALUE_STRING && p.getTextLength() == 10) {
          LocalDate d = dates.get(p.getText(), RowParser::parseDate);
          return d == null ? UNUSUAL : d;
        }
        return UNUSUAL;
      case TIMESTAMP:
        if (token == JsonToken.VALUE_STRING) {
          Instant i = timestamps.get(p.getText(), RowParser::parseTimestamp);
          return i == null ? UNUSUAL : i;
        }
        return UNUSUAL;
      default:
        return UNUSUAL;
    }
  }

  /**
   * A JSON number as {@link #toDouble} reads it: the general path takes the text's exact decimal
   * value to the nearest double, which {@link Double#parseDouble} also gives (both round
   * correctly), except for the sign of a zero, so zeros take the general path's arithmetic.
   */
  private static Object typedDouble(JsonToken token, JsonParser p) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != NumberType.BIG_INTEGER) {
      return (double) p.getLongValue();
    }
    if (token != JsonToken.VALUE_NUMBER_FLOAT) {
      return UNUSUAL;
    }
    double plain = Decimals.plainDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (!Double.isNaN(plain)) {
      return plain;
    }
    String text = p.getText();
    double d = Double.parseDouble(text);
    if (d == 0) {
      d = new BigDecimal(text).doubleValue();
    }
    return Double.isFinite(d) ? d : UNUSUAL;
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
