package cumulus.cli.reproduce;

import cumulus.cli.AtomicFiles;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a figure's panels with XChart (headless) into one PNG: panels on a grid under the
 * figure title. Log axes drop non-positive points; non-finite points are skipped.
 */
public final class Plots {
    /** The paper's colours for N = 4, 8, 64, ∞ in Fig. 1, then more. */
    public static final Color[] PALETTE = {
            new Color(31, 119, 180), new Color(230, 159, 0), new Color(214, 39, 40), Color.BLACK,
            new Color(44, 160, 44), new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194),
            new Color(23, 190, 207), new Color(127, 127, 127)};

    static final int W = 620, H = 460;
    /** Longest line drawn point by point; longer ones are thinned for the PNG. */
    static final int MAX_POINTS = 2500;

    private Plots() { }

    public static Color color(int i) { return PALETTE[Math.floorMod(i, PALETTE.length)]; }

    public static void writePng(FigureData data, Path png) { writePng(render(data), png); }

    /** Encodes an image as PNG and writes it atomically. */
    public static void writePng(BufferedImage img, Path png) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(png, bytes.toByteArray());
    }

    public static BufferedImage render(FigureData data) {
        List<Panel> panels = data.panels();
        int n = panels.size();
        int cols = data.columns() > 0 ? data.columns() : (n <= 3 ? n : 2);
        int rows = (n + cols - 1) / cols;
        int titleH = 44;
        List<BufferedImage> imgs = new ArrayList<>();
        for (Panel p : panels) imgs.add(BitmapEncoder.getBufferedImage(chart(p)));
        int cellW = 0, cellH = 0;
        for (BufferedImage b : imgs) { cellW = Math.max(cellW, b.getWidth()); cellH = Math.max(cellH, b.getHeight()); }
        BufferedImage out = new BufferedImage(cols * cellW, rows * cellH + titleH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        String title = data.name() + ": " + data.title();
        int tw = g.getFontMetrics().stringWidth(title);
        if (tw > out.getWidth() - 20) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            tw = g.getFontMetrics().stringWidth(title);
        }
        g.drawString(title, Math.max(10, (out.getWidth() - tw) / 2), 28);
        for (int i = 0; i < imgs.size(); i++) {
            BufferedImage b = imgs.get(i);
            int x = (i % cols) * cellW + (cellW - b.getWidth()) / 2, y = titleH + (i / cols) * cellH;
            g.drawImage(b, x, y, null);
        }
        g.dispose();
        return out;
    }

    /** log10(max/min) of the positive finite values on one axis of the panel. */
    static double decades(Panel p, boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Series s : p.series()) for (double v : xAxis ? s.x() : s.y()) if (v > 0 && Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        return hi > 0 ? Math.log10(hi / lo) : 0;
    }

    static XYChart chart(Panel p) {
        int w = p.square ? H - 20 : W;
        XYChart c = new XYChartBuilder().width(w).height(H).title(p.title()).xAxisTitle(p.xLabel()).yAxisTitle(p.yLabel()).build();
        var st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Color.DARK_GRAY);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setLegendPosition(Styler.LegendPosition.valueOf(p.legend));
        st.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setChartTitleBoxVisible(false);
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setMarkerSize(6);
        st.setXAxisLogarithmic(p.logX);
        st.setYAxisLogarithmic(p.logY);
        // log axes spanning up to 2.5 (x: sizes N) or 1.5 (y) decades also label 2..9 × 10^k; wider ones decades only
        if (p.logX) st.setXAxisLogarithmicDecadeOnly(decades(p, true) > 2.5);
        if (p.logY) st.setYAxisLogarithmicDecadeOnly(decades(p, false) > 1.5);
        if (p.xMin != null) st.setXAxisMin(p.xMin);
        if (p.xMax != null) st.setXAxisMax(p.xMax);
        if (p.yMin != null) st.setYAxisMin(p.yMin);
        if (p.yMax != null) st.setYAxisMax(p.yMax);
        if (!p.logX) st.setXAxisDecimalPattern("#0.###");
        if (!p.logY) st.setYAxisDecimalPattern("#0.###");
        Set<String> used = new HashSet<>();
        int auto = 0;
        boolean anyLegend = false;
        for (Series s : p.series()) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                double x = s.x()[i], y = s.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                if ((p.logX && x <= 0) || (p.logY && y <= 0)) continue;
                xs.add(x);
                ys.add(y);
            }
            if (xs.isEmpty()) continue;
            if (xs.size() > MAX_POINTS && s.style() != Series.Style.MARKERS && s.style() != Series.Style.CROSSES && s.style() != Series.Style.LINE_MARKERS) {
                // thin long lines for drawing (the CSV keeps every point)
                int step = (xs.size() + MAX_POINTS - 1) / MAX_POINTS;
                List<Double> tx = new ArrayList<>(), ty = new ArrayList<>();
                for (int i = 0; i < xs.size(); i += step) { tx.add(xs.get(i)); ty.add(ys.get(i)); }
                tx.add(xs.get(xs.size() - 1));
                ty.add(ys.get(ys.size() - 1));
                xs = tx;
                ys = ty;
            }
            String name = s.legendText();
            while (!used.add(name)) name = name + " ";
            XYSeries xy = c.addSeries(name, xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray());
            Color col = s.color() != null ? s.color() : color(auto++);
            xy.setLineColor(col);
            xy.setMarkerColor(col);
            xy.setShowInLegend(s.inLegend());
            anyLegend |= s.inLegend();
            switch (s.style()) {
                // solid strokes set explicitly: XChart's theme otherwise cycles dash patterns by series index
                case LINE -> { xy.setMarker(SeriesMarkers.NONE); xy.setLineStyle(new BasicStroke(1.6f)); }
                case DASHED -> { xy.setMarker(SeriesMarkers.NONE); xy.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{7f, 5f}, 0f)); }
                case DOTTED -> { xy.setMarker(SeriesMarkers.NONE); xy.setLineStyle(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{1.5f, 4f}, 0f)); }
                case MARKERS -> { xy.setMarker(SeriesMarkers.CIRCLE); xy.setLineStyle(SeriesLines.NONE); }
                case LINE_MARKERS -> { xy.setMarker(SeriesMarkers.CIRCLE); xy.setLineStyle(new BasicStroke(1.4f)); }
                case CROSSES -> { xy.setMarker(SeriesMarkers.CROSS); xy.setLineStyle(SeriesLines.NONE); }
            }
        }
        if (!anyLegend) st.setLegendVisible(false);
        return c;
    }
}
