"""QuTiP 5.3.1 reference for a Gamma matrix across two ensembles (issue 18):
H = omega (S_1^x + S_2^x), D = (1/S) sum_{k,l} Gamma_kl (X_k rho X_l - {X_l X_k, rho}/2) over
X = (S_1^x, S_1^y, S_1^z, S_2^x, S_2^y, S_2^z), Gamma = kappa [[A, c B], [c B^+, A]] with
A = [[1, i, 0], [-i, 1, 0], [0, 0, 0]] (Eq. 4 of one btc jump), B = A, c = 0.6 exp(i 0.4) (complex
correlation), N = 2 per ensemble (Dicke j = 1 each), omega = 1.3, kappa = 1. Gamma is PSD
(|c| < 1); QuTiP gets it as jumps sqrt(lambda_m / S) sum_k u_mk X_k from Gamma = U diag(lambda) U^+.
cross_gamma.csv: the 6 Liouvillian eigenvalues of largest real part (dense eig) and the NESS
moments (steadystate, direct).
Run: python3 refs/cross_gamma.py
"""
import os
import numpy as np
import qutip as qt

HERE = os.path.dirname(os.path.abspath(__file__))
N, omega, kappa = 2, 1.3, 1.0
S = N / 2
j = N / 2
I = qt.qeye(int(2 * j + 1))
one = [qt.jmat(j, c) for c in "xyz"]
X = [qt.tensor(o, I) for o in one] + [qt.tensor(I, o) for o in one]
A = np.array([[1, 1j, 0], [-1j, 1, 0], [0, 0, 0]])
c = 0.6 * np.exp(0.4j)
G = kappa * np.block([[A, c * A], [np.conj(c) * A.conj().T, A]])
assert np.allclose(G, G.conj().T)
lam, U = np.linalg.eigh(G)
assert lam.min() > -1e-12
cops = [np.sqrt(l / S) * sum(U[k, m] * X[k] for k in range(6)) for m, l in enumerate(lam) if l > 1e-14]
H = omega * (X[0] + X[3])
L = qt.liouvillian(H, cops)
ev = np.linalg.eigvals(L.full())
ev = sorted(ev, key=lambda z: (-z.real, -z.imag))
rho = qt.steadystate(H, cops)
rows = [("lambda%d_re" % k, z.real) for k, z in enumerate(ev[:6])] + [("lambda%d_im" % k, z.imag) for k, z in enumerate(ev[:6])]
for e in (1, 2):
    for a, comp in enumerate("xyz"):
        rows.append(("m%d%s" % (e, comp), qt.expect(X[3 * (e - 1) + a], rho) / S))
rows.append(("K_m1x_m2x", np.real(qt.expect(X[0] * X[3], rho)) / S**2 - qt.expect(X[0], rho) * qt.expect(X[3], rho) / S**2))
rows.append(("K_m1y_m2x", np.real(qt.expect((X[1] * X[3] + X[3] * X[1]) / 2, rho)) / S**2 - qt.expect(X[1], rho) * qt.expect(X[3], rho) / S**2))
with open(os.path.join(HERE, "cross_gamma.csv"), "w") as f:
    f.write("quantity,value\n")
    for q, v in rows:
        f.write("%s,%.15g\n" % (q, v))
