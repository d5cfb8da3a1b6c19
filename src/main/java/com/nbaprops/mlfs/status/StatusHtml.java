package com.nbaprops.mlfs.status;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.status.StoreStatus.DateRow;
import com.nbaprops.mlfs.status.StoreStatus.GapGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status report as one self-contained HTML page: inline CSS and SVG, no script, no network.
 * Coverage per date, open gaps by reason over time, defaults per feature by week (heat map), the
 * health table's alerts where one exists, and the repair plan.
 */
public final class StatusHtml {
  private StatusHtml() {}

  private static final String[] COLORS = {"#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd",
      "#8c564b"};

  /** The page; {@code alerts} from the store's health rows ({@link StoreStatus#alerts}). */
  public static String page(StoreStatus s, StatusReport.Commands c) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feature "
        + "store status ").append(s.start).append(" .. ").append(s.end).append("</title><style>"
        + "body{font-family:sans-serif;margin:1.5em;color:#222}h2{margin-top:1.6em}"
        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
        + "th{background:#eee}.ok{color:#2a2}.bad{color:#c22}code{font-size:90%}"
        + "svg{border:1px solid #ddd;background:#fcfcfc}</style></head><body>");
    sb.append("<h1>Feature store status ").append(s.start).append(" .. ").append(s.end)
        .append("</h1>");
    sb.append("<p class=\"").append(s.needsRebuild() ? "bad" : "ok").append("\">")
        .append(s.needsRebuild() ? s.repair.size() + " range(s) to rebuild: "
            + s.missing.size() + " missing, " + s.stale.size() + " stale, " + s.unbalanced.size()
            + " unbalanced date(s)" : "Nothing to rebuild").append("</p>");
    coverage(sb, s);
    gaps(sb, s);
    heatMap(sb, s);
    sb.append("<h2>Alerts of the health table</h2>");
    if (!s.lowCoverage.isEmpty()) {
      sb.append("<p class=\"bad\">Below the coverage gate: ").append(s.lowCoverage.size())
          .append(" date(s).</p>");
    }
    if (s.alerts.isEmpty()) {
      sb.append("<p>No alerts in <code>feature_store_daily_health</code>.</p>");
    } else {
      sb.append("<table><tr><th>game date</th><th>alerts</th></tr>");
      s.alerts.descendingMap().forEach((d, a) -> sb.append("<tr><td>").append(d)
          .append("</td><td>").append(esc(String.join(", ", a))).append("</td></tr>"));
      sb.append("</table>");
    }
    sb.append("<h2>Repair plan</h2>");
    if (s.repair.isEmpty()) {
      sb.append("<p>Nothing to rebuild.</p>");
    } else {
      sb.append("<table><tr><th>start</th><th>end</th><th>days</th><th>local command</th></tr>");
      List<String> local = c.local(s.repair);
      for (int i = 0; i < s.repair.size(); i++) {
        RepairPlan.Range r = s.repair.get(i);
        sb.append("<tr><td>").append(r.start()).append("</td><td>").append(r.end())
            .append("</td><td>").append(r.days()).append("</td><td><code>")
            .append(esc(local.get(i))).append("</code></td></tr>");
      }
      sb.append("</table><p>On Dataflow:</p><ul>");
      c.flex(s.repair).forEach(f -> sb.append("<li><code>").append(esc(f))
          .append("</code></li>"));
      sb.append("</ul>");
    }
    sb.append("</body></html>\n");
    return sb.toString();
  }

  private static void coverage(StringBuilder sb, StoreStatus s) {
    sb.append("<h2>Coverage per date</h2><p>Bars: quality-ready share of the roster (%); "
        + "red: a date with games and no output.</p>");
    List<DateRow> rows = s.dates;
    int w = Math.max(2, Math.min(40, 900 / Math.max(1, rows.size())));
    int width = 40 + w * rows.size();
    int h = 160;
    sb.append(String.format(Locale.ROOT, "<svg id=\"coverage\" xmlns=\"http://www.w3.org/2000/"
        + "svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"coverage per date\">", width,
        h + 20));
    for (int pct = 0; pct <= 100; pct += 50) {
      int y = 10 + (h - 10) * (100 - pct) / 100;
      sb.append(String.format(Locale.ROOT, "<line x1=\"35\" x2=\"%d\" y1=\"%d\" y2=\"%d\" "
          + "stroke=\"#ddd\"/><text x=\"2\" y=\"%d\" font-size=\"10\">%d%%</text>", width, y, y,
          y + 3, pct));
    }
    for (int i = 0; i < rows.size(); i++) {
      DateRow d = rows.get(i);
      int x = 40 + i * w;
      if (d.roster() > 0 && !d.hasOutput()) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"%d\" "
            + "fill=\"#d62728\"><title>%s: missing</title></rect>", x, Math.max(1, w - 1), h - 10,
            d.date()));
        continue;
      }
      double pct = d.qualityReadyPct() == null ? 0 : d.qualityReadyPct();
      int bh = (int) Math.round((h - 10) * pct / 100.0);
      sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
          + "fill=\"#1f77b4\"><title>%s: %d of %d quality-ready (%.1f %%)</title></rect>", x,
          h - bh, Math.max(1, w - 1), bh, d.date(), d.qualityReady(), d.roster(), pct));
    }
    label(sb, rows, w, h + 15);
    sb.append("</svg>");
  }

  private static void gaps(StringBuilder sb, StoreStatus s) {
    sb.append("<h2>Open gaps by reason over time</h2>");
    if (s.gaps.isEmpty()) {
      sb.append("<p>No open gaps.</p>");
      return;
    }
    List<DateRow> rows = s.dates;
    int w = Math.max(2, Math.min(40, 900 / Math.max(1, rows.size())));
    int width = 40 + w * rows.size();
    int h = 120;
    long max = 1;
    for (DateRow d : rows) {
      max = Math.max(max, d.openGaps());
    }
    sb.append("<p>");
    List<GapGroup> groups = new ArrayList<>(s.gaps.values());
    for (int g = 0; g < groups.size(); g++) {
      sb.append("<span style=\"color:").append(COLORS[g % COLORS.length]).append("\">&#9632; ")
          .append(esc(groups.get(g).reason)).append(" (").append(groups.get(g).count)
          .append(")</span> ");
    }
    sb.append("</p>");
    sb.append(String.format(Locale.ROOT, "<svg id=\"gaps\" xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"open gaps by reason\">", width,
        h + 20));
    sb.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"12\" font-size=\"10\">%d</text>",
        max));
    for (int i = 0; i < rows.size(); i++) {
      LocalDate d = rows.get(i).date();
      int y = h;
      for (int g = 0; g < groups.size(); g++) {
        long n = groups.get(g).byDate.getOrDefault(d, 0L);
        if (n == 0) {
          continue;
        }
        int bh = (int) Math.max(1, Math.round((h - 10) * (double) n / max));
        y -= bh;
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
            + "fill=\"%s\"><title>%s: %d %s</title></rect>", 40 + i * w, y, Math.max(1, w - 1), bh,
            COLORS[g % COLORS.length], d, n, esc(groups.get(g).reason)));
      }
    }
    label(sb, rows, w, h + 15);
    sb.append("</svg>");
  }

  private static void heatMap(StringBuilder sb, StoreStatus s) {
    sb.append("<h2>Defaults per feature by week</h2><p>Share of the week's rows with the feature "
        + "defaulted (darker: more).</p>");
    List<Map.Entry<String, long[]>> weeks = new ArrayList<>(s.weeklyDefaults.entrySet());
    int cw = Math.max(6, Math.min(40, 760 / Math.max(1, weeks.size())));
    int ch = 11;
    int left = 190;
    int width = left + cw * weeks.size() + 10;
    int height = 20 + ch * FeatureContract.FEATURE_COUNT + 20;
    sb.append(String.format(Locale.ROOT, "<svg id=\"defaults\" xmlns=\"http://www.w3.org/2000/svg\""
        + " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"defaults per feature by week\">",
        width, height));
    for (int f = 0; f < FeatureContract.FEATURE_COUNT; f++) {
      int y = 20 + f * ch;
      sb.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"9\">#%d %s</text>",
          y + 9, f, FeatureContract.feature(f).name()));
      for (int k = 0; k < weeks.size(); k++) {
        long rows = s.weeklyRows.getOrDefault(weeks.get(k).getKey(), 0L);
        double share = rows == 0 ? 0 : (double) weeks.get(k).getValue()[f] / rows;
        int shade = (int) Math.round(255 - 200 * Math.min(1.0, share));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
            + "fill=\"rgb(255,%d,%d)\"><title>%s #%d: %.1f %% defaulted</title></rect>",
            left + k * cw, y, cw - 1, ch - 1, shade, shade, weeks.get(k).getKey(), f, 100 * share));
      }
    }
    for (int k = 0; k < weeks.size(); k += Math.max(1, (70 + cw - 1) / cw)) {
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\" font-size=\"9\">%s</text>",
          left + k * cw, weeks.get(k).getKey()));
    }
    sb.append("</svg>");
  }

  private static void label(StringBuilder sb, List<DateRow> rows, int w, int y) {
    if (rows.isEmpty()) {
      return;
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"40\" y=\"%d\" font-size=\"10\">%s</text>", y,
        rows.get(0).date()));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" "
        + "text-anchor=\"end\">%s</text>", 40 + w * rows.size(), y,
        rows.get(rows.size() - 1).date()));
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
