package com.nbaprops.mlfs.bigquery;

import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import com.google.cloud.bigquery.storage.v1.AvroRows;
import com.google.cloud.bigquery.storage.v1.AvroSchema;
import com.google.cloud.bigquery.storage.v1.CreateReadSessionRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsRequest;
import com.google.cloud.bigquery.storage.v1.ReadRowsResponse;
import com.google.cloud.bigquery.storage.v1.ReadSession;
import com.google.cloud.bigquery.storage.v1.ReadStream;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamRequest;
import com.google.cloud.bigquery.storage.v1.SplitReadStreamResponse;
import com.google.protobuf.ByteString;
import com.nbaprops.mlfs.source.RowParser;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.source.SourceTable.Column;
import com.nbaprops.mlfs.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.BigQueryServerStream;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices.StorageClient;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;

/**
 * A fake BigQuery Storage Read API: serves the rows of local NDJSON tables as Avro, applies the
 * session's selected fields and its {@code col BETWEEN DATE '…' AND DATE '…'} restriction the way
 * BigQuery would, and records every read-session request so tests can assert what was pushed
 * down. State is static (the fakes are serialized into the pipeline): call {@link #reset()}.
 */
public final class FakeStorageClient implements StorageClient, Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern RESTRICTION = Pattern.compile(
      "^(\\w+) BETWEEN DATE '(\\d{4}-\\d{2}-\\d{2})' AND DATE '(\\d{4}-\\d{2}-\\d{2})'$");

  /** table path (projects/P/datasets/D/tables/T) → rows as parsed JSON. */
  private static final Map<String, List<Map<String, Object>>> TABLES =
      Collections.synchronizedMap(new HashMap<>());
  private static final Map<String, String> TABLE_NAMES = Collections.synchronizedMap(new HashMap<>());
  /** Tables registered with their own schema (nested and repeated fields allowed). */
  private static final Map<String, TableSchema> SCHEMAS = Collections.synchronizedMap(new HashMap<>());
  private static final List<CreateReadSessionRequest> SESSIONS =
      Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, ReadRowsResponse> STREAMS =
      Collections.synchronizedMap(new HashMap<>());

  public static void reset() {
    TABLES.clear();
    TABLE_NAMES.clear();
    SCHEMAS.clear();
    SESSIONS.clear();
    STREAMS.clear();
  }

  public static List<CreateReadSessionRequest> sessions() {
    return new ArrayList<>(SESSIONS);
  }

  /** Registers every table folder of a local league as PROJECT:DATASET.TABLE. */
  public static void loadLeague(Path league, String project, Map<String, String> datasets,
      FakeDatasetService datasetService) throws Exception {
    for (SourceTable<?> t : SourceTable.ALL) {
      String dataset = datasets.get(t.name());
      try {
        datasetService.createDataset(project, dataset, "", "", null);
      } catch (Exception alreadyThere) {
        // one dataset holds several tables
      }
      datasetService.createTable(new Table().setTableReference(new TableReference()
          .setProjectId(project).setDatasetId(dataset).setTableId(t.name()))
          .setSchema(schema(t)).setNumBytes(1000L));
      List<Map<String, Object>> rows = new ArrayList<>();
      Path dir = league.resolve(t.name());
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            for (String line : Files.readAllLines(f)) {
              try {
                rows.add(Json.readObject(line));
              } catch (IOException e) {
                // a line that is not JSON cannot be a BigQuery row
              }
            }
          }
        }
      }
      String path = "projects/" + project + "/datasets/" + dataset + "/tables/" + t.name();
      TABLES.put(path, rows);
      TABLE_NAMES.put(path, t.name());
    }
  }

  /** Registers one table PROJECT:DATASET.TABLE with its schema and rows (JSON maps). */
  public static void registerTable(String project, String dataset, String table, TableSchema schema,
      List<Map<String, Object>> rows, FakeDatasetService datasetService) throws Exception {
    try {
      datasetService.createDataset(project, dataset, "", "", null);
    } catch (Exception alreadyThere) {
      // one dataset holds several tables
    }
    datasetService.createTable(new Table().setTableReference(new TableReference()
        .setProjectId(project).setDatasetId(dataset).setTableId(table)).setSchema(schema)
        .setNumBytes(1000L));
    String path = "projects/" + project + "/datasets/" + dataset + "/tables/" + table;
    TABLES.put(path, new ArrayList<>(rows));
    TABLE_NAMES.put(path, table);
    SCHEMAS.put(path, schema);
  }

  /** A table the fake dataset service holds (e.g. loaded by the sink), served as it is now. */
  private static void fromDatasetService(String path) {
    String[] p = path.split("/");   // projects/P/datasets/D/tables/T
    try {
      FakeDatasetService ds = new FakeDatasetService();
      Table t = ds.getTable(new TableReference().setProjectId(p[1]).setDatasetId(p[3])
          .setTableId(p[5]));
      if (t == null) {
        throw new IllegalArgumentException("no such table " + path);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      for (com.google.api.services.bigquery.model.TableRow r : ds.getAllRows(p[1], p[3], p[5])) {
        rows.add(Json.readObject(Json.write(r)));
      }
      TABLES.put(path, rows);
      SCHEMAS.put(path, t.getSchema());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String avroType(TableFieldSchema f, String path) {
    String base = switch (f.getType()) {
      case "STRING" -> "\"string\"";
      case "INTEGER", "INT64" -> "\"long\"";
      case "FLOAT", "FLOAT64" -> "\"double\"";
      case "BOOLEAN", "BOOL" -> "\"boolean\"";
      case "DATE" -> "{\"type\":\"int\",\"logicalType\":\"date\"}";
      case "TIMESTAMP" -> "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}";
      case "RECORD", "STRUCT" -> {
        StringBuilder sb = new StringBuilder("{\"type\":\"record\",\"name\":\"" + path
            + "\",\"fields\":[");
        boolean first = true;
        for (TableFieldSchema c : f.getFields()) {
          sb.append(first ? "" : ",").append(avroField(c, path + "_" + c.getName()));
          first = false;
        }
        yield sb.append("]}").toString();
      }
      default -> throw new IllegalArgumentException("type " + f.getType());
    };
    return "REPEATED".equals(f.getMode()) ? "{\"type\":\"array\",\"items\":" + base + "}" : base;
  }

  private static String avroField(TableFieldSchema f, String path) {
    String type = avroType(f, path);
    return "{\"name\":\"" + f.getName() + "\",\"type\":"
        + ("REPEATED".equals(f.getMode()) ? type : "[\"null\"," + type + "]") + "}";
  }

  /** A JSON value as Avro holds it for the field; throws when not representable. */
  private static Object avroValue(TableFieldSchema f, Schema schema, Object v, boolean element) {
    if (v == null) {
      return "REPEATED".equals(f.getMode()) && !element ? new ArrayList<>() : null;
    }
    if ("REPEATED".equals(f.getMode()) && !element) {
      Schema items = unwrap(schema).getElementType();
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(avroValue(f, items, e, true));
      }
      return out;
    }
    String s = String.valueOf(v);
    return switch (f.getType()) {
      case "STRING" -> s;
      case "INTEGER", "INT64" -> new java.math.BigDecimal(s).longValueExact();
      case "FLOAT", "FLOAT64" -> Double.parseDouble(s);
      case "BOOLEAN", "BOOL" -> Boolean.valueOf(s);
      case "DATE" -> (int) LocalDate.parse(s).toEpochDay();
      case "TIMESTAMP" -> {
        Instant t = RowParser.parseTimestamp(s);
        yield t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
      }
      case "RECORD", "STRUCT" -> {
        Schema rs = unwrap(schema);
        GenericRecord rec = new GenericData.Record(rs);
        Map<?, ?> m = (Map<?, ?>) v;
        for (TableFieldSchema c : f.getFields()) {
          rec.put(c.getName(), avroValue(c, rs.getField(c.getName()).schema(), m.get(c.getName()),
              false));
        }
        yield rec;
      }
      default -> throw new IllegalArgumentException("type " + f.getType());
    };
  }

  private static Schema unwrap(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      for (Schema t : s.getTypes()) {
        if (t.getType() != Schema.Type.NULL) {
          return t;
        }
      }
    }
    return s;
  }

  private static ReadSession genericSession(String path, List<String> selected, String dateColumn,
      LocalDate from, LocalDate to) {
    TableSchema ts = SCHEMAS.get(path);
    StringBuilder sb = new StringBuilder("{\"type\":\"record\",\"name\":\"Row\",\"fields\":[");
    List<TableFieldSchema> fields = new ArrayList<>();
    for (TableFieldSchema f : ts.getFields()) {
      if (selected.isEmpty() || selected.contains(f.getName())) {
        sb.append(fields.isEmpty() ? "" : ",").append(avroField(f, "r_" + f.getName()));
        fields.add(f);
      }
    }
    Schema schema = new Schema.Parser().parse(sb.append("]}").toString());
    List<GenericRecord> records = new ArrayList<>();
    for (Map<String, Object> row : TABLES.getOrDefault(path, List.of())) {
      Object d = row.get(dateColumn);
      if (d == null || LocalDate.parse(String.valueOf(d)).isBefore(from)
          || LocalDate.parse(String.valueOf(d)).isAfter(to)) {
        continue;
      }
      GenericRecord rec = new GenericData.Record(schema);
      for (TableFieldSchema f : fields) {
        rec.put(f.getName(), avroValue(f, schema.getField(f.getName()).schema(),
            row.get(f.getName()), false));
      }
      records.add(rec);
    }
    return session(schema, records);
  }

  private static ReadSession session(Schema schema, List<GenericRecord> records) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
    GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema);
    try {
      for (GenericRecord r : records) {
        writer.write(r, enc);
      }
      enc.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "session-" + SESSIONS.size();
    ReadSession.Builder session = ReadSession.newBuilder().setName(name)
        .setAvroSchema(AvroSchema.newBuilder().setSchema(schema.toString()));
    if (!records.isEmpty()) {
      String stream = name + "/streams/0";
      STREAMS.put(stream, ReadRowsResponse.newBuilder().setRowCount(records.size()).setAvroRows(
          AvroRows.newBuilder().setSerializedBinaryRows(ByteString.copyFrom(bytes.toByteArray()))
              .setRowCount(records.size())).build());
      session.addStreams(ReadStream.newBuilder().setName(stream));
    }
    return session.build();
  }

  static TableSchema schema(SourceTable<?> t) {
    List<TableFieldSchema> fields = new ArrayList<>();
    for (Column c : t.columns()) {
      String type = switch (c.type()) {
        case STRING -> "STRING";
        case INT64 -> "INTEGER";
        case FLOAT64 -> "FLOAT";
        case BOOL -> "BOOLEAN";
        case DATE -> "DATE";
        case TIMESTAMP -> "TIMESTAMP";
      };
      fields.add(new TableFieldSchema().setName(c.name()).setType(type).setMode("NULLABLE"));
    }
    return new TableSchema().setFields(fields);
  }

  private static Schema avroSchema(SourceTable<?> t, List<String> selected) {
    StringBuilder sb = new StringBuilder("{\"type\":\"record\",\"name\":\"Row\",\"fields\":[");
    boolean first = true;
    for (Column c : t.columns()) {
      if (!selected.isEmpty() && !selected.contains(c.name())) {
        continue;
      }
      String type = switch (c.type()) {
        case STRING -> "\"string\"";
        case INT64 -> "\"long\"";
        case FLOAT64 -> "\"double\"";
        case BOOL -> "\"boolean\"";
        case DATE -> "{\"type\":\"int\",\"logicalType\":\"date\"}";
        case TIMESTAMP -> "{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}";
      };
      sb.append(first ? "" : ",").append("{\"name\":\"").append(c.name())
          .append("\",\"type\":[\"null\",").append(type).append("]}");
      first = false;
    }
    return new Schema.Parser().parse(sb.append("]}").toString());
  }

  /** A JSON value as BigQuery would hold it in the column's type; null if not representable. */
  private static Object typed(Column c, Object v) {
    if (v == null) {
      return null;
    }
    String s = String.valueOf(v);
    return switch (c.type()) {
      case STRING -> v instanceof String ? s : invalid();
      case INT64 -> new java.math.BigDecimal(s).longValueExact();
      case FLOAT64 -> Double.parseDouble(s);
      case BOOL -> v instanceof Boolean b ? b : s.equals("true") ? Boolean.TRUE
          : s.equals("false") ? Boolean.FALSE : invalid();
      case DATE -> (int) LocalDate.parse(s).toEpochDay();
      case TIMESTAMP -> {
        Instant t = RowParser.parseTimestamp(s);
        yield t == null ? invalid() : t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
      }
    };
  }

  private static Object invalid() {
    throw new IllegalArgumentException("not representable");
  }

  @Override
  public ReadSession createReadSession(CreateReadSessionRequest request) {
    SESSIONS.add(request);
    String path = request.getReadSession().getTable();
    if (!TABLE_NAMES.containsKey(path)) {
      fromDatasetService(path);   // read afresh: a later load may have changed it
    }
    if (SCHEMAS.containsKey(path)) {
      Matcher g = RESTRICTION.matcher(
          request.getReadSession().getReadOptions().getRowRestriction());
      if (!g.matches()) {
        throw new IllegalArgumentException("unsupported row restriction");
      }
      return genericSession(path, request.getReadSession().getReadOptions()
          .getSelectedFieldsList(), g.group(1), LocalDate.parse(g.group(2)),
          LocalDate.parse(g.group(3)));
    }
    SourceTable<?> t = SourceTable.ALL.stream()
        .filter(x -> x.name().equals(TABLE_NAMES.get(path))).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such table " + path));
    List<String> selected = request.getReadSession().getReadOptions().getSelectedFieldsList();
    String restriction = request.getReadSession().getReadOptions().getRowRestriction();
    Matcher m = RESTRICTION.matcher(restriction);
    if (!m.matches()) {
      throw new IllegalArgumentException("unsupported row restriction: " + restriction);
    }
    LocalDate from = LocalDate.parse(m.group(2));
    LocalDate to = LocalDate.parse(m.group(3));
    Schema schema = avroSchema(t, selected);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
    GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema);
    int n = 0;
    for (Map<String, Object> row : TABLES.getOrDefault(path, List.of())) {
      GenericRecord rec = new GenericData.Record(schema);
      try {
        for (Schema.Field f : schema.getFields()) {
          rec.put(f.name(), typed(t.column(f.name()), row.get(f.name())));
        }
      } catch (RuntimeException notRepresentable) {
        continue;
      }
      Object d = rec.get(m.group(1));
      if (d == null || (int) d < from.toEpochDay() || (int) d > to.toEpochDay()) {
        continue;
      }
      try {
        writer.write(rec, enc);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      n++;
    }
    try {
      enc.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = "session-" + SESSIONS.size();
    ReadSession.Builder session = ReadSession.newBuilder().setName(name)
        .setAvroSchema(AvroSchema.newBuilder().setSchema(schema.toString()));
    if (n > 0) {
      String stream = name + "/streams/0";
      STREAMS.put(stream, ReadRowsResponse.newBuilder().setRowCount(n).setAvroRows(
          AvroRows.newBuilder().setSerializedBinaryRows(ByteString.copyFrom(bytes.toByteArray()))
              .setRowCount(n)).build());
      session.addStreams(ReadStream.newBuilder().setName(stream));
    }
    return session.build();
  }

  @Override
  public BigQueryServerStream<ReadRowsResponse> readRows(ReadRowsRequest request) {
    ReadRowsResponse r = request.getOffset() == 0 ? STREAMS.get(request.getReadStream()) : null;
    List<ReadRowsResponse> responses = r == null ? List.of() : List.of(r);
    return new ListStream(responses);
  }

  @Override
  public BigQueryServerStream<ReadRowsResponse> readRows(ReadRowsRequest request,
      String fullTableId) {
    return readRows(request);
  }

  @Override
  public SplitReadStreamResponse splitReadStream(SplitReadStreamRequest request) {
    return SplitReadStreamResponse.getDefaultInstance();
  }

  @Override
  public SplitReadStreamResponse splitReadStream(SplitReadStreamRequest request,
      String fullTableId) {
    return splitReadStream(request);
  }

  @Override
  public void close() {}

  private static final class ListStream implements BigQueryServerStream<ReadRowsResponse> {
    private static final long serialVersionUID = 1L;
    private final List<ReadRowsResponse> responses;

    ListStream(List<ReadRowsResponse> responses) {
      this.responses = responses;
    }

    @Override
    public Iterator<ReadRowsResponse> iterator() {
      return responses.iterator();
    }

    @Override
    public void cancel() {}
  }
}
