package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.FeatureContract.Category;
import com.nbaprops.mlfs.contract.SourceLabel;
import com.nbaprops.mlfs.util.Decimals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores a feature vector's sources as the feature contract's "Quality fields" say. Pure Java. */
public final class QualityScorer {
  private QualityScorer() {}

  public static String tier(double score) {
    if (score >= 95) {
      return "gold";
    } else if (score >= 85) {
      return "silver";
    } else if (score >= 70) {
      return "bronze";
    } else if (score >= 50) {
      return "poor";
    }
    return "critical";
  }

  public static Quality score(FeatureVector vector) {
    SourceLabel[] labels = vector.labels();
    int n = labels.length;
    int weightSum = 0;
    List<Integer> defaults = new ArrayList<>();
    int required = 0;
    int phase4 = 0;
    int phase3 = 0;
    int calculated = 0;
    int rawPhase4 = 0;
    int rawPhase3 = 0;
    int training = 0;
    Map<String, String> reasons = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      SourceLabel s = labels[i];
      weightSum += s.weight();
      if (s.isDefault()) {
        defaults.add(i);
        reasons.put(Integer.toString(i), FeatureContract.feature(i).fallbackReason());
        if (!FeatureContract.OPTIONAL_VEGAS.contains(i)) {
          required++;
        }
      }
      switch (s.canonical()) {
        case "phase4" -> phase4++;
        case "phase3" -> phase3++;
        case "calculated" -> calculated++;
        default -> { }
      }
      if (s == SourceLabel.PHASE4) {
        rawPhase4++;
      } else if (s == SourceLabel.PHASE3) {
        rawPhase3++;
      }
      if (s.weight() >= 85) {
        training++;
      }
    }
    double score = Decimals.round((double) weightSum / n, 2);
    String tier = tier(score);

    Map<String, Double> pct = new LinkedHashMap<>();
    Map<String, Integer> catDefaults = new LinkedHashMap<>();
    for (Category c : Category.values()) {
      List<Integer> idx = FeatureContract.indicesOf(c);
      int sum = 0;
      int def = 0;
      for (int i : idx) {
        sum += labels[i].weight();
        def += labels[i].isDefault() ? 1 : 0;
      }
      pct.put(c.key(), Decimals.round((double) sum / idx.size(), 1));
      catDefaults.put(c.key(), def);
    }
    double matchup = pct.get(Category.MATCHUP.key());
    double history = pct.get(Category.PLAYER_HISTORY.key());
    double gameContext = pct.get(Category.GAME_CONTEXT.key());

    boolean hasComposite = FeatureContract.COMPOSITE.stream().noneMatch(i -> labels[i].isDefault());
    boolean hasDefense = !labels[FeatureContract.OPPONENT_DEF_RATING].isDefault()
        && !labels[FeatureContract.OPPONENT_PACE].isDefault();
    boolean hasVegas = vector.value(FeatureContract.HAS_VEGAS_LINE) == 1.0;
    int critical = 0;
    for (int i : FeatureContract.CRITICAL) {
      if (labels[i].weight() >= 85) {
        critical++;
      }
    }
    int optional = 0;
    for (int i = 0; i < n; i++) {
      if (!FeatureContract.CRITICAL.contains(i) && !labels[i].isDefault()) {
        optional++;
      }
    }

    String alertLevel;
    if (matchup < 50 || score < 50) {
      alertLevel = "red";
    } else if (required > 0 || score < 70 || matchup < 70) {
      alertLevel = "yellow";
    } else {
      alertLevel = "green";
    }
    List<String> alerts = new ArrayList<>();
    if (FeatureContract.CRITICAL.stream().allMatch(i -> labels[i].isDefault())) {
      alerts.add("all_matchup_features_defaulted");
    }
    if (!hasComposite) {
      alerts.add("composite_factors_missing");
    }
    if (!hasDefense) {
      alerts.add("opponent_defense_missing");
    }
    double defaultPct = 100.0 * defaults.size() / n;
    if (defaultPct > 20) {
      alerts.add("high_default_rate_" + (long) Decimals.round(defaultPct, 0) + "pct");
    }
    if (matchup < 50) {
      alerts.add("matchup_quality_critical");
    }
    if (gameContext < 50) {
      alerts.add("game_context_quality_critical");
    }

    boolean trainingReady = (tier.equals("gold") || tier.equals("silver"))
        && matchup >= 70 && history >= 80;
    boolean qualityReady = (tier.equals("gold") || tier.equals("silver") || tier.equals("bronze"))
        && score >= 70 && matchup >= 50 && required == 0;

    String dataSource;
    if (rawPhase4 >= 0.9 * n) {
      dataSource = "phase4";
    } else if (rawPhase4 >= 0.5 * n) {
      dataSource = "phase4_partial";
    } else if (rawPhase3 >= 0.5 * n) {
      dataSource = "phase3";
    } else {
      dataSource = "mixed";
    }

    return new Quality(score, tier, defaults, required, phase4, phase3, calculated, pct,
        catDefaults, tier(matchup), tier(gameContext), hasComposite, hasDefense, hasVegas,
        critical, critical == FeatureContract.CRITICAL.size(), training, optional, alertLevel,
        alerts, trainingReady, qualityReady, reasons, dataSource);
  }
}
