package com.nbaprops.mlfs.compare;

import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.tools.ToolOptions;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;

/**
 * {@code scripts/compare}: what differs between two feature stores (two output folders or exports
 * of this pipeline, a legacy export against ours, or two BigQuery tables). Exit 0 when every
 * compared value agrees (legacy: every difference is explained), 1 otherwise, 2 on bad options.
 */
public final class CompareCli {
  private CompareCli() {}

  public static void main(String[] args) {
    System.exit(cli(args, System.out, System.err, null));
  }

  static ToolOptions spec() {
    return new ToolOptions("scripts/compare --left=A --right=B [--startDate=D --endDate=D] "
        + "[--tolerance=1e-6] [--left-kind=legacy] [--json] [--html=FILE]",
        "Compares two feature stores: rows on both sides or one only (per date; gaps too when",
        "both sides have them), per feature the values equal within the tolerance and the largest",
        "differences, per quality and row field the equal share. A and B: an output folder of this",
        "pipeline (any layout), one table folder of it, or a bq extract NDJSON export (file or",
        "folder); with --source=bigquery, two tables PROJECT:DATASET.TABLE read with a date",
        "restriction. --left-kind=legacy attributes each difference to a deviation of the",
        "feature contract where one explains it.",
        "Exit 0 when everything agrees (legacy: every difference explained), 1 otherwise.")
        .required("left", "left store: folder, export, or (BigQuery) table")
        .required("right", "right store: folder, export, or (BigQuery) table")
        .option("startDate", null, "first game date compared, YYYY-MM-DD (default: all)")
        .option("endDate", null, "last game date compared, YYYY-MM-DD (default: all)")
        .option("tolerance", "1e-6", "largest absolute difference counted as equal")
        .option("left-kind", "store", "store (this pipeline) or legacy (the legacy processor)")
        .option("source", "files", "files or bigquery")
        .option("project", null, "BigQuery: the project of the read sessions (default: the "
            + "left table's)")
        .flag("json", "print one JSON object instead of the text report")
        .option("html", null, "also write a self-contained HTML report to FILE");
  }

  /** As {@link #main}; {@code testServices}: fake BigQuery services for tests (else null). */
  public static int cli(String[] args, PrintStream out, PrintStream err,
      BigQueryServices testServices) {
    return spec().run(args, out, err, o -> {
      LocalDate start = o.getDate("startDate");
      LocalDate end = o.getDate("endDate");
      if (start != null && end != null && end.isBefore(start)) {
        throw new InvalidOptionsException("--endDate=" + end + " is before --startDate=" + start
            + ": pass an end date on or after the start date");
      }
      double tolerance = tolerance(o.get("tolerance"));
      String kind = o.get("left-kind");
      if (!kind.equals("store") && !kind.equals("legacy")) {
        throw new InvalidOptionsException("--left-kind=" + kind + " is not a kind: pass "
            + "--left-kind=store or --left-kind=legacy");
      }
      Comparison c = compare(o, start, end, tolerance, kind.equals("legacy"), testServices);
      if (c.rowsSeen() == 0) {
        err.println("warning: neither side has a row in the range: nothing was compared");
      }
      report(o, c, out);
      return c.agrees() ? 0 : 1;
    });
  }

  private static double tolerance(String value) {
    double tolerance;
    try {
      tolerance = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new InvalidOptionsException("--tolerance=" + value
          + " is not a number: pass e.g. --tolerance=1e-6");
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new InvalidOptionsException("--tolerance=" + value + " must be 0 or more");
    }
    return tolerance;
  }

  /** Reads both sides (from files, or exported from BigQuery and then deleted) and compares. */
  private static Comparison compare(ToolOptions.Parsed o, LocalDate start, LocalDate end,
      double tolerance, boolean legacy, BigQueryServices testServices) throws IOException {
    StoreReader reader = new StoreReader(start, end);
    String source = o.get("source");
    if (source.equalsIgnoreCase("files")) {
      return Comparison.of(reader.read(o.get("left")), reader.read(o.get("right")), tolerance,
          legacy);
    }
    if (!source.equalsIgnoreCase("bigquery")) {
      throw new InvalidOptionsException("--source=" + source + " is not a source: pass "
          + "--source=files or --source=bigquery");
    }
    BigQueryStores.Exported both = BigQueryStores.export(o.get("left"), o.get("right"),
        start, end, o.get("project"), testServices);
    try {
      return Comparison.of(reader.read(both.left().toString()),
          reader.read(both.right().toString()), tolerance, legacy);
    } finally {
      com.nbaprops.mlfs.util.BigQueryExport.deleteTree(both.left().getParent());
    }
  }

  /** The report on stdout (text or JSON), and the HTML file when asked for. */
  private static void report(ToolOptions.Parsed o, Comparison c, PrintStream out)
      throws IOException {
    if (o.getFlag("json")) {
      out.println(Json.write(CompareReport.toMap(c, o.get("left"), o.get("right"))));
    } else {
      out.print(CompareReport.format(c, o.get("left"), o.get("right")));
    }
    if (o.get("html") != null) {
      writeHtml(Path.of(o.get("html")), CompareReport.html(c, o.get("left"), o.get("right")));
      if (!o.getFlag("json")) {
        out.println("HTML report: " + o.get("html"));
      }
    }
  }

  private static void writeHtml(Path file, String html) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, html, StandardCharsets.UTF_8);
  }
}
