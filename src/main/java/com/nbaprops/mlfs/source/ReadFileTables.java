package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.util.RecordCoder;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads source tables from folders of NDJSON files ({@code *.ndjson}, {@code *.ndjson.gz}), each
 * table once, for its read window: lists the files when the pipeline is built, spreads them over
 * a few keys so that they are parsed in parallel ({@link #KEYS}), and parses them ({@link
 * ParseFileFn}) into their table's records. Outputs: each table's {@link SourceTable#tag()} and
 * {@link #DEAD_LETTERS}.
 *
 * <p>One listing, one shuffle and one parse step for all the tables: per table, a match, a
 * reshuffle and a read are a dozen primitive transforms, and on the DirectRunner every one costs
 * graph construction and per-bundle bookkeeping (README, "Performance").
 */
public final class ReadFileTables extends PTransform<PBegin, PCollectionTuple> {
  /** The dead letters of all the tables read (the sources' shared tag). */
  public static final TupleTag<DeadLetter> DEAD_LETTERS = SourceTables.DEAD_LETTERS;

  /** One table to read: its folder and its read window [from, to]. */
  public record Folder(SourceTable<?> table, String path, LocalDate from, LocalDate to)
      implements Serializable {}

  /**
   * One file of a table, as listed at construction; {@code passOverRows} ≥ 0 when the folder's
   * {@link SourceFileIndex} dates the whole file outside the window (its rows are counted, the
   * file is not opened), else -1.
   */
  public record SourceFile(String table, String path, long bytes, long passOverRows) {}

  /**
   * Keys the files are spread over (by size, largest first, each to the least loaded key): the
   * DirectRunner makes one bundle per key and re-creates the parse DoFn for each, so one key per
   * file cost a DoFn per file (330 on the real seasons' per-month files), and the two workers
   * need only a few keys each. The files an index dates outside the window cost nothing to "read"
   * and go to the first key, one element per table.
   */
  static final int KEYS = 8;

  private final List<Folder> folders;

  public ReadFileTables(List<Folder> folders) {
    this.folders = List.copyOf(folders);
  }

  /** One table. */
  public static ReadFileTables of(SourceTable<?> table, String folder, LocalDate from,
      LocalDate to) {
    return new ReadFileTables(List.of(new Folder(table, folder, from, to)));
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    List<KV<Integer, SourceFile>> files = spread(list(folders));
    Map<String, Folder> byTable = new LinkedHashMap<>();
    List<TupleTag<?>> tags = new ArrayList<>();
    for (Folder f : folders) {
      byTable.put(f.table().name(), f);
      tags.add(f.table().tag());
    }
    PCollectionTuple out = input
        .apply("ListFiles", Create.of(files).withCoder(
            KvCoder.of(VarIntCoder.of(), RecordCoder.of(SourceFile.class))))
        .apply("SpreadFiles", GroupByKey.create())
        .apply("Parse", ParDo.of(new ParseFileFn(byTable))
            .withOutputTags(DEAD_LETTERS, TupleTagList.of(tags)));
    out.get(DEAD_LETTERS).setCoder(RecordCoder.of(DeadLetter.class));
    for (Folder f : folders) {
      setCoder(out, f.table());
    }
    return out;
  }

  /** The files by key ({@link #KEYS}); deterministic for a given listing. */
  static List<KV<Integer, SourceFile>> spread(List<SourceFile> files) {
    List<KV<Integer, SourceFile>> out = new ArrayList<>();
    Map<String, Long> passOver = new LinkedHashMap<>();
    List<SourceFile> read = new ArrayList<>();
    for (SourceFile f : files) {
      if (f.passOverRows() >= 0) {
        passOver.merge(f.table(), f.passOverRows(), Long::sum);
      } else {
        read.add(f);
      }
    }
    passOver.forEach((table, rows) -> out.add(KV.of(0,
        new SourceFile(table, "(files dated outside the window)", 0, rows))));
    read.sort(Comparator.comparingLong(SourceFile::bytes).reversed()
        .thenComparing(SourceFile::path));
    long[] load = new long[KEYS];
    for (SourceFile f : read) {
      int k = 0;
      for (int i = 1; i < KEYS; i++) {
        if (load[i] < load[k]) {
          k = i;
        }
      }
      load[k] += Math.max(1, f.bytes());
      out.add(KV.of(k, f));
    }
    return out;
  }

  private static <T extends Record> void setCoder(PCollectionTuple out, SourceTable<T> table) {
    out.get(table.tag()).setCoder(table.coder());
  }

  /**
   * The files matching {@code <folder>/*.ndjson*} of every folder, by table and then path (files
   * named so but not ending in .ndjson or .ndjson.gz are listed too: the parse step counts them as
   * ignored), each with what its folder's index says of it. A folder that cannot be listed fails
   * the build.
   */
  static List<SourceFile> list(List<Folder> folders) {
    List<SourceFile> files = new ArrayList<>();
    for (Folder f : folders) {
      String dir = f.path().endsWith("/") ? f.path() : f.path() + "/";
      MatchResult m;
      try {
        m = FileSystems.match(dir + "*.ndjson*", EmptyMatchTreatment.ALLOW);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + " (table " + f.table().name()
            + "): " + e.getMessage(), e);
      }
      if (m.status() == MatchResult.Status.NOT_FOUND) {
        continue; // no folder: an empty table (the entry point says so)
      }
      List<MatchResult.Metadata> found = new ArrayList<>();
      try {
        for (MatchResult.Metadata md : m.metadata()) {
          if (!md.resourceId().isDirectory()) {
            found.add(md);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + " (table " + f.table().name()
            + "): " + e.getMessage(), e);
      }
      found.sort(Comparator.comparing(md -> md.resourceId().toString()));
      SourceFileIndex.Index index = SourceFileIndex.read(dir);
      for (MatchResult.Metadata md : found) {
        files.add(new SourceFile(f.table().name(), md.resourceId().toString(), md.sizeBytes(),
            index.rowsToPassOver(md, f.from(), f.to())));
      }
    }
    return files;
  }
}
