/**
 * Computing EvalPlus expected outputs: running each task's reference on its inputs once, at
 * import time, and reading back every input and output as a Python literal with the
 * reference's time. The default runs Debian's `/usr/bin/python3` in a temporary folder; the
 * importer takes any {@link ComputeExpected}, so the same step can later run in assay's sandbox.
 *
 * @module
 */
import { join } from "node:path";

/** One task's reference and inputs. */
export interface ExpectedJob {
  /** Matches the job to its result (the record's `task_id`). */
  id: string;
  /** The reference program (it defines `entry`). */
  reference: string;
  /** The function to call with each input's arguments. */
  entry: string;
  /**
   * The record's JSON text. Python reads `base_input` and `plus_input` from it itself, so
   * `1.0` stays a float and integers beyond 2^53 stay exact (JavaScript would change both).
   */
  record: string;
}

/** The reference's result for one input. */
export interface ExpectedOutput {
  /** The arguments as Python source, e.g. `[1.0, 2.0], 0.5`. */
  args: string;
  /** The return value as a Python literal; null when `error` is set. */
  expected: string | null;
  /** Whether the value is a float or a non-empty list or tuple of floats (EvalPlus's `is_floats`). */
  floats: boolean;
  /** The reference's time for this input, ms. */
  ms: number;
  /** `<Type>: <message>` when the reference raised, timed out or returned a value that is not a literal. */
  error: string | null;
}

/** The results of one job. */
export interface ExpectedResult {
  /** The job's id. */
  id: string;
  /** One output per `base_input` entry, in order. */
  base: ExpectedOutput[];
  /** One output per `plus_input` entry, in order. */
  plus: ExpectedOutput[];
  /** `<Type>: <message>` when the reference did not load (then base and plus are empty). */
  error: string | null;
}

/** Runs the references of several tasks; one result per job, in order. */
export type ComputeExpected = (jobs: ExpectedJob[]) => Promise<ExpectedResult[]>;

/** Options for {@link pythonExpected}. */
export interface PythonExpectedOptions {
  /** The interpreter. @default "/usr/bin/python3" */
  python?: string;
  /** A limit for one input, seconds. @default 20 */
  inputSeconds?: number;
  /** A limit for the whole process, ms. @default 600000 */
  timeoutMs?: number;
}

const SCRIPT = String.raw`
import contextlib, copy, io, json, math, signal, sys, time
sys.set_int_max_str_digits(0)
sys.setrecursionlimit(10000)

def lit(v):
    t = type(v)
    if t is int:
        return hex(v) if v.bit_length() > 13000 else repr(v)
    if v is None or t in (bool, str, bytes, complex):
        return repr(v)
    if t is float:
        if math.isnan(v):
            return 'float("nan")'
        if math.isinf(v):
            return 'float("inf")' if v > 0 else '-float("inf")'
        return repr(v)
    if t is list:
        return "[" + ", ".join(lit(x) for x in v) + "]"
    if t is tuple:
        items = [lit(x) for x in v]
        return "(" + items[0] + ",)" if len(items) == 1 else "(" + ", ".join(items) + ")"
    if t is dict:
        return "{" + ", ".join(lit(k) + ": " + lit(x) for k, x in v.items()) + "}"
    if t is set:
        return "{" + ", ".join(lit(x) for x in v) + "}" if v else "set()"
    if t is frozenset:
        return "frozenset({" + ", ".join(lit(x) for x in v) + "})" if v else "frozenset()"
    raise TypeError("a %s is not a plain value" % t.__name__)

def floats(x):
    if isinstance(x, float):
        return True
    return isinstance(x, (list, tuple)) and len(x) > 0 and all(isinstance(i, float) for i in x)

def alarm(*_):
    raise TimeoutError("the reference took longer than %s s" % limit)

def described(e):
    return "%s: %s" % (type(e).__name__, str(e)[:300])

jobs_path, out_path, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
signal.signal(signal.SIGALRM, alarm)
results = []
for job in json.load(open(jobs_path)):
    result = {"id": job["id"], "base": [], "plus": [], "error": None}
    results.append(result)
    namespace = {"__name__": "reference"}
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            exec(compile(job["reference"], "reference.py", "exec"), namespace)
        fn = namespace[job["entry"]]
    except BaseException as e:
        result["error"] = described(e)
        continue
    record = json.loads(job["record"])
    for kind in ("base", "plus"):
        for args in record.get(kind + "_input") or []:
            args = list(args) if isinstance(args, (list, tuple)) else [args]
            out = {"args": ", ".join(lit(a) for a in args), "expected": None, "floats": False,
                   "ms": 0, "error": None}
            try:
                call = copy.deepcopy(args)
                signal.setitimer(signal.ITIMER_REAL, limit)
                try:
                    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                        start = time.perf_counter()
                        value = fn(*call)
                        out["ms"] = (time.perf_counter() - start) * 1000
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                out["expected"] = lit(value)
                out["floats"] = floats(value)
            except BaseException as e:
                out["error"] = described(e)
            result[kind].append(out)
with open(out_path, "w") as f:
    json.dump(results, f)
`;

/**
 * A {@link ComputeExpected} that runs every job in one `python3` process (in a temporary
 * folder, the reference's output swallowed, each input under a time limit). Throws an Error
 * when the interpreter cannot run or the process fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonExpected } from "./evalplus_expected.ts";
 * const [result] = await pythonExpected()([{
 *   id: "t", entry: "half", reference: "def half(x):\n    return x / 2\n",
 *   record: '{"base_input": [[3], [1.0]], "plus_input": [[100000000000000000001]]}',
 * }]);
 * assert.deepEqual(result.base.map((o) => [o.args, o.expected, o.floats]), [["3", "1.5", true], ["1.0", "0.5", true]]);
 * assert.equal(result.plus[0].args, "100000000000000000001", "big integers stay exact");
 * ```
 */
export function pythonExpected(options: PythonExpectedOptions = {}): ComputeExpected {
  const python = options.python ?? "/usr/bin/python3";
  return async (jobs) => {
    if (jobs.length === 0) return [];
    const dir = await Deno.makeTempDir({ prefix: "assay-evalplus-" });
    try {
      await Deno.writeTextFile(join(dir, "expected.py"), SCRIPT);
      await Deno.writeTextFile(join(dir, "jobs.json"), JSON.stringify(jobs));
      let output;
      try {
        output = await new Deno.Command(python, {
          args: [
            "-B",
            "expected.py",
            "jobs.json",
            "results.json",
            String(options.inputSeconds ?? 20),
          ],
          cwd: dir,
          stdin: "null",
          stdout: "null",
          stderr: "piped",
          signal: AbortSignal.timeout(options.timeoutMs ?? 600_000),
        }).output();
      } catch (error) {
        throw new Error(
          `Cannot compute the expected outputs with "${python}": ${(error as Error).message}`,
          { cause: error },
        );
      }
      if (!output.success) {
        const stderr = new TextDecoder().decode(output.stderr).trim().split("\n").slice(-3);
        throw new Error(
          `Cannot compute the expected outputs with "${python}": it exited with code ${output.code}: ${
            stderr.join(" | ")
          }`,
        );
      }
      return JSON.parse(await Deno.readTextFile(join(dir, "results.json")));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  };
}
