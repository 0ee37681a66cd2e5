"""QuTiP 5.3.1 moments of the initial states of issue 18 (SPEC.md: m = S/S, x = (a + a^+)/sqrt(2 N omega_b),
p = i sqrt(omega_b/(2N)) (a^+ - a), K(a,b) = <{a,b}>/2 - <a><b>), written to initial_states.csv as
case,quantity,value (case: the state spec with "," written as " "; quantity m1x or K_m1x_m1y). Spin states on the Dicke manifold j = N/2 (basis(2j+1, j - M) = |j, M>), boson
states in a Fock space of 80 states (the tests use cutoff 40).
Run: python3 refs/initial_states.py
"""
import os
import numpy as np
import qutip as qt

HERE = os.path.dirname(os.path.abspath(__file__))
rows = []


def moments(case, rho, ops):
    for name, o in ops.items():
        rows.append((case, name, qt.expect(o, rho)))
    names = list(ops)
    for i, a in enumerate(names):
        for b in names[i:]:
            A, B = ops[a], ops[b]
            k = qt.expect((A * B + B * A) / 2, rho) - qt.expect(A, rho) * qt.expect(B, rho)
            rows.append((case, "K_%s_%s" % (a, b), np.real(k)))


def spin_ops(N):
    j = N / 2
    return {"m1x": qt.jmat(j, 'x') / j, "m1y": qt.jmat(j, 'y') / j, "m1z": qt.jmat(j, 'z') / j}


# Dicke |S, M>, N = 6, M = 1
N = 6
moments("dicke:1", qt.ket2dm(qt.basis(N + 1, 3 - 1)), spin_ops(N))
# one-axis twisted state exp(-i mu Sz^2/2) |theta = pi/2, phi = 0>, N = 6, mu = 0.3
j = N / 2
x_pol = (-1j * np.pi / 2 * qt.jmat(j, 'y')).expm() * qt.basis(N + 1, 0)
tw = (-1j * 0.3 / 2 * qt.jmat(j, 'z') ** 2).expm() * x_pol
moments("squeezed:0.3", qt.ket2dm(tw), spin_ops(N))

# bosons, N = 2, omega_b = 1
K, Nb, w = 80, 2, 1.0
a = qt.destroy(K)
bops = {"x": (a + a.dag()) / np.sqrt(2 * Nb * w), "p": 1j * np.sqrt(w / (2 * Nb)) * (a.dag() - a)}
moments("boson-coherent:1.2 -0.7", qt.ket2dm(qt.coherent(K, 1.2 - 0.7j, method="analytic")), bops)
moments("boson-squeezed:0.5 0.8", qt.ket2dm(qt.squeeze(K, 0.5 * np.exp(0.8j)) * qt.basis(K, 0)), bops)
moments("boson-thermal:0.6", qt.thermal_dm(K, 0.6, method="analytic"), bops)

with open(os.path.join(HERE, "initial_states.csv"), "w") as f:
    f.write("case,quantity,value\n")
    for c, q, v in rows:
        f.write('%s,%s,%.15g\n' % (c, q, v))
