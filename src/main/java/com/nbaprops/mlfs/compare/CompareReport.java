package com.nbaprops.mlfs.compare;

import com.nbaprops.mlfs.compare.Comparison.Counts;
import com.nbaprops.mlfs.compare.Comparison.Example;
import com.nbaprops.mlfs.compare.Comparison.FeatureStats;
import com.nbaprops.mlfs.compare.Comparison.FieldStats;
import com.nbaprops.mlfs.compare.LegacyDeviations.Deviation;
import com.nbaprops.mlfs.contract.FeatureContract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report of a {@link Comparison}: one JSON-ready map, a text summary and an HTML page. */
public final class CompareReport {
  private CompareReport() {}

  public static Map<String, Object> toMap(Comparison c, String left, String right) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("left", left);
    m.put("right", right);
    m.put("left_kind", c.legacy() ? "legacy" : "store");
    m.put("tolerance", c.tolerance());
    m.put("agrees", c.agrees());
    m.put("rows", c.rows.toMap());
    m.put("rows_by_date", byDate(c.rowsByDate));
    if (c.gaps != null) {
      Map<String, Object> g = c.gaps.toMap();
      g.put("reason_differs", c.gapReasonDiffers);
      m.put("gaps", g);
      m.put("gaps_by_date", byDate(c.gapsByDate));
    }
    List<Map<String, Object>> features = new ArrayList<>();
    for (FeatureStats s : c.features) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("index", s.index);
      f.put("name", FeatureContract.feature(s.index).name());
      f.put("compared", s.compared);
      f.put("equal", s.equal);
      f.put("max_abs_diff", s.maxAbsDiff);
      f.put("source_differs", s.labelDiffers);
      f.put("examples", s.examples.stream().map(Example::toMap).toList());
      features.add(f);
    }
    m.put("features", features);
    List<Map<String, Object>> fields = new ArrayList<>();
    for (FieldStats s : c.fields.values()) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", s.name);
      f.put("compared", s.compared);
      f.put("equal", s.equal);
      f.put("equal_share", s.compared == 0 ? null : round4((double) s.equal / s.compared));
      f.put("examples", s.examples.stream().map(Example::toMap).toList());
      fields.add(f);
    }
    m.put("fields", fields);
    m.put("one_side_examples", c.oneSided.stream().map(Example::toMap).toList());
    if (c.legacy()) {
      List<Map<String, Object>> explained = new ArrayList<>();
      for (Deviation d : LegacyDeviations.RULES) {
        Long n = c.explained.get(d.id());
        if (n != null) {
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("deviation", d.id());
          e.put("description", d.description());
          e.put("differences", n);
          explained.add(e);
        }
      }
      m.put("explained", explained);
    }
    m.put("unexplained_count", c.unexplainedCount);
    m.put("unexplained", c.unexplained.stream().map(Example::toMap).toList());
    return m;
  }

  private static List<Map<String, Object>> byDate(Map<LocalDate, Counts> counts) {
    List<Map<String, Object>> out = new ArrayList<>();
    counts.forEach((d, n) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("game_date", d.toString());
      m.putAll(n.toMap());
      out.add(m);
    });
    return out;
  }

  private static double round4(double v) {
    return Math.round(v * 10000.0) / 10000.0;
  }

  /** The text summary printed by default. */
  public static String format(Comparison c, String left, String right) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Compare %s (left%s) with %s (right), tolerance %s%n",
        left, c.legacy() ? ", legacy" : "", right, c.tolerance()));
    appendRowsAndGaps(sb, c);
    appendFeatures(sb, c);
    appendFields(sb, c);
    if (c.legacy()) {
      sb.append("  explained by the contract's deviations:\n");
      for (Deviation d : LegacyDeviations.RULES) {
        Long n = c.explained.get(d.id());
        if (n != null) {
          sb.append(String.format(Locale.ROOT, "    %-24s %,8d  %s%n", d.id(), n,
              d.description()));
        }
      }
    }
    sb.append(String.format(Locale.ROOT, "  unexplained differences: %,d%n", c.unexplainedCount));
    for (Example e : c.unexplained.subList(0, Math.min(10, c.unexplained.size()))) {
      sb.append(String.format(Locale.ROOT, "    %s %s %s: %s vs %s%n", e.player(), e.date(),
          e.what(), e.left(), e.right()));
    }
    sb.append(c.agrees() ? "AGREE\n" : "DIFFER\n");
    return sb.toString();
  }

  private static void appendRowsAndGaps(StringBuilder sb, Comparison c) {
    sb.append(String.format(Locale.ROOT, "  rows: %,d on both sides, %,d only left, %,d only "
        + "right, over %d dates%n", c.rows.both, c.rows.leftOnly, c.rows.rightOnly,
        c.rowsByDate.size()));
    c.rowsByDate.forEach((d, n) -> {
      if (n.leftOnly > 0 || n.rightOnly > 0) {
        sb.append(String.format(Locale.ROOT, "    %s  both %d, only left %d, only right %d%n", d,
            n.both, n.leftOnly, n.rightOnly));
      }
    });
    if (c.gaps != null) {
      sb.append(String.format(Locale.ROOT, "  gaps: %,d on both sides (%,d with another reason),"
          + " %,d only left, %,d only right%n", c.gaps.both, c.gapReasonDiffers, c.gaps.leftOnly,
          c.gaps.rightOnly));
    }
  }

  private static void appendFeatures(StringBuilder sb, Comparison c) {
    sb.append("  features (compared / equal / max |diff| / other source):\n");
    for (FeatureStats s : c.features) {
      if (s.compared == s.equal && s.labelDiffers == 0) {
        continue;
      }
      sb.append(String.format(Locale.ROOT, "    #%-2d %-26s %,8d %,8d %12.6g %,6d%n", s.index,
          FeatureContract.feature(s.index).name(), s.compared, s.equal, s.maxAbsDiff,
          s.labelDiffers));
      for (Example e : s.examples) {
        sb.append(String.format(Locale.ROOT, "          %s %s: %s (%s) vs %s (%s)%s%n", e.player(),
            e.date(), e.left(), e.leftLabel(), e.right(), e.rightLabel(),
            e.explainedBy() == null ? "" : "  [" + e.explainedBy() + "]"));
      }
    }
    long sameFeatures = c.features.stream().filter(s -> s.compared == s.equal
        && s.labelDiffers == 0).count();
    sb.append(String.format(Locale.ROOT, "    (%d of %d features agree on every row)%n",
        sameFeatures, c.features.size()));
  }

  private static void appendFields(StringBuilder sb, Comparison c) {
    sb.append("  fields that differ (equal share):\n");
    int differing = 0;
    for (FieldStats f : c.fields.values()) {
      if (f.equal == f.compared) {
        continue;
      }
      differing++;
      sb.append(String.format(Locale.ROOT, "    %-40s %,d of %,d equal (%.2f %%)%n", f.name,
          f.equal, f.compared, 100.0 * f.equal / f.compared));
      Example e = f.examples.get(0);
      sb.append(String.format(Locale.ROOT, "          %s %s: %s vs %s%n", e.player(), e.date(),
          e.left(), e.right()));
    }
    sb.append(String.format(Locale.ROOT, "    (%d of %d fields agree on every row)%n",
        c.fields.size() - differing, c.fields.size()));
  }

  /** One self-contained HTML page (inline CSS, no script, no network). */
  public static String html(Comparison c, String left, String right) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Feature store "
        + "comparison</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:"
        + "collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
        + "th{background:#eee}td.l{text-align:left}.bad{background:#fdd}.ok{background:#dfd}"
        + "</style></head><body>");
    sb.append("<h1>Feature store comparison</h1><p>Left: <code>").append(esc(left))
        .append("</code>").append(c.legacy() ? " (legacy)" : "").append("<br>Right: <code>")
        .append(esc(right)).append("</code><br>Tolerance ").append(c.tolerance())
        .append("</p><p class=\"").append(c.agrees() ? "ok" : "bad").append("\"><b>")
        .append(c.agrees() ? "The stores agree" : "The stores differ").append("</b>: ")
        .append(c.unexplainedCount).append(" unexplained differences</p>");
    sb.append("<h2>Rows</h2><table><tr><th>both</th><th>only left</th><th>only right</th></tr><tr>")
        .append(td(c.rows.both)).append(td(c.rows.leftOnly)).append(td(c.rows.rightOnly))
        .append("</tr></table>");
    sb.append("<h2>Features</h2><table><tr><th>#</th><th>name</th><th>compared</th><th>equal"
        + "</th><th>max |diff|</th><th>other source</th></tr>");
    for (FeatureStats s : c.features) {
      boolean same = s.compared == s.equal && s.labelDiffers == 0;
      sb.append("<tr class=\"").append(same ? "" : "bad").append("\">").append(td(s.index))
          .append("<td class=\"l\">").append(FeatureContract.feature(s.index).name())
          .append("</td>").append(td(s.compared)).append(td(s.equal))
          .append(td(String.format(Locale.ROOT, "%.6g", s.maxAbsDiff))).append(td(s.labelDiffers))
          .append("</tr>");
    }
    sb.append("</table><h2>Fields</h2><table><tr><th>field</th><th>compared</th><th>equal</th>"
        + "</tr>");
    for (FieldStats f : c.fields.values()) {
      sb.append("<tr class=\"").append(f.equal == f.compared ? "" : "bad").append("\">")
          .append("<td class=\"l\">").append(esc(f.name)).append("</td>").append(td(f.compared))
          .append(td(f.equal)).append("</tr>");
    }
    sb.append("</table>");
    if (c.legacy()) {
      sb.append("<h2>Explained by the contract's deviations</h2><table><tr><th>deviation</th>"
          + "<th>differences</th><th>what</th></tr>");
      for (Deviation d : LegacyDeviations.RULES) {
        Long n = c.explained.get(d.id());
        if (n != null) {
          sb.append("<tr><td class=\"l\">").append(esc(d.id())).append("</td>").append(td(n))
              .append("<td class=\"l\">").append(esc(d.description())).append("</td></tr>");
        }
      }
      sb.append("</table>");
    }
    sb.append("<h2>Unexplained differences (first ").append(c.unexplained.size())
        .append(")</h2><table><tr><th>player</th><th>date</th><th>what</th><th>left</th>"
            + "<th>right</th></tr>");
    for (Example e : c.unexplained) {
      sb.append("<tr><td class=\"l\">").append(esc(e.player())).append("</td><td>")
          .append(e.date()).append("</td><td class=\"l\">").append(esc(e.what())).append("</td>")
          .append(td(String.valueOf(e.left()))).append(td(String.valueOf(e.right())))
          .append("</tr>");
    }
    sb.append("</table></body></html>\n");
    return sb.toString();
  }

  private static String td(Object v) {
    return "<td>" + esc(String.valueOf(v)) + "</td>";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
