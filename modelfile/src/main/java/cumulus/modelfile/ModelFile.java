package cumulus.modelfile;

import cumulus.api.Complex;
import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.ModelException;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.api.Parameter;
import cumulus.api.Schedule;
import cumulus.modelfile.YamlTree.ListNode;
import cumulus.modelfile.YamlTree.Loc;
import cumulus.modelfile.YamlTree.MapNode;
import cumulus.modelfile.YamlTree.Node;
import cumulus.modelfile.YamlTree.Scalar;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Models declared in a YAML file instead of Java (docs/writing-a-model.md has the schema):
 * <pre>
 * name: btc
 * description: "boundary time crystal: H = omega_x S^x, jump sqrt(kappa/S) S^-"
 * ensembles: 1
 * N: 16
 * parameters:
 *   omega_x: {default: 2, description: Rabi drive frequency}
 *   kappa: {default: 1, description: collective decay rate}
 * hamiltonian: omega_x * Sx(1)
 * jumps:
 *   - sqrt(kappa/S) * Sm(1)
 * </pre>
 * Every problem in a file is one {@link ModelException} whose message reads
 * {@code "FILE, line L, column C: what is wrong and what was expected"}.
 */
public final class ModelFile {

    static final List<String> TOP_KEYS = List.of("name", "description", "ensembles", "N", "boson", "bosons", "parameters", "hamiltonian", "jumps", "gamma", "local", "spin_channel", "schedule");
    static final List<String> BOSON_KEYS = List.of("frequency", "cutoff", "loss");
    static final List<String> MODE_KEYS = List.of("name", "frequency", "cutoff", "loss");
    static final List<String> PARAMETER_KEYS = List.of("default", "description", "kind");
    static final List<String> JUMP_KEYS = List.of("operator", "rate");
    static final List<String> GAMMA_KEYS = List.of("ensemble", "ensembles", "matrix");
    static final List<String> N_KEYS = List.of("default", "description");
    static final List<String> LOCAL_KEYS = List.of("ensemble", "process", "rate", "matrix");
    static final List<String> SPIN_CHANNEL_KEYS = List.of("ensemble", "diag", "off");
    static final List<String> SEGMENT_KEYS = List.of("duration", "set");
    private static final double TOL = 1e-10;

    private ModelFile() { }

    /** True when a command-line MODEL argument names a model file rather than a registered model. */
    public static boolean looksLikeFile(String model) {
        String m = model.toLowerCase(java.util.Locale.ROOT);
        if (m.endsWith(".yaml") || m.endsWith(".yml")) return true;
        try {
            return Files.isRegularFile(Path.of(model));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Reads and checks the model file at {@code path}. */
    public static Model load(Path path) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelException("model file " + path + " does not exist: give the path of a .yaml model file or a model name (see 'cumulus models')");
        } catch (CharacterCodingException e) {
            throw new ModelException(path + ", line 1, column 1: the file is not UTF-8 text: save it as UTF-8");
        } catch (IOException e) {
            throw new ModelException("cannot read model file " + path + ": " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return parse(text, path.toString());
    }

    /** Parses model-file {@code text}; {@code fileName} prefixes every error message. */
    public static Model parse(String text, String fileName) {
        try {
            return new Loader(text).model();
        } catch (FileError e) {
            throw new ModelException(fileName + ", " + e.loc + ": " + e.getMessage());
        } catch (ModelException e) {
            throw new ModelException(fileName + ", " + Loc.START + ": " + e.getMessage());
        }
    }

    /** One coefficient-bearing expression with where it was written. */
    private record Located<T>(T value, Scalar node) { }

    /** A term of H with the scalar it was written in. */
    private record HTerm(OpParser.Term term, Scalar node) { }

    private static final class Loader {
        private final String text;
        private final Map<String, Double> defaults = new LinkedHashMap<>();
        private final Map<String, Double> generic = new LinkedHashMap<>();
        private OpParser.Context ctx;
        private int ensembles;

        Loader(String text) { this.text = text; }

        Model model() {
            Node rootNode = YamlTree.read(text);
            if (!(rootNode instanceof MapNode root))
                throw new FileError(rootNode.loc(), "expected a mapping with the keys " + String.join(", ", TOP_KEYS) + ", got " + rootNode.kind());
            keys(root, TOP_KEYS, "the model file");
            String name = string(require(root, "name", Loc.START, "the model file", "e.g. name: my-model"), "name");
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*"))
                throw new FileError(root.get("name").loc(), "invalid model name '" + name + "': use letters, digits, '-', '_' and '.', starting with a letter or digit");
            String description = root.get("description") == null ? "" : string(root.get("description"), "description");

            ensembles = root.get("ensembles") == null ? 0 : (int) integer(root.get("ensembles"), "ensembles", 0, 64);
            Integer n = null;
            String nDescription = null;
            if (root.get("N") instanceof MapNode nm) {
                keys(nm, N_KEYS, "'N'");
                n = (int) integer(require(nm, "default", root.keyLoc("N"), "'N'", "e.g. N: {default: 16, description: spins per ensemble}"), "N", 1, 1_000_000);
                if (nm.get("description") != null) {
                    nDescription = string(nm.get("description"), "description");
                    if (ensembles > 0)
                        throw new FileError(nm.keyLoc("description"), "N of a model with spin ensembles is always described as 'spins-1/2 per ensemble': drop this description or write N: " + n);
                }
            } else if (root.get("N") != null) n = (int) integer(root.get("N"), "N", 1, 1_000_000);
            else if (ensembles > 0)
                throw new FileError(root.keyLoc("ensembles"), "missing key 'N': a model with spin ensembles gives the default number of spins per ensemble, e.g. N: 16");

            Model.Builder b = Model.builder(name).description(description);
            Set<String> symbols = new LinkedHashSet<>();
            if (n != null) {
                if (ensembles > 0) b.spinEnsembles(ensembles, n);
                else b.parameter(Parameter.count("N", n, nDescription != null ? nDescription : "system size N (spins per ensemble)"));
                symbols.add("N");
                symbols.add("S");
                put("N", n, n);
                put("S", n / 2.0, n / 2.0);
            }
            MapNode bosonNode = null;
            if (root.get("boson") != null) {
                bosonNode = map(root.get("boson"), "boson");
                keys(bosonNode, BOSON_KEYS, "'boson'");
            }
            // several modes: bosons: [{name: a, frequency: ..., cutoff: ...}, {name: b, ...}]
            List<MapNode> modeNodes = new ArrayList<>();
            List<String> modeNames = new ArrayList<>();
            if (root.get("bosons") != null) {
                if (bosonNode != null)
                    throw new FileError(root.keyLoc("bosons"), "the model has both 'boson:' and 'bosons:': declare one mode under 'boson:' or every mode under 'bosons:'");
                Node bn = root.get("bosons");
                if (!(bn instanceof ListNode list) || list.items().isEmpty())
                    throw new FileError(bn.loc(), "expected a list for 'bosons' (entries '- {name: a, frequency: omega_a, cutoff: 8}'), got " + bn.kind());
                for (Node item : list.items()) {
                    MapNode m = map(item, "bosons entry");
                    keys(m, MODE_KEYS, "'bosons' entry");
                    Node nn = require(m, "name", item.loc(), "'bosons' entry", "the mode's operator name, e.g. name: b (then b and bdag are its operators)");
                    String mn = string(nn, "name");
                    if (!mn.matches("[a-z][a-z0-9_]*") || mn.endsWith("dag"))
                        throw new FileError(nn.loc(), "invalid mode name '" + mn + "': use lower-case letters, digits and '_', starting with a letter and not ending in 'dag' (e.g. a, b, cav2)");
                    if ((OpParser.RESERVED.contains(mn) && !mn.equals("a")) || Expr.Fn.NAMES.contains(mn) || mn.equals("cutoff"))
                        throw new FileError(nn.loc(), "mode name '" + mn + "' is reserved: choose another, e.g. b");
                    if (modeNames.contains(mn))
                        throw new FileError(nn.loc(), "two bosonic modes are named '" + mn + "': give each mode its own name");
                    modeNames.add(mn);
                    modeNodes.add(m);
                }
            } else if (bosonNode != null) modeNames.add("a");
            boolean anyBoson = !modeNames.isEmpty();
            Set<String> modeReserved = new LinkedHashSet<>();
            for (String mn : modeNames) {
                modeReserved.add(mn);
                modeReserved.add(mn + "dag");
                modeReserved.add(cutoffName(mn, modeNames.size()));
            }

            if (root.get("parameters") != null) {
                Node pn = root.get("parameters");
                if (pn instanceof Scalar sc && sc.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL) pn = null;
                if (pn != null) {
                    MapNode params = map(pn, "parameters");
                    int k = 0;
                    for (Map.Entry<String, Node> e : params.entries().entrySet()) {
                        Parameter p = parameter(e.getKey(), params.keyLoc(e.getKey()), e.getValue(), modeReserved);
                        b.parameter(p);
                        symbols.add(p.name());
                        // the generic point: near the defaults (so real square roots stay real) but off any special value
                        k++;
                        put(p.name(), p.defaultValue(), p.defaultValue() * (1 + 0.0173 * k) + 0.0131 * k);
                    }
                }
            }
            symbols.add("t");
            put("t", 0.0, 0.37);
            if (root.get("schedule") != null) {
                ctx = new OpParser.Context(symbolsWithout(symbols, "t"), ensembles, modeNames);
                b.schedule(schedule(root.get("schedule"), symbols));
            }
            ctx = new OpParser.Context(symbols, ensembles, modeNames);

            List<Located<Expr>> losses = new ArrayList<>();
            List<Integer> lossModes = new ArrayList<>();
            Located<Expr> loss = null;
            if (bosonNode != null) {
                Loc at = root.keyLoc("boson");
                Expr frequency = coefficient(require(bosonNode, "frequency", at, "'boson'", "the boson frequency omega_b used by x and p, e.g. frequency: omega_b"), "boson frequency");
                int cutoff = (int) integer(require(bosonNode, "cutoff", at, "'boson'", "the default Fock cutoff, e.g. cutoff: 16"), "cutoff", 2, 100_000);
                b.boson(frequency, cutoff);
                defaults.put("cutoff", (double) cutoff);
                generic.put("cutoff", (double) cutoff);
                if (bosonNode.get("loss") != null) {
                    Scalar s = exprScalar(bosonNode.get("loss"), "loss");
                    loss = new Located<>(coefficient(bosonNode.get("loss"), "the boson loss rate"), s);
                }
            }
            for (int k = 0; k < modeNodes.size(); k++) {
                MapNode m = modeNodes.get(k);
                String mn = modeNames.get(k);
                Loc at = m.loc();
                Expr frequency = coefficient(require(m, "frequency", at, "mode " + mn, "the mode frequency omega_" + mn + " used by its x and p, e.g. frequency: omega_" + mn), "frequency of mode " + mn);
                int cutoff = (int) integer(require(m, "cutoff", at, "mode " + mn, "the default Fock cutoff, e.g. cutoff: 8"), "cutoff", 2, 100_000);
                String cp = cutoffName(mn, modeNames.size());
                if (modeNames.size() == 1) b.boson(frequency, cutoff);
                else b.mode(mn, frequency, cp, cutoff);
                defaults.put(cp, (double) cutoff);
                generic.put(cp, (double) cutoff);
                if (m.get("loss") != null) {
                    Scalar s = exprScalar(m.get("loss"), "loss");
                    losses.add(new Located<>(coefficient(m.get("loss"), "the loss rate of mode " + mn), s));
                    lossModes.add(k + 1);
                }
            }
            if (ensembles == 0 && !anyBoson)
                throw new FileError(Loc.START, "the model declares neither spin ensembles ('ensembles: 1' and 'N: 16') nor a boson ('boson:'): it has no degrees of freedom");

            // Hamiltonian
            Node hn = require(root, "hamiltonian", Loc.START, "the model file", "write 'hamiltonian: 0' for none");
            List<HTerm> hTerms = new ArrayList<>();
            for (Scalar s : expressionList(hn, "hamiltonian"))
                for (OpParser.Term t : parseOps(s)) hTerms.add(new HTerm(t, s));
            checkHermitian(hTerms);
            List<OpSum.Term> h = new ArrayList<>();
            for (HTerm t : hTerms) {
                finiteAtDefaults(t.term().coefficient(), t.node(), t.term().start(), "the coefficient of Hamiltonian term '" + source(t) + "'");
                h.add(new OpSum.Term(t.term().coefficient(), t.term().factors()));
            }
            b.hamiltonian(new OpSum(h));

            // jumps
            if (root.get("jumps") != null) {
                Node jn = root.get("jumps");
                if (!(jn instanceof ListNode list))
                    throw new FileError(jn.loc(), "expected a list for 'jumps' (one '- sqrt(kappa/S) * Sm(1)' per line), got " + jn.kind());
                int k = 0;
                for (Node item : list.items()) jump(b, item, ++k);
            }

            // Γ matrices
            if (root.get("gamma") != null) {
                Node gn = root.get("gamma");
                if (!(gn instanceof ListNode list))
                    throw new FileError(gn.loc(), "expected a list for 'gamma' (entries '- {ensemble: 1, matrix: [[...], [...], [...]]}'), got " + gn.kind());
                for (Node item : list.items()) gamma(b, item);
            }

            // processes on every single spin
            if (root.get("local") != null) {
                Node ln = root.get("local");
                if (!(ln instanceof ListNode list))
                    throw new FileError(ln.loc(), "expected a list for 'local' (entries '- {ensemble: 1, process: emission, rate: gamma}'), got " + ln.kind());
                for (Node item : list.items()) local(b, item);
            }

            // paper Eq. 18: γ^{jj} on every spin, γ^{jk} between every two spins
            if (root.get("spin_channel") != null) {
                Node sn = root.get("spin_channel");
                if (!(sn instanceof ListNode list))
                    throw new FileError(sn.loc(), "expected a list for 'spin_channel' (entries '- {ensemble: 1, diag: [[...], ...], off: [[...], ...]}'), got " + sn.kind());
                for (Node item : list.items()) spinChannel(b, item);
            }

            if (loss != null) {
                checkRate(loss.value(), loss.node(), "the boson loss rate");
                b.bosonLoss(loss.value());
            }
            for (int k = 0; k < losses.size(); k++) {
                checkRate(losses.get(k).value(), losses.get(k).node(), "the loss rate of mode " + modeNames.get(lossModes.get(k) - 1));
                b.jump(losses.get(k).value(), OpSum.a(lossModes.get(k)));
            }
            return b.build();
        }

        /** The cutoff parameter of mode {@code name}: cutoff for a single mode, cutoff_NAME for several. */
        private static String cutoffName(String name, int modes) { return modes == 1 ? "cutoff" : "cutoff_" + name; }

        private static Set<String> symbolsWithout(Set<String> symbols, String drop) {
            Set<String> out = new LinkedHashSet<>(symbols);
            out.remove(drop);
            return out;
        }

        /** The parameter values of every schedule segment (just the defaults for a time-independent model). */
        private final List<Map<String, Double>> segmentDefaults = new ArrayList<>();

        private List<Map<String, Double>> defaultPoints() {
            return segmentDefaults.isEmpty() ? List.of(defaults) : segmentDefaults;
        }

        /**
         * schedule: a list of segments {duration: EXPR, set: {switch: EXPR, ...}}; the switches
         * become symbols that H and the jumps may use.
         */
        private Schedule schedule(Node node, Set<String> symbols) {
            if (!(node instanceof ListNode list) || list.items().isEmpty())
                throw new FileError(node.loc(), "expected a non-empty list of segments '- {duration: period/2, set: {on: 1}}' for 'schedule', got "
                        + (node instanceof ListNode ? "an empty list" : node.kind()));
            List<Schedule.Segment> segments = new ArrayList<>();
            Set<String> switches = null;
            MapNode firstSet = null;
            int k = 0;
            for (Node item : list.items()) {
                k++;
                if (!(item instanceof MapNode m))
                    throw new FileError(item.loc(), "expected a mapping {duration: ..., set: {...}} for schedule segment " + k + ", got " + item.kind());
                keys(m, SEGMENT_KEYS, "schedule segment " + k);
                Node dn = require(m, "duration", m.loc(), "schedule segment " + k, "e.g. duration: period/2");
                Expr duration = coefficient(dn, "a segment duration");
                MapNode set = map(require(m, "set", m.loc(), "schedule segment " + k, "the switch values during the segment, e.g. set: {on: 1}"), "set");
                if (switches == null) {
                    switches = set.entries().keySet();
                    firstSet = set;
                    if (switches.isEmpty()) throw new FileError(set.loc(), "schedule segment 1 sets no switch: give e.g. set: {on: 1}");
                    for (String sw : switches) {
                        if (!sw.matches("[A-Za-z_][A-Za-z0-9_]*") || OpParser.RESERVED.contains(sw) || sw.equals("cutoff"))
                            throw new FileError(set.keyLoc(sw), "invalid switch name '" + sw + "': use an identifier that is not reserved");
                        if (symbols.contains(sw))
                            throw new FileError(set.keyLoc(sw), "switch '" + sw + "' is also a parameter: give the switch its own name");
                    }
                } else if (!set.entries().keySet().equals(switches)) {
                    throw new FileError(set.loc(), "schedule segment " + k + " sets " + set.entries().keySet() + " but segment 1 (" + firstSet.loc()
                            + ") sets " + switches + ": every segment sets the same switches");
                }
                Map<String, Expr> values = new LinkedHashMap<>();
                for (Map.Entry<String, Node> e : set.entries().entrySet()) values.put(e.getKey(), coefficient(e.getValue(), "a switch value"));
                Complex d = duration.evaluate(defaults);
                if (!d.isFinite() || Math.abs(d.im()) > 0 || d.re() < 0)
                    throw new FileError(dn.loc(), "the duration of schedule segment " + k + " is " + d + " at the defaults: it must be a finite number >= 0");
                Map<String, Double> at = new LinkedHashMap<>(defaults);
                for (Map.Entry<String, Expr> e : values.entrySet()) {
                    Complex v = e.getValue().evaluate(defaults);
                    if (!v.isFinite() || Math.abs(v.im()) > 0)
                        throw new FileError(set.get(e.getKey()).loc(), "switch " + e.getKey() + " is " + v + " at the defaults: it must be a finite real number");
                    at.put(e.getKey(), v.re());
                }
                segmentDefaults.add(at);
                segments.add(new Schedule.Segment(duration, values));
            }
            try {
                new Schedule(segments).durations(defaults);
            } catch (ModelException e) {
                throw new FileError(node.loc(), e.getMessage());
            }
            int g = 0;
            for (String sw : switches) {
                symbols.add(sw);
                defaults.put(sw, segmentDefaults.get(0).get(sw));
                generic.put(sw, 0.83 + 0.07 * g++);
            }
            return new Schedule(segments);
        }

        private void put(String name, double def, double gen) {
            defaults.put(name, def);
            generic.put(name, gen);
        }

        // ---------------------------------------------------------------- sections

        private Parameter parameter(String name, Loc keyLoc, Node value, Set<String> modeReserved) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*"))
                throw new FileError(keyLoc, "invalid parameter name '" + name + "': use letters, digits and '_', starting with a letter");
            if (OpParser.RESERVED.contains(name) || modeReserved.contains(name))
                throw new FileError(keyLoc, "'" + name + "' is reserved and cannot be a parameter name"
                        + (name.equals("N") ? ": give the default number of spins with the top-level key 'N:'" : "")
                        + (name.startsWith("cutoff") ? ": give the Fock cutoff under 'boson:' or the 'bosons:' entry as 'cutoff:'" : "")
                        + (!name.startsWith("cutoff") && modeReserved.contains(name) ? ": it names a bosonic mode's operator" : ""));
            if (value instanceof Scalar s)
                return Parameter.real(name, number(s, "the default of parameter '" + name + "'"), "");
            if (!(value instanceof MapNode m))
                throw new FileError(value.loc(), "expected a number or a mapping {default: ..., description: ...} for parameter '" + name + "', got " + value.kind());
            keys(m, PARAMETER_KEYS, "parameter '" + name + "'");
            double def = number(require(m, "default", keyLoc, "parameter '" + name + "'", "e.g. " + name + ": {default: 1, description: ...}"), "the default of parameter '" + name + "'");
            String desc = m.get("description") == null ? "" : string(m.get("description"), "description");
            Parameter.Kind kind = Parameter.Kind.REAL;
            if (m.get("kind") != null) {
                String k = string(m.get("kind"), "kind");
                switch (k) {
                    case "real" -> kind = Parameter.Kind.REAL;
                    case "positive-integer", "integer" -> kind = Parameter.Kind.POSITIVE_INTEGER;
                    default -> throw new FileError(m.get("kind").loc(), "unknown parameter kind '" + k + "': expected 'real' or 'positive-integer'");
                }
                if (kind == Parameter.Kind.POSITIVE_INTEGER && (def != Math.rint(def) || def < 1))
                    throw new FileError(m.get("default").loc(), "the default of positive-integer parameter '" + name + "' must be a whole number >= 1, got " + def);
            }
            return new Parameter(name, def, desc, kind);
        }

        private void jump(Model.Builder b, Node item, int index) {
            String what = "jump " + index;
            List<OpParser.Term> terms;
            Scalar opNode;
            Expr rate;
            Scalar rateNode;
            if (item instanceof MapNode m) {
                keys(m, JUMP_KEYS, what);
                Node on = require(m, "operator", m.loc(), what, "e.g. {operator: Sm(1), rate: kappa/S}");
                opNode = exprScalar(on, "operator");
                terms = parseOps(opNode);
                if (m.get("rate") != null) {
                    rateNode = exprScalar(m.get("rate"), "rate");
                    rate = coefficient(m.get("rate"), "a jump rate");
                } else {
                    rateNode = opNode;
                    rate = Expr.ONE;
                }
            } else if (item instanceof Scalar s && (s.isString() || s.isNumber())) {
                opNode = s;
                rateNode = s;
                terms = parseOps(s);
                List<Expr> extracted = extractSqrt(terms);
                if (!extracted.isEmpty()) {
                    rate = Expr.product(extracted.stream().map(e -> ((Expr.Fn) e).arg()).toList());
                    List<OpParser.Term> rest = new ArrayList<>();
                    for (OpParser.Term t : terms) rest.add(new OpParser.Term(removeFactors(t.coefficient(), extracted), t.factors(), t.start(), t.end()));
                    terms = rest;
                } else rate = Expr.ONE;
            } else {
                throw new FileError(item.loc(), "expected a jump operator such as 'sqrt(kappa/S) * Sm(1)' or a mapping {operator: ..., rate: ...} for " + what + ", got " + item.kind());
            }
            if (terms.isEmpty()) throw new FileError(opNode.at(0), "the operator of " + what + " is zero: give an operator such as sqrt(kappa/S) * Sm(1)");
            for (OpParser.Term t : terms) {
                if (t.isScalar())
                    throw new FileError(opNode.at(t.start()), "the operator of " + what + " has a term without operators ('" + opNode.text().substring(t.start(), t.end()).strip()
                            + "'): a multiple of the identity in a jump only shifts H; write jumps as sums of Sx(i), Sy(i), Sz(i), Sp(i), Sm(i), a, adag");
                finiteAtDefaults(t.coefficient(), opNode, t.start(), "the coefficient of '" + opNode.text().substring(t.start(), t.end()).strip() + "' in " + what);
            }
            checkRate(rate, rateNode, "the rate of " + what + " (" + rate + ")");
            b.jump(rate, new OpSum(terms.stream().map(t -> new OpSum.Term(t.coefficient(), t.factors())).toList()));
        }

        private void gamma(Model.Builder b, Node item) {
            if (!(item instanceof MapNode m))
                throw new FileError(item.loc(), "expected a mapping {ensemble: 1, matrix: [[...], [...], [...]]} for a Γ matrix, got " + item.kind());
            keys(m, GAMMA_KEYS, "a Γ matrix");
            if (m.get("ensembles") != null) {
                if (m.get("ensemble") != null) throw new FileError(m.get("ensembles").loc(), "a Γ matrix takes 'ensemble: i' or 'ensembles: [i, j, ...]', not both");
                if (!(m.get("ensembles") instanceof ListNode l) || l.items().isEmpty())
                    throw new FileError(m.get("ensembles").loc(), "expected a list of 1-based ensembles for 'ensembles', e.g. ensembles: [1, 2]");
                List<Integer> ens = new ArrayList<>();
                for (Node e : l.items()) {
                    int i = (int) integer(e, "ensembles", 1, Integer.MAX_VALUE);
                    if (i > ensembles) throw new FileError(e.loc(), "ensemble index " + i + " is out of range: the model has " + ensembles + " ensemble(s)");
                    if (ens.contains(i)) throw new FileError(e.loc(), "ensemble " + i + " is listed twice in 'ensembles'");
                    ens.add(i);
                }
                b.gamma(ens, matrix(m, "matrix", ens, "Γ", "a Γ matrix", 3 * ens.size() + " rows of " + 3 * ens.size() + " entries over (x, y, z) of ensemble " + ens.get(0) + ", then of ensemble " + ens.get(1 % ens.size()) + ", ..."));
                return;
            }
            int ens = ensembleOf(m, "a Γ matrix", "the 1-based ensemble it acts on, e.g. ensemble: 1");
            b.gamma(ens, matrix(m, "matrix", ens, "Γ", "a Γ matrix", "three rows of three entries over (x, y, z)"));
        }

        private int ensembleOf(MapNode m, String what, String hint) {
            int ens = (int) integer(require(m, "ensemble", m.loc(), what, hint), "ensemble", 1, Integer.MAX_VALUE);
            if (ens > ensembles)
                throw new FileError(m.get("ensemble").loc(), "ensemble index " + ens + " is out of range: the model has " + ensembles
                        + (ensembles == 1 ? " ensemble, index 1" : " ensembles" + (ensembles > 0 ? ", numbered 1.." + ensembles : "")));
            return ens;
        }

        /** A Hermitian 3×3 coefficient matrix over (x, y, z) under {@code key}; {@code sym} names it in messages (Γ, γ, ...). */
        private Expr[][] matrix(MapNode m, String key, int ens, String sym, String what, String hint) {
            return matrix(m, key, List.of(ens), sym, what, hint);
        }

        /** The same over (x, y, z) of each of {@code ens} in order: 3k × 3k, rows named (i,a) when k > 1. */
        private Expr[][] matrix(MapNode m, String key, List<Integer> ens, String sym, String what, String hint) {
            int n = 3 * ens.size();
            Node mn = require(m, key, m.loc(), what, hint);
            if (!(mn instanceof ListNode rows) || rows.items().size() != n)
                throw new FileError(mn.loc(), "expected a " + n + "×" + n + " matrix (a list of " + n + " rows over x, y, z" + (n > 3 ? " of each ensemble" : "") + ") for '" + key + "', got "
                        + (mn instanceof ListNode l ? "a list of " + l.items().size() + " rows" : mn.kind()));
            Expr[][] g = new Expr[n][n];
            Complex[][] v = new Complex[n][n];
            Scalar[][] at = new Scalar[n][n];
            for (int r = 0; r < n; r++) {
                Node row = rows.items().get(r);
                if (!(row instanceof ListNode cols) || cols.items().size() != n)
                    throw new FileError(row.loc(), "expected row " + (r + 1) + " of the " + sym + " matrix to be a list of " + n + " entries" + (n == 3 ? " (x, y, z)" : "") + ", got "
                            + (row instanceof ListNode l ? "a list of " + l.items().size() : row.kind()));
                for (int c = 0; c < n; c++) {
                    at[r][c] = exprScalar(cols.items().get(c), "a " + sym + " entry");
                    g[r][c] = coefficient(cols.items().get(c), "a " + sym + " entry");
                    v[r][c] = finiteAtDefaults(g[r][c], at[r][c], 0, sym + "_" + label(r, ens) + label(c, ens));
                }
            }
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) {
                Complex d = v[r][c].minus(v[c][r].conj());
                if (d.abs() > TOL * Math.max(1, v[r][c].abs()))
                    throw new FileError(at[r][c].loc(), "the " + sym + " matrix of ensemble" + (ens.size() > 1 ? "s " + ens : " " + ens.get(0)) + " is not Hermitian at the defaults: " + sym + "_" + label(r, ens) + label(c, ens)
                            + " = " + v[r][c] + " but conj(" + sym + "_" + label(c, ens) + label(r, ens) + ") = " + v[c][r].conj() + " (" + sym + " must equal its conjugate transpose)");
            }
            return g;
        }

        /** x, y, z for one ensemble; (i,x) for row k of a matrix over several. */
        private static String label(int k, List<Integer> ens) {
            return ens.size() == 1 ? String.valueOf("xyz".charAt(k)) : "(" + ens.get(k / 3) + "," + "xyz".charAt(k % 3) + ")";
        }

        /** Paper Eq. 18 with γ^{jj} = diag and γ^{j≠k} = off on one ensemble (Model.Builder.spinChannel). */
        private void spinChannel(Model.Builder b, Node item) {
            if (!(item instanceof MapNode m))
                throw new FileError(item.loc(), "expected a mapping {ensemble: 1, diag: [[...], ...], off: [[...], ...]} for a spin channel (Eq. 18), got " + item.kind());
            keys(m, SPIN_CHANNEL_KEYS, "a spin channel");
            int ens = ensembleOf(m, "a spin channel", "the 1-based ensemble it acts on, e.g. ensemble: 1");
            Expr[][] diag = matrix(m, "diag", ens, "γ^jj", "a spin channel", "γ^{jj}: three rows of three entries over (σ^x, σ^y, σ^z)");
            Expr[][] off = matrix(m, "off", ens, "γ^jk", "a spin channel", "γ^{jk}, j ≠ k: three rows over (σ^x, σ^y, σ^z), falling as 1/N (e.g. kappa/N)");
            b.spinChannel(ens, diag, off);
        }

        /** rate · Σ_k D[σ_k] on every spin k of one ensemble: emission (σ^-), pumping (σ^+) or dephasing (σ^z). */
        private void local(Model.Builder b, Node item) {
            if (!(item instanceof MapNode m))
                throw new FileError(item.loc(), "expected a mapping {ensemble: 1, process: emission, rate: gamma} for a local process, got " + item.kind());
            keys(m, LOCAL_KEYS, "a local process");
            int ens = ensembleOf(m, "a local process", "the 1-based ensemble whose spins it acts on, e.g. ensemble: 1");
            if (m.get("matrix") != null) {
                for (String k : List.of("process", "rate")) if (m.get(k) != null)
                    throw new FileError(m.get(k).loc(), "a local process has either 'process' and 'rate' or a γ 'matrix', not both: remove '" + k + "'");
                b.localGamma(ens, matrix(m, "matrix", ens, "γ", "a local γ matrix", "three rows of three entries over (σ^x, σ^y, σ^z)"));
                return;
            }
            String process = string(require(m, "process", m.loc(), "a local process", "emission, pumping or dephasing"), "process");
            cumulus.api.Dissipator.LocalProcess kind = switch (process) {
                case "emission" -> cumulus.api.Dissipator.LocalProcess.EMISSION;
                case "pumping" -> cumulus.api.Dissipator.LocalProcess.PUMPING;
                case "dephasing" -> cumulus.api.Dissipator.LocalProcess.DEPHASING;
                default -> throw new FileError(m.get("process").loc(), "unknown local process '" + process
                        + "': expected emission (sigma-), pumping (sigma+) or dephasing (sigmaz)" + OpParser.suggest(process, List.of("emission", "pumping", "dephasing")));
            };
            Node rn = require(m, "rate", m.loc(), "a local process", "e.g. rate: gamma_local");
            Expr rate = coefficient(rn, "a local rate");
            checkRate(rate, exprScalar(rn, "rate"), "the rate of the local " + process);
            b.local(ens, kind, rate);
        }

        // ---------------------------------------------------------------- checks

        /** H = H† term by term, after ordering each product by subsystem (operators of different subsystems commute). */
        private void checkHermitian(List<HTerm> terms) {
            Map<List<Op>, Complex[]> coefficients = new LinkedHashMap<>();
            for (HTerm t : terms) {
                Complex[] c = coefficients.computeIfAbsent(canonical(t.term().factors()), k -> new Complex[]{Complex.ZERO, Complex.ZERO});
                Complex[] v = values(t.term().coefficient(), t.node(), t.term().start());
                c[0] = c[0].plus(v[0]);
                c[1] = c[1].plus(v[1]);
            }
            for (HTerm t : terms) {
                List<Op> p = canonical(t.term().factors());
                List<Op> q = canonical(new OpSum.Term(Expr.ONE, t.term().factors()).adjoint().factors());
                Complex[] cp = coefficients.get(p);
                Complex[] cq = coefficients.getOrDefault(q, new Complex[]{Complex.ZERO, Complex.ZERO});
                for (int k = 0; k < 2; k++) {
                    Complex diff = cp[k].minus(cq[k].conj());
                    if (diff.abs() > TOL * Math.max(1, cp[k].abs())) {
                        String prod = product(p), adj = product(q);
                        String why = p.equals(q)
                                ? "the operator " + prod + " is Hermitian, so its total coefficient must be real, but it is " + cp[k] + (k == 0 ? " at the defaults" : " at generic parameter values")
                                : "H† contains " + adj + " with coefficient " + cp[k].conj() + " but H has it with " + cq[k] + (k == 0 ? " at the defaults" : " at generic parameter values")
                                  + ": add the Hermitian conjugate of this term";
                        throw new FileError(t.node().at(t.term().start()), "the Hamiltonian is not Hermitian: term '" + source(t) + "': " + why);
                    }
                }
            }
        }

        private static String product(List<Op> ops) {
            return ops.isEmpty() ? "1 (identity)" : String.join(" ", ops.stream().map(Object::toString).toList());
        }

        private static List<Op> canonical(List<Op> ops) {
            List<Op> out = new ArrayList<>(ops);
            out.sort(Comparator.comparingInt(o -> o instanceof Op.Spin s ? s.ensemble() : Integer.MAX_VALUE)); // stable
            return List.copyOf(out);
        }

        private String source(HTerm t) {
            String s = t.node().text().substring(t.term().start(), Math.min(t.term().end(), t.node().text().length())).strip();
            if (s.startsWith("+")) s = s.substring(1).strip();
            return s;
        }

        /** The value at the defaults and at generic parameter values. */
        private Complex[] values(Expr e, Scalar node, int offset) {
            try {
                return new Complex[]{e.evaluate(defaults), e.evaluate(generic)};
            } catch (ModelException | ArithmeticException ex) {
                throw new FileError(node.at(offset), "cannot evaluate '" + e + "': " + ex.getMessage());
            }
        }

        /** The value at the defaults (in the first schedule segment), checked finite in every segment. */
        private Complex finiteAtDefaults(Expr e, Scalar node, int offset, String what) {
            Complex first = null;
            int k = 0;
            for (Map<String, Double> at : defaultPoints()) {
                k++;
                Complex v;
                try {
                    v = e.evaluate(at);
                } catch (ModelException | ArithmeticException ex) {
                    throw new FileError(node.at(offset), "cannot evaluate '" + e + "': " + ex.getMessage());
                }
                if (!v.isFinite()) throw new FileError(node.at(offset), what + " is not finite at the defaults" + segment(k) + " (" + e + " = " + v + "): change the expression or the defaults");
                if (first == null) first = v;
            }
            return first;
        }

        private String segment(int k) { return segmentDefaults.isEmpty() ? "" : " in schedule segment " + k; }

        private void checkRate(Expr rate, Scalar node, String what) {
            finiteAtDefaults(rate, node, 0, what);
            int k = 0;
            for (Map<String, Double> at : defaultPoints()) {
                k++;
                Complex v = rate.evaluate(at);
                if (Math.abs(v.im()) > TOL * Math.max(1, Math.abs(v.re())))
                    throw new FileError(node.at(0), what + " is not real at the defaults" + segment(k) + " (" + v + "): a rate must be a real number >= 0");
                if (v.re() < 0)
                    throw new FileError(node.at(0), what + " is negative at the defaults" + segment(k) + " (" + v.re() + "): a rate must be >= 0");
            }
        }

        /** sqrt(...) factors common to every term's coefficient (the rate of sqrt(r) * L is r). */
        private static List<Expr> extractSqrt(List<OpParser.Term> terms) {
            if (terms.isEmpty()) return List.of();
            List<Expr> common = new ArrayList<>();
            for (Expr f : factors(terms.get(0).coefficient())) {
                if (!(f instanceof Expr.Fn fn) || !fn.name().equals("sqrt") || common.contains(f)) continue;
                boolean everywhere = true;
                for (OpParser.Term t : terms) if (!factors(t.coefficient()).contains(f)) everywhere = false;
                if (everywhere) common.add(f);
            }
            return common;
        }

        private static List<Expr> factors(Expr e) { return e instanceof Expr.Mul m ? m.factors() : List.of(e); }

        private static Expr removeFactors(Expr e, List<Expr> remove) {
            List<Expr> f = new ArrayList<>(factors(e));
            for (Expr r : remove) f.remove(r);
            return Expr.product(f);
        }

        // ---------------------------------------------------------------- typed access

        private static void keys(MapNode m, List<String> allowed, String where) {
            for (String k : m.entries().keySet())
                if (!allowed.contains(k))
                    throw new FileError(m.keyLoc(k), "unknown key '" + k + "' in " + where + ": expected one of " + String.join(", ", allowed)
                            + OpParser.suggest(k, allowed));
        }

        private static Node require(MapNode m, String key, Loc where, String in, String hint) {
            Node n = m.get(key);
            if (n == null) throw new FileError(where, "missing required key '" + key + "' in " + in + ": " + hint);
            if (n instanceof Scalar s && s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NULL)
                throw new FileError(m.keyLoc(key), "key '" + key + "' has no value: " + hint);
            return n;
        }

        private static MapNode map(Node n, String key) {
            if (n instanceof MapNode m) return m;
            throw new FileError(n.loc(), "expected a mapping for '" + key + "', got " + n.kind());
        }

        private static String string(Node n, String key) {
            if (n instanceof Scalar s && s.isString()) return s.text();
            throw new FileError(n.loc(), "expected a string for '" + key + "', got " + n.kind());
        }

        private static long integer(Node n, String key, long min, long max) {
            if (!(n instanceof Scalar s) || !s.isNumber())
                throw new FileError(n.loc(), "expected a whole number for '" + key + "', got " + n.kind() + (n instanceof Scalar s2 ? " '" + s2.text() + "'" : ""));
            long v;
            try {
                double d = Double.parseDouble(s.text());
                if (d != Math.rint(d) || Math.abs(d) > 1e15) throw new NumberFormatException();
                v = (long) d;
            } catch (NumberFormatException e) {
                throw new FileError(n.loc(), "expected a whole number for '" + key + "', got " + s.text());
            }
            if (v < min || v > max)
                throw new FileError(n.loc(), "'" + key + "' must be " + (max >= Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", got " + v);
            return v;
        }

        /** A number, or a constant expression such as 2*pi. */
        private static double number(Node n, String what) {
            if (!(n instanceof Scalar s) || !(s.isNumber() || s.isString()))
                throw new FileError(n.loc(), "expected a number for " + what + ", got " + n.kind());
            double v;
            if (s.isNumber()) {
                try {
                    v = Double.parseDouble(s.text());
                } catch (NumberFormatException e) {
                    throw new FileError(s.loc(), "expected a finite decimal number for " + what + ", got " + s.text());
                }
            } else {
                Expr e;
                try {
                    e = OpParser.coefficient(s.text(), new OpParser.Context(Set.of(), 0, List.of()), what);
                } catch (OpParser.ParseError ex) {
                    throw new FileError(s.at(ex.offset), "expected a number or a constant expression such as 2*pi for " + what + ": " + ex.getMessage());
                }
                Complex c = e.evaluate(Map.of());
                if (Math.abs(c.im()) > 0) throw new FileError(s.loc(), "expected a real number for " + what + ", got " + c);
                v = c.re();
            }
            if (!Double.isFinite(v)) throw new FileError(s.loc(), "expected a finite number for " + what + ", got " + s.text());
            return v;
        }

        private static Scalar exprScalar(Node n, String key) {
            if (n instanceof Scalar s && (s.isString() || s.isNumber())) return s;
            throw new FileError(n.loc(), "expected an expression (a string such as 'omega_x * Sx(1)' or a number) for '" + key + "', got " + n.kind());
        }

        private List<Scalar> expressionList(Node n, String key) {
            if (n instanceof ListNode l) {
                if (l.items().isEmpty()) throw new FileError(l.loc(), "the list '" + key + "' is empty: write 'hamiltonian: 0' for none");
                return l.items().stream().map(i -> exprScalar(i, key)).toList();
            }
            return List.of(exprScalar(n, key));
        }

        private List<OpParser.Term> parseOps(Scalar s) {
            try {
                return OpParser.parse(s.text(), ctx);
            } catch (OpParser.ParseError e) {
                throw new FileError(s.at(e.offset), e.getMessage());
            } catch (ModelException e) {
                throw new FileError(s.loc(), e.getMessage());
            }
        }

        private Expr coefficient(Node n, String what) {
            Scalar s = exprScalar(n, what);
            try {
                return OpParser.coefficient(s.text(), ctx, what);
            } catch (OpParser.ParseError e) {
                throw new FileError(s.at(e.offset), e.getMessage());
            } catch (ModelException e) {
                throw new FileError(s.loc(), e.getMessage());
            }
        }
    }

}
