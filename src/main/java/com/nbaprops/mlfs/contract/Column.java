package com.nbaprops.mlfs.contract;

import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import java.io.Serializable;
import java.util.List;

/**
 * One column of an output table, declared once: its name, BigQuery type and mode, and how its value
 * is read from the table's typed row. The BigQuery schema, the NDJSON line and the {@code TableRow}
 * are all derived from these declarations ({@link OutputTable}).
 *
 * <p>Values are JSON-ready: text, {@code Boolean}, whole numbers, {@code Double} (or {@code
 * BigDecimal}) for FLOAT64, written as plain decimal text ({@link
 * com.nbaprops.mlfs.util.Decimals#plainText}), ISO strings for DATE and TIMESTAMP, {@code List}s
 * for REPEATED columns and, for RECORD columns, the nested row that {@link #fields()} read.
 *
 * @param <T> the typed row the value is read from
 */
public record Column<T>(String name, Type type, Mode mode, List<Column<?>> fields,
    Value<T> value, List<String> digestOf, RowValue<T> textKey) implements Serializable {

  public Column(String name, Type type, Mode mode, List<Column<?>> fields, Value<T> value) {
    this(name, type, mode, fields, value, List.of(), null);
  }

  /**
   * This column, declared a pure function of {@code key} of the row: the NDJSON writer renders a
   * run of consecutive columns with the same key function once per distinct key and copies that
   * text into the rows after it ({@link OutputTable}): never a run-level value (run id, time).
   * The values and the schema do not change.
   */
  public Column<T> sameTextPer(RowValue<T> key) {
    return new Column<>(name, type, mode, fields, value, digestOf, key);
  }

  /** Whether this column is the hex SHA-256 of other columns' values (see {@link #digest}). */
  public boolean isDigest() {
    return !digestOf.isEmpty();
  }

  public enum Type { STRING, INT64, FLOAT64, BOOL, DATE, TIMESTAMP, RECORD }

  public enum Mode { NULLABLE, REQUIRED, REPEATED }

  /** Reads a column's value from a row; run-level columns read the run's stamp. */
  @FunctionalInterface
  public interface Value<T> extends Serializable {
    Object get(T row, RunStamp stamp);
  }

  /** Reads a column's value from the row alone. */
  @FunctionalInterface
  public interface RowValue<T> extends Serializable {
    Object get(T row);
  }

  public static <T> Column<T> nullable(String name, Type type, RowValue<T> value) {
    return new Column<>(name, type, Mode.NULLABLE, List.of(), (r, s) -> value.get(r));
  }

  public static <T> Column<T> required(String name, Type type, RowValue<T> value) {
    return new Column<>(name, type, Mode.REQUIRED, List.of(), (r, s) -> value.get(r));
  }

  public static <T> Column<T> repeated(String name, Type type, RowValue<T> value) {
    return new Column<>(name, type, Mode.REPEATED, List.of(), (r, s) -> value.get(r));
  }

  /** The {@code run_id} column: the id of the run that wrote the row. */
  public static <T> Column<T> runId() {
    return new Column<>("run_id", Type.STRING, Mode.NULLABLE, List.of(), (r, s) -> s.runId());
  }

  /** A TIMESTAMP column holding the time the run stamped on its rows. */
  public static <T> Column<T> runTime(String name) {
    return new Column<>(name, Type.TIMESTAMP, Mode.NULLABLE, List.of(),
        (r, s) -> s.createdAt());
  }

  /**
   * A STRING column holding the hex SHA-256 of the canonical JSON object of the named columns (in
   * that order), which must come before it; {@link OutputTable} computes it from their values.
   */
  public static <T> Column<T> digest(String name, List<String> of) {
    return new Column<>(name, Type.STRING, Mode.NULLABLE, List.of(), (r, s) -> {
      throw new IllegalStateException(name + " is computed by its table");
    }, List.copyOf(of), null);
  }

  /** A nullable RECORD column: {@code value} gives the nested row, {@code fields} read it. */
  public static <T, N> Column<T> record(String name, RowValue<T> value, List<Column<N>> fields) {
    return new Column<>(name, Type.RECORD, Mode.NULLABLE, List.copyOf(fields),
        (r, s) -> value.get(r));
  }

  /** A REPEATED RECORD column: {@code value} gives the list of nested rows, {@code fields} read each. */
  public static <T, N> Column<T> repeatedRecord(String name, RowValue<T> value,
      List<Column<N>> fields) {
    return new Column<>(name, Type.RECORD, Mode.REPEATED, List.copyOf(fields),
        (r, s) -> value.get(r));
  }

  /** Whether this column holds nested rows (one, or a list of them). */
  public boolean isRecord() {
    return type == Type.RECORD;
  }
}
