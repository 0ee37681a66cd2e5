#!/usr/bin/env python3
"""btc-pair mean-field attractors from coherent:0.10017,0;coherent:0.10017,1.5708 (SPEC defaults,
omega_zz and omega_xx as given): an integration independent of Cumulus (SciPy DOP853, rtol 1e-12,
atol 1e-14) of the equations printed by `cumulus derive btc-pair --order 1 --limit`.

Per point: integrate to t = 3000; a late spread (t = 2500..3000) below 1e-8, or one that halves
between t = 2500..2750 and 2750..3000, is a fixed point (found by Newton on the spheres from the
last state), whose decay rate is -max Re of the Jacobian's eigenvalues on the tangent space of the
two spheres; else the period is the first minimum of the full-state recurrence distance (five
reference times, tau <= 100, residual below 1e-7 of the late spread) refined by Brent on the dense
output, the Floquet multipliers come from the variational equations
over one period, restricted to the tangent space with the flow direction divided out; with no
recurrence the largest Lyapunov exponent (Benettin, renormalised every 10, over t = 3000..6000)
says irregular (> 0.01) or quasi-periodic.

usage: python3 refs/btc_pair_attractors.py [--grid zz|map|ZZ:XX,...] > refs/btc_pair_attractors.csv
"""
import sys
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import fsolve, minimize_scalar

P0 = dict(wx=2., k=1., wz1=0.1, wz2=0.02)


def rhs(y, wzz, wxx, wx=2., k=1., wz1=0.1, wz2=0.02):
    m1x, m1y, m1z, m2x, m2y, m2z = y
    return np.array([k*m1x*m1z - m1y*m2z*wzz - m1y*wz1,
                     k*m1y*m1z + m1x*m2z*wzz + m1x*wz1 - m1z*m2x*wxx - m1z*wx,
                     -k*m1x**2 - k*m1y**2 + m1y*m2x*wxx + m1y*wx,
                     k*m2x*m2z - m1z*m2y*wzz - m2y*wz2,
                     k*m2y*m2z - m1x*m2z*wxx + m1z*m2x*wzz + m2x*wz2 - m2z*wx,
                     -k*m2x**2 - k*m2y**2 + m1x*m2y*wxx + m2y*wx])


def jac(y, wzz, wxx, wx=2., k=1., wz1=0.1, wz2=0.02):
    m1x, m1y, m1z, m2x, m2y, m2z = y
    return np.array([
        [k*m1z, -m2z*wzz - wz1, k*m1x, 0, 0, -m1y*wzz],
        [m2z*wzz + wz1, k*m1z, k*m1y - m2x*wxx - wx, -m1z*wxx, 0, m1x*wzz],
        [-2*k*m1x, -2*k*m1y + m2x*wxx + wx, 0, m1y*wxx, 0, 0],
        [0, 0, -m2y*wzz, k*m2z, -m1z*wzz - wz2, k*m2x],
        [-m2z*wxx, 0, m2x*wzz, m1z*wzz + wz2, k*m2z, k*m2y - m1x*wxx - wx],
        [m2y*wxx, 0, 0, -2*k*m2x, -2*k*m2y + m1x*wxx + wx, 0]])


def start(th=0.10017, ph1=0., ph2=1.5708):
    return np.array([np.sin(th)*np.cos(ph1), np.sin(th)*np.sin(ph1), np.cos(th),
                     np.sin(th)*np.cos(ph2), np.sin(th)*np.sin(ph2), np.cos(th)])


def tangent(x):
    """6x4: two orthonormal vectors perpendicular to each m_j."""
    T = np.zeros((6, 4))
    for j in range(2):
        m = x[3*j:3*j + 3] / np.linalg.norm(x[3*j:3*j + 3])
        a = np.eye(3)[np.argmin(np.abs(m))]
        u = a - (a @ m) * m; u /= np.linalg.norm(u)
        T[3*j:3*j + 3, 2*j] = u
        T[3*j:3*j + 3, 2*j + 1] = np.cross(m, u)
    return T


def solve(f, span, y, **kw):
    return solve_ivp(lambda t, z: f(z), span, y, method='DOP853', rtol=1e-12, atol=1e-14, **kw)


def point(wzz, wxx, T=3000.):
    f = lambda y: rhs(y, wzz, wxx)
    s = solve(f, (0, T), start(), dense_output=True)
    late = s.sol(np.arange(T - 500, T, 0.01))
    spread = lambda y: (y.max(1) - y.min(1)).max()
    row = dict(omega_zz=wzz, omega_xx=wxx, period=np.nan, multiplicity=0, floquet_modulus=np.nan,
               decay_rate=np.nan, lyapunov=np.nan, late_spread=spread(late))
    # converged, or still shrinking (a slow spiral): the fixed point on the spheres, refined by Newton
    if row['late_spread'] < 1e-8 or spread(late[:, 25000:]) < 0.5 * spread(late[:, :25000]):
        x = s.y[:, -1]
        ang = lambda a: np.array([np.sin(a[0])*np.cos(a[1]), np.sin(a[0])*np.sin(a[1]), np.cos(a[0]),
                                  np.sin(a[2])*np.cos(a[3]), np.sin(a[2])*np.sin(a[3]), np.cos(a[2])])
        a0 = [np.arccos(x[2]), np.arctan2(x[1], x[0]), np.arccos(x[5]), np.arctan2(x[4], x[3])]
        a = fsolve(lambda a: tangent(ang(a)).T @ f(ang(a)), a0, xtol=1e-14)
        xf = ang(a)
        assert np.linalg.norm(f(xf)) < 1e-10 and np.linalg.norm(xf - x) < 1e-2, (wzz, wxx)
        Tg = tangent(xf)
        ev = np.linalg.eigvals(Tg.T @ jac(xf, wzz, wxx) @ Tg)
        row.update(attractor='fixed-point', decay_rate=-max(ev.real))
        return row
    refs = T - 400 + np.arange(5) * 13.7
    taus = np.arange(0.5, 100, 0.01)
    D = np.zeros_like(taus)
    for t0 in refs:
        D = np.maximum(D, np.abs(s.sol(t0 + taus) - s.sol(t0)[:, None]).max(0))
    g = lambda tau: sum(np.sum((s.sol(t0 + tau) - s.sol(t0))**2) for t0 in refs)
    period = None
    for i in range(1, len(taus) - 1):
        if D[i] <= D[i - 1] and D[i] <= D[i + 1] and D[i] < 0.05:
            try:
                r = minimize_scalar(g, bracket=(taus[i - 1], taus[i], taus[i + 1]), tol=1e-12)
            except ValueError:  # the grid minimum sits at an edge of its bracket: let Brent walk downhill
                r = minimize_scalar(g, bracket=(taus[i - 1], taus[i + 1]), tol=1e-12)
            if np.sqrt(r.fun / len(refs)) < 1e-7 * row['late_spread']:  # relative: a tiny spiral is no orbit
                period = r.x
                break
    if period is None:
        x = s.y[:, -1]
        v = tangent(x) @ np.ones(4); v /= np.linalg.norm(v)
        var = lambda z: np.concatenate([f(z[:6]), jac(z[:6], wzz, wxx) @ z[6:]])
        acc = 0.
        for _ in range(300):
            z = solve(var, (0, 10.), np.concatenate([x, v])).y[:, -1]
            x, v = z[:6], z[6:]
            n = np.linalg.norm(v); acc += np.log(n); v /= n
        row.update(lyapunov=acc / 3000.)
        row['attractor'] = 'irregular' if row['lyapunov'] > 0.01 else 'quasi-periodic'
        return row
    x0 = s.sol(refs[0])
    var = lambda z: np.concatenate([f(z[:6]), (jac(z[:6], wzz, wxx) @ z[6:].reshape(6, 6)).ravel()])
    M = solve(var, (0, period), np.concatenate([x0, np.eye(6).ravel()])).y[6:, -1].reshape(6, 6)
    Tg = tangent(x0)
    Mt = Tg.T @ M @ Tg
    ft = Tg.T @ f(x0); ft /= np.linalg.norm(ft)
    Q = np.linalg.svd(np.eye(4) - np.outer(ft, ft))[0][:, :3]
    mu = np.linalg.eigvals(Q.T @ Mt @ Q)
    z = s.sol(np.arange(refs[0], refs[0] + period, 0.001))[2]
    peaks = [z[j] for j in range(1, len(z) - 1) if z[j] > z[j - 1] and z[j] >= z[j + 1]]
    distinct = []
    for p in peaks:
        if all(abs(p - d) > 1e-3 * (z.max() - z.min()) for d in distinct):
            distinct.append(p)
    row.update(attractor='periodic', period=period, multiplicity=len(distinct), floquet_modulus=max(abs(mu)))
    return row


if __name__ == '__main__':
    grid = sys.argv[sys.argv.index('--grid') + 1] if '--grid' in sys.argv else 'zz'
    if grid == 'zz':
        pts = [(round(0.30 + 0.01*i, 2), 3.0) for i in range(91)]
    elif grid == 'map':
        pts = [(round(0.30 + 0.05*i, 2), round(1.0 + 0.5*j, 1)) for j in range(9) for i in range(19)]
    else:  # explicit points: zz:xx,zz:xx,...
        pts = [tuple(float(v) for v in p.split(':')) for p in grid.split(',')]
    cols = ['omega_zz', 'omega_xx', 'attractor', 'period', 'multiplicity', 'floquet_modulus', 'decay_rate', 'lyapunov']
    print(','.join(cols), flush=True)
    for wzz, wxx in pts:
        r = point(wzz, wxx)
        print(','.join(r[c] if isinstance(r[c], str) else ('%d' % r[c] if c == 'multiplicity' else repr(float(r[c])).replace('nan', 'NaN')) for c in cols), flush=True)
