"""Execute CathodeKit notebooks headless on a real Jupyter kernel and check them.

Used by ./reproduce (rendered results) and by the notebook tests in `mvn verify`. For each notebook:
execute every cell with nbclient on the named kernelspec (the notebooks' working folder is their
own folder), then check

  * no cell has an `error` output and no cell wrote to stderr;
  * every cell tagged `figure` has an `image/png` output;
  * every regex listed in a cell's metadata `cathodekit.expect` matches that cell's stdout.

It writes, under --out: the executed notebook, an HTML rendering (--html), the PNG figures, and
summary.tsv (notebook, kernel, status, seconds, kernel start seconds, key numbers, first problem).
Lines printed as `KEY name = value` are the key numbers. Committed notebooks are never modified.
Exit code: 0 when every notebook passed, 1 otherwise, 2 for bad arguments.
"""
import argparse
import base64
import os
import re
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient


def atomic_write(path, data, mode="w"):
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def cell_stdout(cell):
    return "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream" and o.get("name") == "stdout")


def check(nb):
    problems, keys = [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        label = f"cell {i}"
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                tb = " ".join(o.get("traceback", []))[:400]
                problems.append(f"{label}: {o.get('ename')}: {o.get('evalue', '')} {tb}".strip())
            if o.get("output_type") == "stream" and o.get("name") == "stderr":
                problems.append(f"{label}: wrote to stderr: {o.get('text', '')[:300]!r}")
        tags = cell.get("metadata", {}).get("tags", [])
        if "figure" in tags and not any("image/png" in o.get("data", {}) for o in cell.get("outputs", [])):
            problems.append(f"{label}: tagged 'figure' but has no image/png output")
        out = cell_stdout(cell)
        for rx in cell.get("metadata", {}).get("cathodekit", {}).get("expect", []):
            if not re.search(rx, out, re.MULTILINE):
                problems.append(f"{label}: stdout does not match expected /{rx}/; stdout was {out[-300:]!r}")
        for m in re.finditer(r"^KEY (\S+) = (.+)$", out, re.MULTILINE):
            keys.append(f"{m.group(1)}={m.group(2).strip()}")
    return problems, keys


def execute(path, kernel, timeout, startup_timeout, kernel_log):
    """One attempt: returns (executed notebook, kernel start seconds or nan, fatal error or None)."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, startup_timeout=startup_timeout,
                            allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    t0 = time.time()
    kernel_start = float("nan")
    fatal = None
    try:
        # the kernel's own stdout/stderr (logging, classpath echo) go to a log file, not into ours
        with client.setup_kernel(stdout=kernel_log, stderr=kernel_log):
            kernel_start = time.time() - t0
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
    except Exception as e:  # kernel died, timed out, could not start
        fatal = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
    return nb, kernel_start, fatal


def run_one(path, kernel, out_dir, html, timeout, startup_timeout):
    stem = os.path.splitext(os.path.basename(path))[0]
    log_path = os.path.join(out_dir, "logs", f"{stem}.{kernel}.log") if out_dir else os.devnull
    if out_dir:
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
    t0 = time.time()
    notes = []
    with open(log_path, "w", encoding="utf-8") as kernel_log:
        # A kernel that never answers kernel_info (nan start time) is restarted, and each restart is
        # reported. Seen with rapaio-jupyter-kernel 3.0.1: in about one start in four its shell
        # channel never handles a message although its sockets listen and the client is connected
        # (jstack: the shell loop polls forever; it also happens when the client connects seconds
        # after the kernel bound its sockets, and for any socket bind order); a fresh start works,
        # though up to four hangs in a row were seen. Normal starts answer in 1-3 s, so early attempts
        # wait briefly and later ones longer (a slow machine still gets its time).
        waits = [min(startup_timeout, w) for w in (8, 8, 8, 12, 12, 20, 20, 30, 40)] + [startup_timeout]
        for attempt, wait in enumerate(waits, start=1):
            nb, kernel_start, fatal = execute(path, kernel, timeout, wait, kernel_log)
            if not (fatal and kernel_start != kernel_start):
                break
            if attempt < len(waits):
                notes.append(f"kernel did not answer within {wait} s on attempt {attempt} ({fatal}); restarted")
    seconds = time.time() - t0
    problems, keys = check(nb)
    if fatal:
        problems.insert(0, fatal)
    if out_dir:
        atomic_write(os.path.join(out_dir, stem + ".ipynb"), nbformat.writes(nb))
        fig_dir = os.path.join(out_dir, "figures")
        for i, cell in enumerate(nb.cells):
            k = 0
            for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
                png = o.get("data", {}).get("image/png")
                if png:
                    k += 1
                    atomic_write(os.path.join(fig_dir, f"{stem}-cell{i:02d}-{k}.png"),
                                 base64.b64decode(png), "wb")
        if html:
            from nbconvert import HTMLExporter
            body, _ = HTMLExporter().from_notebook_node(nb)
            atomic_write(os.path.join(out_dir, stem + ".html"), body)
    return {"notebook": stem, "kernel": kernel, "status": "ok" if not problems else "FAILED",
            "seconds": seconds, "kernel_start": kernel_start, "keys": keys, "problems": problems,
            "notes": notes}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="+", help="notebook files")
    ap.add_argument("--kernel", default="java", help="kernelspec name (default: java = IJava)")
    ap.add_argument("--out", help="folder for executed notebooks, HTML, figures and summary.tsv")
    ap.add_argument("--html", action="store_true", help="also render HTML")
    ap.add_argument("--timeout", type=int, default=900, help="per-cell timeout, seconds")
    ap.add_argument("--startup-timeout", type=int, default=60,
                    help="longest wait for a kernel to start, seconds (up to 10 attempts: 8 s first, growing to this)")
    a = ap.parse_args()
    for p in a.notebooks:
        if not os.path.isfile(p):
            print(f"run_notebooks: error: {p}: no such notebook", file=sys.stderr)
            return 2
    results = []
    for p in a.notebooks:
        r = run_one(p, a.kernel, a.out, a.html, a.timeout, a.startup_timeout)
        results.append(r)
        print(f"[{r['status']}] {r['notebook']} on {a.kernel}: {r['seconds']:.1f} s "
              f"(kernel start {r['kernel_start']:.1f} s)", flush=True)
        for pr in r["notes"] + r["problems"]:
            print(f"    {pr}", flush=True)
    lines = ["notebook\tkernel\tstatus\tseconds\tkernel_start_s\tkey_numbers\tfirst_problem"]
    for r in results:
        first = r["problems"][0].replace("\t", " ").replace("\n", " ")[:300] if r["problems"] else ""
        lines.append(f"{r['notebook']}\t{r['kernel']}\t{r['status']}\t{r['seconds']:.1f}\t"
                     f"{r['kernel_start']:.1f}\t{'; '.join(r['keys'])}\t{first}")
    if a.out:
        atomic_write(os.path.join(a.out, "summary.tsv"), "\n".join(lines) + "\n")
    w = max(len(r["notebook"]) for r in results)
    print()
    print(f"{'notebook':<{w}}  {'status':<6}  {'seconds':>7}  key reproduced numbers")
    for r in results:
        print(f"{r['notebook']:<{w}}  {r['status']:<6}  {r['seconds']:7.1f}  {'; '.join(r['keys'])}")
    return 0 if all(r["status"] == "ok" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
