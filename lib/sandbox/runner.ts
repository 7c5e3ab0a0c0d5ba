/**
 * The in-sandbox test runner. This file is copied into every job folder and
 * run with no permissions; it is not imported by the rest of assay.
 *
 * Protocol: the parent writes one JSON line on stdin, `{"nonce": "…",
 * "cases": ["name", …]}`, then closes stdin. The runner captures everything it
 * relies on (the stdout writer, JSON, the clock, exit) before the candidate's
 * code loads, imports `./tests.ts` (which imports `./solution.ts`), runs each
 * declared case in order and reports each on stdout as a line
 * `<nonce> <json>`. The nonce never leaves this module's closure, so the code
 * under test cannot imitate a report; a case that never reports is "missing".
 *
 * @module
 */

const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const stdinRead = Deno.stdin.read.bind(Deno.stdin);
const exit = Deno.exit.bind(Deno);
const stringify = JSON.stringify;
const parse = JSON.parse;
const now = performance.now.bind(performance);
const encode = TextEncoder.prototype.encode.bind(new TextEncoder());
const decode = TextDecoder.prototype.decode.bind(new TextDecoder());
const StringCtor = String;
const ReflectGet = Reflect.get;
const ObjectHasOwn = Object.hasOwn;

async function readConfig(): Promise<{ nonce: string; cases: string[] }> {
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(65536);
  let total = 0;
  for (;;) {
    const n = await stdinRead(buf);
    if (n === null) break;
    chunks.push(buf.slice(0, n));
    total += n;
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return parse(decode(all));
}

function describe(error: unknown): { assertion: boolean; message: string } {
  try {
    if (error !== null && typeof error === "object") {
      const name = StringCtor(ReflectGet(error, "name") ?? "Error");
      const message = StringCtor(ReflectGet(error, "message") ?? "");
      const code = ReflectGet(error, "code");
      return {
        assertion: name === "AssertionError" || code === "ERR_ASSERTION",
        message: `${name}: ${message}`,
      };
    }
    return { assertion: false, message: `thrown non-Error value: ${StringCtor(error)}` };
  } catch {
    return { assertion: false, message: "thrown value could not be described" };
  }
}

// A stray rejection in the candidate's code must not end the run: the case that
// awaited it has already reported, and later cases still deserve a verdict.
globalThis.addEventListener("unhandledrejection", (event) => event.preventDefault());

const config = await readConfig();
const nonce = config.nonce;
const report = (record: Record<string, unknown>) => {
  stdoutWrite(encode(`\n${nonce} ${stringify(record)}\n`));
};

let cases: Record<string, unknown>;
try {
  const mod = await import("./tests.ts");
  cases = mod.cases;
  if (cases === null || typeof cases !== "object") {
    throw new TypeError("tests.ts does not export `cases`");
  }
} catch (error) {
  report({ type: "load_error", message: describe(error).message });
  exit(0);
  throw error; // unreachable: exit() does not return
}

for (const name of config.cases) {
  const started = now();
  const fn = ObjectHasOwn(cases, name) ? cases[name] : undefined;
  if (typeof fn !== "function") {
    report({
      type: "case",
      name,
      status: "error",
      message: `test case "${name}" is not defined in tests.ts`,
      ms: 0,
    });
    continue;
  }
  try {
    await fn();
    report({ type: "case", name, status: "pass", message: "", ms: now() - started });
  } catch (error) {
    const { assertion, message } = describe(error);
    report({
      type: "case",
      name,
      status: assertion ? "fail" : "error",
      message,
      ms: now() - started,
    });
  }
}
report({ type: "done" });
exit(0);
