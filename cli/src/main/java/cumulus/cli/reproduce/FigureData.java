package cumulus.cli.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a figure computed: its panels (every plotted curve), the notes for summary.md (markdown)
 * and the key numbers behind it (name → value, also listed in the summary).
 */
public final class FigureData {
    private final String name;
    private final String title;
    private final List<Panel> panels = new ArrayList<>();
    private final StringBuilder notes = new StringBuilder();
    private final Map<String, Double> numbers = new LinkedHashMap<>();
    private int columns;

    public FigureData(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public String name() { return name; }
    public String title() { return title; }
    public List<Panel> panels() { return panels; }
    public Map<String, Double> numbers() { return numbers; }
    public String notes() { return notes.toString(); }
    /** Panels per row in the PNG (0: all in one row up to three, then two per row). */
    public int columns() { return columns; }

    public FigureData columns(int c) { columns = c; return this; }
    public Panel panel(Panel p) { panels.add(p); return p; }
    public FigureData note(String markdownLine) { notes.append(markdownLine).append('\n'); return this; }
    public FigureData note(String fmt, Object... args) { return note(String.format(Locale.ROOT, fmt, args)); }
    public FigureData number(String key, double value) { numbers.put(key, value); return this; }

    public double number(String key) {
        Double v = numbers.get(key);
        if (v == null) throw new IllegalArgumentException("no number '" + key + "' in " + name + ": " + numbers.keySet());
        return v;
    }

    public Panel panel(String title) {
        for (Panel p : panels) if (p.title().equals(title)) return p;
        throw new IllegalArgumentException("no panel '" + title + "' in " + name);
    }

    /** Long-format CSV of every plotted curve: figure,panel,series,x,y. */
    public String csv() {
        StringBuilder sb = new StringBuilder("figure,panel,series,x,y\n");
        for (Panel p : panels) for (Series s : p.series()) {
            String head = cell(name) + "," + cell(p.title()) + "," + cell(s.name()) + ",";
            for (int i = 0; i < s.size(); i++)
                sb.append(head).append(num(s.x()[i])).append(',').append(num(s.y()[i])).append('\n');
        }
        return sb.toString();
    }

    static String num(double v) { return Double.isFinite(v) ? Double.toString(v) : ""; }

    static String cell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
