package cumulus.cli.reproduce;

import java.util.ArrayList;
import java.util.List;

/**
 * One chart of a figure: title, axis labels (with units), log scales, optional fixed ranges and
 * its curves. Built fluently: {@code new Panel("(a)", "t [1/κ]", "C_diag").add(series)}.
 */
public final class Panel {
    final String title, xLabel, yLabel;
    boolean logX, logY, square;
    Double xMin, xMax, yMin, yMax;
    String legend = "InsideNE";
    final List<Series> series = new ArrayList<>();

    public Panel(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public Panel add(Series s) { series.add(s); return this; }
    public Panel logX() { logX = true; return this; }
    public Panel logY() { logY = true; return this; }
    /** Draws the panel square (equal-aspect projections such as the unit circle). */
    public Panel square() { square = true; return this; }
    /** Legend position: an XChart {@code Styler.LegendPosition} name (InsideNE, InsideNW, InsideSE, InsideSW, OutsideE, OutsideS). */
    public Panel legend(String position) { legend = position; return this; }
    public Panel xRange(double lo, double hi) { xMin = lo; xMax = hi; return this; }
    public Panel yRange(double lo, double hi) { yMin = lo; yMax = hi; return this; }

    public String title() { return title; }
    public String xLabel() { return xLabel; }
    public String yLabel() { return yLabel; }
    public List<Series> series() { return series; }
    public boolean isLogX() { return logX; }
    public boolean isLogY() { return logY; }

    /** The curve of this name (tests). */
    public Series series(String name) {
        for (Series s : series) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException("no series '" + name + "' in panel '" + title + "'");
    }
}
