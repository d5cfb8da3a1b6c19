package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The optional index of a local table folder, {@value #FILE_NAME}: for each file the writer made,
 * its size in bytes, its row count and the first and last date of the table's date column. The
 * reader passes over a file whose dates all lie outside the table's read window without opening
 * it, counting its rows as outside the window as a full read would count them: a daily run then
 * decompresses a month or two of each table instead of every season (the local counterpart of
 * BigQuery's partition pruning).
 *
 * <p>An entry is trusted only while its file still has the listed size and is not newer than the
 * index; otherwise (and for a file the index does not list, or without an index) the file is
 * read in full. The tools that write the local layout ({@code scripts/import-nba}, {@code
 * scripts/sample-league}) write one file per month and this index.
 */
public final class SourceFileIndex {
  public static final String FILE_NAME = "_file_dates.json";

  /** One file of the folder. */
  public record Entry(String file, long bytes, long rows, LocalDate first, LocalDate last) {
    boolean outside(LocalDate from, LocalDate to) {
      return last.isBefore(from) || first.isAfter(to);
    }
  }

  /** A folder's index as read: its entries by file name and the index's own modification time. */
  public record Index(Map<String, Entry> entries, long modifiedMillis) {
    static final Index NONE = new Index(Map.of(), Long.MIN_VALUE);

    /**
     * The rows of the file to count as outside [from, to] without reading it, or -1 when the file
     * is to be read (not listed, changed since the index was written, or dated inside).
     */
    public long rowsToPassOver(MatchResult.Metadata file, LocalDate from, LocalDate to) {
      Entry e = entries.get(file.resourceId().getFilename());
      if (e == null || e.bytes() != file.sizeBytes()
          || file.lastModifiedMillis() > modifiedMillis || !e.outside(from, to)) {
        return -1;
      }
      return e.rows();
    }
  }

  private SourceFileIndex() {}

  /** Writes the index of {@code folder} (after its files: their times must not be later). */
  public static void write(Path folder, List<Entry> entries) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    for (Entry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", e.file());
      m.put("bytes", e.bytes());
      m.put("rows", e.rows());
      m.put("first_date", e.first().toString());
      m.put("last_date", e.last().toString());
      files.add(m);
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("about", "first and last date of each file (SourceFileIndex): a reader passes over a "
        + "file dated outside its window; an entry whose file changed since is ignored");
    index.put("files", files);
    Files.writeString(folder.resolve(FILE_NAME), Json.write(index) + "\n",
        StandardCharsets.UTF_8);
  }

  /**
   * The index of a folder ({@code dir} ends with '/'), or none: a missing index is the usual case
   * (a folder exported from BigQuery has none); an index that cannot be read or parsed is ignored
   * too, and every file is read in full.
   */
  public static Index read(String dir) {
    try {
      MatchResult m = FileSystems.match(dir + FILE_NAME, EmptyMatchTreatment.ALLOW);
      if (m.status() != MatchResult.Status.OK || m.metadata().isEmpty()) {
        return Index.NONE;
      }
      MatchResult.Metadata md = m.metadata().get(0);
      Map<String, Object> json;
      try (InputStream in = Channels.newInputStream(FileSystems.open(md.resourceId()))) {
        json = Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (Object o : (List<?>) json.get("files")) {
        Map<?, ?> f = (Map<?, ?>) o;
        Entry e = new Entry((String) f.get("file"), ((Number) f.get("bytes")).longValue(),
            ((Number) f.get("rows")).longValue(), LocalDate.parse((String) f.get("first_date")),
            LocalDate.parse((String) f.get("last_date")));
        entries.put(e.file(), e);
      }
      return new Index(entries, md.lastModifiedMillis());
    } catch (IOException | RuntimeException e) {
      return Index.NONE;
    }
  }
}
