package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.source.ReadFileTables.Folder;
import com.nbaprops.mlfs.source.ReadFileTables.SourceFile;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Parses every line of one source file into its table's record; bad lines become dead letters
 * with the file, line number and reason. A file that cannot be read to its end fails the job.
 *
 * <p>Like the BigQuery source's row restriction, rows dated outside the table's window are not
 * read: a line whose date column a plain byte scan finds ({@link DateScan}) outside the window is
 * counted and skipped before it is decoded or parsed (a daily run reads ~8 % of a season's lines).
 * A line whose date cannot be found that way is parsed in full, so a bad line is never skipped
 * unseen unless its date says it is outside the window.
 */
final class ParseFileFn extends DoFn<KV<Integer, Iterable<SourceFile>>, DeadLetter> {
  private static final long serialVersionUID = 1L;

  /** What one table's lines need: its window's scan and the row handler. */
  private static final class TableParse<T extends Record> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final SourceTable<T> table;
    final DateScan scan;
    final SourceRowHandler<T> handler;

    TableParse(Folder f, SourceTable<T> table) {
      this.table = table;
      this.scan = new DateScan(table.dateColumn(), f.from(), f.to());
      this.handler = new SourceRowHandler<>(table, f.from(), f.to(), ReadFileTables.DEAD_LETTERS);
    }
  }

  private final Map<String, TableParse<?>> tables = new LinkedHashMap<>();
  private final Counter ignoredFiles;
  private final Distribution millis;

  ParseFileFn(Map<String, Folder> folders) {
    for (Map.Entry<String, Folder> e : folders.entrySet()) {
      tables.put(e.getKey(), new TableParse<>(e.getValue(), e.getValue().table()));
    }
    String ns = MetricNames.NAMESPACE;
    this.ignoredFiles = Metrics.counter(ns, MetricNames.IGNORED_FILES);
    this.millis = Metrics.distribution(ns, MetricNames.stageMillis(MetricNames.STAGE_READ));
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<SourceFile>> files, MultiOutputReceiver out) {
    for (SourceFile f : files.getValue()) {
      parse(f, tables.get(f.table()), out);
    }
  }

  private void parse(SourceFile file, TableParse<?> t, MultiOutputReceiver out) {
    if (file.passOverRows() >= 0) {
      t.handler.outsideWindow(file.passOverRows()); // dated outside by the folder's index
      return;
    }
    long t0 = System.nanoTime();
    String name = file.path().substring(file.path().lastIndexOf('/') + 1);
    if (!(name.endsWith(".ndjson") || name.endsWith(".ndjson.gz"))) {
      ignoredFiles.inc();
      return;
    }
    String where = t.table.name() + "/" + name;
    long line = 0;
    long outside = 0;
    try (InputStream in = Channels.newInputStream(Compression.detect(name).readDecompressed(
        FileSystems.open(FileSystems.matchNewResource(file.path(), false))))) {
      LineReader lines = new LineReader(in);
      while (lines.next()) {
        line++;
        byte[] b = lines.buffer();
        if (lines.start() == lines.end()) {
          continue;
        }
        if (t.scan.outside(b, lines.start(), lines.end())) {
          outside++;
          continue;
        }
        if (t.handler.handleBytes(b, lines.start(), lines.end() - lines.start(), out)) {
          continue;
        }
        if (!parsedAsBytes(t, b, lines.start(), lines.end(), where + ":" + line, out)) {
          String text = new String(b, lines.start(), lines.end() - lines.start(),
              StandardCharsets.UTF_8);
          if (!text.isBlank()) {
            handle(t, text, where + ":" + line, out);
          }
        }
      }
    } catch (IOException e) {
      throw new SourceReadException("cannot read " + where + " after line " + line + ": "
          + e.getMessage() + " (is the file truncated or not gzip?)", e);
    } finally {
      t.handler.outsideWindow(outside);
    }
    millis.update((System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * The usual line, an object after ASCII blanks, parsed from its bytes; false (nothing done) for
   * anything else, or when the bytes do not parse (invalid UTF-8 too), which the caller then
   * decodes and handles as text.
   */
  private static boolean parsedAsBytes(TableParse<?> t, byte[] b, int start, int end,
      String where, MultiOutputReceiver out) {
    if (!RowParser.startsObject(b, start, end - start)) {
      return false;
    }
    Map<String, Object> json;
    try {
      json = Json.readObject(b, start, end - start);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    t.handler.handle(json, () -> new String(b, start, end - start, StandardCharsets.UTF_8),
        where, out);
    return true;
  }

  /** One line dated inside the window, or whose date the scan could not find. */
  private static void handle(TableParse<?> t, String text, String where,
      MultiOutputReceiver out) {
    if (!text.stripLeading().startsWith("{")) {
      t.handler.dead(out, text, where + ": not a JSON object");
      return;
    }
    Map<String, Object> json;
    try {
      json = Json.readObject(text);
    } catch (IOException | RuntimeException e) {
      String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp
          ? jp.getOriginalMessage() : e.getMessage();
      t.handler.dead(out, text, where + ": malformed JSON: " + firstLine(msg));
      return;
    }
    t.handler.handle(json, text, where, out);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    String line = nl < 0 ? s : s.substring(0, nl);
    int marker = line.indexOf(" (start marker");
    return marker < 0 ? line : line.substring(0, marker);
  }
}
