#!/usr/bin/env python3
"""Independent oracle for the real TGA fixtures in ../shared/reference-data/real-formats/tga/.

Decodes each file with Python's own codecs (UTF-16 / UTF-8 / csv), picks the columns by hand (this
script knows each layout; no detection), and computes the DTG peak and the ISO 11358-1 extrapolated
onset with numpy/scipy, not with CathodeKit's code:

  heating   rows up to the first maximum temperature (of the first TA segment for the TA file)
  DTG       scipy.signal.savgol_filter, order 2, window = odd number of points nearest 5 K of ramp
            (median positive temperature step per row); dm/dt and dT/dt on the time axis
            (uniform sampling: TA 0.5 s, Mettler 1 s), DTG = (dm/dt)/(dT/dt) in %/K of the initial mass;
            MaCFP is sampled uniformly in temperature (1.002 K), so its DTG is taken on T directly
  peak      the most negative DTG where dT/dt > 5 % of its median; vertex of the parabola through the
            three points around it
  baseline  ends at the last temperature below the peak where |DTG| <= 5 % of |DTG_peak|, starts 30 K
            earlier (clipped to the data); least-squares line through the raw mass %
  onset     intersection of that line with the tangent at the peak (slope DTG_peak through the smoothed
            mass % there)

Writes tga_oracle.json beside it, or to the second argument (committed; re-run after changing a fixture;
TgaRealFormatsTest re-runs it into a temporary file when python3 with numpy and scipy is present):
  python3 tga_oracle.py ../../../../../../../shared/reference-data/real-formats/tga  (from its folder)
"""
import json
import os
import sys

import numpy as np
from scipy.signal import savgol_filter


def ta(path):
    text = open(path, "rb").read().decode("utf-16")
    lines = text.splitlines()
    start = [i for i, l in enumerate(lines) if l.strip() == "StartOfData"][0]
    rows, seg = [], 0
    for l in lines[start + 1:]:
        f = l.split("\t")
        if len(f) < 3:
            continue
        v = [float(x) for x in f]
        if v[0] == -3.0:
            seg += 1
            continue
        if v[0] == -1.0:
            continue
        if seg == 1:
            rows.append(v[:3])
    a = np.array(rows)
    return a[:, 0] * 60.0, a[:, 1], a[:, 2]


def mettler(path):
    lines = open(path, "rb").read().decode("utf-8", errors="replace").splitlines()
    first = [i for i, l in enumerate(lines) if l.strip() == "Curve:"][0]
    rows = []
    for l in lines[first + 3:]:
        f = l.split()
        if len(f) != 5:
            break
        try:
            rows.append([float(x) for x in f])
        except ValueError:
            break
    a = np.array(rows)
    return a[:, 1], a[:, 2], a[:, 4]


def macfp(path):
    a = np.loadtxt(path, delimiter=",", skiprows=2)
    return a[:, 0], a[:, 1] - 273.15, a[:, 2] * 100.0


def analyse(time, temp, mass, by_temperature=False):
    end = int(np.argmax(temp))  # first index of the maximum
    time, temp, mass = time[:end + 1], temp[:end + 1], mass[:end + 1]
    pct = 100.0 * mass / mass[0]
    dT = np.diff(temp)
    step = float(np.median(dT[dT > 0]))
    w = int(round(5.0 / step))
    w = w + 1 if w % 2 == 0 else w
    w = max(w, 5)
    if by_temperature:
        x = temp
        dtg = savgol_filter(pct, w, 2, deriv=1, delta=float(np.median(np.diff(x))))
        smooth = savgol_filter(pct, w, 2)
        tt = temp
        ok = np.ones_like(dtg, dtype=bool)
    else:
        dt = float(np.median(np.diff(time)))
        dm = savgol_filter(pct, w, 2, deriv=1, delta=dt)
        dTdt = savgol_filter(temp, w, 2, deriv=1, delta=dt)
        tt = savgol_filter(temp, w, 2)
        smooth = savgol_filter(pct, w, 2)
        ok = dTdt > 0.05 * np.median(dTdt)
        dtg = np.where(ok, dm / np.where(ok, dTdt, 1.0), np.nan)
    p = int(np.nanargmin(np.where(ok, dtg, np.nan)))
    peak_t, peak_d = tt[p], dtg[p]
    if 0 < p < len(tt) - 1:
        c = np.polyfit(tt[p - 1:p + 2] - tt[p], dtg[p - 1:p + 2], 2)
        if c[0] > 0:
            xv = -c[1] / (2 * c[0])
            if tt[p - 1] - tt[p] <= xv <= tt[p + 1] - tt[p]:
                peak_t = tt[p] + xv
                peak_d = np.polyval(c, xv)
    quiet = [i for i in range(p) if ok[i] and abs(dtg[i]) <= 0.05 * abs(peak_d)]
    b_end = tt[quiet[-1]] if quiet else tt[0]
    b_start = max(tt[0], b_end - 30.0)
    sel = (tt >= b_start) & (tt <= b_end)
    if sel.sum() < 2:
        sel = np.arange(len(tt)) < 3
    slope, icpt = np.polyfit(temp[sel], pct[sel], 1)
    m_peak = np.interp(peak_t, tt, smooth)
    onset = (m_peak - peak_d * peak_t - icpt) / (slope - peak_d)
    return {"dtg_peak_C": float(peak_t), "dtg_peak_pct_per_K": float(peak_d), "onset_iso_C": float(onset),
            "baseline_C": [float(b_start), float(b_end)], "window_points": w, "rows_heating": end + 1}


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    out = {
        "pyTGA_TAInstruments_example_file.txt": analyse(*ta(os.path.join(d, "pyTGA_TAInstruments_example_file.txt"))),
        "pyTGA_MettlerToledo_example_file.txt": analyse(*mettler(os.path.join(d, "pyTGA_MettlerToledo_example_file.txt"))),
        "macfp_UMD_TGA_N2_10K.csv": analyse(*macfp(os.path.join(d, "macfp_UMD_TGA_N2_10K.csv")), by_temperature=True),
    }
    here = os.path.dirname(os.path.abspath(__file__))
    target = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "tga_oracle.json")
    with open(target, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
