package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One writer per local output folder: the file {@value #FILE} holds the run id, process id, host
 * and start time of the run writing the folder. It is created atomically (create-new); a second
 * run finds it and is refused while its holder lives. A lock whose holder is gone is stale and is
 * taken over: on this host, a holder whose process no longer runs (or whose pid now belongs to a
 * younger process); from another host (a shared folder), a holder older than
 * {@code --lockTimeoutHours}.
 */
public final class OutputLock implements AutoCloseable {
  public static final String FILE = "_mlfs_run.lock";

  /** Who holds (or held) a lock. */
  public record Holder(String runId, long pid, String host, Instant startedAt) {}

  /** The folder is held by another live run. */
  public static final class LockedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Holder holder;

    LockedException(Path file, Holder h) {
      super("output folder " + file.getParent() + " is being written by run " + h.runId()
          + " (pid " + h.pid() + " on " + h.host() + ", started " + h.startedAt() + "); wait for "
          + "it to finish, or if it is dead remove " + file);
      this.holder = h;
    }

    public Holder holder() {
      return holder;
    }
  }

  private final Path file;
  private final String runId;
  private final Holder takenOver;

  private OutputLock(Path file, String runId, Holder takenOver) {
    this.file = file;
    this.runId = runId;
    this.takenOver = takenOver;
  }

  /** The stale lock this run took over, or null. */
  public Holder takenOver() {
    return takenOver;
  }

  /**
   * Takes the folder's lock for this run, or throws {@link LockedException}.
   *
   * @param notes receives one line when a stale lock is taken over
   */
  public static OutputLock acquire(Path dir, String runId, Duration timeout, Consumer<String> notes)
      throws IOException {
    Path file = dir.resolve(FILE);
    Holder stale = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Holder me = new Holder(runId, ProcessHandle.current().pid(), host(), Instant.now());
      try {
        Files.writeString(file, Json.write(toMap(me)) + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new OutputLock(file, runId, stale);
      } catch (FileAlreadyExistsException e) {
        Holder h = read(file);
        if (h == null) {
          continue; // removed (or half-written) meanwhile: try again
        }
        if (alive(h, timeout)) {
          throw new LockedException(file, h);
        }
        notes.accept("note: taking over the stale lock of run " + h.runId() + " (pid " + h.pid()
            + " on " + h.host() + ", started " + h.startedAt() + ": " + (h.host().equals(host())
            ? "that process is gone" : "older than --lockTimeoutHours") + ")");
        stale = h;
        Files.deleteIfExists(file);
      }
    }
    throw new IOException("cannot take the lock " + file + ": it keeps changing");
  }

  /** Whether the holder may still be writing. */
  static boolean alive(Holder h, Duration timeout) {
    if (h.pid() < 0) {
      // Unreadable: a writer killed between creating the file and writing it, or one writing now.
      return Duration.between(h.startedAt(), Instant.now()).getSeconds() < 60;
    }
    if (!h.host().equals(host())) {
      return Duration.between(h.startedAt(), Instant.now()).compareTo(timeout) < 0;
    }
    return ProcessHandle.of(h.pid())
        .filter(ProcessHandle::isAlive)
        // A pid reused by a process started after the lock was taken is not the holder.
        .map(p -> p.info().startInstant().map(s -> !s.isAfter(h.startedAt().plusSeconds(1)))
            .orElse(true))
        .orElse(false);
  }

  /** The lock's holder, or null when the file is gone or unreadable. */
  static Holder read(Path file) throws IOException {
    try {
      Map<String, Object> m = Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
      return new Holder((String) m.get("run_id"), ((Number) m.get("pid")).longValue(),
          (String) m.get("host"), Instant.parse((String) m.get("started_at")));
    } catch (NoSuchFileException e) {
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
      // Unreadable (a writer killed between create and write): judged by the file's age.
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      return new Holder("unknown", -1, "unknown", modified);
    }
  }

  private static Map<String, Object> toMap(Holder h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", h.runId());
    m.put("pid", h.pid());
    m.put("host", h.host());
    m.put("started_at", h.startedAt().toString());
    return m;
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** Releases the lock if this run still holds it. */
  @Override
  public void close() throws IOException {
    Holder h = read(file);
    if (h != null && runId.equals(h.runId())) {
      Files.deleteIfExists(file);
    }
  }
}
