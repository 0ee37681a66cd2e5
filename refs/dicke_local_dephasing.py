"""QuTiP 5.3.1 reference for local dissipation with a boson (issue 18, Deliver 3): the open Dicke
model H = omega_b a^+a + omega_z S^z + (g/sqrt(N)) (a + a^+) S^x, boson loss kappa_b D[a], and local
dephasing gamma_phi sum_k D[sigma_k^z] (Pauli sigma^z) of every spin, N = 4 spins written out one by one
(2^4 states) times Fock states 0..5 (cutoff 6): 96 states, 9216 Liouvillian entries.
steady: qutip.steadystate (direct) of the full Liouvillian: <m1z> = <S^z>/S, <a^+a>, <x^2>, <p^2>
(x = (a + a^+)/sqrt(2 N omega_b), p = i(a^+ - a)/sqrt(2 N/omega_b)), the top Fock population.
gap: the permutation-symmetric sector, L projected on the orthonormal Hermitian basis
{symmetrized Pauli classes of the 4 spins (35)} x {Hermitian basis of 6x6 (36)} (1260 operators,
B^+ L B with qutip.liouvillian's column-stacked vectors, L sparse, imaginary part < 1e-13), all eigenvalues by
numpy.linalg.eigvals; lambda1 = the nonzero one of largest real part (Im >= 0 of a pair).
The full Liouvillian has further, non-symmetric modes (not reached from a permutation-invariant state).
Run: python3 refs/dicke_local_dephasing.py
"""
import itertools
import os
import numpy as np
import qutip as qt

HERE = os.path.dirname(os.path.abspath(__file__))
N, CUT = 4, 6
S = N / 2
ROWS = [  # omega_b, omega_z, kappa_b, g, gamma_phi
    (1.0, 1.0, 1.0, 0.5, 0.3),
    (1.0, 1.0, 1.0, 0.9, 0.3),
    (1.0, 0.7, 0.6, 1.2, 0.1),
]
paulis = [qt.qeye(2), qt.sigmax(), qt.sigmay(), qt.sigmaz()]


def spin(k, op):
    ops = [qt.qeye(2)] * N + [qt.qeye(CUT)]
    ops[k] = op
    return qt.tensor(ops)


def symmetric_basis():
    classes = {}
    for f in itertools.product(range(4), repeat=N):
        key = tuple(f.count(c) for c in range(4))
        m = qt.tensor([paulis[c] for c in f]).full()
        classes[key] = classes.get(key, 0) + m
    spins = [m / np.sqrt(np.real(np.trace(m.conj().T @ m))) for m in classes.values()]
    fock = []
    for p in range(CUT):
        for q in range(p, CUT):
            e = np.zeros((CUT, CUT), complex)
            if p == q:
                e[p, p] = 1
                fock.append(e)
                continue
            s = e.copy(); s[p, q] = s[q, p] = 1 / np.sqrt(2); fock.append(s)
            t = e.copy(); t[p, q] = 1j / np.sqrt(2); t[q, p] = -1j / np.sqrt(2); fock.append(t)
    cols = [np.kron(a, b).reshape(-1, order="F") for a in spins for b in fock]
    return np.array(cols).T


B = symmetric_basis()
out = []
for wb, wz, kb, g, gphi in ROWS:
    a = qt.tensor([qt.qeye(2)] * N + [qt.destroy(CUT)])
    sx = sum(spin(k, qt.sigmax()) for k in range(N)) / 2
    sz = sum(spin(k, qt.sigmaz()) for k in range(N)) / 2
    H = wb * a.dag() * a + wz * sz + g / np.sqrt(N) * (a + a.dag()) * sx
    cops = [np.sqrt(kb) * a] + [np.sqrt(gphi) * spin(k, qt.sigmaz()) for k in range(N)]
    rho = qt.steadystate(H, cops)
    L = qt.liouvillian(H, cops)
    res = np.abs((L * qt.operator_to_vector(rho)).full()).max()
    assert res < 1e-12, res
    M = B.conj().T @ (L.to('csr').data.as_scipy() @ B)
    assert np.abs(M.imag).max() < 1e-13
    ev = np.linalg.eigvals(M.real)
    ev = sorted(ev, key=lambda z: (-round(z.real, 10), -z.imag))
    assert abs(ev[0]) < 1e-10
    lam1 = ev[1] if ev[1].imag >= 0 else np.conj(ev[1])
    x = (a + a.dag()) / np.sqrt(2 * N * wb)
    p = 1j * (a.dag() - a) / np.sqrt(2 * N / wb)
    top = qt.expect(qt.tensor([qt.qeye(2)] * N + [qt.fock_dm(CUT, CUT - 1)]), rho)
    out.append((wb, wz, kb, g, gphi, qt.expect(sz, rho) / S, qt.expect(a.dag() * a, rho), qt.expect(x * x, rho),
                qt.expect(p * p, rho), top, lam1.real, lam1.imag))
with open(os.path.join(HERE, "dicke_local_dephasing.csv"), "w") as f:
    f.write("omega_b,omega_z,kappa_b,g,gamma_phi,m1z,n_boson,x_sq,p_sq,top_fock,re1,im1\n")
    for r in out:
        f.write(",".join("%.15g" % v for v in r) + "\n")
print(open(os.path.join(HERE, "dicke_local_dephasing.csv")).read())
