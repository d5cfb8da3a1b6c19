package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.SourceLabel;
import java.time.LocalDate;
import java.util.List;

/**
 * One built feature row in compact form: what the pipeline moves between steps (a few hundred
 * bytes, instead of the ~6 KB of its output JSON). Everything else of the output row — quality
 * fields, JSON maps, hash — is a pure function of this record and its {@link Quality}, rendered
 * by the columns of {@code OutputSchema.FEATURE_STORE} at the sink.
 *
 * @param labels one character per feature: the {@link SourceLabel} ordinal, '0' + ordinal
 */
public record FeatureRecord(
    LocalDate gameDate,
    String playerLookup,
    String universalPlayerId,
    String gameId,
    String teamAbbr,
    String opponentTeamAbbr,
    Long daysRest,
    List<Double> features,
    String labels,
    Long gamesFound,
    Long gamesExpected,
    List<LocalDate> contributingGameDates,
    Boolean earlySeason) {

  public static String encodeLabels(SourceLabel[] labels) {
    StringBuilder sb = new StringBuilder(labels.length);
    for (SourceLabel l : labels) {
      sb.append((char) ('0' + l.ordinal()));
    }
    return sb.toString();
  }

  private static final SourceLabel[] LABELS = SourceLabel.values();

  public SourceLabel[] decodeLabels() {
    SourceLabel[] out = new SourceLabel[labels.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(i);
    }
    return out;
  }

  /** The raw source label of feature {@code i}. */
  public SourceLabel label(int i) {
    return LABELS[labels.charAt(i) - '0'];
  }

  /** The feature vector again (values and labels). */
  public FeatureVector vector() {
    double[] v = new double[features.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = features.get(i);
    }
    return new FeatureVector(v, decodeLabels(), daysRest);
  }
}
