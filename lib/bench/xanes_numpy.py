#!/usr/bin/env python3
"""Benchmark companion of org.cathodekit.bench.XanesBenchmark (run with Debian's /usr/bin/python3).

Sub-commands
  generate --out F.h5 --nz NZ --ny NY --nx NX [--seed S]
      writes a synthetic NSLS-II FXI-layout stack (/img_xanes float32 [60][nz][ny][nx], chunked
      [60][4][ny][nx]; /X_eng in keV) slice by slice (bounded memory, any size). Spectra: arctan edge
      at 8343 + 1.2 * (x / nx) eV + noise, Gaussian white line 6.5 eV above, a background border.
  compute --input F.h5 --out M.h5
      the same definitions as org.cathodekit.xanes (pre/post least-squares lines, two-line
      normalisation, first upward 0.5 crossing by linear interpolation in the edge window, quadratic
      white-line vertex, auto masking: jump <= 0 or < 5 x its standard error from the two line fits), vectorised with
      numpy over all voxels at once (whole stack in memory), float64 maths; prints seconds.
  compare --a M1.h5 --b M2.h5
      max |difference| of /edge50 and /whiteline, and whether the NaN patterns agree.

Windows (eV): pre 8250:8320, post 8380:8600, edge 8330:8365, white line 8343:8357.
"""
import argparse
import sys
import time

import h5py
import numpy as np

PRE, POST, EDGE, WL = (8250, 8320), (8380, 8600), (8330, 8365), (8343, 8357)


def energies():
    e = list(np.arange(8250, 8321, 10.0)) + list(np.arange(8330, 8371, 1.0)) + list(np.arange(8380, 8601, 20.0))
    e = np.array(e[:60] if len(e) >= 60 else e)
    return e


def generate(a):
    e = energies()
    rng = np.random.default_rng(a.seed)
    nz, ny, nx = a.nz, a.ny, a.nx
    with h5py.File(a.out, "w") as f:
        d = f.create_dataset("img_xanes", shape=(len(e), nz, ny, nx), dtype="f4", chunks=(len(e), min(4, nz), ny, nx))
        f.create_dataset("X_eng", data=e / 1000.0)
        yy, xx = np.mgrid[0:ny, 0:nx]
        e0 = 8343.0 + 1.2 * xx / nx
        border = (yy == 0) | (xx == 0) | (yy == ny - 1) | (xx == nx - 1)
        for z0 in range(0, nz, 4):
            dz = min(4, nz - z0)
            block = np.empty((len(e), dz, ny, nx), dtype="f4")
            for k in range(dz):
                ee = e[:, None, None]
                mu = 0.2 + 1e-4 * (ee - 8300) + (0.5 + np.arctan((ee - e0) / 1.5) / np.pi) \
                    + 0.6 * np.exp(-0.5 * ((ee - e0 - 6.5) / 3.0) ** 2)
                mu = mu + 0.01 * rng.standard_normal(mu.shape)
                mu[:, border] = 0.02 + 0.01 * rng.standard_normal((len(e), int(border.sum())))
                block[:, k] = mu
            d[:, z0:z0 + dz] = block
    print(f"wrote {a.out}: {len(e)} energies x {nz} x {ny} x {nx} ({len(e) * nz * ny * nx * 4 / 1e9:.2f} GB)")


def idx(e, w):
    return np.nonzero((e >= w[0]) & (e <= w[1]))[0]


def compute(a):
    t0 = time.perf_counter()
    with h5py.File(a.input, "r") as f:
        stack = f["img_xanes"][()]
        e = f["X_eng"][()].astype("f8")
    if e.max() < 100:
        e = e * 1000.0
    t_read = time.perf_counter() - t0
    ne = stack.shape[0]
    shape = stack.shape[1:]
    mu = stack.reshape(ne, -1).astype("f8")          # [energy][voxel]
    del stack
    p, q, g, w = idx(e, PRE), idx(e, POST), idx(e, EDGE), idx(e, WL)
    # pre/post least-squares lines (centred)
    def line(ix):
        xm = e[ix].mean()
        dx = e[ix] - xm
        mean = mu[ix].mean(axis=0)
        slope = (dx / (dx @ dx)) @ mu[ix]
        return xm, mean, slope
    pxm, pmean, pslope = line(p)
    qxm, qmean, qslope = line(q)
    eref = 0.5 * (EDGE[0] + EDGE[1])
    jump = (qmean + qslope * (eref - qxm)) - (pmean + pslope * (eref - pxm))
    ssr = ((mu[p] - (pmean + pslope * (e[p, None] - pxm))) ** 2).sum(axis=0) \
        + ((mu[q] - (qmean + qslope * (e[q, None] - qxm))) ** 2).sum(axis=0)
    dof = len(p) + len(q) - 4
    lev = np.sqrt(1 / len(p) + (eref - pxm) ** 2 / ((e[p] - pxm) ** 2).sum()
                  + 1 / len(q) + (eref - qxm) ** 2 / ((e[q] - qxm) ** 2).sum())
    thr = 5.0 * np.sqrt(ssr / dof) * lev if dof > 0 else np.zeros_like(jump)
    finite = np.isfinite(mu).all(axis=0)
    masked = finite & ((jump <= 0) | (jump < thr))
    # normalised mu in the edge window
    pre_g = pmean + pslope * (e[g, None] - pxm)
    post_g = qmean + qslope * (e[g, None] - qxm)
    den = post_g - pre_g
    with np.errstate(invalid="ignore", divide="ignore"):
        n = np.where(den > 0, (mu[g] - pre_g) / den, np.nan)
    cross = (n[:-1] < 0.5) & (n[1:] >= 0.5)
    has = cross.any(axis=0)
    k = cross.argmax(axis=0)
    cols = np.arange(n.shape[1])
    n0, n1 = n[k, cols], n[k + 1, cols]
    e0, e1 = e[g][k], e[g][k + 1]
    with np.errstate(invalid="ignore", divide="ignore"):
        edge50 = np.where(has, e0 + (0.5 - n0) * (e1 - e0) / (n1 - n0), np.nan)
    # quadratic white line in t = (E - centre) / halfwidth
    wc, wh = 0.5 * (WL[0] + WL[1]), 0.5 * (WL[1] - WL[0])
    t = (e[w] - wc) / wh
    X = np.stack([np.ones_like(t), t, t * t], axis=1)
    coef = np.linalg.pinv(X) @ mu[w]
    with np.errstate(invalid="ignore", divide="ignore"):
        tv = -coef[1] / (2 * coef[2])
    ok = (coef[2] < 0) & (tv >= -1) & (tv <= 1)
    white = np.where(ok, wc + wh * tv, np.nan)
    bad = ~finite | masked
    edge50[bad] = np.nan
    white[bad] = np.nan
    t_total = time.perf_counter() - t0
    with h5py.File(a.out, "w") as f:
        f["edge50"] = edge50.astype("f4").reshape(shape)
        f["whiteline"] = white.astype("f4").reshape(shape)
    t_write = time.perf_counter() - t0
    print(f"numpy: read {t_read:.2f} s, read+compute {t_total:.2f} s, read+compute+write {t_write:.2f} s; "
          f"voxels {mu.shape[1]}, valid edge50 {int(np.isfinite(edge50).sum())}, "
          f"mean edge50 {np.nanmean(edge50):.4f} eV, mean whiteline {np.nanmean(white):.4f} eV")


def compare(a):
    with h5py.File(a.a, "r") as fa, h5py.File(a.b, "r") as fb:
        for name in ("edge50", "whiteline"):
            x, y = fa[name][()].astype("f8"), fb[name][()].astype("f8")
            same_nan = bool((np.isnan(x) == np.isnan(y)).all())
            ok = np.isfinite(x) & np.isfinite(y)
            print(f"{name}: NaN patterns agree: {same_nan} ({int(np.isnan(x).sum())} vs {int(np.isnan(y).sum())}); "
                  f"max |diff| {np.abs(x[ok] - y[ok]).max():.3g} eV over {int(ok.sum())} voxels")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--out", required=True)
    g.add_argument("--nz", type=int, required=True)
    g.add_argument("--ny", type=int, required=True)
    g.add_argument("--nx", type=int, required=True)
    g.add_argument("--seed", type=int, default=1)
    c = sub.add_parser("compute")
    c.add_argument("--input", required=True)
    c.add_argument("--out", required=True)
    k = sub.add_parser("compare")
    k.add_argument("--a", required=True)
    k.add_argument("--b", required=True)
    a = ap.parse_args()
    {"generate": generate, "compute": compute, "compare": compare}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
