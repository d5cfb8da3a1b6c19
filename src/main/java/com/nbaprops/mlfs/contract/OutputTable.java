package com.nbaprops.mlfs.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
public final class OutputTable<T> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final String dataset;
  private final String name;
  private final List<Column<T>> columns;
  private final String partitionField;
  private final List<String> clustering;
  /** Built on first use, also after the table was decoded on a worker. */
  private transient volatile Prepared prepared;

  /**
   * Per column: its quoted name, encoded once, the positions of the columns it digests (empty for
   * other columns), and where a run of columns with one {@link Column#textKey()} starts, the
   * position after its last column (else -1).
   */
  private record Prepared(SerializedString[] names, int[][] digestInputs, int[] segmentEnd) {}

  /**
   * The text of a run of same-key columns as one row wrote it, from the comma before its first
   * field, and each field's start and end in that text.
   */
  private record Segment(byte[] text, int[] from, int[] to) {}

  /** Rendered runs by key (one map per table; texts are the same whichever thread wrote them). */
  private transient volatile Map<Object, Segment> segments;
  private static final int MAX_SEGMENTS = 20_000;

  public OutputTable(String dataset, String name, List<Column<T>> columns, String partitionField,
      List<String> clustering) {
    this.dataset = dataset;
    this.name = name;
    this.columns = List.copyOf(columns);
    this.partitionField = partitionField;
    this.clustering = List.copyOf(clustering);
    for (int i = 0; i < this.columns.size(); i++) {
      for (String d : this.columns.get(i).digestOf()) {
        if (!this.columns.subList(0, i).stream().anyMatch(c -> c.name().equals(d))) {
          throw new IllegalArgumentException(name + "." + this.columns.get(i).name()
              + " digests " + d + ", which is not an earlier column");
        }
      }
    }
  }

  public String dataset() {
    return dataset;
  }

  public String name() {
    return name;
  }

  public List<Column<T>> columns() {
    return columns;
  }

  public String partitionField() {
    return partitionField;
  }

  public List<String> clustering() {
    return clustering;
  }

  /** The prepared names and digest inputs (built once per table instance, also after decoding). */
  private Prepared prepare() {
    Prepared p = prepared;
    if (p == null) {
      int[][] inputs = new int[columns.size()][];
      SerializedString[] n = new SerializedString[columns.size()];
      for (int i = 0; i < n.length; i++) {
        Column<T> c = columns.get(i);
        n[i] = new SerializedString(c.name());
        inputs[i] = new int[c.digestOf().size()];
        for (int k = 0; k < inputs[i].length; k++) {
          inputs[i][k] = index(c.digestOf().get(k));
        }
      }
      p = new Prepared(n, inputs, segmentEnds());
      prepared = p;
    }
    return p;
  }

  /** Per column, the end of the run of same-key columns it starts, else -1. */
  private int[] segmentEnds() {
    int[] end = new int[columns.size()];
    java.util.Arrays.fill(end, -1);
    for (int i = 0; i < end.length; i++) {
      Column.RowValue<T> key = columns.get(i).textKey();
      if (key == null || (i > 0 && columns.get(i - 1).textKey() == key)) {
        continue;
      }
      int j = i;
      while (j < end.length && columns.get(j).textKey() == key) {
        if (columns.get(j).isDigest()) {
          throw new IllegalArgumentException(name + "." + columns.get(j).name()
              + ": a digest column cannot be copied text");
        }
        j++;
      }
      if (i == 0) {
        throw new IllegalArgumentException(name + ": a run of copied text cannot start the row");
      }
      end[i] = j;
    }
    return end;
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
    Buffer out = new Buffer();
    writeJson(row, stamp, out);
    return out.toByteArray();
  }

  /**
   * Writes rows as NDJSON lines to one stream through one reused line buffer (no array per row).
   * Not thread-safe: one per writing thread.
   */
  public final class LineWriter {
    private final Buffer line = new Buffer();
    private final RunStamp stamp;

    LineWriter(RunStamp stamp) {
      this.stamp = stamp;
    }

    /** The row's line and its newline. */
    public void write(T row, OutputStream out) throws IOException {
      line.reset();
      writeJson(row, stamp, line);
      line.write('\n');
      line.writeTo(out);
    }
  }

  /** A {@link LineWriter} for rows stamped with {@code stamp}. */
  public LineWriter lineWriter(RunStamp stamp) {
    return new LineWriter(stamp);
  }

  /** Writes {@link #toJson}'s object as UTF-8 to {@code out}. */
  public void writeJson(T row, RunStamp stamp, OutputStream out) {
    Prepared p = prepare();
    Buffer line = out instanceof Buffer b ? b : new Buffer();
    Object[] values = new Object[columns.size()];
    int[] from = new int[values.length];
    int[] to = new int[values.length];
    try (JsonGenerator g = JsonText.generator(line)) {
      g.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        if (p.segmentEnd()[i] > 0) {
          i = writeSegment(row, stamp, g, line, i, p.segmentEnd()[i], values, from, to) - 1;
          continue;
        }
        writeField(row, stamp, g, line, i, values, from, to);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a " + name + " row", e);
    }
    if (line != out) {
      try {
        line.writeTo(out);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a " + name + " row", e);
      }
    }
  }

  /** Writes column {@code i}'s field, recording where its text starts and ends in the line. */
  private void writeField(T row, RunStamp stamp, JsonGenerator g, Buffer line, int i,
      Object[] values, int[] from, int[] to) throws IOException {
    Column<T> c = columns.get(i);
    // Positions in the line: what the buffer holds plus what the generator still buffers. A
    // field's text starts at its name (after the separating comma of the fields before it).
    from[i] = line.size() + g.getOutputBuffered() + (i == 0 ? 0 : 1);
    g.writeFieldName(prepare().names()[i]);
    if (c.isDigest()) {
      g.flush(); // the hashed fields' bytes into the line
      g.writeString(JsonText.digest(line.bytes(), from, to, prepare().digestInputs()[i]));
    } else {
      values[i] = c.value().get(row, stamp);
      JsonText.writeValue(g, nested(c, values[i], stamp));
    }
    to[i] = line.size() + g.getOutputBuffered();
  }

  /**
   * Columns [first, end), which share a text key: their text copied from the first row with the
   * same key, or written and kept. Returns {@code end}.
   */
  private int writeSegment(T row, RunStamp stamp, JsonGenerator g, Buffer line, int first,
      int end, Object[] values, int[] from, int[] to) throws IOException {
    Map<Object, Segment> cache = segments;
    if (cache == null) {
      cache = new ConcurrentHashMap<>();
      segments = cache;
    }
    Object key = columns.get(first).textKey().get(row);
    Segment seg = cache.get(key);
    g.flush();
    int base = line.size();
    if (seg != null) {
      line.write(seg.text(), 0, seg.text().length);
      for (int i = first; i < end; i++) {
        from[i] = base + seg.from()[i - first];
        to[i] = base + seg.to()[i - first];
      }
      return end;
    }
    for (int i = first; i < end; i++) {
      writeField(row, stamp, g, line, i, values, from, to);
    }
    g.flush();
    int[] f = new int[end - first];
    int[] t = new int[end - first];
    for (int i = first; i < end; i++) {
      f[i - first] = from[i] - base;
      t[i - first] = to[i] - base;
    }
    if (cache.size() >= MAX_SEGMENTS) {
      cache.clear();
    }
    cache.put(key, new Segment(java.util.Arrays.copyOfRange(line.bytes(), base, line.size()), f,
        t));
    return end;
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

  /**
   * Each top-level column's value, read once; digest columns from the values before them (the
   * NDJSON writer hashes the text it wrote instead).
   */
  private Object[] compute(T row, RunStamp stamp) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Column<T> c = columns.get(i);
      if (c.isDigest()) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String n : c.digestOf()) {
          key.put(n, values[index(n)]);
        }
        values[i] = JsonText.digest(key);
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

  /** A byte buffer whose bytes can be read in place. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(4096);
    }

    byte[] bytes() {
      return buf;
    }
  }
}
