package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.util.Json;
import com.nbaprops.mlfs.util.RecordCoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads one table's folder of NDJSON files ({@code *.ndjson}, {@code *.ndjson.gz}) once, keeps the
 * lines whose date lies in the table's read window, parses them into the table's record and sends
 * every bad line to the dead-letter output with its file, line number and reason. Outputs: {@code
 * table.tag()} and {@link #DEAD_LETTERS}.
 *
 * <p>Like the BigQuery source's row restriction, rows dated outside the window are not read: a line
 * whose date column can be found by a plain text scan ({@link DateScan}) and lies outside the window
 * is counted and skipped before the line is decoded or parsed (a daily run reads ~8 % of a season's
 * lines; {@link LineReader} splits the file into byte ranges). A
 * line whose date cannot be found that way is parsed in full, so a bad line is never skipped
 * unseen unless its date says it is outside the window.
 */
public final class ReadFileTable<T extends Record> extends PTransform<PBegin, PCollectionTuple> {
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>("dead_letters");

  private final SourceTable<T> table;
  private final String folder;
  private final LocalDate windowStart;
  private final LocalDate windowEnd;

  public ReadFileTable(SourceTable<T> table, String folder, LocalDate windowStart,
      LocalDate windowEnd) {
    this.table = table;
    this.folder = folder;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    String pattern = folder.endsWith("/") ? folder + "*.ndjson*" : folder + "/*.ndjson*";
    PCollectionTuple out = input
        .apply("Match", FileIO.match().filepattern(pattern)
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("Open", FileIO.readMatches())
        .apply("Parse", ParDo.of(new ParseFileFn<>(table, windowStart, windowEnd))
            .withOutputTags(table.tag(), TupleTagList.of(DEAD_LETTERS)));
    out.get(table.tag()).setCoder(table.coder());
    out.get(DEAD_LETTERS).setCoder(RecordCoder.of(DeadLetter.class));
    return out;
  }

  /** Parses every line of one file. A file that cannot be read to its end fails the job. */
  static final class ParseFileFn<T extends Record> extends DoFn<FileIO.ReadableFile, T> {
    private final SourceTable<T> table;
    private final SourceRowHandler<T> handler;
    private final Counter ignoredFiles;
    private final Distribution millis;
    private final DateScan scan;

    ParseFileFn(SourceTable<T> table, LocalDate windowStart, LocalDate windowEnd) {
      this.table = table;
      this.scan = new DateScan(table.dateColumn(), windowStart, windowEnd);
      this.handler = new SourceRowHandler<>(table, windowStart, windowEnd, DEAD_LETTERS);
      String ns = MetricNames.NAMESPACE;
      this.ignoredFiles = Metrics.counter(ns, MetricNames.IGNORED_FILES);
      this.millis = Metrics.distribution(ns, MetricNames.stageMillis(MetricNames.STAGE_READ));
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      long t0 = System.nanoTime();
      String name = file.getMetadata().resourceId().getFilename();
      if (!(name.endsWith(".ndjson") || name.endsWith(".ndjson.gz"))) {
        ignoredFiles.inc();
        return;
      }
      String where = table.name() + "/" + name;
      long line = 0;
      long outside = 0;
      try (InputStream in = Channels.newInputStream(file.open())) {
        LineReader lines = new LineReader(in);
        while (lines.next()) {
          line++;
          byte[] b = lines.buffer();
          if (lines.start() == lines.end()) {
            continue;
          }
          if (scan.outside(b, lines.start(), lines.end())) {
            outside++;
            continue;
          }
          if (!parsedAsBytes(b, lines.start(), lines.end(), where, line, out)) {
            String text = new String(b, lines.start(), lines.end() - lines.start(),
                StandardCharsets.UTF_8);
            if (!text.isBlank()) {
              handle(text, where + ":" + line, out);
            }
          }
        }
      } catch (IOException e) {
        throw new SourceReadException("cannot read " + where + " after line " + line + ": "
            + e.getMessage() + " (is the file truncated or not gzip?)", e);
      } finally {
        handler.outsideWindow(outside);
      }
      millis.update((System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The usual line, an object after ASCII blanks, parsed from its bytes; false (nothing done)
     * for anything else, or when the bytes do not parse (invalid UTF-8 too), which the caller
     * then decodes and handles as text.
     */
    private boolean parsedAsBytes(byte[] b, int start, int end, String where, long line,
        MultiOutputReceiver out) {
      int i = start;
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i == end || b[i] != '{') {
        return false;
      }
      Map<String, Object> json;
      try {
        json = Json.readObject(b, start, end - start);
      } catch (IOException | RuntimeException e) {
        return false;
      }
      handler.handle(json, () -> new String(b, start, end - start, StandardCharsets.UTF_8),
          where + ":" + line, out);
      return true;
    }

    /** One line dated inside the window, or whose date the scan could not find. */
    private void handle(String text, String where, MultiOutputReceiver out) {
      if (!text.stripLeading().startsWith("{")) {
        handler.dead(out, text, where + ": not a JSON object");
        return;
      }
      Map<String, Object> json;
      try {
        json = Json.readObject(text);
      } catch (IOException | RuntimeException e) {
        String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp
            ? jp.getOriginalMessage() : e.getMessage();
        handler.dead(out, text, where + ": malformed JSON: " + firstLine(msg));
        return;
      }
      handler.handle(json, text, where, out);
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
}
