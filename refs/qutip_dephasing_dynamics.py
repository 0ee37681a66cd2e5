"""Reference: exact dynamics of the dephasing model (H = omega_x S^x, jump sqrt(gamma/S) S^z,
paper Fig. S2) from the spin-coherent state theta = pi/4, phi = 0, by QuTiP mesolve.

Writes refs/dephasing_dynamics.csv: N, gamma, t, m1x, m1y, m1z (m = S^a/S) for
N = 16 (gamma = 10, t = 0..10 step 0.5) and N = 32 (gamma = 10, t = 0, 1, ..., 10).
Usage: python3 refs/qutip_dephasing_dynamics.py
"""
import csv
import math
import sys

import numpy as np
import qutip

ATOL, RTOL = 1e-12, 1e-10
ROWS = []
for n, gamma, times in [(16, 10.0, np.arange(0, 10.0001, 0.5)), (32, 10.0, np.arange(0, 10.0001, 1.0))]:
    j = n / 2
    s = j
    sx, sy, sz = qutip.jmat(j, "x"), qutip.jmat(j, "y"), qutip.jmat(j, "z")
    theta, phi = math.pi / 4, 0.0
    up = qutip.basis(int(2 * j + 1), 0)          # |j, j>: jmat's first basis state has S^z = j
    rot = (-1j * theta * (sy * math.cos(phi) - sx * math.sin(phi))).expm()
    psi = rot * up
    for op, want in [(sx, math.sin(theta) * math.cos(phi)), (sy, math.sin(theta) * math.sin(phi)), (sz, math.cos(theta))]:
        assert abs(qutip.expect(op, psi) / s - want) < 1e-12
    h = 1.0 * sx
    c = [math.sqrt(gamma / s) * sz]
    res = qutip.mesolve(h, qutip.ket2dm(psi), times, c_ops=c, e_ops=[sx / s, sy / s, sz / s],
                        options={"atol": ATOL, "rtol": RTOL, "nsteps": 10**7, "method": "adams"})
    for k, t in enumerate(times):
        ROWS.append([n, gamma, round(float(t), 10)] + [float(np.real(res.expect[a][k])) for a in range(3)])

with open("refs/dephasing_dynamics.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["N", "gamma", "t", "m1x", "m1y", "m1z"])
    for r in ROWS:
        w.writerow([r[0], r[1], r[2]] + ["%.12g" % x for x in r[3:]])
print("wrote", len(ROWS), "rows; qutip", qutip.__version__, file=sys.stderr)
