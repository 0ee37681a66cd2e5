package cumulus.cli;

import cumulus.cli.reproduce.FigureData;
import cumulus.cli.reproduce.Panel;
import cumulus.cli.reproduce.Plots;
import cumulus.cli.reproduce.Series;
import cumulus.plugins.sweep.Grid;
import cumulus.plugins.sweep.ResultsTable;
import cumulus.plugins.sweep.SweepMeta;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * DIR/sweep.png from DIR/results.csv: for a 1-D grid one line plot per output against the swept
 * parameter; for a 2-D grid one XChart heat map per numeric output over the two parameters, and a
 * categorical heat map of {@code attractor}. A grid of more axes is drawn over its first two axes
 * at the first value of the others (the title says which). Failed points are left blank.
 */
public final class SweepPlot {
    static final String FILE = "sweep.png";
    /** One colour per attractor category, in {@link #CATEGORIES} order. */
    static final List<String> CATEGORIES = List.of("fixed-point", "closed-orbits", "limit-cycle", "quasi-periodic", "irregular", "undecided");
    private static final Color[] CATEGORY_COLORS = {new Color(31, 119, 180), new Color(44, 160, 44), new Color(214, 39, 40),
            new Color(148, 103, 189), Color.BLACK, new Color(190, 190, 190)};

    private SweepPlot() { }

    /** Draws {@code dir/sweep.png} from the sweep in {@code dir}. */
    public static void write(Path dir) { write(dir, dir.resolve(FILE), false); }

    /** Draws the sweep in {@code dir} into {@code png}; with {@code attractorOnly} just the attractor map of a 2-D grid. */
    public static void write(Path dir, Path png, boolean attractorOnly) {
        SweepMeta meta = SweepMeta.read(dir);
        ResultsTable.Read read = ResultsTable.read(dir.resolve(ResultsTable.FILE));
        if (read.header() == null || read.rows().isEmpty()) return;
        Plots.writePng(render(meta, read, attractorOnly), png);
    }

    static BufferedImage render(SweepMeta meta, ResultsTable.Read read, boolean attractorOnly) {
        Grid grid = meta.gridValue();
        List<String> names = grid.names();
        int g = names.size();
        List<String> header = read.header();
        // the rows shown: ok rows, at the first value of the axes beyond the second
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r : read.rows()) {
            if (!"ok".equals(r.get(r.size() - 1))) continue;
            boolean keep = true;
            for (int a = 2; a < g; a++) keep &= num(r.get(a)) == grid.axes().get(a).values().get(0);
            if (keep) rows.add(r);
        }
        StringBuilder slice = new StringBuilder();
        for (int a = 2; a < g; a++) slice.append(", ").append(names.get(a)).append(" = ").append(grid.axes().get(a).values().get(0));
        List<String> numeric = new ArrayList<>();
        for (int c = g; c < header.size() - 2; c++) {
            String h = header.get(c);
            if (h.equals("attractor") || h.equals("decided_by")) continue;
            if (attractorOnly && header.contains("attractor")) continue;
            for (List<String> r : rows) if (Double.isFinite(num(r.get(c)))) { numeric.add(h); break; }
        }
        int att = header.indexOf("attractor");
        String title = meta.model() + (meta.fixed().isEmpty() ? "" : " (" + meta.fixed() + ")") + slice;
        if (g == 1) return lines(title, names.get(0), header, rows, numeric, att);
        return heatMaps(title, names, grid, header, rows, numeric, att);
    }

    private static BufferedImage lines(String title, String x, List<String> header, List<List<String>> rows, List<String> numeric, int att) {
        FigureData d = new FigureData("sweep", title);
        List<List<String>> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparingDouble(r -> num(r.get(0))));
        for (String h : numeric) {
            int c = header.indexOf(h);
            double[] xs = sorted.stream().mapToDouble(r -> num(r.get(0))).toArray();
            double[] ys = sorted.stream().mapToDouble(r -> num(r.get(c))).toArray();
            d.panel(new Panel(h, x, h)).add(new Series(h, xs, ys, Series.Style.LINE_MARKERS, Plots.color(0), false));
        }
        if (att >= 0) {
            double[] xs = sorted.stream().mapToDouble(r -> num(r.get(0))).toArray();
            double[] ys = sorted.stream().mapToDouble(r -> CATEGORIES.indexOf(r.get(att))).toArray();
            StringBuilder legend = new StringBuilder("attractor:");
            for (int i = 0; i < CATEGORIES.size(); i++) legend.append(' ').append(i).append(' ').append(CATEGORIES.get(i));
            d.panel(new Panel(legend.toString(), x, "attractor category")).add(new Series("attractor", xs, ys, Series.Style.MARKERS, Plots.color(2), false));
        }
        return Plots.render(d);
    }

    private static BufferedImage heatMaps(String title, List<String> names, Grid grid, List<String> header, List<List<String>> rows, List<String> numeric, int att) {
        List<Double> xs = grid.axes().get(0).values().stream().sorted().toList();
        List<Double> ys = grid.axes().get(1).values().stream().sorted().toList();
        List<BufferedImage> imgs = new ArrayList<>();
        for (String h : numeric) {
            int c = header.indexOf(h);
            List<Number[]> cells = new ArrayList<>();
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (List<String> r : rows) {
                double v = num(r.get(c));
                if (!Double.isFinite(v)) continue;
                cells.add(new Number[]{xs.indexOf(num(r.get(0))), ys.indexOf(num(r.get(1))), v});
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (cells.isEmpty()) continue;
            HeatMapChart chart = chart(h, names, xs, ys);
            chart.getStyler().setMin(lo).setMax(hi > lo ? hi : lo + 1e-12);
            chart.addSeries(h, labels(xs), labels(ys), cells);
            imgs.add(BitmapEncoder.getBufferedImage(chart));
        }
        if (att >= 0) {
            List<Number[]> cells = new ArrayList<>();
            TreeSet<Integer> seen = new TreeSet<>();
            for (List<String> r : rows) {
                int k = CATEGORIES.indexOf(r.get(att));
                if (k < 0) continue;
                seen.add(k);
                cells.add(new Number[]{xs.indexOf(num(r.get(0))), ys.indexOf(num(r.get(1))), k});
            }
            if (!cells.isEmpty()) {
                StringBuilder legend = new StringBuilder("attractor:");
                for (int k : seen) legend.append(' ').append(k).append('=').append(CATEGORIES.get(k));
                HeatMapChart chart = chart(legend.toString(), names, xs, ys);
                // one colour per category; the cells carry the category's short name (the title spells them out)
                chart.getStyler().setRangeColors(CATEGORY_COLORS).setPiecewise(true).setPiecewiseRanged(false)
                        .setSplitNumber(CATEGORIES.size()).setMin(0).setMax(CATEGORIES.size() - 1).setShowValue(xs.size() * ys.size() <= 400)
                        .setValueFontColor(Color.WHITE).setHeatMapValueDecimalPattern("0");
                chart.getStyler().setLegendVisible(false);
                chart.addSeries("attractor", labels(xs), labels(ys), cells);
                imgs.add(BitmapEncoder.getBufferedImage(chart));
            }
        }
        return compose(title, imgs);
    }

    private static HeatMapChart chart(String title, List<String> names, List<Double> xs, List<Double> ys) {
        HeatMapChart c = new HeatMapChartBuilder().width(600).height(460).title(title).xAxisTitle(names.get(0)).yAxisTitle(names.get(1)).build();
        var st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setShowValue(xs.size() * ys.size() <= 60);
        st.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, xs.size() > 8 ? 9 : 11));
        st.setHeatMapValueDecimalPattern("#0.###");
        st.setRangeColors(new Color[]{new Color(48, 18, 59), new Color(33, 145, 140), new Color(253, 231, 37)});
        st.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        // thin the tick labels of long axes
        st.setXAxisLabelRotation(xs.size() > 12 ? 90 : 0);
        return c;
    }

    private static List<String> labels(List<Double> v) {
        List<String> out = new ArrayList<>();
        for (double d : v) out.add(String.format(Locale.ROOT, "%.4g", d));
        return out;
    }

    private static BufferedImage compose(String title, List<BufferedImage> imgs) {
        if (imgs.isEmpty()) imgs = List.of(new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB));
        int cols = imgs.size() <= 3 ? imgs.size() : 3;
        int rows = (imgs.size() + cols - 1) / cols;
        int cw = 0, ch = 0;
        for (BufferedImage b : imgs) { cw = Math.max(cw, b.getWidth()); ch = Math.max(ch, b.getHeight()); }
        int top = 40;
        BufferedImage out = new BufferedImage(cols * cw, rows * ch + top, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = out.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, out.getWidth(), out.getHeight());
        gr.setColor(Color.BLACK);
        gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        gr.drawString("sweep: " + title, 10, 26);
        for (int i = 0; i < imgs.size(); i++) gr.drawImage(imgs.get(i), (i % cols) * cw, top + (i / cols) * ch, null);
        gr.dispose();
        return out;
    }

    private static double num(String s) {
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Numeric outputs of a results table by grid point, for tests and reproduce: column → (grid values → value). */
    static Map<String, Map<List<Double>, Double>> columns(ResultsTable.Read read, int g) {
        Map<String, Map<List<Double>, Double>> out = new LinkedHashMap<>();
        for (int c = g; c < read.header().size(); c++) {
            Map<List<Double>, Double> m = new LinkedHashMap<>();
            for (List<String> r : read.rows()) m.put(ResultsTable.key(r, g), num(r.get(c)));
            out.put(read.header().get(c), m);
        }
        return out;
    }
}
