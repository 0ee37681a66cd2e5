package cumulus.cli.reproduce;

import cumulus.cli.AtomicFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs figures into an output folder with resumable, atomic bookkeeping. Per figure it writes
 * FIGURE.csv, FIGURE.png, the summary notes .FIGURE.notes.md and, last, the marker .FIGURE.done
 * recording the mode ("quick" or "full") and the seconds it took — every file by temp file +
 * rename. A figure counts as complete when its marker and files exist and the marker's mode
 * covers the request (a full run does not accept quick results; a quick run accepts full ones).
 * An interrupted run leaves no marker for the figure it was on, so the next run redoes just that
 * one. summary.md is rebuilt at the end from every complete figure in the folder.
 */
public final class Reproducer {
    /** What happened to one figure. */
    public enum Outcome { COMPUTED, SKIPPED, FAILED }

    private final List<Figure> figures;
    private final Path out;
    private final Mode mode;
    private final Context ctx;
    private final PrintWriter err;
    private final boolean force;

    public Reproducer(List<Figure> figures, Path out, Mode mode, Context ctx, PrintWriter err, boolean force) {
        this.figures = List.copyOf(figures);
        this.out = out;
        this.mode = mode;
        this.ctx = ctx;
        this.err = err;
        this.force = force;
    }

    public static Path marker(Path dir, String name) { return dir.resolve("." + name + ".done"); }
    static Path notes(Path dir, String name) { return dir.resolve("." + name + ".notes.md"); }

    /** The mode recorded in a figure's marker, or null when the figure is not complete in {@code dir}. */
    public static String completedMode(Path dir, String name) {
        Path mk = marker(dir, name);
        if (!Files.isRegularFile(mk)) return null;
        for (String f : new String[]{name + ".png", name + ".csv"}) {
            Path p = dir.resolve(f);
            try {
                if (!Files.isRegularFile(p) || Files.size(p) == 0) return null;
            } catch (IOException e) {
                return null;
            }
        }
        if (!Files.isRegularFile(notes(dir, name))) return null;
        return readMarker(mk).getOrDefault("mode", null);
    }

    static Map<String, String> readMarker(Path mk) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(mk)) {
                int eq = line.indexOf('=');
                if (eq > 0) m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }

    boolean accepts(String done) {
        if (done == null) return false;
        return mode == Mode.QUICK ? (done.equals("quick") || done.equals("full")) : done.equals("full");
    }

    public Map<String, Outcome> run() {
        AtomicFiles.folder(out);
        removeStaleParts();
        Map<String, Outcome> result = new LinkedHashMap<>();
        long start = System.nanoTime();
        int i = 0;
        for (Figure f : figures) {
            i++;
            String head = String.format(Locale.ROOT, "[%d/%d] %s", i, figures.size(), f.name());
            String done = completedMode(out, f.name());
            if (!force && accepts(done)) {
                log("%s: already complete (%s) in %s, skipped", head, done, out);
                result.put(f.name(), Outcome.SKIPPED);
                continue;
            }
            log("%s: computing (%s)%s ...", head, mode.label(), done != null && !force ? " — replacing the " + done + " result" : "");
            long t0 = System.nanoTime();
            // the marker says "these files belong together": it goes before any of them is replaced
            AtomicFiles.delete(marker(out, f.name()));
            try {
                FigureData d = f.compute(mode, ctx);
                double computed = (System.nanoTime() - t0) * 1e-9;
                AtomicFiles.write(out.resolve(f.name() + ".csv"), d.csv());
                f.plot(d, out.resolve(f.name() + ".png"));
                double secs = (System.nanoTime() - t0) * 1e-9;
                AtomicFiles.write(notes(out, f.name()), notesText(f, d));
                AtomicFiles.write(marker(out, f.name()), "mode=" + mode.label() + "\nseconds=" + String.format(Locale.ROOT, "%.1f", secs)
                        + "\nfinished=" + Instant.now() + "\n");
                log("%s: done in %.1f s (compute %.1f s, csv + png %.1f s) -> %s, %s", head, secs, computed, secs - computed, out.resolve(f.name() + ".png"), out.resolve(f.name() + ".csv"));
                result.put(f.name(), Outcome.COMPUTED);
            } catch (cumulus.api.ModelException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                log("%s: FAILED after %.1f s: %s", head, (System.nanoTime() - t0) * 1e-9, e);
                if (System.getenv("CUMULUS_DEBUG") != null) e.printStackTrace(err);
                result.put(f.name(), Outcome.FAILED);
            }
        }
        writeSummary();
        log("reproduce: %d computed, %d skipped, %d failed in %.1f s; summary: %s",
                count(result, Outcome.COMPUTED), count(result, Outcome.SKIPPED), count(result, Outcome.FAILED),
                (System.nanoTime() - start) * 1e-9, out.resolve("summary.md"));
        return result;
    }

    private static long count(Map<String, Outcome> r, Outcome o) { return r.values().stream().filter(o::equals).count(); }

    private void log(String fmt, Object... args) {
        err.println(String.format(Locale.ROOT, fmt, args));
        err.flush();
    }

    private void removeStaleParts() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out, ".*.part")) {
            for (Path p : ds) Files.deleteIfExists(p);
        } catch (IOException e) {
            // leftovers are harmless
        }
    }

    static String notesText(Figure f, FigureData d) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(f.name()).append(" — ").append(d.title()).append("\n\n");
        sb.append("![").append(f.name()).append("](").append(f.name()).append(".png)\n\n");
        sb.append("*").append(f.caption()).append(".* Data: [`").append(f.name()).append(".csv`](").append(f.name()).append(".csv) (long format: figure, panel, series, x, y).\n\n");
        sb.append(d.notes()).append('\n');
        if (!d.numbers().isEmpty()) {
            sb.append("<details><summary>key numbers</summary>\n\n");
            for (Map.Entry<String, Double> e : d.numbers().entrySet())
                sb.append("- `").append(e.getKey()).append("` = ").append(String.format(Locale.ROOT, "%.6g", e.getValue())).append('\n');
            sb.append("\n</details>\n\n");
        }
        return sb.toString();
    }

    /** summary.md: a table of the complete figures, the diagnosis first, then every figure's notes with its image. */
    void writeSummary() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Cumulus: the paper's figures reproduced\n\n");
        sb.append("Paper: *Sufficient condition for gapless spin-boson Lindbladians, and its connection to dissipative time-crystals* "
                + "(Figs. 1–4, S1, S2). Made by `cumulus reproduce`; times in units of 1/κ (1/ω_x for the dephasing model), rates in κ. "
                + "Every curve of a figure is in its CSV. Conventions: ../SPEC.md (m = S/S, symmetrized cumulants).\n\n");
        sb.append("| figure | mode | seconds | what it shows |\n|---|---|---|---|\n");
        List<Figure> present = new ArrayList<>();
        for (Figure f : Figures.all()) {
            String m = completedMode(out, f.name());
            Map<String, String> mk = readMarker(marker(out, f.name()));
            if (m == null) {
                sb.append("| ").append(f.name()).append(" | missing | | ").append(f.caption().replace("|", "\\|")).append(" |\n");
            } else {
                present.add(f);
                sb.append("| [").append(f.name()).append("](#").append(f.name()).append(") | ").append(m).append(" | ").append(mk.getOrDefault("seconds", "")).append(" | ").append(f.caption().replace("|", "\\|")).append(" |\n");
            }
        }
        sb.append('\n');
        // the diagnosis first, then the figures in the paper's order
        present.sort((a, b) -> Boolean.compare(!a.name().equals("diagnosis"), !b.name().equals("diagnosis")));
        for (Figure f : present) {
            try {
                sb.append("<a id=\"").append(f.name()).append("\"></a>\n\n").append(Files.readString(notes(out, f.name()))).append('\n');
            } catch (IOException e) {
                sb.append("(notes of ").append(f.name()).append(" unreadable: ").append(e.getMessage()).append(")\n\n");
            }
        }
        AtomicFiles.write(out.resolve("summary.md"), sb.toString());
    }
}
