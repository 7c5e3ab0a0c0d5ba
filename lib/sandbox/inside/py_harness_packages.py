# assay's Python harness, continued: the job's declared packages. Not a module: lib/sandbox/python.ts
# concatenates py_harness*.py in order (py_harness_views.py comes before this file) into the
# one harness.py a job folder gets.

# ---------------------------------------------------------------------------------------------
# Declared packages (a task's `pythonPackages`): under CPython the sandbox mounts exactly those,
# read-only, in one folder (lib/sandbox/python_packages.ts: /pkgs) and names it in the config
# line as `packages`. The folder goes on sys.path after the standard library (a package cannot
# shadow a standard-library module), before anything is imported from it: the packages tests.py
# and solution.py import are then loaded with the standard library's modules, before any
# candidate code, and watched like them.
def _packages(config):
    """Put the declared packages' folder, if the job has one, on sys.path."""
    folder = config.get("packages")
    if _type(folder) is str and folder.startswith("/") and folder not in sys.path:
        sys.path.append(_str_copy(folder))
