package com.nbaprops.mlfs.sink;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import com.nbaprops.mlfs.contract.Column;
import com.nbaprops.mlfs.contract.OutputTable;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.util.Decimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BigQuery schemas and rows derived from an {@link OutputTable}'s column declarations. */
public final class BigQuerySchemas {
  private BigQuerySchemas() {}

  public static TableSchema schema(OutputTable<?> table) {
    return new TableSchema().setFields(fields(table.columns()));
  }

  private static List<TableFieldSchema> fields(List<? extends Column<?>> columns) {
    List<TableFieldSchema> out = new ArrayList<>();
    for (Column<?> c : columns) {
      TableFieldSchema s = new TableFieldSchema().setName(c.name()).setType(c.type().name())
          .setMode(c.mode().name());
      if (c.type() == Column.Type.RECORD) {
        s.setFields(fields(c.fields()));
      }
      out.add(s);
    }
    return out;
  }

  /** Day partitioning on the table's partition column, or null for unpartitioned tables. */
  public static TimePartitioning partitioning(OutputTable<?> table) {
    return table.partitionField() == null ? null
        : new TimePartitioning().setType("DAY").setField(table.partitionField());
  }

  public static Clustering clustering(OutputTable<?> table) {
    return table.clustering().isEmpty() ? null : new Clustering().setFields(table.clustering());
  }

  /** One typed row as a TableRow: FLOAT64 values as doubles, RECORD columns as nested rows. */
  public static <T> TableRow toTableRow(OutputTable<T> table, T row, RunStamp stamp) {
    return toTableRow(table.values(row, stamp));
  }

  @SuppressWarnings("unchecked")
  private static TableRow toTableRow(Map<String, Object> values) {
    TableRow t = new TableRow();
    values.forEach((k, v) -> t.set(k, v instanceof Map<?, ?> m
        ? toTableRow((Map<String, Object>) m) : convert(v)));
    return t;
  }

  @SuppressWarnings("unchecked")
  private static Object convert(Object v) {
    if (v instanceof Map<?, ?> m) {
      return toTableRow((Map<String, Object>) m);
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    if (v instanceof Double d) {
      // The value the NDJSON line holds (negative zero is 0.0 there).
      return Decimals.plain(d).doubleValue();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(convert(o));
      }
      return out;
    }
    return v;
  }
}
