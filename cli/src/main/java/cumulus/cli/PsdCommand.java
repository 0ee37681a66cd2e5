package cumulus.cli;

import cumulus.api.ModelException;
import cumulus.api.PowerSpectrumResult;
import cumulus.cli.reproduce.FigureData;
import cumulus.cli.reproduce.Panel;
import cumulus.cli.reproduce.Plots;
import cumulus.cli.reproduce.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "psd", mixinStandardHelpOptions = true,
        description = "Power spectrum S(omega) = int dtau e^{-i omega tau} <A(tau)B(0)> of the steady state (QuTiP's convention), "
                + "the steady part <A><B> 2 pi delta(omega) removed.")
final class PsdCommand implements Callable<Integer> {
    @Mixin ModelOptions model;

    @Mixin ObservablePair ab;

    @Option(names = "--omega", required = true, description = "frequencies: W1,W2,... or a:b:n (n equally spaced from a to b)")
    String omega;

    @Option(names = "--method", defaultValue = "exact", description = "exact (default), or cumulant2: the linearised second-order cumulant equations (linear observables)")
    String method;

    @Option(names = "--format", defaultValue = "json", description = "json, csv or text (default ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--peaks", description = "also list the peaks of S (position, height, half width) beside the nearest leading eigenvalue of 'spectrum' (half width = -Re lambda)")
    boolean peaks;

    @Option(names = "--count", defaultValue = "12", description = "with --peaks: how many leading eigenvalues to match (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--plot", description = "also draw S(omega) into this PNG file")
    Path plot;

    @Option(names = "--out", description = "write to this file (atomically) instead of standard output")
    Path outFile;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        ModelOptions.Resolved r = model.resolve();
        double[] w = frequencies(omega);
        PowerSpectrumResult s = r.cumulus().powerSpectrum(r.model(), r.parameters(), ab.a, ab.b, w, method, peaks ? Math.max(count, 2) : 0);
        Output.warnings(spec.commandLine().getErr(), s.warnings());
        String text = switch (format) {
            case csv -> {
                if (peaks) {
                    StringBuilder pk = new StringBuilder("omega,height,half_width,lambda_re,lambda_im\n");
                    for (PowerSpectrumResult.Peak p : s.peaks())
                        pk.append(p.omega()).append(',').append(p.height()).append(',').append(p.halfWidth()).append(',')
                                .append(p.eigenvalue() == null ? "" : p.eigenvalue().re()).append(',').append(p.eigenvalue() == null ? "" : p.eigenvalue().im()).append('\n');
                    yield pk.toString();
                }
                StringBuilder sb = new StringBuilder(s.real() ? "omega,S\n" : "omega,re,im\n");
                for (int i = 0; i < w.length; i++) {
                    sb.append(s.omega()[i]).append(',').append(s.re()[i]);
                    if (!s.real()) sb.append(',').append(s.im()[i]);
                    sb.append('\n');
                }
                yield sb.toString();
            }
            case json -> {
                Map<String, Object> o = Output.head(s.model(), s.parameters(), -1);
                o.remove("dimension");
                o.put("a", s.a());
                o.put("b", s.b());
                o.put("omega", CorrelateCommand.list(s.omega()));
                List<Object> vals = new ArrayList<>();
                for (int i = 0; i < w.length; i++) {
                    if (s.real()) vals.add(Output.num(s.re()[i]));
                    else {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("re", Output.num(s.re()[i]));
                        c.put("im", Output.num(s.im()[i]));
                        vals.add(c);
                    }
                }
                o.put("S", vals);
                o.put("convention", "S(omega) = int dtau e^{-i omega tau} <A(tau)B(0)>; " + s.steadyPartNote());
                o.put("mean_a", Output.complex(s.meanA()));
                o.put("mean_b", Output.complex(s.meanB()));
                if (peaks) {
                    List<Object> ps = new ArrayList<>();
                    for (PowerSpectrumResult.Peak p : s.peaks()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("omega", Output.num(p.omega()));
                        m.put("height", Output.num(p.height()));
                        m.put("half_width", Output.num(p.halfWidth()));
                        m.put("eigenvalue", p.eigenvalue() == null ? null : Output.complex(p.eigenvalue()));
                        m.put("minus_re_lambda", p.eigenvalue() == null ? null : Output.num(-p.eigenvalue().re()));
                        ps.add(m);
                    }
                    o.put("peaks", ps);
                }
                yield Output.json(Output.close(o, s.method(), s.seconds(), s.warnings())) + "\n";
            }
            case text -> {
                StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "model %s, S_{%s,%s}(omega), %s (%.3f s)%n%s%n",
                        s.model(), ab.a, ab.b, s.method(), s.seconds(), s.steadyPartNote()));
                for (int i = 0; i < w.length; i++)
                    sb.append(String.format(java.util.Locale.ROOT, s.real() ? "  %12.6f  %+.12e%n" : "  %12.6f  %+.12e %+.12ei%n",
                            s.omega()[i], s.re()[i], s.im()[i]));
                if (peaks) {
                    sb.append("peaks (omega, height, half width; nearest eigenvalue lambda, -Re lambda):\n");
                    for (PowerSpectrumResult.Peak p : s.peaks())
                        sb.append(String.format(java.util.Locale.ROOT, "  %12.6f  %.6e  %.6e   %s  %s%n", p.omega(), p.height(), p.halfWidth(),
                                p.eigenvalue(), p.eigenvalue() == null ? "-" : String.format(java.util.Locale.ROOT, "%.6e", -p.eigenvalue().re())));
                }
                yield sb.toString();
            }
        };
        if (outFile != null) AtomicFiles.write(outFile, text);
        else spec.commandLine().getOut().print(text);
        if (plot != null) {
            FigureData fig = new FigureData("psd", s.model() + " " + r.parameters().entrySet().stream()
                    .filter(e -> !e.getKey().equals("S")).map(e -> e.getKey() + "=" + e.getValue()).sorted().reduce((x, y) -> x + ", " + y).orElse(""));
            Panel p = fig.panel(new Panel("S_{" + ab.a + "," + ab.b + "}(omega)", "omega", "S(omega)"));
            p.add(Series.line(s.real() ? "S" : "Re S", s.omega(), s.re()));
            if (!s.real()) p.add(Series.line("Im S", s.omega(), s.im()));
            Plots.writePng(fig, plot);
        }
        return 0;
    }

    /** W1,W2,... or a:b:n. */
    static double[] frequencies(String spec) {
        try {
            if (spec.contains(":")) {
                String[] f = spec.split(":");
                if (f.length != 3) throw new NumberFormatException();
                double lo = Double.parseDouble(f[0]), hi = Double.parseDouble(f[1]);
                int n = Integer.parseInt(f[2].trim());
                if (n < 1 || n > 1_000_000) throw new ModelException("--omega a:b:n needs 1 <= n <= 10^6, got n = " + n);
                double[] w = new double[n];
                for (int i = 0; i < n; i++) w[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
                return w;
            }
            String[] f = spec.split(",");
            double[] w = new double[f.length];
            for (int i = 0; i < f.length; i++) w[i] = Double.parseDouble(f[i].trim());
            return w;
        } catch (NumberFormatException e) {
            throw new ModelException("--omega '" + spec + "': give numbers W1,W2,... or a:b:n (e.g. -3:3:201)");
        }
    }
}
