package com.nbaprops.mlfs.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An output table: where it lives, its columns in output order, its partition and clustering. The
 * only place a table's columns exist; {@link #toJson} writes the NDJSON line and {@link #values} the
 * ordered value map (which the BigQuery sink turns into a {@code TableRow}) from the same list.
 *
 * @param <T> the typed row of the table
 */
public record OutputTable<T>(String dataset, String name, List<Column<T>> columns,
    String partitionField, List<String> clustering) implements Serializable {

  public OutputTable {
    columns = List.copyOf(columns);
    clustering = List.copyOf(clustering);
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  public Column<T> column(String columnName) {
    for (Column<T> c : columns) {
      if (c.name().equals(columnName)) {
        return c;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + columnName);
  }

  /** The row as one JSON object in column order (one NDJSON line, without its newline). */
  public String toJson(T row, RunStamp stamp) {
    StringWriter w = new StringWriter(1024);
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(w)) {
      g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      writeObject(g, columns, row, stamp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a " + name + " row", e);
    }
    return w.toString();
  }

  /** The row's values by column name, in column order; RECORD columns as nested maps. */
  public Map<String, Object> values(T row, RunStamp stamp) {
    return valueMap(columns, row, stamp);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, Object> valueMap(List<? extends Column> cols, Object row,
      RunStamp stamp) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column c : cols) {
      Object v = c.value().get(row, stamp);
      out.put(c.name(), c.type() == Column.Type.RECORD && v != null
          ? valueMap(c.fields(), v, stamp) : v);
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void writeObject(JsonGenerator g, List<? extends Column> cols, Object row,
      RunStamp stamp) throws IOException {
    g.writeStartObject();
    for (Column c : cols) {
      g.writeFieldName(c.name());
      Object v = c.value().get(row, stamp);
      if (c.type() == Column.Type.RECORD && v != null) {
        writeObject(g, c.fields(), v, stamp);
      } else {
        writeValue(g, v);
      }
    }
    g.writeEndObject();
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
      g.writeNumber(x);
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        writeValue(g, o);
      }
      g.writeEndArray();
    } else {
      throw new IllegalStateException("unexpected column value type " + v.getClass().getName());
    }
  }
}
