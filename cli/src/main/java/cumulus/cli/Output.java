package cumulus.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import cumulus.api.Complex;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON / CSV / text rendering shared by the commands; JSON field names are SPEC.md's. */
final class Output {
    /**
     * The mapper, made on first use: text and CSV runs also use this class, and an ObjectMapper costs ~40 ms of a
     * fresh process to build (class+load log of 'steady btc --set N=8').
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    private Output() { }

    static String json(Object tree) {
        try {
            return Json.MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {re, im} as SPEC.md writes complex numbers. */
    static Map<String, Object> complex(Complex c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("re", num(c.re()));
        m.put("im", num(c.im()));
        return m;
    }

    static List<Object> complexList(List<Complex> cs) {
        List<Object> out = new ArrayList<>();
        for (Complex c : cs) out.add(complex(c));
        return out;
    }

    /** JSON has no NaN: non-finite numbers become null. */
    static Object num(double x) { return Double.isFinite(x) ? x : null; }

    static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    static void warnings(PrintWriter err, List<String> warnings) {
        for (String w : warnings) err.println("cumulus: warning: " + w);
        err.flush();
    }

    /** The fields every solver result opens with (SPEC.md): model, parameters (sorted by name), dimension. */
    static java.util.Map<String, Object> head(String model, java.util.Map<String, Double> parameters, int dimension) {
        java.util.Map<String, Object> o = new java.util.LinkedHashMap<>();
        o.put("model", model);
        o.put("parameters", new java.util.TreeMap<>(parameters));
        o.put("dimension", dimension);
        return o;
    }

    /** ... and closes with: method, seconds, warnings. */
    static java.util.Map<String, Object> close(java.util.Map<String, Object> o, String method, double seconds, java.util.List<String> warnings) {
        o.put("method", method);
        o.put("seconds", seconds);
        o.put("warnings", warnings);
        return o;
    }
}
