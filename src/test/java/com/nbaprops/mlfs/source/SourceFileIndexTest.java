package com.nbaprops.mlfs.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** When a folder's index lets the reader pass over a file, and when the file is read after all. */
public class SourceFileIndexTest {
  @Rule public final TemporaryFolder tmp = new TemporaryFolder();

  private static final LocalDate JAN_1 = LocalDate.parse("2025-01-01");
  private static final LocalDate JAN_31 = LocalDate.parse("2025-01-31");

  @BeforeClass
  public static void fileSystems() {
    FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
  }

  private Path folder;

  private SourceFileIndex.Index indexOf(String name, String text, String first, String last)
      throws Exception {
    folder = tmp.newFolder("t").toPath();
    Path f = folder.resolve(name);
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000));
    SourceFileIndex.write(folder, List.of(new SourceFileIndex.Entry(name, Files.size(f), 2,
        LocalDate.parse(first), LocalDate.parse(last))));
    return SourceFileIndex.read(folder + "/");
  }

  private MatchResult.Metadata meta(String name) throws Exception {
    return FileSystems.match(folder.resolve(name).toString()).metadata().get(0);
  }

  @Test
  public void aFileDatedWhollyOutsideTheWindowIsPassedOverWithItsRowCount() throws Exception {
    SourceFileIndex.Index index = indexOf("m.ndjson", "{}\n{}\n", "2024-12-01", "2024-12-31");
    assertEquals(2, index.rowsToPassOver(meta("m.ndjson"), JAN_1, JAN_31));
    // after the window too
    assertEquals(2, index.rowsToPassOver(meta("m.ndjson"), LocalDate.parse("2024-11-01"),
        LocalDate.parse("2024-11-30")));
  }

  @Test
  public void aFileWithOneDateInsideTheWindowIsRead() throws Exception {
    SourceFileIndex.Index index = indexOf("m.ndjson", "{}\n{}\n", "2024-12-20", "2025-01-01");
    assertEquals(-1, index.rowsToPassOver(meta("m.ndjson"), JAN_1, JAN_31));
  }

  @Test
  public void aFileThatChangedSinceTheIndexIsRead() throws Exception {
    SourceFileIndex.Index index = indexOf("m.ndjson", "{}\n{}\n", "2024-12-01", "2024-12-31");
    Path f = folder.resolve("m.ndjson");
    Files.writeString(f, "{}\n{}\n{}\n"); // another size
    Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000));
    assertEquals(-1, index.rowsToPassOver(meta("m.ndjson"), JAN_1, JAN_31));
    Files.writeString(f, "{}\n{}\n"); // the same size, written after the index
    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertEquals(-1, index.rowsToPassOver(meta("m.ndjson"), JAN_1, JAN_31));
  }

  @Test
  public void aFileTheIndexDoesNotListIsRead() throws Exception {
    SourceFileIndex.Index index = indexOf("m.ndjson", "{}\n{}\n", "2024-12-01", "2024-12-31");
    Files.writeString(folder.resolve("other.ndjson"), "{}\n{}\n");
    Files.setLastModifiedTime(folder.resolve("other.ndjson"), FileTime.fromMillis(1_000_000));
    assertEquals(-1, index.rowsToPassOver(meta("other.ndjson"), JAN_1, JAN_31));
  }

  @Test
  public void aMissingOrUnreadableIndexMeansEveryFileIsRead() throws Exception {
    indexOf("m.ndjson", "{}\n{}\n", "2024-12-01", "2024-12-31");
    Files.writeString(folder.resolve(SourceFileIndex.FILE_NAME), "{\"files\": [{\"file\": 3}]}");
    SourceFileIndex.Index broken = SourceFileIndex.read(folder + "/");
    assertTrue(broken.entries().isEmpty());
    assertEquals(-1, broken.rowsToPassOver(meta("m.ndjson"), JAN_1, JAN_31));
    Files.delete(folder.resolve(SourceFileIndex.FILE_NAME));
    assertTrue(SourceFileIndex.read(folder + "/").entries().isEmpty());
  }
}
