#!/usr/bin/python3
"""Recompute the QuTiP reference tables refs/*.csv (see refs/README.md for what each holds).

  python3 refs/regenerate.py [--check] [FILE...]

Without --check every named table (default: all) is recomputed and rewritten atomically.
With --check nothing is written: each table is recomputed and compared with the stored
numbers (parameter columns must be identical); per file the script prints the maximum
absolute and relative deviation and exits 1 if any number misses its file's tolerance
|new - stored| <= rtol |stored| + atol (the TABLES list below states rtol and atol).

Conventions are those of SPEC.md: Dicke manifold |S, m>, S = N/2, m^a = S^a/S,
x = (a + a†)/sqrt(2 N w_b), p = i (a† - a)/sqrt(2 N / w_b), D[L] rho = L rho L† - {L†L, rho}/2,
symmetrized cumulants K_s(A, B) = <{A, B}>/2 - <A><B>, eigenvalues sorted by descending real
part, Floquet multipliers by descending modulus.
Needs Debian's python3-qutip (QuTiP 4.7.1), NumPy and SciPy.
"""
import argparse
import os
import sys
import tempfile
import time

import numpy as np
import scipy.linalg as la
import scipy.sparse as sp
import scipy.sparse.linalg as sla
from scipy.integrate import solve_ivp
from scipy.sparse.csgraph import connected_components

try:
    import qutip as qt
except ImportError:
    sys.exit("regenerate.py needs QuTiP 4.7.1: apt-get install -y python3-qutip")

HERE = os.path.dirname(os.path.abspath(__file__))


# ----------------------------------------------------------------------------- model builders

class Space:
    """Tensor product of M spin ensembles (Dicke manifold, dimension N+1 each) and an optional boson."""

    def __init__(self, N, ensembles=1, cutoff=None):
        self.N, self.S = N, N / 2
        self.dims = [N + 1] * ensembles + ([cutoff] if cutoff else [])
        self.ensembles = ensembles

    def _embed(self, op, k):
        ops = [qt.qeye(d) for d in self.dims]
        ops[k] = op
        return ops[0] if len(ops) == 1 else qt.tensor(ops)

    def spin(self, i, a):
        """S_i^a (i = 1..M, a in x, y, z, +, -) via qutip.jmat."""
        return self._embed(qt.jmat(self.S, a), i - 1)

    def m(self, i, a):
        return self.spin(i, a) / self.S

    def a(self):
        return self._embed(qt.destroy(self.dims[-1]), len(self.dims) - 1)

    def x(self, w_b):
        a = self.a()
        return (a + a.dag()) / np.sqrt(2 * self.N * w_b)

    def p(self, w_b):
        a = self.a()
        return 1j * (a.dag() - a) / np.sqrt(2 * self.N / w_b)

    def spin_observables(self):
        """{'m1x': m_1^x, ...} in SPEC's order."""
        return {f"m{i}{a}": self.m(i, a) for i in range(1, self.ensembles + 1) for a in "xyz"}


def btc(N, omega_x, kappa):
    sp_ = Space(N)
    return sp_, omega_x * sp_.spin(1, "x"), [np.sqrt(kappa / sp_.S) * sp_.spin(1, "-")]


def dephasing(N, omega_x, gamma):
    sp_ = Space(N)
    return sp_, omega_x * sp_.spin(1, "x"), [np.sqrt(gamma / sp_.S) * sp_.spin(1, "z")]


def btc_pair(N, omega_zz, omega_x=2.0, kappa=1.0, omega_z1=0.1, omega_z2=0.02, omega_xx=3.0):
    sp_ = Space(N, ensembles=2)
    s = sp_.spin
    H = (omega_x * (s(1, "x") + s(2, "x")) + omega_z1 * s(1, "z") + omega_z2 * s(2, "z")
         + (omega_xx * s(1, "x") * s(2, "x") + omega_zz * s(1, "z") * s(2, "z")) / sp_.S)
    return sp_, H, [np.sqrt(kappa / sp_.S) * s(i, "-") for i in (1, 2)]


def dicke_floquet(N, cutoff, omega_b=1.0, omega_z=1.0, kappa_b=0.1, g=1.5, period=2 * np.pi):
    """Two pieces of SPEC's dicke-floquet: (L with g on, T/2), (L with g off, T/2)."""
    sp_ = Space(N, cutoff=cutoff)
    a = sp_.a()
    h0 = omega_b * a.dag() * a + omega_z * sp_.spin(1, "z")
    hg = g / np.sqrt(N) * (a + a.dag()) * sp_.spin(1, "x")
    c = [np.sqrt(kappa_b) * a]
    return sp_, [(qt.liouvillian(h0 + hg, c), period / 2), (qt.liouvillian(h0, c), period / 2)]


def kerr_floquet(N, cutoff, omega_b=1.0, eps=0.1):
    """SPEC's kerr-floquet (Eqs. 15-16): pieces (L_on, pi/w_b), (L_off, (1 - eps) pi/w_b); k_b = 0.1 w_b."""
    sp_ = Space(N, ensembles=0, cutoff=cutoff)
    a = sp_.a()
    X, n = a + a.dag(), a.dag() * a
    o = 1.5 * omega_b  # O2 = O4 during the on-phase
    h_on = omega_b * n - o / 4 * X ** 2 + o / (32 * N) * X ** 4
    c = [np.sqrt(0.1 * omega_b) * a]
    return sp_, [(qt.liouvillian(h_on, c), np.pi / omega_b),
                 (qt.liouvillian(omega_b * n, c), (1 - eps) * np.pi / omega_b)]


# ----------------------------------------------------------------------------- numerics shared by the tables

def nonzero_eigenvalues(L, count):
    """The `count` eigenvalues after lambda_0 (the one nearest 0), by descending Re, a conjugate pair Im >= 0 first."""
    M = L.full() if isinstance(L, qt.Qobj) else L
    vals = la.eigvals(M)
    vals = np.delete(vals, np.argmin(abs(vals)))
    vals = list(vals[np.argsort(-vals.real, kind="stable")][:count + 1])
    for k in range(len(vals) - 1):  # the two members of a pair differ in Re only by rounding
        u, v = vals[k], vals[k + 1]
        if u.imag < 0 < v.imag and abs(u - v.conjugate()) < 1e-8 * max(1.0, abs(u)):
            vals[k], vals[k + 1] = v, u
    return vals[:count]


def real_if_real(z, tol=1e-12):
    """A real eigenvalue as the tables store it: Im exactly 0 when |Im| is rounding (< tol |z|)."""
    return complex(z.real, 0.0) if abs(z.imag) < tol * max(1.0, abs(z)) else z


def steady_state(H, c_ops):
    rho = qt.steadystate(H, c_ops)  # QuTiP's direct (sparse LU) method
    # numpy product: a Qobj product would tidy entries below 1e-12 away
    res = abs(qt.liouvillian(H, c_ops).data @ rho.full().ravel(order="F")).max()
    assert res < 1e-12, f"steady-state residual {res}"
    return rho


def moments(rho, obs):
    """<O> for every observable and the symmetrized second cumulants K_s(A, B)."""
    mean = {k: qt.expect(o, rho) for k, o in obs.items()}
    ks = {(a, b): qt.expect((obs[a] * obs[b] + obs[b] * obs[a]) / 2, rho) - mean[a] * mean[b]
          for a in obs for b in obs}
    return mean, ks


def c_diag(ks, ensembles):
    return sum(ks[(f"m{i}{a}", f"m{i}{a}")] for i in range(1, ensembles + 1) for a in "xyz")


def c_all(ks, ensembles):
    """sum_{i<=j} sum_{a,b} K_s(m_i^a, m_j^b): within one ensemble both (a,b) and (b,a)."""
    return sum(ks[(f"m{i}{a}", f"m{j}{b}")] for i in range(1, ensembles + 1) for j in range(i, ensembles + 1)
               for a in "xyz" for b in "xyz")


def vector_to_rho(v, dims):
    """A column-stacked superoperator vector as a unit-trace Hermitian Qobj."""
    d = int(np.prod(dims))
    r = np.asarray(v).reshape(d, d, order="F")
    r = r / np.trace(r)
    return qt.Qobj((r + r.conj().T) / 2, dims=[dims, dims])


def components(*mats):
    """Index sets of the independent diagonal blocks shared by sparse matrices (components of their pattern)."""
    pattern = sum(sp.csr_matrix((np.abs(M.data), M.indices, M.indptr), shape=M.shape) for M in map(sp.csr_matrix, mats))
    n, label = connected_components(pattern + pattern.T, directed=False)
    return [np.flatnonzero(label == k) for k in range(n)]


def expm_by_blocks(M):
    """Dense expm of sparse M, one independent block at a time (SciPy expm: Pade 13, scaling and squaring)."""
    E = np.zeros(M.shape, dtype=complex)
    for b in components(M):
        E[np.ix_(b, b)] = la.expm(M[b][:, b].toarray())
    return E


def floquet_dense(pieces):
    """All multipliers of U_F = prod expm(L_k t_k) (later pieces to the left), by descending |mu|.

    Dense expm and eigvals, block by block: U_F splits along the independent blocks of all pieces
    together (the Dicke model's superparity of exp(i pi (a†a + S - S^z))), and the g = 0 piece
    splits further (it conserves a†a + S^z), so that block-wise the numbers are the same at a
    fraction of the cost."""
    mus = []
    for sector in components(*(L.data for L, _ in pieces)):
        U = np.eye(len(sector))
        for L, t in pieces:
            U = expm_by_blocks(L.data.tocsr()[sector][:, sector] * t) @ U
        mus.append(la.eigvals(U))
    mu = np.concatenate(mus)
    return mu[np.argsort(-abs(mu), kind="stable")]


def floquet_operator(pieces):
    """v -> U_F v by SciPy's expm_multiply (Al-Mohy & Higham), one sparse factor after another."""
    mats = [(L.data * t).tocsc() for L, t in pieces]

    def apply(v):
        for M in mats:
            v = sla.expm_multiply(M, v)
        return v
    n = mats[0].shape[0]
    return apply, sla.LinearOperator((n, n), matvec=apply, dtype=complex)


def floquet_krylov(pieces, dims, count=4):
    """The `count` largest-|mu| multipliers by ARPACK (scipy eigs, tol 0 = machine precision) on U_F v."""
    _, op = floquet_operator(pieces)
    mu, vecs = sla.eigs(op, k=count, which="LM", tol=0, ncv=max(20, 2 * count + 1))
    order = np.argsort(-abs(mu), kind="stable")
    return mu[order], vector_to_rho(vecs[:, order[0]], dims)


def floquet(pieces, dims, method):
    """(multipliers, Floquet fixed point): method "dense" gives every multiplier and no state."""
    mu, rho = (floquet_dense(pieces), None) if method == "dense" else floquet_krylov(pieces, dims)
    assert abs(mu[0] - 1) < 1e-10, f"mu_0 = {mu[0]}"
    return mu, rho


def slowest(mu):
    """mu_1 of sorted multipliers; of a conjugate pair the one with Im >= 0."""
    m1 = mu[1]
    if m1.imag < 0 and len(mu) > 2 and abs(mu[2] - m1.conjugate()) < 1e-8:
        m1 = mu[2]
    return real_if_real(m1)


# ----------------------------------------------------------------------------- permutation-invariant engine

def piqs_sector(N, omega_x, kappa, gamma_local):
    """local-btc Liouvillian on the permutation-symmetric sector |j,m><j,m'|, j = N/2, N/2-1, ...

    Shammah et al., PRA 98, 063815 (2018), as coded in qutip/cy/piqs.pyx (gamma1..gamma4:
    collective emission rate kappa/S, local emission gamma_local), re-implemented here because
    that kernel declares its rates and coefficients as C `float` (single precision). The state is
    stored as PIQS does (degeneracy of each j absorbed, Tr rho = 1). Ordering in a block: m, m'
    from j down to -j, row-major. Returns (L dense, basis [(j, m, m')], block list [(j, offset)]).
    """
    S, yCE, yE = N / 2, kappa / (N / 2), gamma_local
    js = [N / 2 - k for k in range(N // 2 + 1)]
    mv = lambda j: [j - i for i in range(int(round(2 * j)) + 1)]
    basis = [(j, m, m1) for j in js for m in mv(j) for m1 in mv(j)]
    index = {b: k for k, b in enumerate(basis)}
    L = np.zeros((len(basis), len(basis)), dtype=complex)

    def g1(j, m, m1):
        return -(yCE / 2 * (2 * j * (j + 1) - m * (m - 1) - m1 * (m1 - 1)) + yE / 2 * (N + m + m1))

    def g2(j, m, m1):
        r = np.sqrt((j + m) * (j - m + 1) * (j + m1) * (j - m1 + 1))
        return yCE * r + (yE / 2 * r * (N / 2 + 1) / (j * (j + 1)) if j > 0 else 0.0)

    def g3(j, m, m1):
        if j <= 0:
            return 0.0
        return yE / 2 * np.sqrt((j + m) * (j + m - 1) * (j + m1) * (j + m1 - 1)) * (N / 2 + j + 1) / (j * (2 * j + 1))

    def g4(j, m, m1):
        return (yE / 2 * np.sqrt((j - m + 1) * (j - m + 2) * (j - m1 + 1) * (j - m1 + 2))
                * (N / 2 - j) / ((j + 1) * (2 * j + 1)))

    for r, (j, m, m1) in enumerate(basis):
        L[r, r] += g1(j, m, m1)
        for g, src in ((g2, (j, m + 1, m1 + 1)), (g3, (j + 1, m + 1, m1 + 1)), (g4, (j - 1, m + 1, m1 + 1))):
            if src in index:
                L[r, index[src]] += g(*src)
    blocks, off = [], 0
    for j in js:  # -i[H, rho] block by block, H = omega_x J_x
        d = int(round(2 * j)) + 1
        jx, one = qt.jmat(j, "x").full(), np.eye(d)
        L[off:off + d * d, off:off + d * d] += -1j * omega_x * (np.kron(jx, one) - np.kron(one, jx.T))
        blocks.append((j, off))
        off += d * d
    return L, basis, blocks


def piqs_steady_moments(L, blocks, S):
    """Null vector of L with Tr rho = 1; <m^z>, <m^y>, C_diag = sum_a K_s(m^a, m^a) with m^a = J^a/S."""
    trace = np.zeros(L.shape[0])
    for j, off in blocks:
        d = int(round(2 * j)) + 1
        trace[off + np.arange(d) * (d + 1)] = 1
    A = np.vstack([L, trace])
    x = la.lstsq(A, np.r_[np.zeros(L.shape[0]), 1.0])[0]
    assert abs(L @ x).max() < 1e-12, "PIQS steady-state residual"
    ex = {}
    for a in ("x", "y", "z"):
        e1 = e2 = 0
        for j, off in blocks:
            d = int(round(2 * j)) + 1
            rho, op = x[off:off + d * d].reshape(d, d), qt.jmat(j, a).full()
            e1 += np.trace(rho @ op).real
            e2 += np.trace(rho @ op @ op).real
        ex[a] = (e1 / S, e2 / S ** 2)
    return ex["z"][0], ex["y"][0], sum(e2 - e1 ** 2 for e1, e2 in ex.values())


def brute_force_local_btc(N, omega_x, kappa, gamma_local):
    """The same model on the full 2^N Hilbert space: (steady <m^z>, <m^y>, C_diag), full Liouvillian."""
    sm = [qt.tensor([qt.sigmam() if k == i else qt.qeye(2) for k in range(N)]) for i in range(N)]
    sx = [qt.tensor([qt.sigmax() if k == i else qt.qeye(2) for k in range(N)]) for i in range(N)]
    J = {a: sum(qt.tensor([op if k == i else qt.qeye(2) for k in range(N)]) for i in range(N)) / 2
         for a, op in (("x", qt.sigmax()), ("y", qt.sigmay()), ("z", qt.sigmaz()))}
    S = N / 2
    H = omega_x * sum(sx) / 2
    c = [np.sqrt(kappa / S) * sum(sm)] + [np.sqrt(gamma_local) * s for s in sm]
    rho = steady_state(H, c)
    mean, ks = moments(rho, {f"m1{a}": J[a] / S for a in "xyz"})
    return mean["m1z"], mean["m1y"], c_diag(ks, 1), qt.liouvillian(H, c)


# ----------------------------------------------------------------------------- the tables (one small function each)

def t_btc_spectrum():
    head = "omega_x,kappa,N,re1,im1,re2,im2,re3,im3,re4,im4"
    rows = []
    for w in (2.0, 0.5):
        for N in (4, 8, 16, 32):
            _, H, c = btc(N, w, 1.0)
            lam = nonzero_eigenvalues(qt.liouvillian(H, c), 4)
            rows.append([w, 1.0, N] + [v for z in lam for v in (z.real, z.imag)])
    return head, rows


def t_btc_ness():
    head = "omega_x,kappa,N,m1x,m1y,m1z,K_xx,K_yy,K_zz,C_diag"
    rows = []
    for w in (0.5, 1.0, 2.0):
        for N in (4, 8, 16, 32):
            space, H, c = btc(N, w, 1.0)
            mean, ks = moments(steady_state(H, c), space.spin_observables())
            rows.append([w, 1.0, N] + [mean[f"m1{a}"] for a in "xyz"]
                        + [ks[(f"m1{a}", f"m1{a}")] for a in "xyz"] + [c_diag(ks, 1)])
    return head, rows


def t_btc_dynamics_N8():
    head = "t,m1x,m1y,m1z,C_diag,m1x_sq,m1y_sq,m1z_sq"
    space, H, c = btc(8, 2.0, 1.0)
    m = [space.m(1, a) for a in "xyz"]
    t = np.linspace(0, 20, 201)
    opts = qt.Options(atol=1e-12, rtol=1e-10, nsteps=10 ** 6)
    ev = qt.mesolve(H, qt.basis(9, 0), t, c, m + [o * o for o in m], options=opts).expect  # basis 0 = |S, S>
    return head, [[t[k]] + [ev[a][k] for a in range(3)] + [sum(ev[a + 3][k] - ev[a][k] ** 2 for a in range(3))]
                  + [ev[a + 3][k] for a in range(3)] for k in range(len(t))]


def t_btc_meanfield():
    head = "t,m1x,m1y,m1z"
    w, k = 2.0, 1.0

    def rhs(_, m):
        x, y, z = m
        return [k * x * z, -w * z + k * y * z, w * y - k * (x * x + y * y)]
    t = np.linspace(0, 20, 201)
    sol = solve_ivp(rhs, (0, 20), [0.0, 0.0, 1.0], method="DOP853", t_eval=t, rtol=1e-10, atol=1e-12)
    assert sol.success
    return head, [[t[i]] + list(sol.y[:, i]) for i in range(len(t))]


def t_dephasing_spectrum():
    head = "omega_x,gamma,N,re1,im1"
    rows = []
    for g in (1.0, 10.0):
        for N in (4, 8, 16, 32, 64):
            _, H, c = dephasing(N, 1.0, g)
            z = nonzero_eigenvalues(qt.liouvillian(H, c), 1)[0]
            rows.append([1.0, g, N, z.real, z.imag])
    return head, rows


def t_btc_pair():
    head = "omega_zz,N,re1,im1,C_all,C_diag,m1x,m1y,m1z,m2x,m2y,m2z"
    rows = []
    for wzz in (0.35, 1.0):
        for N in (2, 4, 6):
            space, H, c = btc_pair(N, wzz)
            z = real_if_real(nonzero_eigenvalues(qt.liouvillian(H, c), 1)[0])
            mean, ks = moments(steady_state(H, c), space.spin_observables())
            rows.append([wzz, N, z.real, z.imag, c_all(ks, 2), c_diag(ks, 2)] + list(mean.values()))
    return head, rows


def t_dicke_floquet():
    head = "N,cutoff,method,floquet_gap,mu1_re,mu1_im"
    rows = []
    for N, cutoff, method in ((2, 16, "dense"), (2, 24, "dense"), (4, 16, "dense"),
                              (2, 16, "krylov"), (4, 16, "krylov"), (4, 24, "krylov")):
        space, pieces = dicke_floquet(N, cutoff)
        mu, _ = floquet(pieces, space.dims, method)
        m1 = slowest(mu)
        rows.append([N, cutoff, method, 1 - abs(m1), m1.real, m1.imag])
    return head, rows


def t_kerr_floquet():
    head = "N,cutoff,floquet_gap,mu1_re,K_xx,K_pp,K_xp_plus_K_px,n_mean"
    rows = []
    for cutoff in (65, 100):
        for N in (10, 20, 40, 60):
            space, pieces = kerr_floquet(N, cutoff)
            mu, rho = floquet(pieces, space.dims, "krylov")
            a = space.a()
            top = rho.diag()[-1].real
            if top > 1e-6:
                print(f"  kerr_floquet N={N} cutoff={cutoff}: top Fock population {top:.2e}", file=sys.stderr)
            mean, ks = moments(rho, {"x": space.x(1.0), "p": space.p(1.0)})
            rows.append([N, cutoff, 1 - abs(mu[1]), mu[1].real, ks[("x", "x")], ks[("p", "p")],
                         2 * ks[("x", "p")], qt.expect(a.dag() * a, rho)])
    return head, rows


def t_kerr_floquet_stroboscopic_N60():
    head = "n,t,x,p,K_xx"
    N, cutoff, eps = 60, 65, 0.1
    space, pieces = kerr_floquet(N, cutoff, eps=eps)
    apply, _ = floquet_operator(pieces)
    x, p = space.x(1.0), space.p(1.0)
    psi = qt.coherent(cutoff, np.sqrt(15)).full()  # displacement operator in the truncated space
    v = (psi @ psi.conj().T).ravel(order="F")  # not ket2dm: a Qobj product drops entries below 1e-12
    rows = []
    for n in range(51):
        rho = vector_to_rho(v, space.dims)
        mean, ks = moments(rho, {"x": x, "p": p})
        rows.append([n, n * (2 - eps) * np.pi, mean["x"], mean["p"], ks[("x", "x")]])
        v = apply(v)
    return head, rows


def t_local_btc():
    head = "omega_x,kappa,gamma_local,N,m1z,m1y,C_diag,re1,im1"
    rows = []
    for N in (4, 10):
        L, _, blocks = piqs_sector(N, 1.0, 1.0, 1.0)
        mz, my, cd = piqs_steady_moments(L, blocks, N / 2)
        z = nonzero_eigenvalues(L, 1)[0]
        if N <= 6:  # brute force on 2^N: same steady moments, and the sector's spectrum lies in the full one
            bz, by, bc, Lfull = brute_force_local_btc(N, 1.0, 1.0, 1.0)
            assert max(abs(mz - bz), abs(my - by), abs(cd - bc)) < 1e-10, "PIQS vs brute force"
            full = la.eigvals(Lfull.full())
            assert max(min(abs(full - u)) for u in la.eigvals(L)) < 1e-9, "sector spectrum not in the full one"
        rows.append([1.0, 1.0, 1.0, N, mz, my, cd, z.real, z.imag])
    return head, rows


# name: (generator, number of parameter columns, rtol, atol, number format)
TABLES = {
    "btc_spectrum.csv": (t_btc_spectrum, 3, 1e-8, 1e-12, repr),
    "btc_ness.csv": (t_btc_ness, 3, 1e-8, 1e-12, repr),
    "btc_dynamics_N8.csv": (t_btc_dynamics_N8, 1, 0, 1e-9, "%.12g".__mod__),
    "btc_meanfield.csv": (t_btc_meanfield, 1, 0, 1e-9, "%.12g".__mod__),
    "dephasing_spectrum.csv": (t_dephasing_spectrum, 3, 1e-8, 1e-12, repr),
    "kerr_floquet.csv": (t_kerr_floquet, 2, 1e-8, 1e-12, repr),
    "kerr_floquet_stroboscopic_N60.csv": (t_kerr_floquet_stroboscopic_N60, 2, 1e-8, 1e-12, repr),
    "btc_pair.csv": (t_btc_pair, 2, 1e-8, 1e-12, repr),
    "dicke_floquet.csv": (t_dicke_floquet, 3, 1e-8, 1e-12, repr),
    "local_btc.csv": (t_local_btc, 4, 1e-8, 1e-12, repr),
}


# ----------------------------------------------------------------------------- writing and checking

def cell(v, fmt):
    if isinstance(v, (str, int, np.integer)):
        return str(v)
    return fmt(float(v))


def write(path, head, rows, fmt):
    """Atomic rewrite (temporary file + rename), keeping the file's line ends (csv.writer's CRLF in most)."""
    eol = "\n"
    if os.path.exists(path):
        with open(path, "rb") as f:
            eol = "\r\n" if f.readline().endswith(b"\r\n") else "\n"
    text = eol.join([head] + [",".join(cell(v, fmt) for v in r) for r in rows]) + eol
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".regen-")
    with os.fdopen(fd, "w", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def compare(path, head, rows, keys, rtol, atol):
    """(max |delta|, max |delta|/|stored|, worst delta/(rtol |stored| + atol), problems)."""
    with open(path) as f:
        stored = [line.rstrip("\n").split(",") for line in f if line.strip()]
    problems = []
    if stored[0] != head.split(","):
        problems.append(f"header {stored[0]} != {head}")
    if len(stored) - 1 != len(rows):
        problems.append(f"{len(stored) - 1} stored rows, {len(rows)} computed")
    dabs = drel = worst = 0.0
    for s, r in zip(stored[1:], rows):
        for c, (sv, rv) in enumerate(zip(s, r)):
            if c < keys:
                same = sv == str(rv) if isinstance(rv, str) else abs(float(sv) - rv) <= 1e-12 * max(1, abs(rv))
                if not same:
                    problems.append(f"parameter column {c}: stored {sv}, computed {rv}")
                continue
            ref, d = float(sv), abs(float(sv) - rv)
            dabs = max(dabs, d)
            if abs(ref) > atol:
                drel = max(drel, d / abs(ref))
            ratio = d / (rtol * abs(ref) + atol)
            worst = max(worst, ratio)
            if ratio > 1:
                problems.append(f"row {s[:keys]} {stored[0][c]}: stored {sv}, computed {rv!r}")
    return dabs, drel, worst, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the stored numbers, write nothing")
    ap.add_argument("files", nargs="*", help="tables to do (default: all)")
    args = ap.parse_args()
    names = [os.path.basename(f) for f in args.files] or list(TABLES)
    unknown = [n for n in names if n not in TABLES]
    if unknown:
        sys.exit(f"unknown table {unknown[0]}; known: {', '.join(TABLES)}")
    failed, start = False, time.perf_counter()
    for name in names:
        gen, keys, rtol, atol, fmt = TABLES[name]
        t0 = time.perf_counter()
        head, rows = gen()
        took = time.perf_counter() - t0
        path = os.path.join(HERE, name)
        if args.check:
            dabs, drel, worst, problems = compare(path, head, rows, keys, rtol, atol)
            status = "FAIL" if problems else "ok"
            print(f"{name}: {status}  max|d| {dabs:.2e}  max|d|/|ref| {drel:.2e}  "
                  f"(tol rtol {rtol:g} + atol {atol:g}; worst {worst:.2g} of it)  {took:.1f} s", flush=True)
            for p in problems:
                print("   ", p)
            failed |= bool(problems)
        else:
            write(path, head, rows, fmt)
            print(f"{name}: {len(rows)} rows written  {took:.1f} s", flush=True)
    print(f"total {time.perf_counter() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
