#!/usr/bin/python3
"""QuTiP peer for `cumulus bench --suite dynamics`: mesolve (atol 1e-10, rtol 1e-8) of
  dephasing: H = S^x, jump sqrt(10/S) S^z, from the spin-coherent state theta = pi/4, phi = 0, t = 0..50 step 0.5
  btc:       H = 2 S^x, jump sqrt(1/S) S^-, from |S, S> (all up), t = 0..20 step 0.1
Prints one JSON object: m1z = <S^z>/S at t-end and the wall time of mesolve.

  python3 qutip_dynamics.py dephasing|btc N
"""
import json, math, sys, time

try:
    import numpy as np
    import qutip as qt
except ImportError:
    sys.exit("qutip_dynamics.py needs QuTiP: pip install qutip")


def main():
    model, n = sys.argv[1], int(sys.argv[2])
    j = n / 2
    sx, sy, sz, sm = qt.jmat(j, "x"), qt.jmat(j, "y"), qt.jmat(j, "z"), qt.jmat(j, "-")
    up = qt.basis(n + 1, 0)
    if model == "dephasing":
        psi = (-1j * (math.pi / 4) * sy).expm() * up
        h, c, times = 1.0 * sx, [math.sqrt(10 / j) * sz], np.arange(0, 50.0001, 0.5)
    else:
        psi = up
        h, c, times = 2.0 * sx, [math.sqrt(1 / j) * sm], np.arange(0, 20.0001, 0.1)
    t0 = time.perf_counter()
    tol = {"atol": 1e-10, "rtol": 1e-8, "nsteps": 10**8}
    # QuTiP 5 takes a dict; QuTiP 4 (Debian's 4.7.1 for /usr/bin/python3) an Options object
    options = tol if int(qt.__version__.split(".")[0]) >= 5 else qt.Options(**tol)
    r = qt.mesolve(h, qt.ket2dm(psi), times, c_ops=c, e_ops=[sz / j], options=options)
    print(json.dumps({"peer": f"qutip {qt.__version__}", "model": model, "N": n, "m1z": float(np.real(r.expect[0][-1])),
                      "seconds": time.perf_counter() - t0}))


if __name__ == "__main__":
    main()
