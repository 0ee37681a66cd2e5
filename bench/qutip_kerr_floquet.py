#!/usr/bin/python3
"""QuTiP peer for the kerr-floquet benchmark (SPEC.md model `kerr-floquet`, paper Eqs. 15-16).

What a QuTiP user does: build the two segment Liouvillians, form U_F = expm(L_off T_off) expm(L_on T_on)
densely, and take its eigenvalues. Prints one JSON object with the Floquet gap and the wall time.

  python3 qutip_kerr_floquet.py N [cutoff] [eps] [omega_b] [kappa_b]

Install the peer once with: apt-get install -y python3-qutip
"""
import json, sys, time

try:
    import numpy as np
    import qutip as qt
    import scipy.linalg as la
except ImportError:
    sys.exit("qutip_kerr_floquet.py needs QuTiP: apt-get install -y python3-qutip")


def main():
    N = int(sys.argv[1])
    cutoff = int(sys.argv[2]) if len(sys.argv) > 2 else 65
    eps = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    wb = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
    kb = float(sys.argv[5]) if len(sys.argv) > 5 else 0.1
    a = qt.destroy(cutoff)
    q = a + a.dag()
    o = 1.5 * wb
    h_on = wb * a.dag() * a - o / 4 * q * q + o / (32 * N) * q * q * q * q
    h_off = wb * a.dag() * a
    c = [np.sqrt(kb) * a]
    t0 = time.perf_counter()
    l_on = qt.liouvillian(h_on, c).full()
    l_off = qt.liouvillian(h_off, c).full()
    u = la.expm(l_off * (1 - eps) * np.pi / wb) @ la.expm(l_on * np.pi / wb)
    mu = np.linalg.eigvals(u)
    mu = mu[np.argsort(-np.abs(mu))]
    out = {"peer": f"qutip {qt.__version__}", "model": "kerr-floquet", "N": N, "cutoff": cutoff,
           "floquet_gap": float(1 - abs(mu[1])), "mu1": {"re": float(mu[1].real), "im": float(mu[1].imag)},
           "seconds": time.perf_counter() - t0}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
