"""Independent reader and edge50 for Athena projects (oracle of AthenaProjectTest).

Reads the gzip'd project with Python's gzip + json (Demeter JSON) or regular expressions over the
Perl dump (older Demeter), shifts the energies by Athena's bkg_eshift (Athena's e0 and windows refer
to x + eshift), then for each group computes edge50 with numpy: straight lines fitted
(np.polyfit, degree 1) to mu in Athena's own pre-edge [e0+pre1, e0+pre2] and normalisation
[e0+nor1, e0+nor2] windows, normalised mu = (mu - pre) / (post - pre) (NaN where post <= pre: crossed lines), and the first upward crossing
of 0.5 in [e0-20, e0+20] by linear interpolation. Prints: label<TAB>points<TAB>e0<TAB>edge50.
"""
import gzip
import json
import re
import sys

import numpy as np


def perl_list(text, name):
    m = re.search(r"@" + name + r" = \((.*?)\);", text, re.S)
    if not m:
        return None
    return [float(v) for v in re.findall(r"'([^']*)'", m.group(1))]


def perl_arg(text, key):
    m = re.search(r"'" + key + r"',\s*'?([^',]*)'?", text)
    return m.group(1) if m else None


def groups(path):
    data = open(path, "rb").read()
    raw = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", "replace")
    if raw.lstrip().startswith("{"):
        d = json.loads(raw)
        for k in d.get("_____order", [k for k in d if not k.startswith("_____")]):
            g = d[k]
            a = g["args"]
            yield a.get("label", k), [float(v) for v in g["x"]], [float(v) for v in g["y"]], a
    else:
        for rec in raw.split("$old_group = ")[1:]:
            args = re.search(r"@args = \((.*?)\);\n", rec, re.S).group(1)
            a = {k: perl_arg(args, k) for k in ("bkg_e0", "bkg_eshift", "bkg_pre1", "bkg_pre2", "bkg_nor1", "bkg_nor2")}
            label = re.search(r"'label','((?:[^'\\]|\\.)*)'", args).group(1)
            yield label, perl_list(rec, "x"), perl_list(rec, "y"), a


for label, x, y, a in groups(sys.argv[1]):
    e = np.array(x) + float(a.get("bkg_eshift") or 0)
    mu = np.array(y)
    e0 = float(a["bkg_e0"])
    pre = (e >= e0 + float(a["bkg_pre1"])) & (e <= e0 + float(a["bkg_pre2"]))
    post = (e >= e0 + float(a["bkg_nor1"])) & (e <= e0 + float(a["bkg_nor2"]))
    p = np.polyfit(e[pre], mu[pre], 1)
    q = np.polyfit(e[post], mu[post], 1)
    den = np.polyval(q, e) - np.polyval(p, e)
    with np.errstate(divide="ignore", invalid="ignore"):
        n = np.where(den > 0, (mu - np.polyval(p, e)) / den, np.nan)
    idx = np.where((e >= e0 - 20) & (e <= e0 + 20))[0]
    edge = float("nan")
    for i, j in zip(idx[:-1], idx[1:]):
        if n[i] < 0.5 <= n[j]:
            edge = e[i] + (0.5 - n[i]) * (e[j] - e[i]) / (n[j] - n[i])
            break
    print("%s\t%d\t%.6f\t%.9f" % (label, len(e), e0, edge))
