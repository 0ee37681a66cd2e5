package cumulus.modelfile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read with Jackson's streaming parser into a small tree that remembers where
 * every key and value starts (line and column, 1-based), so that errors can point at them.
 */
final class YamlTree {
    private YamlTree() { }

    /** A place in the file, 1-based. */
    record Loc(int line, int column) {
        static final Loc START = new Loc(1, 1);
        Loc plusColumns(int n) { return new Loc(line, column + n); }
        @Override public String toString() { return "line " + line + ", column " + column; }
    }

    sealed interface Node permits MapNode, ListNode, Scalar {
        Loc loc();
        /** "a mapping", "a list", "a string", ... for messages about wrong types. */
        String kind();
    }

    record MapNode(Loc loc, Map<String, Node> entries, Map<String, Loc> keyLocs) implements Node {
        @Override public String kind() { return "a mapping"; }
        Node get(String key) { return entries.get(key); }
        Loc keyLoc(String key) { return keyLocs.get(key); }
    }

    record ListNode(Loc loc, List<Node> items) implements Node {
        @Override public String kind() { return "a list"; }
    }

    /** The file text, for mapping offsets inside scalars back to lines and columns. */
    static final class Source {
        final String text;
        private final int[] lineStarts;

        Source(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
            lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Absolute index of a location, or -1. */
        int index(Loc l) {
            if (l.line() < 1 || l.line() > lineStarts.length) return -1;
            int i = lineStarts[l.line() - 1] + l.column() - 1;
            return i >= 0 && i <= text.length() ? i : -1;
        }

        Loc loc(int index) {
            int line = 0;
            while (line + 1 < lineStarts.length && lineStarts[line + 1] <= index) line++;
            return new Loc(line + 1, index - lineStarts[line] + 1);
        }
    }

    /**
     * A scalar: its token kind, its text (after YAML's quoting and line folding), and where its
     * content starts in the source (-1 when unknown), so that {@link #at(int)} can point inside it.
     */
    record Scalar(Loc loc, JsonToken token, String text, Source source, int contentStart) implements Node {
        @Override public String kind() {
            return switch (token) {
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "nothing (null)";
                default -> "a " + token;
            };
        }
        boolean isNumber() { return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT; }
        boolean isString() { return token == JsonToken.VALUE_STRING; }
        /**
         * The file location of character {@code index} of the text: the text is aligned with the
         * source, where a run of whitespace and line breaks may stand for one folded space. Falls
         * back to the scalar's start where they cannot be aligned (escape sequences).
         */
        Loc at(int index) {
            if (contentStart < 0 || index < 0 || index > text.length()) return loc;
            String src = source.text;
            int si = contentStart;
            for (int ti = 0; ti < index; ti++) {
                char tc = text.charAt(ti);
                if (si < src.length() && src.charAt(si) == tc) { si++; continue; }
                if (Character.isWhitespace(tc) && si < src.length() && Character.isWhitespace(src.charAt(si))) {
                    while (si < src.length() && Character.isWhitespace(src.charAt(si))) si++;
                    continue;
                }
                return loc;
            }
            if (index < text.length() && !Character.isWhitespace(text.charAt(index)))
                while (si < src.length() && Character.isWhitespace(src.charAt(si))) si++;
            if (si > src.length()) return loc;
            return source.loc(si);
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** Parses {@code text}; YAML syntax errors and empty or multi-document files are {@link FileError}s. */
    static Node read(String text) {
        Source lines = new Source(text);
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) throw new FileError(Loc.START, "the file is empty: expected a mapping with at least the keys 'name' and 'hamiltonian'");
            Node root = node(p, lines);
            if (p.nextToken() != null)
                throw new FileError(loc(p.currentTokenLocation()), "a second YAML document (after '---'): a model file holds exactly one model");
            return root;
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw new FileError(Loc.START, "cannot read the file: " + e.getMessage());
        }
    }

    private static Node node(JsonParser p, Source lines) throws IOException {
        JsonToken t = p.currentToken();
        Loc at = loc(p.currentTokenLocation());
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Loc> keyLocs = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    Loc keyLoc = loc(p.currentTokenLocation());
                    if (entries.containsKey(key))
                        throw new FileError(keyLoc, "duplicate key '" + key + "' (first given at " + keyLocs.get(key) + "): give each key once");
                    p.nextToken();
                    keyLocs.put(key, keyLoc);
                    entries.put(key, node(p, lines));
                }
                return new MapNode(at, Collections.unmodifiableMap(entries), keyLocs);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) items.add(node(p, lines));
                return new ListNode(at, List.copyOf(items));
            }
            default: {
                String text = t == JsonToken.VALUE_NULL ? "" : p.getText();
                if (text == null) text = "";
                return new Scalar(at, t, text, lines, contentStart(lines, at));
            }
        }
    }

    /**
     * Where a scalar's content starts: after an opening quote; on the line after a block
     * indicator ({@code |} or {@code >}); at the token itself for plain scalars; -1 after tags
     * and anchors.
     */
    private static int contentStart(Source src, Loc at) {
        int i = src.index(at);
        if (i < 0 || i >= src.text.length()) return -1;
        char c = src.text.charAt(i);
        if (c == '"' || c == '\'') return i + 1;
        if (c == '|' || c == '>') {
            int nl = src.text.indexOf('\n', i);
            if (nl < 0) return -1;
            int k = nl + 1;
            while (k < src.text.length() && (src.text.charAt(k) == ' ' || src.text.charAt(k) == '\t')) k++;
            return k;
        }
        if (c == '&' || c == '!' || c == '*') return -1;
        return i;
    }

    static Loc loc(JsonLocation l) {
        if (l == null) return Loc.START;
        return new Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** One line from Jackson's / SnakeYAML's multi-line syntax error, at the problem's position. */
    private static FileError syntax(JsonProcessingException e) {
        Loc at = loc(e.getLocation());
        String problem = null, context = null;
        Throwable c = e.getCause();
        if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            problem = m.getProblem();
            context = m.getContext();
            if (m.getProblemMark() != null) at = new Loc(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
        }
        if (problem == null) {
            String msg = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            problem = msg.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("in '") && !s.equals("^"))
                    .findFirst().orElse(msg);
        }
        String text = "YAML syntax error: " + oneLine(problem) + (context == null ? "" : " (" + oneLine(context) + ")");
        return new FileError(at, text);
    }

    private static String oneLine(String s) { return s.replaceAll("\\s+", " ").strip(); }
}
