package cumulus.plugins.sweep;

import cumulus.api.ModelException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code DIR/results.csv}, append-only and resumable. Each finished point is one line written by a
 * single {@code write} of the whole line and forced to disk, so a crash leaves at most one cut-off
 * last line; opening the table again drops that line (the file is rewritten without it through a
 * temporary file and an atomic rename) and reports the grid points already done, which a rerun
 * skips. A row counts as done only when it ends with a line break and has every column.
 */
public final class ResultsTable implements AutoCloseable {
    public static final String FILE = "results.csv";

    private final Path file;
    private final List<String> header;
    private final int gridColumns;
    private final List<List<String>> rows;
    private FileChannel channel;

    private ResultsTable(Path file, List<String> header, int gridColumns, List<List<String>> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.gridColumns = gridColumns;
        this.rows = rows;
    }

    /**
     * Opens (creating if needed) {@code dir/results.csv} with this header; an existing file must
     * have the same header (the same sweep), else the request is refused.
     */
    public static ResultsTable open(Path dir, List<String> header, int gridColumns) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new ModelException("cannot write " + dir + ": " + reason(e) + ": give a writable --out folder");
        }
        List<List<String>> rows = new ArrayList<>();
        String head = Cells.line(header);
        if (Files.exists(file)) {
            Read r = read(file);
            if (r.header != null && !r.header.equals(header))
                throw new ModelException(file + " holds another sweep (columns " + abbreviate(String.join(",", r.header)) + ", this one has " + abbreviate(head)
                        + "): use another --out folder or delete that file");
            rows.addAll(r.rows);
            if (r.cutTail || r.header == null) rewrite(file, head, rows);
        } else {
            rewrite(file, head, rows);
        }
        ResultsTable t = new ResultsTable(file, header, gridColumns, rows);
        try {
            t.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException | SecurityException e) {
            throw new ModelException("cannot write " + file + ": " + reason(e));
        }
        return t;
    }

    /** What a results.csv holds: header, complete rows, and whether a cut-off last line was dropped. */
    public record Read(List<String> header, List<List<String>> rows, boolean cutTail) { }

    public static Read read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("cannot read " + file + ": " + reason(e));
        }
        boolean cut = !text.isEmpty() && !text.endsWith("\n");
        String[] lines = text.split("\n", -1);
        int complete = lines.length - 1; // the last element follows the last line break: empty, or a cut-off line
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < complete; i++) {
            List<String> cells = Cells.parse(lines[i]);
            if (i == 0) { header = cells; continue; }
            if (lines[i].isEmpty()) continue;
            if (cells == null || cells.size() != header.size()) {
                if (i == complete - 1) { cut = true; continue; }
                throw new ModelException(file + " line " + (i + 1) + " has " + (cells == null ? "an open quote" : cells.size() + " cells, the header " + header.size())
                        + ": the file was edited; repair or delete that line");
            }
            rows.add(cells);
        }
        return new Read(header, rows, cut);
    }

    /** The grid values of the rows already done (a rerun skips these points). */
    public Set<List<Double>> done() {
        Set<List<Double>> out = new HashSet<>();
        for (List<String> r : rows) out.add(key(r, gridColumns));
        return out;
    }

    public static List<Double> key(List<String> row, int gridColumns) {
        List<Double> k = new ArrayList<>();
        for (int i = 0; i < gridColumns; i++) {
            try {
                k.add(Double.parseDouble(row.get(i)));
            } catch (NumberFormatException e) {
                k.add(Double.NaN);
            }
        }
        return k;
    }

    public List<String> header() { return header; }

    public synchronized int rowCount() { return rows.size(); }

    /** Appends one finished row: one write of the whole line, forced to disk. */
    public synchronized void append(List<String> cells) {
        if (cells.size() != header.size()) throw new IllegalArgumentException("row of " + cells.size() + " cells for " + header.size() + " columns");
        byte[] bytes = (Cells.line(cells) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) channel.write(buf);
            channel.force(false);
        } catch (IOException e) {
            throw new ModelException("cannot append to " + file + ": " + reason(e));
        }
        rows.add(List.copyOf(cells));
    }

    @Override public synchronized void close() {
        try {
            if (channel != null) channel.close();
        } catch (IOException e) {
            throw new ModelException("cannot close " + file + ": " + reason(e));
        }
    }

    /** Writes header and rows through a temporary file and an atomic rename. */
    public static void rewrite(Path file, String header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder(header).append('\n');
        for (List<String> r : rows) b.append(Cells.line(r)).append('\n');
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException | SecurityException e) {
            throw new ModelException("cannot write " + file + ": " + reason(e));
        } finally {
            if (tmp != null) try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* nothing more to do */ }
        }
    }

    private static String abbreviate(String s) { return s.length() > 120 ? s.substring(0, 117) + "..." : s; }

    static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
