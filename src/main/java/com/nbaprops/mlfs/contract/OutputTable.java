package com.nbaprops.mlfs.contract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.util.Decimals;
import com.nbaprops.mlfs.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output table: where it lives, its columns in output order, its partition and clustering. The
 * only place a table's columns exist; {@link #toJson} writes the NDJSON line and {@link #values} the
 * ordered value map (which the BigQuery sink turns into a {@code TableRow}) from the same list. Each
 * column's value is read once per row; digest columns are computed from those values.
 *
 * @param <T> the typed row of the table
 */
public record OutputTable<T>(String dataset, String name, List<Column<T>> columns,
    String partitionField, List<String> clustering) implements Serializable {

  public OutputTable {
    columns = List.copyOf(columns);
    clustering = List.copyOf(clustering);
    for (int i = 0; i < columns.size(); i++) {
      for (String d : columns.get(i).digestOf()) {
        if (!columns.subList(0, i).stream().anyMatch(c -> c.name().equals(d))) {
          throw new IllegalArgumentException(name + "." + columns.get(i).name()
              + " digests " + d + ", which is not an earlier column");
        }
      }
    }
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The row as one JSON object in column order (one NDJSON line, without its newline). */
  public String toJson(T row, RunStamp stamp) {
    return new String(toJsonBytes(row, stamp), StandardCharsets.UTF_8);
  }

  /** {@link #toJson} as UTF-8 bytes. */
  public byte[] toJsonBytes(T row, RunStamp stamp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    writeJson(row, stamp, out);
    return out.toByteArray();
  }

  /** Writes {@link #toJson}'s object as UTF-8 to {@code out}. */
  public void writeJson(T row, RunStamp stamp, OutputStream out) {
    Object[] values = compute(row, stamp);
    try (JsonGenerator g = generator(out)) {
      g.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        Column<T> c = columns.get(i);
        g.writeFieldName(fieldName(c.name()));
        writeValue(g, nested(c, values[i], stamp));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a " + name + " row", e);
    }
  }

  /** The row's values by column name, in column order; RECORD columns as nested maps. */
  public Map<String, Object> values(T row, RunStamp stamp) {
    Object[] values = compute(row, stamp);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      Column<T> c = columns.get(i);
      out.put(c.name(), nested(c, values[i], stamp));
    }
    return out;
  }

  /** Each top-level column's value, read once; digest columns from the values before them. */
  private Object[] compute(T row, RunStamp stamp) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Column<T> c = columns.get(i);
      if (c.isDigest()) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String n : c.digestOf()) {
          key.put(n, values[index(n)]);
        }
        values[i] = digest(key);
      } else {
        values[i] = c.value().get(row, stamp);
      }
    }
    return values;
  }

  private int index(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + column);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Object> valueMap(List<? extends Column> cols, Object row,
      RunStamp stamp) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column c : cols) {
      out.put(c.name(), nested(c, c.value().get(row, stamp), stamp));
    }
    return out;
  }

  /** A RECORD column's value as a map of its fields (a list of them when REPEATED). */
  private static Object nested(Column<?> c, Object v, RunStamp stamp) {
    if (!c.isRecord() || v == null) {
      return v;
    }
    if (c.mode() == Column.Mode.REPEATED) {
      List<Object> rows = new java.util.ArrayList<>();
      for (Object o : (List<?>) v) {
        rows.add(valueMap(c.fields(), o, stamp));
      }
      return rows;
    }
    return valueMap(c.fields(), v, stamp);
  }

  /** Hex SHA-256 of the values as one canonical JSON object (keys in the given order). */
  private static String digest(Map<String, Object> key) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    try (JsonGenerator g = generator(new DigestOutputStream(OutputStream.nullOutputStream(),
        sha))) {
      writeValue(g, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Column and field names, quoted and encoded once (there are a few hundred). */
  private static final Map<String, SerializedString> NAMES = new ConcurrentHashMap<>();

  private static SerializedString fieldName(String name) {
    return NAMES.computeIfAbsent(name, SerializedString::new);
  }

  private static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator g = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
    g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    return g;
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double x) {
      g.writeNumber(Decimals.plainText(x));
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(fieldName((String) e.getKey()));
        writeValue(g, e.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalStateException("unexpected column value type " + v.getClass().getName());
    }
  }
}
