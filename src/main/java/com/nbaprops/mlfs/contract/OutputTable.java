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
   * Per column: its quoted name, encoded once, and the positions of the columns it digests (empty
   * for other columns).
   */
  private record Prepared(SerializedString[] names, int[][] digestInputs) {}

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
      p = new Prepared(n, inputs);
      prepared = p;
    }
    return p;
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
    Object[] values = compute(row, stamp, false);
    int[] from = new int[values.length];
    int[] to = new int[values.length];
    try (JsonGenerator g = generator(line)) {
      g.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        Column<T> c = columns.get(i);
        // Positions in the line: what the buffer holds plus what the generator still buffers. A
        // field's text starts at its name (after the separating comma of the fields before it).
        from[i] = line.size() + g.getOutputBuffered() + (i == 0 ? 0 : 1);
        g.writeFieldName(p.names()[i]);
        if (c.isDigest()) {
          g.flush(); // the hashed fields' bytes into the line
          g.writeString(digest(line.bytes(), from, to, p.digestInputs()[i]));
        } else {
          writeValue(g, nested(c, values[i], stamp));
        }
        to[i] = line.size() + g.getOutputBuffered();
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

  /** The row's values by column name, in column order; RECORD columns as nested maps. */
  public Map<String, Object> values(T row, RunStamp stamp) {
    Object[] values = compute(row, stamp, true);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      Column<T> c = columns.get(i);
      out.put(c.name(), nested(c, values[i], stamp));
    }
    return out;
  }

  /**
   * Each top-level column's value, read once; digest columns from the values before them (when
   * {@code digests}; the NDJSON writer hashes the text it wrote instead).
   */
  private Object[] compute(T row, RunStamp stamp, boolean digests) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Column<T> c = columns.get(i);
      if (c.isDigest()) {
        if (!digests) {
          continue;
        }
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

  /**
   * {@link #digest(Map)} of fields already written to a line: the canonical object is the text of
   * those fields ({@code "name":value}, as the same generator wrote them) joined by commas in
   * braces, so the text is hashed as written instead of rendered a second time.
   */
  private static String digest(byte[] line, int[] from, int[] to, int[] fields) {
    MessageDigest sha = sha256();
    sha.update((byte) '{');
    for (int k = 0; k < fields.length; k++) {
      if (k > 0) {
        sha.update((byte) ',');
      }
      sha.update(line, from[fields[k]], to[fields[k]] - from[fields[k]]);
    }
    sha.update((byte) '}');
    return HexFormat.of().formatHex(sha.digest());
  }

  /** One SHA-256 per thread (a provider lookup per row cost more than the hash of a short row). */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  });

  private static MessageDigest sha256() {
    MessageDigest sha = SHA256.get();
    sha.reset();
    return sha;
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

  /** Hex SHA-256 of the values as one canonical JSON object (keys in the given order). */
  private static String digest(Map<String, Object> key) {
    MessageDigest sha = sha256();
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
