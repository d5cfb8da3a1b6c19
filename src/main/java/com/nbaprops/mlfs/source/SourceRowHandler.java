package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.model.DeadLetter;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn.MultiOutputReceiver;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What every source does with one row, whatever it was read from: parse it, count it, send it to
 * the dead letters with its location and reason, or drop it (counted) when outside the table's
 * read window, else emit the record. Used inside the readers' DoFns.
 */
final class SourceRowHandler<T extends Record> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final SourceTable<T> table;
  private final LocalDate from;
  private final LocalDate to;
  private final TupleTag<DeadLetter> deadTag;
  private final Counter rowsRead;
  private final Counter deadLetters;
  private final Counter outside;
  private transient RowParser<T> parser;

  SourceRowHandler(SourceTable<T> table, LocalDate from, LocalDate to,
      TupleTag<DeadLetter> deadTag) {
    this.table = table;
    this.from = from;
    this.to = to;
    this.deadTag = deadTag;
    this.rowsRead = Metrics.counter(MetricNames.NAMESPACE, MetricNames.rowsRead(table.name()));
    this.deadLetters =
        Metrics.counter(MetricNames.NAMESPACE, MetricNames.deadLetters(table.name()));
    this.outside = Metrics.counter(MetricNames.NAMESPACE, MetricNames.outsideWindow(table.name()));
  }

  /** A row that could not even be read as a row (malformed line). */
  void dead(MultiOutputReceiver out, String raw, String error) {
    deadLetters.inc();
    out.get(deadTag).output(new DeadLetter(table.name(), raw, error));
  }

  /** Rows dated outside the read window, recognised before they were parsed: counted, dropped. */
  void outsideWindow(long rows) {
    if (rows > 0) {
      rowsRead.inc(rows);
      outside.inc(rows);
    }
  }

  /** Handles one row given as column → value; {@code where} prefixes any error. */
  void handle(Map<String, Object> row, String raw, String where, MultiOutputReceiver out) {
    handle(row, () -> raw, where, out);
  }

  /** {@link #handle}, with the raw row's text made only when the row is a dead letter. */
  void handle(Map<String, Object> row, Supplier<String> raw, String where,
      MultiOutputReceiver out) {
    RowParser.Result<T> r = parser().parse(row);
    if (!r.ok()) {
      dead(out, raw.get(), where + ": " + r.error());
      return;
    }
    accept(r.record(), out);
  }

  /**
   * A valid row in the usual shape, read from its UTF-8 bytes ({@link RowParser#parseBytes}):
   * true when done, false (nothing done) when the line must take the general path.
   */
  boolean handleBytes(byte[] b, int off, int len, MultiOutputReceiver out) {
    T record = parser().parseBytes(b, off, len);
    if (record == null) {
      return false;
    }
    accept(record, out);
    return true;
  }

  private RowParser<T> parser() {
    if (parser == null) {
      parser = new RowParser<>(table);
    }
    return parser;
  }

  private void accept(T record, MultiOutputReceiver out) {
    rowsRead.inc();
    LocalDate d = table.dateOf(record);
    if (d.isBefore(from) || d.isAfter(to)) {
      outside.inc();
      return;
    }
    out.get(table.tag()).output(record);
  }
}
