package cumulus.cli.reproduce;

import java.awt.Color;

/**
 * One plotted curve: its name (the CSV's series column), the points, how it is drawn, its colour
 * (null: the palette's next), whether it appears in the legend and the legend text (null: the name).
 * Non-finite points are kept in the CSV but skipped when drawing.
 */
public record Series(String name, double[] x, double[] y, Style style, Color color, boolean inLegend, String label) {

    /** How a curve is drawn. */
    public enum Style { LINE, DASHED, DOTTED, MARKERS, LINE_MARKERS, CROSSES }

    public Series {
        if (x.length != y.length) throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length + " y values");
    }

    public Series(String name, double[] x, double[] y, Style style, Color color, boolean inLegend) {
        this(name, x, y, style, color, inLegend, null);
    }

    public static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, Style.LINE, null, true); }
    public static Series markers(String name, double[] x, double[] y) { return new Series(name, x, y, Style.MARKERS, null, true); }

    public Series color(Color c) { return new Series(name, x, y, style, c, inLegend, label); }
    public Series style(Style s) { return new Series(name, x, y, s, color, inLegend, label); }
    public Series hidden() { return new Series(name, x, y, style, color, false, label); }
    /** Shows {@code text} in the legend (if {@code show}) instead of the series name. */
    public Series legend(String text, boolean show) { return new Series(name, x, y, style, color, show, text); }

    public String legendText() { return label != null ? label : name; }

    public int size() { return x.length; }
}
