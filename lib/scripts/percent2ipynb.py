"""Authoring aid: turn a 'percent' text file into an output-free notebook for the `java` kernel.

The committed .ipynb is the source of truth; this only saves typing JSON by hand. Format:

    //%% [markdown]
    # A heading
    Plain markdown lines.
    //%%
    var x = 1;            <- a code cell
    //%% tags=figure       <- a code cell tagged 'figure' (must produce image/png)
    //%% expect=^mean shift = [0-9.]+ eV$ | expect=^n = 3$   <- regexes its stdout must match

Usage: python3 percent2ipynb.py SOURCE.txt OUT.ipynb
"""
import re
import sys

import nbformat


def convert(text):
    cells = []
    kind, meta, buf = None, {}, []

    def flush():
        if kind is None:
            return
        src = "\n".join(buf).strip("\n")
        if kind == "markdown":
            cells.append(nbformat.v4.new_markdown_cell(src))
        else:
            c = nbformat.v4.new_code_cell(src)
            c.metadata.update(meta)
            cells.append(c)

    for line in text.splitlines():
        m = re.match(r"^//%%\s*(.*)$", line)
        if m:
            flush()
            head = m.group(1).strip()
            buf, meta = [], {}
            if head.startswith("[markdown]"):
                kind = "markdown"
            else:
                kind = "code"
                for part in [p.strip() for p in head.split(" | ") if p.strip()]:
                    if part.startswith("tags="):
                        meta["tags"] = [t for t in part[5:].split(",") if t]
                    elif part.startswith("expect="):
                        meta.setdefault("cathodekit", {}).setdefault("expect", []).append(part[7:])
                    else:
                        raise SystemExit(f"unknown cell option {part!r}")
        else:
            buf.append(line)
    flush()
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    nb.metadata["language_info"] = {"name": "java", "file_extension": ".jshell", "mimetype": "text/x-java-source"}
    return nb


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        nb = convert(f.read())
    nbformat.validate(nb)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
