package cumulus.solvers.space;

import cumulus.api.ModelException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a density matrix from a Matrix Market file (NIST's exchange format, "The Matrix Market
 * Exchange Formats: Initial Design", Boisvert, Pozo &amp; Remington 1996): {@code coordinate} or
 * {@code array}, {@code real}, {@code integer} or {@code complex}, {@code general},
 * {@code symmetric} or {@code hermitian}. Written here because none of the project's libraries
 * (EJML, Commons Math) reads the format, and the reader is a few lines. The matrix is checked:
 * square of the expected dimension, Hermitian (1e-10), trace 1 (1e-10); every problem is a
 * {@link ModelException} naming the file and the line.
 */
public final class MatrixMarket {
    private MatrixMarket() { }

    /** {re, im} of the d × d matrix in the file. */
    public static double[][][] density(Path file, int d) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ModelException("initial state file:" + file + " cannot be read (" + e.getMessage() + "): give the path of a Matrix Market (.mtx) file");
        }
        if (lines.isEmpty() || !lines.get(0).toLowerCase(Locale.ROOT).startsWith("%%matrixmarket matrix"))
            throw bad(file, 1, "the first line must be '%%MatrixMarket matrix coordinate complex hermitian' (or array, real, general ...)");
        String[] h = lines.get(0).trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (h.length != 5) throw bad(file, 1, "the header needs format, field and symmetry, e.g. '%%MatrixMarket matrix coordinate complex hermitian'");
        boolean coordinate = h[2].equals("coordinate");
        if (!coordinate && !h[2].equals("array")) throw bad(file, 1, "format '" + h[2] + "': expected coordinate or array");
        boolean complex = h[3].equals("complex");
        if (!complex && !h[3].equals("real") && !h[3].equals("integer")) throw bad(file, 1, "field '" + h[3] + "': expected real, integer or complex");
        String sym = h[4];
        if (!List.of("general", "symmetric", "hermitian").contains(sym)) throw bad(file, 1, "symmetry '" + sym + "': expected general, symmetric or hermitian");
        int k = 1;
        while (k < lines.size() && (lines.get(k).startsWith("%") || lines.get(k).isBlank())) k++;
        if (k == lines.size()) throw bad(file, k, "the size line is missing");
        long[] size = longs(file, k + 1, lines.get(k), coordinate ? 3 : 2);
        if (size[0] != d || size[1] != d)
            throw bad(file, k + 1, "the matrix is " + size[0] + " x " + size[1] + " but the model's Dicke ⊗ Fock space has dimension " + d
                    + " (basis |m_1, ..., n⟩, m from S down to -S, boson n = 0..cutoff-1, the boson index fastest)");
        double[][] re = new double[d][d], im = new double[d][d];
        int per = complex ? 2 : 1;
        int line = k + 1;
        if (coordinate) {
            long entries = size[2], read = 0;
            for (line = k + 1; line < lines.size() && read < entries; line++) {
                String l = lines.get(line).trim();
                if (l.isEmpty() || l.startsWith("%")) continue;
                String[] f = l.split("\\s+");
                if (f.length != 2 + per) throw bad(file, line + 1, "expected 'row column value" + (complex ? " imaginary" : "") + "'");
                int i = index(file, line + 1, f[0], d), j = index(file, line + 1, f[1], d);
                double a = number(file, line + 1, f[2]), b = complex ? number(file, line + 1, f[3]) : 0;
                put(re, im, i, j, a, b, sym);
                read++;
            }
            if (read < entries) throw bad(file, line, "the size line announces " + entries + " entries but the file has " + read);
        } else {
            int i = 0, j = 0;
            for (line = k + 1; line < lines.size() && j < d; line++) {
                String l = lines.get(line).trim();
                if (l.isEmpty() || l.startsWith("%")) continue;
                String[] f = l.split("\\s+");
                if (f.length != per) throw bad(file, line + 1, "expected one value" + (complex ? " and its imaginary part" : "") + " per line");
                put(re, im, i, j, number(file, line + 1, f[0]), complex ? number(file, line + 1, f[1]) : 0, sym);
                // column-major; symmetric and hermitian list the lower triangle only
                i++;
                if (i == d) { j++; i = sym.equals("general") ? 0 : j; }
            }
            if (j < d) throw bad(file, line, "the array ends early");
        }
        double trace = 0, asym = 0;
        for (int i = 0; i < d; i++) {
            trace += re[i][i];
            for (int j = 0; j < d; j++) asym = Math.max(asym, Math.hypot(re[i][j] - re[j][i], im[i][j] + im[j][i]));
        }
        if (asym > 1e-10) throw new ModelException("initial state file:" + file + " is not Hermitian (largest |rho_ij - conj(rho_ji)| = " + asym + "): a density matrix must be");
        if (Math.abs(trace - 1) > 1e-10) throw new ModelException("initial state file:" + file + " has trace " + trace + ": a density matrix has trace 1");
        return new double[][][]{re, im};
    }

    private static void put(double[][] re, double[][] im, int i, int j, double a, double b, String sym) {
        re[i][j] = a;
        im[i][j] = b;
        if (i != j && sym.equals("symmetric")) { re[j][i] = a; im[j][i] = b; }
        if (i != j && sym.equals("hermitian")) { re[j][i] = a; im[j][i] = -b; }
    }

    private static int index(Path file, int line, String s, int d) {
        long v = longs(file, line, s, 1)[0];
        if (v < 1 || v > d) throw bad(file, line, "index " + v + " outside 1.." + d);
        return (int) v - 1;
    }

    private static long[] longs(Path file, int line, String s, int count) {
        String[] f = s.trim().split("\\s+");
        if (f.length != count) throw bad(file, line, "expected " + count + " integers, got '" + s.trim() + "'");
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            try { out[i] = Long.parseLong(f[i]); } catch (NumberFormatException e) { throw bad(file, line, "'" + f[i] + "' is not an integer"); }
        }
        return out;
    }

    private static double number(Path file, int line, String s) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw bad(file, line, "'" + s + "' is not finite");
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, "'" + s + "' is not a number");
        }
    }

    private static ModelException bad(Path file, int line, String why) {
        return new ModelException("initial state file:" + file + ", line " + line + ": " + why);
    }
}
