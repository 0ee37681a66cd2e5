package cumulus.plugins.sweep;

import java.util.ArrayList;
import java.util.List;

/** CSV cells of results.csv (RFC 4180 quoting; numbers as Java prints them, so they round-trip). */
public final class Cells {
    private Cells() { }

    /** A number as the single commands print it in JSON; non-finite (JSON null) as an empty cell. */
    public static String number(double v) {
        if (!Double.isFinite(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.valueOf(v);
    }

    public static String text(String s) {
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.contains(",") || one.contains("\"") ? "\"" + one.replace("\"", "\"\"") + "\"" : one;
    }

    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) b.append(i == 0 ? "" : ",").append(text(cells.get(i)));
        return b.toString();
    }

    /** The cells of one CSV line (no line breaks inside), or null if a quote is left open. */
    public static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; } else quoted = false;
                } else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        if (quoted) return null;
        out.add(cur.toString());
        return out;
    }
}
