/**
 * The sample browser's script and style, bundled from `lib/report/browser/`
 * and the npm packages it uses (Observable Inputs, highlight.js, diff) by
 * esbuild into one minified script and one stylesheet that a page embeds: no
 * CDN, no server, works from `file://`. Built once per process.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";

/** The bundled script and stylesheet. */
export interface BrowserBundle {
  /** The script (an IIFE that mounts every `.assay-sb` element of the page). */
  js: string;
  /** The stylesheet. */
  css: string;
}

let built: Promise<BrowserBundle> | undefined;

/**
 * Bundle the browser-side code (cached for the life of the process).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { browserBundle } from "./browser_bundle.ts";
 * const { js, css } = await browserBundle();
 * assert.ok(js.includes("assayMountSampleBrowsers") && css.includes(".assay-sb"));
 * ```
 *
 * @returns The script and the stylesheet.
 * @throws {Error} `Cannot bundle the sample browser: <esbuild's message>` when esbuild fails.
 */
export function browserBundle(): Promise<BrowserBundle> {
  built ??= build().catch((error) => {
    built = undefined;
    throw new Error(`Cannot bundle the sample browser: ${error.message ?? error}`, {
      cause: error,
    });
  });
  return built;
}

async function build(): Promise<BrowserBundle> {
  const dir = fileURLToPath(new URL("./browser/", import.meta.url));
  try {
    const result = await esbuild.build({
      entryPoints: [`${dir}client.ts`, `${dir}browser.css`],
      bundle: true,
      minify: true,
      format: "iife",
      platform: "browser",
      target: "es2022",
      write: false,
      outdir: "/assay-browser",
      logLevel: "silent",
    });
    const text = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))!.text;
    // A script's text must never close the <script> element it is embedded in.
    return { js: text(".js").replaceAll("</script", "<\\/script"), css: text(".css") };
  } finally {
    await esbuild.stop();
  }
}
