#!/usr/bin/env python3
"""Cross-check of CathodeKit's TGA DTG against scipy.signal.savgol_filter (independent implementation).

For each curve: mass % relative to the initial mass, DTG by savgol_filter(window 11, order 2, deriv 1)
on rows re-sampled to a uniform temperature grid (np.interp), DTG peak by np.polyfit of a parabola over
the contiguous top of the peak (rate >= 80 % of the extremum, the library's peak definition); then the same
curve through `./cathodekit tga --json` (5 K window = 11 points at 0.5 K/row). Prints both peaks and their
difference (measured 2026-11-22: PMMA -0.01 K, rod r1 -0.01 K, gravel r1 0.00 K).

Run from the repository root after packaging: /usr/bin/python3 lib/bench/tga_savgol_check.py
"""
import json
import os
import subprocess
import sys

import numpy as np
from scipy.signal import savgol_filter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FILES = [
    ("PMMA (real, MaCFP)", os.path.join(ROOT, "..", "shared", "reference-data", "tga", "macfp_PMMA_FSRI_TGA_N2_10K_1.csv"), 2, 273.15),
    ("rod r1 (synthetic)", os.path.join(ROOT, "data-samples", "tga", "rod_r1.csv"), 4, 0.0),
    ("gravel r1 (synthetic)", os.path.join(ROOT, "data-samples", "tga", "gravel_r1.csv"), 4, 0.0),
]


def scipy_peak(path, skip, offset):
    d = np.genfromtxt(path, delimiter=",", skip_header=skip)
    temp = d[:, 1] - offset
    mass = 100 * d[:, 2] / d[0, 2]
    grid = np.arange(temp[0], temp[-1], 0.5)
    order = np.argsort(temp, kind="stable")
    m = np.interp(grid, temp[order], mass[order])
    dtg = savgol_filter(m, 11, 2, deriv=1, delta=0.5)
    i = int(np.argmin(dtg))
    a = i
    b = i
    while a > 0 and dtg[a - 1] <= 0.8 * dtg[i]:
        a -= 1
    while b < len(dtg) - 1 and dtg[b + 1] <= 0.8 * dtg[i]:
        b += 1
    c2, c1, _ = np.polyfit(grid[a:b + 1] - grid[i], dtg[a:b + 1], 2)
    return grid[i] - c1 / (2 * c2), dtg[i]


def main():
    for name, path, skip, offset in FILES:
        if not os.path.exists(path):
            print(f"{name}: {path} not found, skipped")
            continue
        sp, rate = scipy_peak(path, skip, offset)
        out = subprocess.run([os.path.join(ROOT, "cathodekit"), "tga", "--input", path, "--json"], capture_output=True,
                             text=True, check=True).stdout
        j = json.loads(out)
        ck = j["dtg_peak_C"]
        print(f"{name}: scipy savgol peak {sp:.2f} C ({rate:.4f} %/K), CathodeKit {ck:.2f} C "
              f"({j['dtg_peak_pct_per_K']:.4f} %/K), difference {ck - sp:+.2f} K")


if __name__ == "__main__":
    sys.exit(main())
