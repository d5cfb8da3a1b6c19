package com.nbaprops.mlfs.source;

/** A source file cannot be read at all (not a bad row): the job stops with this message. */
public final class SourceReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SourceReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
