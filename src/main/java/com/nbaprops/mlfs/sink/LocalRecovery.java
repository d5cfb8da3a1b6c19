package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.contract.OutputSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a killed run can leave in a local output folder, and its removal by the next run (which
 * holds the folder's {@link OutputLock}, so no other writer of ours is active): temporary files
 * ({@code *.tmp-<run id>}, never visible under a final name) and the dead-letter file of a run that
 * never wrote its run-history row.
 */
public final class LocalRecovery {
  private LocalRecovery() {}

  /** Marker of a temporary file: the final name, this, then the writing run's id. */
  public static final String TMP_MARK = ".tmp-";

  /** Removes every temporary file under the output tables' folders; returns them. */
  public static List<Path> removeTemporaryFiles(Path outputDir) throws IOException {
    List<Path> removed = new ArrayList<>();
    for (String table : OutputSchema.localTables()) {
      Path dir = outputDir.resolve(table);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir, 3)) {
        for (Path f : files.filter(Files::isRegularFile)
            .filter(f -> f.getFileName().toString().contains(TMP_MARK)).sorted().toList()) {
          Files.deleteIfExists(f);
          removed.add(f);
        }
      }
    }
    return removed;
  }

  /**
   * Removes the dead-letter file of a run that was killed (it has no run-history row): a clean
   * re-run leaves only its own. Returns whether a file was removed.
   */
  public static boolean removeUnfinishedRun(Path outputDir, String runId) throws IOException {
    if (runId == null || Files.exists(outputDir.resolve(RunHistory.path(runId)))) {
      return false;
    }
    return Files.deleteIfExists(outputDir.resolve(WriteFileOutputs.deadLetterPath(runId)));
  }
}
