"""Reference for the issue-19 benchmark: dephasing N = 256, gamma = 10, omega_x = 1, from the
spin-coherent state theta = pi/4, phi = 0; m1x, m1y, m1z at t = 0, 10, 25, 50 by QuTiP mesolve
(atol 1e-10, rtol 1e-8). Writes refs/dephasing_dynamics_N256.csv and prints the wall time.
Usage: python3 refs/qutip_dephasing_n256.py   (several minutes)
"""
import csv
import math
import sys
import time

import numpy as np
import qutip

n, gamma = 256, 10.0
j = n / 2
sx, sy, sz = qutip.jmat(j, "x"), qutip.jmat(j, "y"), qutip.jmat(j, "z")
theta = math.pi / 4
psi = (-1j * theta * sy).expm() * qutip.basis(n + 1, 0)
assert abs(qutip.expect(sz, psi) / j - math.cos(theta)) < 1e-12
times = [0.0, 10.0, 25.0, 50.0]
t0 = time.time()
res = qutip.mesolve(sx, qutip.ket2dm(psi), times, c_ops=[math.sqrt(gamma / j) * sz], e_ops=[sx / j, sy / j, sz / j],
                    options={"atol": 1e-10, "rtol": 1e-8, "nsteps": 10**8})
secs = time.time() - t0
with open("refs/dephasing_dynamics_N256.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["t", "m1x", "m1y", "m1z"])
    for k, t in enumerate(times):
        w.writerow([t] + ["%.12g" % float(np.real(res.expect[a][k])) for a in range(3)])
print("mesolve %.1f s; qutip %s" % (secs, qutip.__version__), file=sys.stderr)
