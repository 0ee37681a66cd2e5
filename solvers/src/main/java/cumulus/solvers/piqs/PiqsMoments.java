package cumulus.solvers.piqs;

import cumulus.api.Model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observables of a permutation-invariant state (SPEC.md): ⟨m^a⟩ = Σ_j Tr(m^a_j P_j) / Tr ρ, the
 * symmetrized K_s(A,B) = Re Σ_j Tr(A_j B_j P_j)/Tr ρ − ⟨A⟩⟨B⟩, C_diag = Σ_a K_s(m^a, m^a) and
 * C_all = Σ_{a,b} K_s(m^a, m^b) (one ensemble: all ordered pairs, as cumulus.solvers.Moments).
 * Products of collective operators act blockwise, so all of these are sums over the blocks.
 */
public final class PiqsMoments {
    private final DickeBlocks sp;
    private final List<String> names = new ArrayList<>();
    /** [observable][block] dense {re, im} */
    private final double[][][][] ops;

    public PiqsMoments(PiqsLiouvillian l) {
        sp = l.space();
        Model m = l.model();
        List<Model.Observable> obs = m.observables();
        ops = new double[obs.size()][][][];
        for (int i = 0; i < obs.size(); i++) {
            names.add(obs.get(i).name());
            ops[i] = new double[sp.blocks()][][];
        }
        for (int i = 0; i < obs.size(); i++) for (int b = 0; b < sp.blocks(); b++)
            ops[i][b] = flatten(PiqsLiouvillian.operator(obs.get(i).operator(), sp.dim(b) - 1, l.values()).toDense());
    }

    /** {re, im} flattened row-major. */
    private static double[][] flatten(double[][][] d) {
        int n = d[0].length;
        double[] re = new double[n * n], im = new double[n * n];
        for (int p = 0; p < n; p++) for (int q = 0; q < n; q++) { re[p * n + q] = d[0][p][q]; im[p * n + q] = d[1][p][q]; }
        return new double[][]{re, im};
    }

    public List<String> names() { return List.copyOf(names); }

    public record Values(double[] mean, double[][] ks, double cDiag, double cAll) {
        public double second(int i) { return ks[i][i] + mean[i] * mean[i]; }
    }

    public Values evaluate(double[] x) {
        int k = names.size();
        double tr = sp.trace(x);
        double[] mean = new double[k];
        double[][] second = new double[k][k];
        for (int b = 0; b < sp.blocks(); b++) {
            int d = sp.dim(b);
            double[][][] rho = sp.block(x, b);
            // Y_i = O_i ρ (dense, small blocks); Tr(O_i O_j ρ) = Tr(O_i Y_j)
            double[][][] y = new double[k][][];
            for (int i = 0; i < k; i++) {
                double[] or = ops[i][b][0], oi = ops[i][b][1];
                double[] yr = new double[d * d], yi = new double[d * d];
                for (int p = 0; p < d; p++) for (int r = 0; r < d; r++) {
                    double ar = or[p * d + r], ai = oi[p * d + r];
                    if (ar == 0 && ai == 0) continue;
                    double[] rr = rho[0][r], ri = rho[1][r];
                    for (int q = 0; q < d; q++) {
                        yr[p * d + q] += ar * rr[q] - ai * ri[q];
                        yi[p * d + q] += ar * ri[q] + ai * rr[q];
                    }
                }
                y[i] = new double[][]{yr, yi};
                double t = 0;
                for (int p = 0; p < d; p++) t += yr[p * d + p];
                mean[i] += t;
            }
            for (int i = 0; i < k; i++) for (int j = i; j < k; j++) {
                double[] or = ops[i][b][0], oi = ops[i][b][1], yr = y[j][0], yi = y[j][1];
                double t = 0;
                for (int p = 0; p < d; p++) for (int r = 0; r < d; r++) {
                    double ar = or[p * d + r], ai = oi[p * d + r];
                    if (ar == 0 && ai == 0) continue;
                    t += ar * yr[r * d + p] - ai * yi[r * d + p];
                }
                second[i][j] += t;
            }
        }
        for (int i = 0; i < k; i++) mean[i] /= tr;
        double[][] ks = new double[k][k];
        double cDiag = 0, cAll = 0;
        for (int i = 0; i < k; i++) for (int j = i; j < k; j++) {
            double v = second[i][j] / tr - mean[i] * mean[j];
            ks[i][j] = v; ks[j][i] = v;
        }
        for (int i = 0; i < k; i++) {
            cDiag += ks[i][i];
            for (int j = 0; j < k; j++) cAll += ks[i][j];
        }
        return new Values(mean, ks, cDiag, cAll);
    }

    public Map<String, Double> expectations(Values v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) out.put(names.get(i), v.mean()[i]);
        return out;
    }

    /** "K(a,b)" for i ≤ j in observable order. */
    public Map<String, Double> cumulants(Values v) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) for (int j = i; j < names.size(); j++)
            out.put("K(" + names.get(i) + "," + names.get(j) + ")", v.ks()[i][j]);
        return out;
    }
}
