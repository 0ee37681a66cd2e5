"""QuTiP 5.3.1 references for drives that depend on t smoothly (issue 18), SPEC.md conventions:
m = <S^a>/S, D[L] rho = L rho L^+ - {L^+ L, rho}/2, local processes rate * sum_k D[sigma_k].

smooth_floquet.csv   : floquet multipliers (largest modulus) of H = omega_x cos(2 pi t/T) S^x + delta S^z,
                       jump sqrt(kappa/S) S^-, N = 8 (Dicke j = N/2), omega_x = 2, delta = 0.3, kappa = 1, T = 2;
                       qutip.propagator(H(t), T, c_ops) (mesolve on the identity, atol 1e-13, rtol 1e-12), numpy eig.
smooth_stroboscopic.csv : the same model from `up`, <m1a>(nT), n = 0..5, mesolve.
smooth_local.csv     : H = cos(3t) S^x, jump sqrt(1/S) S^-, local dephasing 0.2 sum_k D[sigma_k^z], N = 4, from up;
                       full 2^N Hilbert space, mesolve; t = 0..2 step 0.25.
smooth_collective.csv: H = cos(3t) S^x + 0.3 (e^{2it} S^+ + e^{-2it} S^-) + 0.2 S^z,
                       jump sqrt((1 + 0.5 sin 2t)/S) S^-, N = 6 (Dicke), from up, t = 0..3 step 0.25.
smooth_floquet_local.csv: Floquet map of H = omega_x cos(2 pi t/T) S^x + delta S^z, jump sqrt(kappa/S) S^-,
                       local dephasing 0.3 sum_k D[sigma_k^z], N = 3 (2^N brute force), omega_x = 2, delta = 0.3,
                       kappa = 1, T = 2: all 64 multipliers of the full 4^N map (the
                       permutation-invariant sector's are among them) and the Floquet steady state's <m1a>.
smooth_local_rate.csv: H = 0.7 S^x, local emission 0.3 (1 + 0.8 cos 2t) sum_k D[sigma_k^-], local pumping 0.1, N = 3,
                       from up, 2^N brute force, t = 0..3 step 0.5.
smooth_multiterm.csv : H = 0.8 S^x + 0.1 S^z, one jump sqrt(1/S) [S^- + (0.4 cos 2t + 0.3 i sin t) S^z + 0.2 S^+], N = 5 (Dicke),
                       from up, t = 0..3 step 0.25 (cross terms c_k c_l^* of a jump with several t-dependent terms).
smooth_multiterm_local.csv: the same jump with local dephasing 0.2 sum_k D[sigma_k^z], N = 3, 2^N brute force.
Run: python3 refs/smooth_drive.py
"""
import os
import numpy as np
import qutip as qt

HERE = os.path.dirname(os.path.abspath(__file__))
OPTS = {"atol": 1e-13, "rtol": 1e-12, "nsteps": 10**7, "method": "adams"}


def collective(N):
    j = N / 2
    return qt.jmat(j, 'x'), qt.jmat(j, 'y'), qt.jmat(j, 'z'), qt.jmat(j, '+'), qt.jmat(j, '-'), qt.basis(int(2 * j + 1), 0)


def brute(N):
    si = qt.qeye(2)
    def op(o, k):
        ops = [si] * N
        ops[k] = o
        return qt.tensor(ops)
    sx, sy, sz = qt.sigmax() / 2, qt.sigmay() / 2, qt.sigmaz() / 2
    Sx = sum(op(sx, k) for k in range(N)); Sy = sum(op(sy, k) for k in range(N)); Sz = sum(op(sz, k) for k in range(N))
    up = qt.tensor([qt.basis(2, 0)] * N)
    return Sx, Sy, Sz, op, up


def write(name, header, rows):
    with open(os.path.join(HERE, name), "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(x if isinstance(x, str) else "%.13g" % x for x in r) + "\n")


def floquet():
    N, wx, delta, kappa, T = 8, 2.0, 0.3, 1.0, 2.0
    Sx, Sy, Sz, Sp, Sm, up = collective(N)
    S = N / 2
    H = [delta * Sz, [wx * Sx, lambda t, args=None: np.cos(2 * np.pi * t / T)]]
    c = [np.sqrt(kappa / S) * Sm]
    U = qt.propagator(qt.QobjEvo(H), T, c_ops=c, options=OPTS)
    ev = np.linalg.eigvals(U.full())
    ev = sorted(ev, key=lambda z: (-abs(z), -z.imag))
    write("smooth_floquet.csv", ["k", "re", "im", "abs"], [(k, z.real, z.imag, abs(z)) for k, z in enumerate(ev[:8])])
    rho0 = qt.ket2dm(up)
    times = [n * T for n in range(6)]
    r = qt.mesolve(qt.QobjEvo(H), rho0, times, c_ops=c, e_ops=[Sx / S, Sy / S, Sz / S], options=OPTS)
    write("smooth_stroboscopic.csv", ["t", "m1x", "m1y", "m1z"], [(t, r.expect[0][i], r.expect[1][i], r.expect[2][i]) for i, t in enumerate(times)])


def local():
    N = 4
    Sx, Sy, Sz, op, up = brute(N)
    S = N / 2
    Sm = Sx - 1j * Sy
    H = [[Sx, lambda t, args=None: np.cos(3 * t)]]
    c = [np.sqrt(1 / S) * Sm] + [np.sqrt(0.2) * op(qt.sigmaz(), k) for k in range(N)]
    times = np.arange(0, 2.0001, 0.25)
    r = qt.mesolve(qt.QobjEvo(H), qt.ket2dm(up), times, c_ops=c, e_ops=[Sx / S, Sy / S, Sz / S], options=OPTS)
    write("smooth_local.csv", ["t", "m1x", "m1y", "m1z"], [(t, r.expect[0][i], r.expect[1][i], r.expect[2][i]) for i, t in enumerate(times)])


def collective_dynamics():
    N = 6
    Sx, Sy, Sz, Sp, Sm, up = collective(N)
    S = N / 2
    H = [0.2 * Sz, [Sx, lambda t, args=None: np.cos(3 * t)],
         [0.3 * Sp, lambda t, args=None: np.exp(2j * t)], [0.3 * Sm, lambda t, args=None: np.exp(-2j * t)]]
    c = [[Sm, lambda t, args=None: np.sqrt((1 + 0.5 * np.sin(2 * t)) / S)]]
    times = np.arange(0, 3.0001, 0.25)
    r = qt.mesolve(qt.QobjEvo(H), qt.ket2dm(up), times, c_ops=[qt.QobjEvo(c)], e_ops=[Sx / S, Sy / S, Sz / S], options=OPTS)
    write("smooth_collective.csv", ["t", "m1x", "m1y", "m1z"], [(t, r.expect[0][i], r.expect[1][i], r.expect[2][i]) for i, t in enumerate(times)])


def local_rate():
    N = 3
    Sx, Sy, Sz, op, up = brute(N)
    S = N / 2
    sm = qt.Qobj(np.array([[0, 0], [1, 0]]))
    sp = sm.dag()
    H = 0.7 * Sx
    c = [qt.QobjEvo([[op(sm, k), lambda t, args=None: np.sqrt(0.3 * (1 + 0.8 * np.cos(2 * t)))]]) for k in range(N)]
    c += [np.sqrt(0.1) * op(sp, k) for k in range(N)]
    times = np.arange(0, 3.0001, 0.5)
    r = qt.mesolve(H, qt.ket2dm(up), times, c_ops=c, e_ops=[Sx / S, Sy / S, Sz / S], options=OPTS)
    write("smooth_local_rate.csv", ["t", "m1x", "m1y", "m1z"], [(t, r.expect[0][i], r.expect[1][i], r.expect[2][i]) for i, t in enumerate(times)])


def floquet_local():
    N, wx, delta, kappa, T = 3, 2.0, 0.3, 1.0, 2.0
    Sx, Sy, Sz, op, up = brute(N)
    S = N / 2
    Sm = Sx - 1j * Sy
    H = [delta * Sz, [wx * Sx, lambda t, args=None: np.cos(2 * np.pi * t / T)]]
    c = [np.sqrt(kappa / S) * Sm] + [np.sqrt(0.3) * op(qt.sigmaz(), k) for k in range(N)]
    U = qt.propagator(qt.QobjEvo(H), T, c_ops=c, options=OPTS).full()
    ev, vec = np.linalg.eig(U)
    order = sorted(range(len(ev)), key=lambda k: (-abs(ev[k]), -ev[k].imag))
    d = 2 ** N
    rho = vec[:, order[0]].reshape(d, d, order="F")
    rho = rho / np.trace(rho)
    rows = [("mu%d" % i, ev[k].real, ev[k].imag) for i, k in enumerate(order)]
    for name, o in (("m1x", Sx), ("m1y", Sy), ("m1z", Sz)):
        rows.append((name, np.real(np.trace(o.full() @ rho)) / S, 0.0))
    write("smooth_floquet_local.csv", ["quantity", "re", "im"], rows)


def multiterm():
    def run(Sx, Sy, Sz, up, S, extra, name):
        Sp, Sm = Sx + 1j * Sy, Sx - 1j * Sy
        H = 0.8 * Sx + 0.1 * Sz
        c = qt.QobjEvo([Sm / np.sqrt(S), [Sz / np.sqrt(S), lambda t, args=None: 0.4 * np.cos(2 * t) + 0.3j * np.sin(t)],
                        0.2 * Sp / np.sqrt(S)])
        times = np.arange(0, 3.0001, 0.25)
        r = qt.mesolve(H, qt.ket2dm(up), times, c_ops=[c] + extra, e_ops=[Sx / S, Sy / S, Sz / S], options=OPTS)
        write(name, ["t", "m1x", "m1y", "m1z"], [(t, r.expect[0][i], r.expect[1][i], r.expect[2][i]) for i, t in enumerate(times)])
    Sx, Sy, Sz, Sp, Sm, up = collective(5)
    run(Sx, Sy, Sz, up, 2.5, [], "smooth_multiterm.csv")
    Sx, Sy, Sz, op, up = brute(3)
    run(Sx, Sy, Sz, up, 1.5, [np.sqrt(0.2) * op(qt.sigmaz(), k) for k in range(3)], "smooth_multiterm_local.csv")


if __name__ == "__main__":
    import sys
    if sys.argv[1:] == ["multiterm"]:
        multiterm()
        sys.exit()
    floquet_local()
    floquet()
    local()
    collective_dynamics()
    local_rate()
    multiterm()
