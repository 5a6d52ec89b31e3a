"""Execute CathodeKit notebooks headless on a real Jupyter kernel and check them.

Used by ./reproduce (rendered results) and by the notebook tests in `mvn verify`. For each notebook:
execute every cell with nbclient on the named kernelspec (the notebooks' working folder is their
own folder), then check

  * no cell has an `error` output and no cell wrote to stderr;
  * every cell tagged `figure` has an `image/png` output;
  * every regex listed in a cell's metadata `cathodekit.expect` matches that cell's stdout.

Key numbers and "paper vs reproduced" rows travel as output metadata (`cathodekit.keys`: name ->
{value, origin}; `cathodekit.comparison`: a list of rows), written by the library (Nb.key,
PaperComparison.show) and invisible in the rendered page; `KEY name = value` stdout lines (older
notebooks) are read too. A cell's `cathodekit.expect` regexes are matched against its stdout plus
one `KEY name = value` line per key it reported.

It writes, under --out: the executed notebook, an HTML rendering (--html) and index.html (a
supplement page linking every rendered notebook above the summary table of all comparisons), the
PNG figures, and summary.tsv (notebook, kernel, status, seconds, kernel start seconds, key numbers,
first problem, number of text/html outputs). Files get the permissions of the umask (as cp would),
not mkstemp's 0600. Committed notebooks are never modified.
Exit code: 0 when every notebook passed, 1 otherwise, 2 for bad arguments.
"""
import argparse
import base64
import html as htmllib
import os
import re
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient


def _umask():
    m = os.umask(0)
    os.umask(m)
    return m


def atomic_write(path, data, mode="w"):
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=d, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a result file is as readable as cp makes it
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


def ck_meta(o):
    return (o.get("metadata") or {}).get("cathodekit") or {}


def cell_keys(cell):
    """[(name, value, origin)] reported by a cell: metadata keys, comparison keys, legacy KEY lines."""
    out = []
    for o in cell.get("outputs", []):
        m = ck_meta(o)
        for name, k in (m.get("keys") or {}).items():
            out.append((name, str(k.get("value", "")), k.get("origin", "")))
        for row in m.get("comparison") or []:
            if row.get("key"):
                out.append((row["key"], str(row.get("value", "")), row.get("origin", "")))
    for m in re.finditer(r"^KEY (\S+) = (.+)$", cell_stdout(cell), re.MULTILINE):
        out.append((m.group(1), m.group(2).strip(), ""))
    return out


def comparisons(nb):
    rows = []
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            rows.extend(ck_meta(o).get("comparison") or [])
    return rows


def is_key_only(o):
    """An output that only carries key metadata (empty text): dropped from the HTML rendering."""
    d = o.get("data") or {}
    return bool(ck_meta(o).get("keys")) and all(not str(v).strip() for v in d.values())


def html_outputs(nb):
    return sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
               if str((o.get("data") or {}).get("text/html", "")).strip())


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
        ks = cell_keys(cell)
        out = cell_stdout(cell)
        checked = out + "".join(f"\nKEY {n} = {v}" for n, v, _ in ks if f"KEY {n} = " not in out)
        for rx in cell.get("metadata", {}).get("cathodekit", {}).get("expect", []):
            if not re.search(rx, checked, re.MULTILINE):
                problems.append(f"{label}: stdout does not match expected /{rx}/; stdout was {checked[-300:]!r}")
        keys.extend(ks)
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
            shown = nbformat.reads(nbformat.writes(nb), as_version=4)
            for cell in shown.cells:
                if cell.cell_type == "code":
                    cell.outputs = [o for o in cell.outputs if not is_key_only(o)]
            body, _ = HTMLExporter().from_notebook_node(shown)
            atomic_write(os.path.join(out_dir, stem + ".html"), body)
    return {"notebook": stem, "kernel": kernel, "status": "ok" if not problems else "FAILED",
            "seconds": seconds, "kernel_start": kernel_start, "keys": keys, "problems": problems,
            "notes": notes, "comparisons": comparisons(nb), "html_outputs": html_outputs(nb),
            "title": title_of(nb, stem)}


def title_of(nb, stem):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return stem


def key_text(k):
    name, value, origin = k
    return f"{name}={value}" + (f" [{origin}]" if origin else "")


def index_html(results, kernel):
    """The supplement page: every rendered notebook, then all paper-vs-reproduced rows."""
    e = htmllib.escape
    cell = 'style="border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top"'
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>CathodeKit reproduction</title>",
             "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;line-height:1.4}"
             "table{border-collapse:collapse;font-size:0.92em}th{background:#f3f3f3}"
             ".synthetic{color:#8a5a00}.real{color:#1b6e20}.notrun{color:#777}</style></head><body>",
             "<h1>CathodeKit: reproduced analyses</h1>",
             f"<p>Executed headless on the <code>{e(kernel)}</code> kernel. Each notebook sets the papers' "
             "numbers beside the reproduced ones; the <b>origin</b> column says whether a value comes from "
             "synthetic data (with the value the generator planted) or from a real file. Print-quality "
             "figures (PNG at 300 dpi, SVG, PDF) are in <a href='figures-print/'>figures-print/</a>.</p>",
             "<h2>Notebooks</h2><table><tr><th " + cell + ">notebook</th><th " + cell + ">status</th><th " + cell
             + ">seconds</th></tr>"]
    for r in results:
        parts.append(f"<tr><td {cell}><a href='{e(r['notebook'])}.html'>{e(r['title'])}</a></td>"
                     f"<td {cell}>{e(r['status'])}</td><td {cell}>{r['seconds']:.0f}</td></tr>")
    parts.append("</table><h2>Paper vs reproduced</h2><table><tr>")
    for h in ("notebook", "quantity", "paper (source)", "reproduced", "origin"):
        parts.append(f"<th {cell}>{h}</th>")
    parts.append("</tr>")
    for r in results:
        for row in r["comparisons"]:
            origin = row.get("origin", "")
            detail = row.get("origin_detail", "")
            cls = {"synthetic": "synthetic", "real": "real"}.get(origin, "notrun")
            otext = origin + ((" (" + detail + ")") if origin == "synthetic" and detail else (": " + detail if detail else ""))
            paper = row.get("paper", "") + (f" ({row['source']})" if row.get("source") else "")
            parts.append(f"<tr><td {cell}><a href='{e(r['notebook'])}.html'>{e(r['notebook'][:2])}</a></td>"
                         f"<td {cell}>{e(row.get('quantity', ''))}</td><td {cell}>{e(paper)}</td>"
                         f"<td {cell}><b>{e(row.get('reproduced', ''))}</b></td><td {cell} class='{cls}'>{e(otext)}</td></tr>")
    parts.append("</table></body></html>\n")
    return "".join(parts)


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
    lines = ["notebook\tkernel\tstatus\tseconds\tkernel_start_s\tkey_numbers\tfirst_problem\thtml_outputs"]
    for r in results:
        first = r["problems"][0].replace("\t", " ").replace("\n", " ")[:300] if r["problems"] else ""
        lines.append(f"{r['notebook']}\t{r['kernel']}\t{r['status']}\t{r['seconds']:.1f}\t"
                     f"{r['kernel_start']:.1f}\t{'; '.join(key_text(k) for k in r['keys'])}\t{first}\t{r['html_outputs']}")
    if a.out:
        atomic_write(os.path.join(a.out, "summary.tsv"), "\n".join(lines) + "\n")
        if a.html:
            atomic_write(os.path.join(a.out, "index.html"), index_html(results, a.kernel))
    w = max(len(r["notebook"]) for r in results)
    print()
    print(f"{'notebook':<{w}}  {'status':<6}  {'seconds':>7}  key reproduced numbers [origin of the data: synthetic = planted truth, real = measured file]")
    for r in results:
        print(f"{r['notebook']:<{w}}  {r['status']:<6}  {r['seconds']:7.1f}  {'; '.join(key_text(k) for k in r['keys'])}")
    return 0 if all(r["status"] == "ok" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
