/**
 * A live Jupyter front end for tests: Debian's classic Notebook server on a loopback port with a
 * token, and Debian's Chromium driven by npm puppeteer-core (no browser is downloaded).
 */
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

/** The repository root. */
export const ROOT = new URL("../..", import.meta.url).pathname;

const NOTEBOOK_SERVER = "/usr/bin/jupyter-notebook";
const CHROMIUM = "/usr/bin/chromium";

/** Why a live front end cannot run here, or null when it can. */
export function liveUnavailable(): string | null {
  for (const [path, pkg] of [[NOTEBOOK_SERVER, "jupyter-notebook"], [CHROMIUM, "chromium"]]) {
    try {
      Deno.statSync(path);
    } catch {
      return `${path} is missing (apt-get install -y ${pkg}; ./assay installs it)`;
    }
  }
  return null;
}

/** A running notebook server and a browser page on it. */
export interface LiveJupyter {
  /** The browser page. */
  page: Page;
  /** Open a notebook (a path relative to the repository root) and wait for its kernel. */
  open(path: string): Promise<void>;
  /** Stop the browser and the server. */
  close(): Promise<void>;
}

/** A free loopback port. */
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/**
 * Start `jupyter-notebook` on 127.0.0.1 serving the repository, with `env` for its kernels, and
 * Chromium headless on it.
 */
export async function startLiveJupyter(env: Record<string, string>): Promise<LiveJupyter> {
  const port = freePort();
  const token = crypto.randomUUID().replaceAll("-", "");
  const home = await Deno.makeTempDir({ prefix: "live-jupyter-" });
  const server = new Deno.Command(NOTEBOOK_SERVER, {
    args: [
      "--no-browser",
      "--allow-root",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=0",
      `--NotebookApp.token=${token}`,
      `--notebook-dir=${ROOT}`,
    ],
    cwd: ROOT,
    // The kernel spec ./assay installed ("Deno (assay)") is found in the user's data folder.
    env: {
      ...env,
      JUPYTER_RUNTIME_DIR: join(home, "runtime"),
      JUPYTER_CONFIG_DIR: join(home, "config"),
    },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const log: string[] = [];
  const drain = async (stream: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    for await (const chunk of stream) log.push(decoder.decode(chunk, { stream: true }));
  };
  const drained = Promise.all([drain(server.stdout), drain(server.stderr)]);
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close().catch(() => {});
    try {
      server.kill("SIGTERM");
    } catch { /* gone */ }
    await server.status;
    await drained;
    await Deno.remove(home, { recursive: true }).catch(() => {});
  };
  try {
    const deadline = Date.now() + 60_000;
    while (!log.join("").includes(`127.0.0.1:${port}`)) {
      if (Date.now() > deadline) throw new Error(`jupyter-notebook did not start: ${log.join("")}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    return {
      page,
      async open(path) {
        await page.goto(`http://127.0.0.1:${port}/notebooks/${path}?token=${token}`, {
          waitUntil: "load",
        });
        await page.waitForFunction(
          () => {
            // deno-lint-ignore no-explicit-any
            const nb = (globalThis as any).Jupyter?.notebook;
            return nb?.kernel?.is_connected() && nb.kernel_busy === false;
          },
          { timeout: 60_000, polling: 200 },
        );
        // Never write the test's outputs back to the file.
        // deno-lint-ignore no-explicit-any
        await page.evaluate(() => (globalThis as any).Jupyter.notebook.set_autosave_interval(0));
      },
      close,
    };
  } catch (error) {
    await close();
    throw new Error(`${(error as Error).message}\n--- jupyter-notebook log ---\n${log.join("")}`);
  }
}

/** What a code cell shows, read from the live page. */
export interface CellView {
  /** The cell's source. */
  source: string;
  /** Its execution count (null: never ran; "*": running). */
  prompt: number | string | null;
  /** Its outputs: type, and the execution count an execute_result carries. */
  outputs: { type: string; count: number | null; text: string }[];
  /** The `Out[N]` numbers shown in the cell's DOM. */
  outPrompts: number[];
}

/** Every code cell of the open notebook, as the page shows it. */
export function cells(page: Page): Promise<CellView[]> {
  return page.evaluate(() => {
    // deno-lint-ignore no-explicit-any
    const nb = (globalThis as any).Jupyter.notebook;
    // deno-lint-ignore no-explicit-any
    return nb.get_cells().filter((c: any) => c.cell_type === "code").map((c: any) => ({
      source: c.get_text(),
      prompt: c.input_prompt_number ?? null,
      // deno-lint-ignore no-explicit-any
      outputs: c.output_area.outputs.map((o: any) => ({
        type: o.output_type,
        count: o.execution_count ?? null,
        text: [o.ename, o.evalue, o.text, o.data?.["text/plain"], o.data?.["text/html"]]
          .filter(Boolean).join(" ").slice(0, 2000),
      })),
      outPrompts: [...c.element[0].querySelectorAll(".output_prompt")]
        .map((e: Element) => e.textContent?.match(/Out\[(\d+)\]/)?.[1])
        .filter(Boolean).map(Number),
    }));
  });
}

/** Wait until no code cell is queued or running and the kernel is idle. */
export async function waitIdle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => {
      // deno-lint-ignore no-explicit-any
      const nb = (globalThis as any).Jupyter.notebook;
      // deno-lint-ignore no-explicit-any
      const code = nb.get_cells().filter((c: any) => c.cell_type === "code");
      // deno-lint-ignore no-explicit-any
      return nb.kernel_busy === false && code.every((c: any) => c.input_prompt_number !== "*");
    },
    { timeout: timeoutMs, polling: 250 },
  );
}
