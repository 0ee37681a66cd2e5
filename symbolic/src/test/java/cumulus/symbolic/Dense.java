package cumulus.symbolic;

import cumulus.api.Complex;
import cumulus.api.Dissipator;
import cumulus.api.Model;
import cumulus.api.Op;
import cumulus.api.OpSum;
import cumulus.symbolic.algebra.Poly;
import cumulus.symbolic.ops.OpMono;
import cumulus.symbolic.ops.OpPoly;

import java.util.Map;
import java.util.Random;

/** Small dense complex matrices for exact finite-N checks (test only): spins in the Dicke manifold, truncated boson. */
final class Dense {
    final int n;
    final double[] re, im;

    Dense(int n) { this.n = n; re = new double[n * n]; im = new double[n * n]; }

    static Dense identity(int n) { Dense d = new Dense(n); for (int k = 0; k < n; k++) d.re[k * n + k] = 1; return d; }

    Dense times(Dense o) {
        Dense r = new Dense(n);
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) {
            double ar = re[i * n + k], ai = im[i * n + k];
            if (ar == 0 && ai == 0) continue;
            for (int j = 0; j < n; j++) {
                double br = o.re[k * n + j], bi = o.im[k * n + j];
                r.re[i * n + j] += ar * br - ai * bi;
                r.im[i * n + j] += ar * bi + ai * br;
            }
        }
        return r;
    }

    Dense plus(Dense o) { Dense r = new Dense(n); for (int k = 0; k < n * n; k++) { r.re[k] = re[k] + o.re[k]; r.im[k] = im[k] + o.im[k]; } return r; }
    Dense minus(Dense o) { return plus(o.scale(Complex.real(-1))); }
    Dense scale(Complex c) {
        Dense r = new Dense(n);
        for (int k = 0; k < n * n; k++) { r.re[k] = re[k] * c.re() - im[k] * c.im(); r.im[k] = re[k] * c.im() + im[k] * c.re(); }
        return r;
    }
    Dense adjoint() {
        Dense r = new Dense(n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { r.re[j * n + i] = re[i * n + j]; r.im[j * n + i] = -im[i * n + j]; }
        return r;
    }
    Complex trace() { double a = 0, b = 0; for (int k = 0; k < n; k++) { a += re[k * n + k]; b += im[k * n + k]; } return new Complex(a, b); }

    static Dense kron(Dense a, Dense b) {
        Dense r = new Dense(a.n * b.n);
        for (int i = 0; i < a.n; i++) for (int j = 0; j < a.n; j++) for (int k = 0; k < b.n; k++) for (int l = 0; l < b.n; l++) {
            int row = i * b.n + k, col = j * b.n + l;
            double ar = a.re[i * a.n + j], ai = a.im[i * a.n + j], br = b.re[k * b.n + l], bi = b.im[k * b.n + l];
            r.re[row * r.n + col] = ar * br - ai * bi;
            r.im[row * r.n + col] = ar * bi + ai * br;
        }
        return r;
    }

    /** The matrices of a model at N spins per ensemble and a Fock cutoff. */
    static final class Rep {
        final Model model;
        final Map<String, Double> values;
        final int nSpins, cutoff, dim, modes, bosonDim;
        final Dense[][] spin; // [ensemble-1][x,y,z,+,-]
        Dense a, adag;                 // mode 1
        final Dense[] as, adags;       // mode k at k − 1 (each mode truncated at the same cutoff)

        Rep(Model model, Map<String, Double> values, int cutoff) {
            this.model = model;
            this.values = values;
            this.nSpins = (int) Math.round(values.get("N"));
            this.cutoff = model.hasBoson() ? cutoff : 1;
            this.modes = model.bosons().size();
            int bd = 1;
            for (int k = 0; k < modes; k++) bd *= this.cutoff;
            this.bosonDim = bd;
            int d1 = nSpins + 1, m = model.ensembles();
            int dd = bosonDim;
            for (int i = 0; i < m; i++) dd *= d1;
            this.dim = dd;
            double s = nSpins / 2.0;
            Dense sz = new Dense(d1), sp = new Dense(d1);
            for (int k = 0; k < d1; k++) {
                double mm = s - k;
                sz.re[k * d1 + k] = mm;
                if (k > 0) sp.re[(k - 1) * d1 + k] = Math.sqrt(s * (s + 1) - mm * (mm + 1));
            }
            Dense sm = sp.adjoint();
            Dense sx = sp.plus(sm).scale(Complex.real(0.5)), sy = sp.minus(sm).scale(new Complex(0, -0.5));
            Dense[] local = {sx, sy, sz, sp, sm};
            spin = new Dense[m][5];
            for (int i = 0; i < m; i++) for (int c = 0; c < 5; c++) spin[i][c] = embed(local[c], i, m, d1);
            as = new Dense[modes];
            adags = new Dense[modes];
            if (model.hasBoson()) {
                Dense la = new Dense(this.cutoff);
                for (int k = 1; k < this.cutoff; k++) la.re[(k - 1) * this.cutoff + k] = Math.sqrt(k);
                for (int mode = 0; mode < modes; mode++) {
                    Dense r = Dense.identity(dim / bosonDim);
                    for (int q = 0; q < modes; q++) r = kron(r, q == mode ? la : Dense.identity(this.cutoff));
                    as[mode] = r;
                    adags[mode] = r.adjoint();
                }
                a = as[0];
                adag = adags[0];
            }
        }

        private Dense embed(Dense local, int i, int m, int d1) {
            Dense r = Dense.identity(1);
            for (int j = 0; j < m; j++) r = kron(r, j == i ? local : Dense.identity(d1));
            return kron(r, Dense.identity(bosonDim));
        }

        Dense op(Op op) {
            if (op instanceof Op.Spin s) return spin[s.ensemble() - 1][s.component().ordinal()];
            Op.Boson b = (Op.Boson) op;
            return b.dagger() ? adags[b.mode() - 1] : as[b.mode() - 1];
        }

        Dense of(OpSum s) {
            Dense r = new Dense(dim);
            for (OpSum.Term t : s.terms()) {
                Dense p = Dense.identity(dim);
                for (Op o : t.factors()) p = p.times(op(o));
                r = r.plus(p.scale(t.coefficient().evaluate(values)));
            }
            return r;
        }

        /** Letter matrices: m_i^a = S_i^a / S, x, p (Eq. 5). */
        Dense letter(int k) {
            int m = model.ensembles();
            double s = nSpins / 2.0;
            if (k < 3 * m) return spin[k / 3][k % 3].scale(Complex.real(1 / s));
            int mode = (k - 3 * m) / 2;
            double w = model.bosons().get(mode).frequency().evaluate(values).re();
            Dense a = as[mode], adag = adags[mode];
            if ((k - 3 * m) % 2 == 0) return a.plus(adag).scale(Complex.real(1 / Math.sqrt(2 * nSpins * w)));
            return adag.minus(a).scale(new Complex(0, 1 / Math.sqrt(2 * nSpins / w)));
        }

        Dense word(OpMono w) {
            Dense p = Dense.identity(dim);
            for (int l : w.letters()) p = p.times(letter(l));
            return p;
        }

        Dense of(OpPoly<Poly> o) {
            Dense r = new Dense(dim);
            for (Map.Entry<OpMono, Poly> e : o.terms().entrySet()) {
                double[] c = e.getValue().evaluate(this::value);
                r = r.plus(word(e.getKey()).scale(new Complex(c[0], c[1])));
            }
            return r;
        }

        double value(String name) {
            Double v = values.get(name);
            if (v == null) throw new IllegalArgumentException("no value for " + name);
            return v;
        }

        /** L[ρ] of Eq. (1) built directly from the model declaration. */
        Dense lindblad(Dense rho) {
            Dense h = of(model.hamiltonian());
            Dense r = h.times(rho).minus(rho.times(h)).scale(new Complex(0, -1));
            double s = nSpins / 2.0;
            for (Dissipator d : model.dissipators()) {
                if (d instanceof Dissipator.Jump j) {
                    Dense l = of(j.operator()), ld = l.adjoint(), ldl = ld.times(l);
                    Dense t = l.times(rho).times(ld).minus(ldl.times(rho).plus(rho.times(ldl)).scale(Complex.real(0.5)));
                    r = r.plus(t.scale(j.rate().evaluate(values)));
                } else if (d instanceof Dissipator.GammaMatrix g) {
                    for (int x = 0; x < 3; x++) for (int y = 0; y < 3; y++) {
                        Dense sa = spin[g.ensemble() - 1][x], sb = spin[g.ensemble() - 1][y], ba = sb.times(sa);
                        Dense t = sa.times(rho).times(sb).minus(ba.times(rho).plus(rho.times(ba)).scale(Complex.real(0.5)));
                        r = r.plus(t.scale(g.get(x, y).evaluate(values).times(1 / s)));
                    }
                }
            }
            return r;
        }

        /** Whether every mode of basis state i is below Fock state {@code maxFock}. */
        private boolean lowFock(int i, int maxFock) {
            int b = i % bosonDim;
            for (int k = 0; k < modes; k++, b /= cutoff) if (b % cutoff >= maxFock) return false;
            return true;
        }

        /** A random density matrix; with bosons, supported on Fock states below {@code maxFock} in every mode. */
        Dense randomState(long seed, int maxFock) {
            Random rnd = new Random(seed);
            Dense a = new Dense(dim);
            for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) {
                if (model.hasBoson() && (!lowFock(i, maxFock) || !lowFock(j, maxFock))) continue;
                a.re[i * dim + j] = rnd.nextGaussian();
                a.im[i * dim + j] = rnd.nextGaussian();
            }
            Dense rho = a.times(a.adjoint());
            return rho.scale(Complex.real(1 / rho.trace().re()));
        }
    }
}
