"""Power spectra S(omega) = int dtau e^{-i omega tau} <A(tau)B(0)>, steady part removed, with QuTiP's
`spectrum` (both its solvers, 'es' eigen-expansion and 'pi' pseudo-inverse): btc (H = omega_x S^x,
jump sqrt(kappa/S) S^-, Dicke manifold), A = B = m1x, and the complex correlation spectrum of
A = m1+ = S^+/S, B = m1z, which QuTiP's `spectrum` (real by construction) does not cover: that column is
-Tr[A (L-iw)^-1 Q(B rho)] - Tr[B (L+iw)^-1 Q(rho A)] by dense NumPy solves.
Also two-time correlations <A(tau)B(0)> by `correlation_2op_1t` (steady state, mesolve atol 1e-12,
rtol 1e-10) for btc N = 8, omega_x = 0.5 and 2: A = B = m1x, and A = m1+, B = m1-.
Writes psd_btc.csv and btc_correlation.csv. Usage: python3 refs/psd_btc.py"""
import csv, os, sys
import numpy as np
import qutip as qt

def btc(n, wx, kappa):
    s = n / 2
    sx, sy, sz = qt.jmat(s, 'x'), qt.jmat(s, 'y'), qt.jmat(s, 'z')
    sm = qt.jmat(s, '-')
    return wx * sx, [np.sqrt(kappa / s) * sm], s, sx, sz, qt.jmat(s, '+')

def dense_complex(H, c_ops, A, B, wlist):
    L = qt.liouvillian(H, c_ops).full()
    rho = qt.steadystate(H, c_ops)
    d = rho.shape[0]
    vec = lambda m: m.full().reshape(-1, order='F')
    r = vec(rho)
    tr = np.eye(d).reshape(-1, order='F')
    Am, Bm, R = A.full(), B.full(), rho.full()
    mA, mB = np.trace(Am @ R), np.trace(Bm @ R)
    yb = (Bm @ R - mB * R).reshape(-1, order='F')
    ya = (R @ Am - mA * R).reshape(-1, order='F')
    out = []
    I = np.eye(d * d)
    # bordered: replace one population row by the trace row, rhs 0 there (the traceless solution)
    for w in wlist:
        M1 = L - 1j * w * I; M1[0, :] = tr; y1 = yb.copy(); y1[0] = 0
        M2 = L + 1j * w * I; M2[0, :] = tr; y2 = ya.copy(); y2[0] = 0
        z1 = np.linalg.solve(M1, y1).reshape(d, d, order='F')
        z2 = np.linalg.solve(M2, y2).reshape(d, d, order='F')
        out.append(-np.trace(Am @ z1) - np.trace(Bm @ z2))
    return np.array(out)

rows = []
for n, wx in [(16, 0.5), (16, 2.0), (8, 0.5), (32, 0.5)]:
    H, c, s, sx, sz, sp = btc(n, wx, 1.0)
    w = np.array([0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0])
    a = sx / s
    es = qt.spectrum(H, w, c, a, a, solver='es')
    pi = qt.spectrum(H, w[w != 0], c, a, a, solver='pi')
    pi = np.concatenate([[np.nan], pi]) if w[0] == 0 else pi
    cx = dense_complex(H, c, sp / s, sz / s, w)
    for k in range(len(w)):
        rows.append([n, wx, 1.0, w[k], repr(float(es[k])), repr(float(pi[k])) if np.isfinite(pi[k]) else '', repr(float(cx[k].real)), repr(float(cx[k].imag))])
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'psd_btc.csv')
with open(out, 'w', newline='') as f:
    wr = csv.writer(f)
    wr.writerow(['N', 'omega_x', 'kappa', 'omega', 'S_m1x_es', 'S_m1x_pi', 'S_m1p_m1z_re', 'S_m1p_m1z_im'])
    wr.writerows(rows)
print('wrote', out, 'qutip', qt.__version__, file=sys.stderr)

rows = []
taus = np.linspace(0, 10, 21)
opts = {'atol': 1e-12, 'rtol': 1e-10, 'nsteps': 100000}
for wx in [0.5, 2.0]:
    H, c, s, sx, sz, sp = btc(8, wx, 1.0)
    sm = sp.dag()
    cxx = qt.correlation_2op_1t(H, None, taus, c, sx / s, sx / s, options=opts)
    cpm = qt.correlation_2op_1t(H, None, taus, c, sp / s, sm / s, options=opts)
    for k in range(len(taus)):
        rows.append([8, wx, 1.0, taus[k], repr(float(cxx[k].real)), repr(float(cxx[k].imag)), repr(float(cpm[k].real)), repr(float(cpm[k].imag))])
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'btc_correlation.csv')
with open(out, 'w', newline='') as f:
    wr = csv.writer(f)
    wr.writerow(['N', 'omega_x', 'kappa', 'tau', 'C_m1x_re', 'C_m1x_im', 'C_m1p_m1m_re', 'C_m1p_m1m_im'])
    wr.writerows(rows)
print('wrote', out, file=sys.stderr)
