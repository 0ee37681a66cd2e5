#!/usr/bin/python3
"""QuTiP PIQS peer for the local-dissipation benchmark (SPEC.md model `local-btc`, paper Eq. 18).

local-btc: H = omega_x S^x, collective jump sqrt(kappa/S) S^-, local jump sqrt(gamma_local) sigma_j^- on
every spin; omega_x = kappa = gamma_local = 1. Prints one JSON object.

Two routes, both timed:
  * "piqs": what a PIQS user does. Dicke(...).liouvillian() (nds^2 x nds^2, nds = number of Dicke states);
    qutip.steadystate on it (method 'direct' fails on this Liouvillian: "Factor is exactly singular";
    'power' works and is the one timed); the gap from scipy eigs(sigma=0.01) on the same Liouvillian. Its
    elements between different total spins j != j' carry no dynamics at all, so that spectrum holds many
    spurious zero eigenvalues and the "gap" it gives is ~0 (qutip issue #993).
  * "block": PIQS done right. The Liouvillian restricted to its block-diagonal (j, m, m') elements, solved
    with SciPy: spsolve (SuperLU) with the trace row for the steady state, eigs(sigma=0.01, k=8) for the gap.

  python3 qutip_piqs_local.py N [--full-gap | --no-full-gap]

The PIQS-route gap (ARPACK on a Liouvillian with ~nds^2 - unknowns spurious zero modes) is slow and erratic
(8 s at N = 10, 0.9 s at N = 20, over 10 min at N = 40 on the 2-core test machine): it runs for N <= 20 only
unless --full-gap is given.

Install the peer once with: apt-get install -y python3-qutip
"""
import json, sys, time

try:
    import numpy as np
    import scipy.sparse as sps
    import scipy.sparse.linalg as spla
    from qutip import steadystate
    from qutip.piqs import Dicke, jspin, block_matrix
except ImportError:
    sys.exit("qutip_piqs_local.py needs QuTiP with PIQS: apt-get install -y python3-qutip")


def lambda1(vals):
    """Largest real part after dropping the eigenvalue nearest 0 (lambda_0)."""
    vals = sorted(vals, key=abs)[1:]
    z = max(vals, key=lambda v: (v.real, abs(v.imag)))
    return {"re": float(z.real), "im": float(abs(z.imag))}


def main():
    N = int(sys.argv[1])
    full_gap = "--full-gap" in sys.argv or (N <= 20 and "--no-full-gap" not in sys.argv)
    S = N / 2
    out = {"N": N}
    t0 = time.perf_counter()
    jx, jy, jz = jspin(N)
    system = Dicke(N=N, hamiltonian=1.0 * jx, emission=1.0, collective_emission=1.0 / S)
    L = system.liouvillian()
    out["build_seconds"] = time.perf_counter() - t0
    out["liouvillian_dim"] = int(L.shape[0])

    # PIQS route: steady state
    for method in ("direct", "power"):
        t = time.perf_counter()
        try:
            rho = steadystate(L, method=method)
            out["piqs_steady"] = {"method": method, "seconds": time.perf_counter() - t,
                                  "m1z": float(np.real((rho * jz).tr()) / S)}
            break
        except Exception as e:  # 'direct' raises on this singular Liouvillian
            out.setdefault("piqs_steady_failures", []).append(
                {"method": method, "seconds": time.perf_counter() - t, "error": type(e).__name__ + ": " + str(e)[:120]})
    # PIQS route: gap from the full Liouvillian
    if full_gap:
        t = time.perf_counter()
        try:
            vals = spla.eigs(sps.csc_matrix(L.data), k=8, sigma=0.01, return_eigenvectors=False)
            out["piqs_gap"] = {"seconds": time.perf_counter() - t, "lambda1": lambda1(vals)}
        except Exception as e:
            out["piqs_gap"] = {"seconds": time.perf_counter() - t, "error": type(e).__name__ + ": " + str(e)[:120]}
    else:
        out["piqs_gap"] = {"skipped": "N > 20: pass --full-gap to run it"}

    # block route
    t = time.perf_counter()
    nds = jz.shape[0]
    mask = np.flatnonzero(block_matrix(N).toarray().reshape(-1, order="F") != 0)
    A = sps.csr_matrix(L.data)[mask][:, mask].tocsc()
    diag = np.searchsorted(mask, np.arange(nds) * (nds + 1))
    r0 = diag[0]
    keep = np.ones(len(mask))
    keep[r0] = 0
    B = (sps.diags(keep) @ A + sps.csr_matrix((np.ones(nds), (np.full(nds, r0), diag)), shape=A.shape)).tocsc()
    b = np.zeros(len(mask), dtype=complex)
    b[r0] = 1
    x = spla.spsolve(B, b)
    m1z = float(np.real(np.sum(np.real(jz.diag()) * x[diag]))) / S
    out["block_steady"] = {"seconds": time.perf_counter() - t, "m1z": m1z, "unknowns": int(len(mask))}
    t = time.perf_counter()
    vals = spla.eigs(A, k=8, sigma=0.01, return_eigenvectors=False)
    out["block_gap"] = {"seconds": time.perf_counter() - t, "lambda1": lambda1(vals)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
