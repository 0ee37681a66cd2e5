"""QuTiP 5.3.1 reference for several bosonic modes (issue 18, Deliver 4): one ensemble (N = 2,
Dicke j = 1) coupled to two lossy cavities a (cutoff 5) and b (cutoff 4),
  H = w_a a^dag a + w_b b^dag b + w_z S^z + h S^x + (g_a/sqrt N)(a + a^dag) S^x + (g_b/sqrt N)(b + b^dag) S^x,
  c_ops = sqrt(k_a) a, sqrt(k_b) b,
w_a = 1, w_b = 1.3, w_z = 0.8, h = 0.4, g_a = 0.7, g_b = 0.5, k_a = 1, k_b = 0.6 (the drive h S^x
breaks the parity a, b, S^x -> -a, -b, -S^x so that <x_k>, <p_k> do not vanish). Observables:
m1a = S^a/S, x_k = (a_k + a_k^dag)/sqrt(2 N w_k), p_k = i sqrt(w_k/(2N)) (a_k^dag - a_k).
two_modes.csv: rows (quantity, t, value):
  steady  : NESS by qt.steadystate (direct), <o> and top-Fock populations of each mode;
  lambda  : the 6 Liouvillian eigenvalues of largest real part (numpy dense eig of qt.liouvillian);
  evolve  : <o>(t) from coherent:0.6,0.3 (spin) x boson-coherent:0.4,0.2 (a) x boson-coherent:-0.3 (b),
            coherent amplitudes truncated to the cutoff and renormalized (as the project does);
            rho(t) = expm(L t) rho0 by scipy expm_multiply on the sparse Liouvillian.
Run: python3 refs/two_modes.py
"""
import os
import numpy as np
import scipy.sparse.linalg as sla
from math import factorial
import qutip as qt

HERE = os.path.dirname(os.path.abspath(__file__))
N, Ka, Kb = 2, 5, 4
wa, wb, wz, h, ga, gb, ka, kb = 1.0, 1.3, 0.8, 0.4, 0.7, 0.5, 1.0, 0.6
S = N / 2
j = N / 2
Ij, Ia, Ib = qt.qeye(int(2 * j + 1)), qt.qeye(Ka), qt.qeye(Kb)
Sx, Sy, Sz = [qt.tensor(qt.jmat(j, c), Ia, Ib) for c in "xyz"]
a = qt.tensor(Ij, qt.destroy(Ka), Ib)
b = qt.tensor(Ij, Ia, qt.destroy(Kb))
H = wa * a.dag() * a + wb * b.dag() * b + wz * Sz + h * Sx + ga / np.sqrt(N) * (a + a.dag()) * Sx + gb / np.sqrt(N) * (b + b.dag()) * Sx
c_ops = [np.sqrt(ka) * a, np.sqrt(kb) * b]
obs = {
    "m1x": Sx / S, "m1y": Sy / S, "m1z": Sz / S,
    "x1": (a + a.dag()) / np.sqrt(2 * N * wa), "p1": 1j * np.sqrt(wa / (2 * N)) * (a.dag() - a),
    "x2": (b + b.dag()) / np.sqrt(2 * N * wb), "p2": 1j * np.sqrt(wb / (2 * N)) * (b.dag() - b),
}
top_a = qt.tensor(Ij, qt.fock_dm(Ka, Ka - 1), Ib)
top_b = qt.tensor(Ij, Ia, qt.fock_dm(Kb, Kb - 1))

rows = []
rho = qt.steadystate(H, c_ops)
for k, o in obs.items():
    rows.append(("steady_" + k, 0, np.real(qt.expect(o, rho))))
rows.append(("steady_top_a", 0, np.real(qt.expect(top_a, rho))))
rows.append(("steady_top_b", 0, np.real(qt.expect(top_b, rho))))

L = qt.liouvillian(H, c_ops)
ev = sorted(np.linalg.eigvals(L.full()), key=lambda z: (-z.real, -z.imag))
for k, z in enumerate(ev[:6]):
    rows.append(("lambda%d_re" % k, 0, z.real))
    rows.append(("lambda%d_im" % k, 0, z.imag))


def coherent(K, alpha):
    c = np.array([np.exp(-abs(alpha) ** 2 / 2) * alpha ** n / np.sqrt(factorial(n)) for n in range(K)], dtype=complex)
    return qt.Qobj(c / np.linalg.norm(c))


theta, phi = 0.6, 0.3
up = qt.spin_state(j, j)
spin = (-1j * phi * qt.jmat(j, "z")).expm() * (-1j * theta * qt.jmat(j, "y")).expm() * up
psi0 = qt.tensor(spin, coherent(Ka, 0.4 + 0.2j), coherent(Kb, -0.3))
rho0 = qt.ket2dm(psi0)
Ls = L.data_as("csr_matrix") if hasattr(L, "data_as") else L.data
v0 = rho0.full().reshape(-1, order="F")
for t in (0.5, 1.0, 2.0, 4.0):
    vt = sla.expm_multiply(Ls * t, v0)
    rt = qt.Qobj(vt.reshape(rho0.shape, order="F"), dims=rho0.dims)
    for k, o in obs.items():
        rows.append(("evolve_" + k, t, np.real(qt.expect(o, rt))))

with open(os.path.join(HERE, "two_modes.csv"), "w") as f:
    f.write("quantity,t,value\n")
    for q, t, v in rows:
        f.write("%s,%g,%.15g\n" % (q, t, v))
