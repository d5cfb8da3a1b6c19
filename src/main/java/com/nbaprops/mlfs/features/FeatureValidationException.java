package com.nbaprops.mlfs.features;

/** A picked source row fails the contract's validation: the entry becomes a gap. */
public final class FeatureValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FeatureValidationException(String message) {
    super(message);
  }
}
