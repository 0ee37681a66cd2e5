package cumulus.modelfile;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Expr;
import cumulus.api.Model;
import cumulus.api.OpSum;
import cumulus.api.Parameter;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** What model files can say, beyond the paper's models. */
class ModelFileFeaturesTest {

    static Model load(String yaml) { return ModelFile.parse(yaml, "features.yaml"); }

    static final String HEAD = """
            name: f
            ensembles: 2
            N: 4
            parameters:
              kappa: 1
              omega: {default: 2*pi, description: a drive}
              m: {default: 3, kind: positive-integer}
            """;

    @Test
    void parameterForms() {
        Model m = load(HEAD + "hamiltonian: omega * Sx(1)\n");
        assertEquals(Parameter.count("N", 4, "spins-1/2 per ensemble"), m.parameters().get(0));
        assertEquals(Parameter.real("kappa", 1, ""), m.parameter("kappa"));
        assertEquals(new Parameter("omega", 2 * Math.PI, "a drive", Parameter.Kind.REAL), m.parameter("omega"));
        assertEquals(Parameter.Kind.POSITIVE_INTEGER, m.parameter("m").kind());
        assertEquals(2, m.ensembles());
    }

    @Test
    void commonSqrtOfSeveralTermsBecomesTheRate() {
        Model m = load(HEAD + "hamiltonian: 0\njumps:\n  - sqrt(kappa/S) * (Sx(1) - I*Sy(1))\n  - {operator: Sm(2), rate: kappa/S}\n  - 2 * Sz(2)\n");
        Dissipator.Jump j = (Dissipator.Jump) m.dissipators().get(0);
        assertEquals(Expr.parse("kappa/S"), j.rate());
        assertEquals(OpSum.sx(1).plus(OpSum.sy(1).scale(Expr.num(-1).times(Expr.I))).toString(), j.operator().toString());
        Dissipator.Jump k = (Dissipator.Jump) m.dissipators().get(1);
        assertEquals(Expr.parse("kappa/S"), k.rate());
        assertEquals(OpSum.sm(2), k.operator());
        Dissipator.Jump l = (Dissipator.Jump) m.dissipators().get(2);
        assertEquals(Expr.ONE, l.rate());
        assertEquals(OpSum.sz(2).scale(Expr.num(2)), l.operator());
    }

    @Test
    void hermitianFormsAreAccepted() {
        load(HEAD + "hamiltonian: I*(Sx(1)*Sy(1) - Sy(1)*Sx(1))\n");
        load(HEAD + "hamiltonian: kappa * (Sp(1)*Sm(2) + Sp(2)*Sm(1))\n");
        load(HEAD + "hamiltonian: I*kappa*(Sp(1) - Sm(1)) + cos(omega*t) * Sz(2)\n");
        load(HEAD + "hamiltonian: (Sx(1) + Sz(2))^2 / S\n");
        load(HEAD + "hamiltonian: [omega * Sp(1), omega * Sm(1)]\n");
        load(HEAD + "hamiltonian: sqrt(kappa - 0.99) * Sx(1) + sqrt(omega - 6.28) * Sz(2)\n");
    }

    @Test
    void operatorPowersExpand() {
        Model m = load("name: k\nboson: {frequency: 1, cutoff: 4}\nhamiltonian: (a + adag)^2\n");
        assertEquals(4, m.hamiltonian().terms().size());
        assertTrue(m.hasBoson());
        assertEquals(Map.of("cutoff", 4.0), m.resolve(Map.of()));
    }

    @Test
    void gammaMatrixOfTheSpecExample() {
        Model m = load(HEAD + "hamiltonian: 0\ngamma:\n  - ensemble: 2\n    matrix: [[kappa, I*kappa, 0], [-I*kappa, kappa, 0], [0, 0, 0]]\n");
        Dissipator.GammaMatrix g = (Dissipator.GammaMatrix) m.dissipators().get(0);
        assertEquals(2, g.ensemble());
        Map<String, Double> at = m.resolve(Map.of());
        assertEquals(new Complex(0, 1), g.get(0, 1).evaluate(at));
        assertEquals(new Complex(0, -1), g.get(1, 0).evaluate(at));
        assertTrue(m.checkCoefficients(at).isEmpty());
    }

    @Test
    void bosonLossAndJumpAgree() {
        Model m = load("name: k\nparameters: {kb: 0.5}\nboson: {frequency: 1, cutoff: 4, loss: kb}\nhamiltonian: adag*a\njumps: [sqrt(kb) * a]\n");
        assertEquals(m.dissipators().get(0), m.dissipators().get(1));
    }

    @Test
    void bosonOnlyModelMayDeclareN() {
        Model m = load("name: k\nN: {default: 10, description: size}\nboson: {frequency: 1, cutoff: 4}\nhamiltonian: adag*a + (a + adag)^4 / N\n");
        assertEquals(new Parameter("N", 10, "size", Parameter.Kind.POSITIVE_INTEGER), m.parameter("N"));
        assertEquals(0, m.ensembles());
    }
}
