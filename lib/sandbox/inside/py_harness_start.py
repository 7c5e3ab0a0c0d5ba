# assay's Python harness, continued: CPython's warm host, and the start. Not a module:
# lib/sandbox/python.ts concatenates py_harness*.py in order (this file last) into the one
# harness.py a job folder gets.

# ---------------------------------------------------------------------------------------------
# CPython's warm host (lib/sandbox/python_pool.ts with runtime "cpython"): `harness.py --serve`,
# under the same bubblewrap jail and prlimit caps as a strict job, runs one sample after another
# as the Pyodide host does (setup_pool, then serve per sample). One JSON line per sample on stdin,
# {"nonce", "cases", "dir"}: the sample's files are in `dir`, a read-only folder of the job
# mount the pool fills before it sends the line. (Forking a child per sample from a prepared
# parent, the other way to keep an interpreter warm, costs more here than it saves: every page
# the child touches is copied on a virtual machine where a page fault is dear; measured 40 ms a
# sample against 7 ms in one interpreter.)
def _read_line_from(fd, buffer):
    """The next line read from `fd` (bytes), or None at its end."""
    while b"\n" not in buffer[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            return None
        buffer[0] += chunk
    line, _, rest = buffer[0].partition(b"\n")
    buffer[0] = rest
    return line


def _serve_stdin():
    """CPython's warm host: serve the samples read from stdin until it ends."""
    # What the tests and the candidate read from stdin is an empty stream, as in a strict job.
    # The requests stay on another descriptor: a sample that reads it waits for a line that is
    # sent only after the sample's end (its time limit stops it); one that closes it ends the host
    # (the next sample goes to the strict runner).
    devnull = os.open("/dev/null", os.O_RDONLY)
    requests = os.dup(0)
    os.dup2(devnull, 0)
    os.close(devnull)
    setup_pool()
    buffer = [b""]
    while True:
        _state["armed"] = False
        line = _read_line_from(requests, buffer)
        if line is None:
            _exit(0)
        if not line.strip():
            continue
        text = line.decode("utf-8")
        os.chdir(json.loads(text)["dir"])
        serve(text)


sys.addaudithook(_hook)

if __name__ == "__main__":
    # The harness's own module is not the candidate's __main__: nothing of it stays reachable.
    sys.modules["__main__"] = types.ModuleType("__main__")
    if sys.argv[1:] == ["--serve"]:
        _serve_stdin()
    main(sys.stdin.read())
    if sys.platform != "emscripten":
        # Threads the candidate left running and its atexit handlers do not hold the process.
        os._exit(0)
