"""Independent numpy re-implementation of the GITT eq. 2 analysis, to cross-check `cathodekit gitt`.

Usage (after `java -cp lib/target/cathodekit-0.1.0-cli.jar org.cathodekit.bench.GittBenchmark FILE`):

    ./cathodekit gitt --input FILE --radius-um 2 --json > out.json
    /usr/bin/python3 lib/bench/gitt_numpy_check.py FILE out.json 2e-6

Reads the generic CSV (`time/s,Ewe/V,I/mA`), finds pulses with the same hysteresis rule
(on = I_typ/2, off = I_typ/4, I_typ = median |I| above 5 % of max), fits E vs sqrt(t - t0) over
10-20 s^0.5 with numpy.polyfit and evaluates D = 4/(9 pi) (r dEs / (tau slope))^2. Prints the
largest relative difference to the Java results.
"""
import json
import sys

import numpy as np


def main(csv, js, radius):
    data = np.loadtxt(csv, delimiter=",", skiprows=1, comments="#")
    t, v, i = data[:, 0], data[:, 1], data[:, 2] * 1e-3
    a = np.abs(i)
    typ = np.median(a[a > 0.05 * a.max()])
    on, off = typ / 2, typ / 4
    segs, active, start, sign = [], False, 0, 0.0
    for k in range(len(i)):
        if active and (a[k] < off or (np.sign(i[k]) != sign and a[k] >= off)):
            segs.append((start, k - 1))
            active = False
        if not active and a[k] > on:
            active, start, sign = True, k, np.sign(i[k])
    if active:
        segs.append((start, len(i) - 1))
    d = []
    for n, (s, e) in enumerate(segs):
        if s == 0 or e == len(i) - 1:
            continue
        nxt = segs[n + 1][0] if n + 1 < len(segs) else len(i)
        tau = t[e] - t[s]
        des = v[nxt - 1] - v[s - 1]
        x = np.sqrt(t[s:e + 1] - t[s])
        m = (x >= 10) & (x <= 20)
        slope = np.polyfit(x[m], v[s:e + 1][m], 1)[0]
        d.append(4 / (9 * np.pi) * (radius * des / (tau * slope)) ** 2)
    java = [p["D_m2_s"] for p in json.load(open(js))["pulses"]]
    d = np.array(d)
    java = np.array(java)
    print(f"pulses: numpy {len(d)}, java {len(java)}")
    rel = np.abs(d - java) / np.abs(d)
    print(f"max relative difference of D: {rel.max():.3e}")
    return 0 if len(d) == len(java) and rel.max() < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], float(sys.argv[3])))
