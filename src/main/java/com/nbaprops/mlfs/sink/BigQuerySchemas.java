package com.nbaprops.mlfs.sink;

import com.google.api.services.bigquery.model.Clustering;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableRow;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.api.services.bigquery.model.TimePartitioning;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.contract.OutputSchema.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BigQuery schemas and rows derived from {@link OutputSchema}: nothing is written twice. */
public final class BigQuerySchemas {
  private BigQuerySchemas() {}

  public static TableSchema schema(OutputSchema.Table table) {
    return new TableSchema().setFields(fields(table.fields()));
  }

  private static List<TableFieldSchema> fields(List<Field> fields) {
    List<TableFieldSchema> out = new ArrayList<>();
    for (Field f : fields) {
      TableFieldSchema s = new TableFieldSchema().setName(f.name()).setType(f.type().name())
          .setMode(f.mode().name());
      if (f.type() == OutputSchema.Type.RECORD) {
        s.setFields(fields(f.fields()));
      }
      out.add(s);
    }
    return out;
  }

  /** Day partitioning on the table's partition column, or null for unpartitioned tables. */
  public static TimePartitioning partitioning(OutputSchema.Table table) {
    return table.partitionField() == null ? null
        : new TimePartitioning().setType("DAY").setField(table.partitionField());
  }

  public static Clustering clustering(OutputSchema.Table table) {
    return table.clustering().isEmpty() ? null : new Clustering().setFields(table.clustering());
  }

  /** A row map (as rendered for the NDJSON files) as a TableRow; nested maps become records. */
  @SuppressWarnings("unchecked")
  public static TableRow toTableRow(Map<String, Object> row) {
    TableRow t = new TableRow();
    row.forEach((k, v) -> t.set(k, v instanceof Map<?, ?> m
        ? toTableRow((Map<String, Object>) m) : v instanceof java.math.BigDecimal d
            ? d.doubleValue() : v instanceof List<?> l ? convertList(l) : v));
    return t;
  }

  private static List<Object> convertList(List<?> l) {
    List<Object> out = new ArrayList<>(l.size());
    for (Object o : l) {
      out.add(o instanceof java.math.BigDecimal d ? d.doubleValue() : o);
    }
    return out;
  }
}
