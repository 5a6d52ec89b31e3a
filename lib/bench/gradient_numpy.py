#!/usr/bin/python3
"""Vectorised numpy implementation of CathodeKit's valence-gradient model (paper A, Fig. 4), for the
side-by-side benchmark with `cathodekit gradient` (org.cathodekit.gradient.ValenceGradient).

Same definitions: b x b x b block merging from the origin (a block counts only if all voxels are
finite), central differences u = (E[+1] - E[-1]) / (2 h), h = b * voxel size, a unit counts only if
it and its six neighbours are valid, O = mean position of the valid units, v = O - p,
theta = arccos(u.v / |u||v|), |u| = 0 or |v| = 0 dropped, 1-degree theta bins, amplitude-weighted
density, nine folded 10-degree groups with mean |u|, mean |cos|, tangential index 1 - mean|cos| / 0.5.

Input: a .npy float32 volume [z][y][x] with NaN outside (written by org.cathodekit.bench.GradientBenchmark;
Debian's python3 has no h5py). Usage:
    /usr/bin/python3 lib/bench/gradient_numpy.py particle340.npy --voxel-nm 30 --bin 1 [--compare java.json]
Prints one JSON line (vectors, mean_abs_cos, tangential_index, theta_density, weighted_theta_density,
reference_density, mean_size_by_group, seconds) where seconds covers loading + computing.
"""
import argparse
import json
import sys
import time

import numpy as np


def analyse(e, voxel_nm, b):
    if b > 1:
        nz, ny, nx = (s // b for s in e.shape)
        blk = e[:nz * b, :ny * b, :nx * b].astype(np.float64).reshape(nz, b, ny, b, nx, b)
        e = blk.mean(axis=(1, 3, 5))  # NaN propagates: a block with any NaN is invalid
    valid = np.isfinite(e)
    idx = np.nonzero(valid)
    o = np.array([idx[2].mean(), idx[1].mean(), idx[0].mean()])  # x, y, z
    h = b * voxel_nm
    c = e[1:-1, 1:-1, 1:-1]
    xm, xp = e[1:-1, 1:-1, :-2], e[1:-1, 1:-1, 2:]
    ym, yp = e[1:-1, :-2, 1:-1], e[1:-1, 2:, 1:-1]
    zm, zp = e[:-2, 1:-1, 1:-1], e[2:, 1:-1, 1:-1]
    ok = np.isfinite(c) & np.isfinite(xm) & np.isfinite(xp) & np.isfinite(ym) & np.isfinite(yp) \
        & np.isfinite(zm) & np.isfinite(zp)
    z, y, x = np.nonzero(ok)
    ux = (xp[ok].astype(np.float64) - xm[ok]) / (2 * h)
    uy = (yp[ok].astype(np.float64) - ym[ok]) / (2 * h)
    uz = (zp[ok].astype(np.float64) - zm[ok]) / (2 * h)
    vx = o[0] - (x + 1)
    vy = o[1] - (y + 1)
    vz = o[2] - (z + 1)
    size = np.sqrt(ux * ux + uy * uy + uz * uz)
    vn = np.sqrt(vx * vx + vy * vy + vz * vz)
    keep = (size > 0) & (vn > 0)
    cos = (ux * vx + uy * vy + uz * vz)[keep] / (size[keep] * vn[keep])
    size = size[keep]
    np.clip(cos, -1, 1, out=cos)
    theta = np.degrees(np.arccos(cos))
    binidx = np.minimum(theta.astype(np.int64), 179)
    n = binidx.size
    counts = np.bincount(binidx, minlength=180)
    weights = np.bincount(binidx, weights=size, minlength=180)
    folded = np.where(binidx < 90, binidx, 179 - binidx) // 10
    gcount = np.bincount(folded, minlength=9)
    gsum = np.bincount(folded, weights=size, minlength=9)
    mean_abs_cos = float(np.abs(cos).mean())
    edges = np.radians(np.arange(181))
    ref = (np.cos(edges[:-1]) - np.cos(edges[1:])) / 2
    return {
        "vectors": int(n),
        "mean_abs_cos": mean_abs_cos,
        "tangential_index": 1 - mean_abs_cos / 0.5,
        "theta_density": (counts / n).tolist(),
        "weighted_theta_density": (weights / weights.sum()).tolist(),
        "reference_density": ref.tolist(),
        "mean_size_by_group": [float(s / c) if c else None for s, c in zip(gsum, gcount)],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("npy")
    ap.add_argument("--voxel-nm", type=float, required=True)
    ap.add_argument("--bin", type=int, default=1)
    ap.add_argument("--compare", help="JSON output of `cathodekit gradient --json` to compare with")
    a = ap.parse_args()
    t0 = time.perf_counter()
    e = np.load(a.npy)
    r = analyse(e, a.voxel_nm, a.bin)
    r["seconds"] = time.perf_counter() - t0
    print(json.dumps(r))
    if a.compare:
        with open(a.compare) as f:
            j = json.load(f)
        dv = j["vectors"] - r["vectors"]
        dc = abs(j["mean_abs_cos"] - r["mean_abs_cos"])
        dd = sum(abs(p - q) for p, q in zip(j["theta_density"], r["theta_density"])) * r["vectors"]
        print(f"compare: vectors diff {dv}, |mean_abs_cos diff| {dc:.2e}, bin count differences {dd:.0f}",
              file=sys.stderr)


if __name__ == "__main__":
    main()
