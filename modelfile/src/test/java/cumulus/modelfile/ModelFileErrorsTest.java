package cumulus.modelfile;

import cumulus.api.ModelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Malformed model files: each gives one ModelException naming the file, "line L, column C" and
 * what was expected; none escapes as another exception type.
 */
class ModelFileErrorsTest {

    record Case(String id, String yaml, int line, int column, String phrase) {
        @Override public String toString() { return id; }
    }

    @TempDir static Path dir;

    /** A valid spin model; line 7 is the Hamiltonian (value at column 14), line 9 the jump (value at column 5). */
    static String spin(String hamiltonian, String jump) {
        return """
                name: m
                ensembles: 1
                N: 4
                parameters:
                  kappa: {default: 1, description: decay}
                  omega_x: 2
                hamiltonian: %s
                jumps:
                  - %s
                """.formatted(hamiltonian, jump);
    }

    static String h(String hamiltonian) { return spin(hamiltonian, "sqrt(kappa/S) * Sm(1)"); }
    static String j(String jump) { return spin("omega_x * Sx(1)", jump); }

    /** Two bosonic modes c, d (line 6 'bosons:', line 9 the Hamiltonian). */
    static String twoModes(String hamiltonian) {
        return """
                name: b
                ensembles: 1
                N: 4
                parameters:
                  w: 1
                bosons:
                  - {name: c, frequency: w, cutoff: 3}
                  - {name: d, frequency: w, cutoff: 3}
                hamiltonian: %s
                """.formatted(hamiltonian);
    }

    /** A valid boson model: line 6 starts the boson section, its keys at column 3; line 10 the Hamiltonian. */
    static String boson(String bosonBody, String hamiltonian) {
        return """
                name: b
                ensembles: 1
                N: 4
                parameters:
                  omega_b: 1
                boson:
                %s
                hamiltonian: %s
                """.formatted(bosonBody, hamiltonian);
    }

    static String withGamma(String gamma) {
        return """
                name: g
                ensembles: 1
                N: 4
                parameters:
                  kappa: 1
                hamiltonian: 0
                gamma:
                %s
                """.formatted(gamma);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- operator expressions in H (line 7, expression starts at column 14)
        c.add(new Case("unknown operator", h("omega_x * Sq(1)"), 7, 24, "unknown operator or function 'Sq'"));
        c.add(new Case("operator in lower case", h("omega_x * sx(1)"), 7, 24, "did you mean 'Sx'?"));
        c.add(new Case("unknown parameter", h("omegax * Sx(1)"), 7, 14, "unknown parameter 'omegax'"));
        c.add(new Case("unknown parameter suggestion", h("omega_y * Sx(1)"), 7, 14, "did you mean 'omega_x'?"));
        c.add(new Case("arity none", h("omega_x * Sx()"), 7, 24, "wrong number of arguments: Sx takes exactly one ensemble index"));
        c.add(new Case("arity two", h("omega_x * Sx(1,2)"), 7, 24, "but got 2"));
        c.add(new Case("operator without index", h("omega_x * Sz"), 7, 24, "Sz takes exactly one ensemble index"));
        c.add(new Case("ensemble index too large", h("omega_x * Sx(2)"), 7, 27, "ensemble index 2 is out of range: the model has 1 ensemble"));
        c.add(new Case("ensemble index zero", h("omega_x * Sx(0)"), 7, 27, "ensemble index 0 is out of range"));
        c.add(new Case("ensemble index not a number", h("omega_x * Sx(k)"), 7, 27, "expected an ensemble index"));
        c.add(new Case("boson operator without boson", h("omega_x * a"), 7, 24, "acts on the boson, but the model declares none"));
        c.add(new Case("boson operator by mode number without boson", h("omega_x * Sx(1) * a(1)"), 7, 32, "acts on a boson, but the model declares none"));
        // ---- several bosonic modes (line 9, expression starts at column 14)
        c.add(new Case("mode number out of range", twoModes("w * adag(3) * a(3)"), 9, 23, "mode 3 is out of range: the model has 2 bosonic modes"));
        c.add(new Case("bare a with several modes", twoModes("w * adag * a"), 9, 18, "'adag' is ambiguous: the model has 2 bosonic modes"));
        c.add(new Case("named mode operator with argument", twoModes("w * c(1)"), 9, 19, "of a named mode takes none"));
        c.add(new Case("mode number not a number", twoModes("w * a(k)"), 9, 20, "expected a mode number (1 to 2)"));
        c.add(new Case("non-Hermitian raising operator", h("omega_x * Sp(1)"), 7, 14, "not Hermitian: term 'omega_x * Sp(1)'"));
        c.add(new Case("non-Hermitian imaginary coefficient", h("I * omega_x * Sx(1)"), 7, 14, "coefficient must be real"));
        c.add(new Case("non-Hermitian second term", h("omega_x * Sx(1) + I*Sy(1)"), 7, 32, "term 'I*Sy(1)'"));
        c.add(new Case("anti-Hermitian commutator", h("omega_x*Sx(1) + I*(Sp(1)*Sm(1) - Sm(1)*Sp(1))"), 7, 30, "not Hermitian"));
        c.add(new Case("non-Hermitian mismatched pair", h("omega_x * Sp(1) + 2*omega_x*Sm(1)"), 7, 14, "add the Hermitian conjugate"));
        c.add(new Case("missing multiplication", h("omega_x Sx(1)"), 7, 22, "expected '*' between factors"));
        c.add(new Case("unclosed parenthesis", h("omega_x * (Sx(1)"), 7, 30, "expected ')'"));
        c.add(new Case("extra parenthesis", h("omega_x * Sx(1))"), 7, 29, "unbalanced ')'"));
        c.add(new Case("empty expression", h("\"\""), 7, 15, "empty expression"));
        c.add(new Case("divide by operator", h("omega_x / Sx(1)"), 7, 24, "cannot divide by an operator"));
        c.add(new Case("fractional operator power", h("omega_x * Sx(1)^0.5"), 7, 29, "whole power"));
        c.add(new Case("operator exponent", h("omega_x^Sx(1)"), 7, 22, "exponent must be a coefficient"));
        c.add(new Case("function of an operator", h("sqrt(Sx(1))"), 7, 19, "takes a coefficient, not an operator"));
        c.add(new Case("unknown function", h("foo(omega_x) * Sx(1)"), 7, 14, "unknown operator or function 'foo'"));
        c.add(new Case("parameter called like a function", h("omega_x(2) * Sx(1)"), 7, 21, "is a parameter, not a function"));
        c.add(new Case("malformed number", h("1.2.3 * Sx(1)"), 7, 14, "malformed number '1.2.3'"));
        c.add(new Case("stray character", h("omega_x * Sx(1) $"), 7, 30, "unexpected '$'"));
        c.add(new Case("dangling operator", h("omega_x *"), 7, 23, "unexpected end of the expression"));
        c.add(new Case("function without argument", h("sqrt() * Sx(1)"), 7, 19, "sqrt() needs an argument"));
        c.add(new Case("coefficient infinite at defaults", h("omega_x/(kappa-1) * Sx(1)"), 7, 14, "not finite at the defaults"));
        c.add(new Case("quoted expression column", h("\"omega_x * Sw(1)\""), 7, 25, "unknown operator or function 'Sw'"));
        c.add(new Case("hamiltonian as mapping", h("{x: 1}"), 7, 14, "expected an expression"));
        c.add(new Case("hamiltonian empty list", h("[]"), 7, 14, "is empty"));
        c.add(new Case("hamiltonian without value", h(""), 7, 1, "key 'hamiltonian' has no value"));
        c.add(new Case("hamiltonian list item", h("[omega_x * Sx(1), omega_x * Sy(3)]"), 7, 45, "ensemble index 3 is out of range"));
        c.add(new Case("folded multi-line expression", h("omega_x * Sx(1)\n  + omega_x * Sq(1)"), 8, 15, "unknown operator or function 'Sq'"));
        c.add(new Case("block scalar expression", h(">\n  omega_x * Sx(1)\n  + kappa * Sz(2)"), 9, 16, "ensemble index 2 is out of range"));
        c.add(new Case("literal block scalar", h("|\n  omega_x * Sx(1) +\n    omega_x * Sp(1)"), 9, 5, "not Hermitian: term 'omega_x * Sp(1)'"));
        c.add(new Case("quoted multi-line expression", h("\"omega_x * Sx(1)\n  + omega_x * Sy(1) * Sy(1) * Sw(1)\""), 8, 31, "unknown operator or function 'Sw'"));
        c.add(new Case("nested too deeply", h("(".repeat(300) + "Sx(1)" + ")".repeat(300)), 7, 214, "nested too deeply"));
        // ---- jumps (line 9, expression at column 5)
        c.add(new Case("negative rate", j("sqrt(-kappa/S) * Sm(1)"), 9, 5, "is negative at the defaults"));
        c.add(new Case("negative explicit rate", j("{operator: Sm(1), rate: -kappa}"), 9, 29, "is negative at the defaults"));
        c.add(new Case("complex rate", j("{operator: Sm(1), rate: I*kappa}"), 9, 29, "is not real at the defaults"));
        c.add(new Case("jump without operator key", j("{rate: kappa}"), 9, 5, "missing required key 'operator' in jump 1"));
        c.add(new Case("jump unknown key", j("{op: Sm(1)}"), 9, 6, "unknown key 'op' in jump 1"));
        c.add(new Case("jump is zero", j("0"), 9, 5, "is zero"));
        c.add(new Case("jump with identity term", j("sqrt(kappa/S) * (Sm(1) + 1)"), 9, 5, "has a term without operators"));
        c.add(new Case("jump unknown operator", j("sqrt(kappa/S) * Sminus(1)"), 9, 21, "unknown operator or function 'Sminus'"));
        c.add(new Case("jump as list", j("[Sm(1)]"), 9, 5, "expected a jump operator"));
        c.add(new Case("jump boson without boson", j("sqrt(kappa) * a"), 9, 19, "declares none"));
        c.add(new Case("jumps not a list", spin("omega_x * Sx(1)", "x").replace("jumps:\n  - x", "jumps: sqrt(kappa/S) * Sm(1)"), 8, 8, "expected a list for 'jumps'"));
        // ---- YAML syntax
        c.add(new Case("unclosed flow sequence", h("[omega_x * Sx(1)"), 8, 6, "YAML syntax error"));
        c.add(new Case("tab indentation", j("x").replace("  kappa:", "\tkappa:"), 5, 1, "YAML syntax error"));
        c.add(new Case("mapping value in plain scalar", h("omega_x: Sx(1)"), 7, 21, "YAML syntax error: mapping values are not allowed here"));
        c.add(new Case("unclosed quote", h("\"omega_x * Sx(1)"), 10, 1, "YAML syntax error"));
        c.add(new Case("duplicate key", h("omega_x * Sx(1)") + "name: again\n", 10, 1, "duplicate key 'name'"));
        c.add(new Case("empty file", "", 1, 1, "the file is empty"));
        c.add(new Case("top level list", "- name: m\n- ensembles: 1\n", 1, 1, "expected a mapping"));
        c.add(new Case("two documents", h("omega_x * Sx(1)") + "---\nname: x\n", 11, 1, "a second YAML document"));
        // ---- keys and types
        c.add(new Case("unknown top-level key", h("omega_x * Sx(1)").replace("hamiltonian:", "hamiltonain:"), 7, 1, "unknown key 'hamiltonain' in the model file"));
        c.add(new Case("unknown key suggestion", h("omega_x * Sx(1)").replace("jumps:", "jump:"), 8, 1, "did you mean 'jumps'?"));
        c.add(new Case("missing name", h("omega_x * Sx(1)").replace("name: m\n", ""), 1, 1, "missing required key 'name'"));
        c.add(new Case("missing hamiltonian", j("sqrt(kappa/S) * Sm(1)").replace("hamiltonian: omega_x * Sx(1)\n", ""), 1, 1, "missing required key 'hamiltonian'"));
        c.add(new Case("name not a string", h("0").replace("name: m", "name: [m]"), 1, 7, "expected a string for 'name', got a list"));
        c.add(new Case("invalid model name", h("0").replace("name: m", "name: \"my model\""), 1, 7, "invalid model name 'my model'"));
        c.add(new Case("description not a string", h("0").replace("name: m", "name: m\ndescription: {a: 1}"), 2, 14, "expected a string for 'description'"));
        c.add(new Case("ensembles not a number", h("0").replace("ensembles: 1", "ensembles: two"), 2, 12, "expected a whole number for 'ensembles'"));
        c.add(new Case("ensembles negative", h("0").replace("ensembles: 1", "ensembles: -1"), 2, 12, "'ensembles' must be between 0 and 64"));
        c.add(new Case("ensembles fractional", h("0").replace("ensembles: 1", "ensembles: 1.5"), 2, 12, "expected a whole number for 'ensembles'"));
        c.add(new Case("N missing", h("0").replace("N: 4\n", ""), 2, 1, "missing key 'N'"));
        c.add(new Case("N zero", h("0").replace("N: 4", "N: 0"), 3, 4, "'N' must be between 1 and"));
        c.add(new Case("parameters not a mapping", h("0").replace("parameters:\n  kappa: {default: 1, description: decay}\n  omega_x: 2", "parameters: [kappa]"), 4, 13, "expected a mapping for 'parameters'"));
        c.add(new Case("default not a number", h("0").replace("{default: 1,", "{default: fast,"), 5, 20, "expected a number or a constant expression such as 2*pi for the default of parameter 'kappa'"));
        c.add(new Case("default missing", h("0").replace("{default: 1, description: decay}", "{description: decay}"), 5, 3, "missing required key 'default' in parameter 'kappa'"));
        c.add(new Case("default boolean", h("0").replace("{default: 1,", "{default: true,"), 5, 20, "expected a number for the default of parameter 'kappa', got a boolean"));
        c.add(new Case("parameter unknown key", h("0").replace("description: decay", "descr: decay"), 5, 23, "did you mean 'description'?"));
        c.add(new Case("parameter reserved name", h("0").replace("omega_x: 2", "S: 2"), 6, 3, "'S' is reserved"));
        c.add(new Case("parameter named N", h("0").replace("omega_x: 2", "N: 2"), 6, 3, "top-level key 'N:'"));
        c.add(new Case("parameter invalid name", h("0").replace("omega_x: 2", "2x: 2"), 6, 3, "invalid parameter name '2x'"));
        c.add(new Case("parameter kind unknown", h("0").replace("description: decay}", "description: decay, kind: complex}"), 5, 49, "unknown parameter kind 'complex'"));
        c.add(new Case("parameter as list", h("0").replace("omega_x: 2", "omega_x: [2]"), 6, 12, "expected a number or a mapping"));
        c.add(new Case("constant default expression error", h("0").replace("omega_x: 2", "omega_x: 2*pj"), 6, 14, "unknown name 'pj'"));
        // ---- boson (section at line 6, keys at column 3; H at line 10)
        String ok = "  frequency: omega_b\n  cutoff: 8\n  loss: 1";
        c.add(new Case("boson missing cutoff", boson("  frequency: omega_b\n  loss: 1", "omega_b * adag * a"), 6, 1, "missing required key 'cutoff' in 'boson'"));
        c.add(new Case("boson missing frequency", boson("  cutoff: 8", "omega_b * adag * a"), 6, 1, "missing required key 'frequency' in 'boson'"));
        c.add(new Case("boson cutoff too small", boson(ok.replace("cutoff: 8", "cutoff: 1"), "omega_b * adag * a"), 8, 11, "'cutoff' must be between 2 and"));
        c.add(new Case("boson cutoff not a number", boson(ok.replace("cutoff: 8", "cutoff: many"), "omega_b * adag * a"), 8, 11, "expected a whole number for 'cutoff'"));
        c.add(new Case("boson unknown key", boson(ok.replace("loss:", "lose:"), "omega_b * adag * a"), 9, 3, "did you mean 'loss'?"));
        c.add(new Case("boson negative loss", boson(ok.replace("loss: 1", "loss: -omega_b"), "omega_b * adag * a"), 9, 9, "the boson loss rate is negative at the defaults"));
        c.add(new Case("boson frequency is an operator", boson(ok.replace("frequency: omega_b", "frequency: omega_b * adag*a"), "omega_b * adag * a"), 7, 14, "must be a coefficient"));
        c.add(new Case("boson not a mapping", boson("  - 1", "omega_b * adag * a").replace("boson:\n  - 1", "boson: [1]"), 6, 8, "expected a mapping for 'boson'"));
        c.add(new Case("boson non-Hermitian coupling", boson(ok, "omega_b * adag * a + a * Sx(1)"), 10, 35, "not Hermitian: term 'a * Sx(1)'"));
        c.add(new Case("boson model uses cutoff name", boson(ok, "omega_b * adag * a").replace("omega_b: 1", "omega_b: 1\n  cutoff: 3"), 6, 3, "'cutoff' is reserved"));
        c.add(new Case("no degrees of freedom", "name: x\nensembles: 0\nhamiltonian: 0\n", 1, 1, "declares neither spin ensembles"));
        c.add(new Case("N without ensembles", "name: x\nboson: {frequency: 1, cutoff: 4}\nhamiltonian: N * adag * a\n", 3, 14, "unknown parameter 'N'"));
        // ---- Γ matrices (line 8 on)
        c.add(new Case("gamma ensemble out of range", withGamma("  - {ensemble: 2, matrix: [[kappa, 0, 0], [0, kappa, 0], [0, 0, 0]]}"), 8, 16, "ensemble index 2 is out of range"));
        c.add(new Case("gamma two rows", withGamma("  - {ensemble: 1, matrix: [[kappa, 0, 0], [0, kappa, 0]]}"), 8, 27, "expected a 3×3 matrix"));
        c.add(new Case("gamma short row", withGamma("  - {ensemble: 1, matrix: [[kappa, 0, 0], [0, kappa], [0, 0, 0]]}"), 8, 43, "expected row 2"));
        c.add(new Case("gamma not Hermitian", withGamma("  - {ensemble: 1, matrix: [[kappa, I*kappa, 0], [I*kappa, kappa, 0], [0, 0, 0]]}"), 8, 36, "is not Hermitian at the defaults: Γ_xy"));
        c.add(new Case("gamma entry operator", withGamma("  - {ensemble: 1, matrix: [[Sx(1), 0, 0], [0, kappa, 0], [0, 0, 0]]}"), 8, 29, "must be a coefficient"));
        c.add(new Case("gamma not a list", withGamma("  ensemble: 1"), 8, 3, "expected a list for 'gamma'"));
        c.add(new Case("gamma missing matrix", withGamma("  - {ensemble: 1}"), 8, 5, "missing required key 'matrix'"));
        c.add(new Case("local unknown process", withGamma("  []\nlocal:\n  - {ensemble: 1, process: decay, rate: kappa}"), 10, 28, "unknown local process 'decay'"));
        c.add(new Case("local negative rate", withGamma("  []\nlocal:\n  - {ensemble: 1, process: emission, rate: -kappa}"), 10, 44, "the rate of the local emission is negative"));
        c.add(new Case("local ensemble out of range", withGamma("  []\nlocal:\n  - {ensemble: 3, process: emission, rate: kappa}"), 10, 16, "ensemble index 3 is out of range"));
        c.add(new Case("gamma unknown key", withGamma("  - {ensemble: 1, matrx: []}"), 8, 19, "did you mean 'matrix'?"));
        c.add(new Case("local matrix and process", withGamma("  []\nlocal:\n  - {ensemble: 1, process: emission, matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}"), 10, 28, "either 'process' and 'rate' or a γ 'matrix', not both"));
        c.add(new Case("local matrix not Hermitian", withGamma("  []\nlocal:\n  - {ensemble: 1, matrix: [[1, I, 0], [I, 1, 0], [0, 0, 1]]}"), 10, 32, "the γ matrix of ensemble 1 is not Hermitian at the defaults: γ_xy"));
        c.add(new Case("spin channel not a list", withGamma("  []\nspin_channel: 3"), 9, 15, "expected a list for 'spin_channel'"));
        c.add(new Case("spin channel missing off", withGamma("  []\nspin_channel:\n  - {ensemble: 1, diag: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]}"), 10, 5, "missing required key 'off'"));
        c.add(new Case("spin channel off not Hermitian", withGamma("  []\nspin_channel:\n  - {ensemble: 1, diag: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], off: [[0, 0, kappa/N], [0, 0, 0], [0, 0, 0]]}"), 10, 73, "the γ^jk matrix of ensemble 1 is not Hermitian"));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedFileGivesOneLocatedMessage(Case c) throws Exception {
        String fileName = c.id().replaceAll("[^A-Za-z0-9]+", "-") + ".yaml";
        Path f = dir.resolve(fileName);
        Files.writeString(f, c.yaml());
        ModelException e = assertThrows(ModelException.class, () -> ModelFile.load(f), c.yaml());
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.contains(fileName), "file name in: " + m);
        assertTrue(m.contains("line " + c.line() + ", column " + c.column() + ":"), "expected line " + c.line() + ", column " + c.column() + " in: " + m);
        assertTrue(m.contains(c.phrase()), "expected '" + c.phrase() + "' in: " + m);
    }

    @Test
    void atLeastFiftyDistinctCases() {
        Set<String> ids = new HashSet<>();
        for (Case c : cases()) assertTrue(ids.add(c.id()), "duplicate case " + c.id());
        assertTrue(ids.size() >= 50, "only " + ids.size() + " cases");
    }

    @Test
    void missingFileIsAModelException() {
        ModelException e = assertThrows(ModelException.class, () -> ModelFile.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void validTemplatesLoad() {
        assertEquals("m", ModelFile.parse(h("omega_x * Sx(1)"), "t.yaml").name());
        assertEquals("b", ModelFile.parse(boson("  frequency: omega_b\n  cutoff: 8\n  loss: 1", "omega_b * adag * a + (a + adag) * Sx(1)"), "t.yaml").name());
        assertEquals("g", ModelFile.parse(withGamma("  - {ensemble: 1, matrix: [[kappa, I*kappa, 0], [-I*kappa, kappa, 0], [0, 0, 0]]}"), "t.yaml").name());
    }
}
