"""Execute a notebook on the Deno kernel and export it as self-contained HTML.

Run with Debian's /usr/bin/python3 (nbclient 0.7.2, nbconvert 6.5.3):

    /usr/bin/python3 execute_notebook.py in.ipynb out.html \
        [--timeout 120] [--kernel-dir DIR] [--cwd DIR] [--kernel assay] \
        [--allow-errors] [--no-input] [--quiet-ms 300]

The Deno 2.9.6 kernel may publish `status: idle` before a cell's outputs
(TOOLCHAIN.md, DEFECT 2); plain nbclient stops reading IOPub at idle and drops
them. `DrainingClient` keeps reading until no message for the cell has arrived
for --quiet-ms milliseconds. Exit status: 0 ok, 1 a cell failed (its error on
stderr), 2 bad usage or a harness failure.
"""
import argparse
import asyncio
import math
import os
import re
import sys
import time
import warnings
from queue import Empty

warnings.filterwarnings("ignore", message=".*missing an id field.*")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input", help="the notebook to execute (.ipynb)")
    p.add_argument("output", help="the HTML file to write")
    p.add_argument("--timeout", type=float, default=120, help="seconds per cell (default 120)")
    p.add_argument("--kernel-dir", help="a folder holding kernels/<name>/kernel.json, put first on JUPYTER_PATH")
    p.add_argument("--kernel", default="assay", help="kernel name (default assay)")
    p.add_argument("--cwd", help="the kernel's working folder (default: the notebook's folder)")
    p.add_argument("--allow-errors", action="store_true", help="keep going and export when a cell fails")
    p.add_argument("--no-input", action="store_true", help="leave code cells' source out of the HTML")
    p.add_argument("--quiet-ms", type=float, default=300, help="IOPub quiet time after idle (default 300)")
    return p.parse_args(argv)


args = parse_args(sys.argv[1:])
if args.kernel_dir:
    kernel_dir = os.path.abspath(args.kernel_dir)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [kernel_dir] + [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    )

import nbformat  # noqa: E402  (after JUPYTER_PATH is set)
from nbclient import NotebookClient  # noqa: E402
from nbclient.exceptions import CellExecutionComplete, CellExecutionError  # noqa: E402
from nbclient.util import ensure_async  # noqa: E402
from nbconvert import HTMLExporter  # noqa: E402


class DrainingClient(NotebookClient):
    """nbclient that keeps reading a cell's IOPub messages after `idle`."""

    quiet_seconds = 0.3

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                break
        # Idle seen: drain until the channel has been quiet for this cell.
        deadline = time.monotonic() + self.quiet_seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=remaining))
            except (Empty, asyncio.TimeoutError):
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass
            deadline = time.monotonic() + self.quiet_seconds


# A script or stylesheet from a CDN (https://, //) or from this machine's disk (file://, such as
# nbconvert's <script src="file:///usr/share/javascript/requirejs/require.min.js">): dead links
# in a page that is published or mailed.
REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:|file:)?//[^>]*>\s*</script>\s*", re.IGNORECASE
)
REMOTE_LINK = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:|file:)?//[^>]*>\s*", re.IGNORECASE
)
TITLE = re.compile(r"^#\s+(.+)$", re.MULTILINE)
MATHJAX_CONFIG = re.compile(
    r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->\s*", re.IGNORECASE | re.DOTALL
)


def self_contained(html):
    """Drop CDN and file:// references (require.js, MathJax): the report needs no network and no
    file of this machine."""
    html = MATHJAX_CONFIG.sub("", html)
    html = REMOTE_SCRIPT.sub("", html)
    html = REMOTE_LINK.sub("", html)
    return html


def page_title(nb):
    """The page's <title>: the first markdown heading (`# assay — run report`), else "Notebook"."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = TITLE.search(cell.source)
            if found:
                return found.group(1).strip()
    return "Notebook"


# A kernel that dies before it answers kernel_info ran no cell (seen once under a load average of
# 20 on 2 cores): it is started again, at most this many times in all.
KERNEL_STARTS = 2


def main():
    cwd = os.path.abspath(args.cwd or os.path.dirname(os.path.abspath(args.input)))
    DrainingClient.quiet_seconds = args.quiet_ms / 1000
    try:
        for start in range(1, KERNEL_STARTS + 1):
            with open(args.input, encoding="utf-8") as f:
                nb = nbformat.read(f, as_version=4)
            client = DrainingClient(
                nb,
                timeout=max(1, math.ceil(args.timeout)),
                kernel_name=args.kernel,
                allow_errors=args.allow_errors,
                resources={"metadata": {"path": cwd}},
            )
            try:
                client.execute()
                break
            except RuntimeError as error:
                if "before replying to kernel_info" not in str(error) or start == KERNEL_STARTS:
                    raise
    except CellExecutionError as error:
        print(f"Cannot execute notebook \"{args.input}\": a cell failed:\n{str(error).strip()}", file=sys.stderr)
        return 1
    except Exception as error:  # timeouts, a dead kernel, a missing kernel spec
        print(f"Cannot execute notebook \"{args.input}\": {type(error).__name__}: {error}", file=sys.stderr)
        return 2

    exporter = HTMLExporter()
    if args.no_input:
        exporter.exclude_input = True
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": page_title(nb)}})
    out = os.path.abspath(args.output)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(self_contained(body))
    os.replace(tmp, out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # a harness failure, not a cell's
        print(f"Cannot execute notebook \"{args.input}\": {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(2)
