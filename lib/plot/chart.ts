/**
 * Charts as HTML: Observable Plot rendered on a linkedom document, serialised
 * once, displayed as `text/html` (nbconvert 6.5.3 blanks `image/svg+xml`
 * outputs, so a chart must never be emitted as SVG; TOOLCHAIN.md DEFECT 1).
 * Marks given an `href` (Plot's channel) become links with `cursor: pointer`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

const SVG_NS = "http://www.w3.org/2000/svg";
/**
 * The Deno Jupyter kernel's display hook, `Symbol.for("Jupyter.display")`,
 * typed as the unique symbol {@link Chart} is keyed by.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { type Chart, chart, JUPYTER_DISPLAY } from "./chart.ts";
 * assert(JUPYTER_DISPLAY === Symbol.for("Jupyter.display"));
 * const c: Chart = chart({ marks: [Plot.frame()] });
 * assert(c[JUPYTER_DISPLAY]()["text/html"] === c.html);
 * ```
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;
const FONT = "font-family: system-ui, sans-serif;";
const TITLE_STYLE =
  `${FONT} font-size: 17px; font-weight: 600; margin: 0 0 2px 0; line-height: 1.3;`;
const SUBTITLE_STYLE =
  `${FONT} font-size: 13px; font-weight: 400; color: #4b5563; margin: 0 0 6px 0;`;
const CAPTION_STYLE = `${FONT} font-size: 12px; color: #6b7280; margin-top: 4px;`;

/** A rendered chart: its HTML, displayed by the Deno Jupyter kernel as `text/html`. */
export interface Chart {
  /** The chart's HTML: a `<figure>` (title, legend, `<svg>`) or a bare `<svg>`. */
  html: string;
  /** The Deno kernel's display hook. */
  [JUPYTER_DISPLAY](): { "text/html": string };
}

/** Plot options without `document` (the chart supplies its own). */
type ChartOptions = Omit<Plot.PlotOptions, "document">;

/**
 * Render a chart. Given Plot options, renders `Plot.plot({...options, document})`
 * on a fresh linkedom document; given a function, calls it with that document
 * and serialises the element it returns. Every `<svg>` gets an `xmlns` so the
 * markup also stands alone, and the result displays as `text/html`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { type Chart, chart, JUPYTER_DISPLAY } from "./chart.ts";
 * const c: Chart = chart({ title: "Squares", marks: [Plot.dot([1, 2, 3], { x: (d) => d, y: (d) => d * d })] });
 * assert(c.html.startsWith("<figure") && c.html.includes("<circle"));
 * assert(c[JUPYTER_DISPLAY]()["text/html"] === c.html);
 * ```
 *
 * @param build Plot options, or a function that builds an element on the given document.
 * @returns The chart.
 */
export function chart(build: ChartOptions | ((document: Document) => Element)): Chart {
  const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");
  const doc = document as unknown as Document;
  const element = typeof build === "function"
    ? build(doc)
    : Plot.plot({ ...build, document: doc }) as Element;
  if (element.tagName.toLowerCase() === "svg") element.setAttribute("xmlns", SVG_NS);
  for (const svg of element.querySelectorAll("svg")) svg.setAttribute("xmlns", SVG_NS);
  // A mark with an `href` (a link to its samples) shows a pointing hand.
  for (const a of element.querySelectorAll("a[href]")) a.setAttribute("style", "cursor: pointer");
  // Notebook themes restyle h2/h3 (huge headings); pin a chart's own title and subtitle.
  if (element.tagName.toLowerCase() === "figure") {
    element.setAttribute("style", `${element.getAttribute("style") ?? ""};margin:8px 0 16px`);
    for (const child of element.children) {
      const tag = child.tagName.toLowerCase();
      if (tag === "h2") child.setAttribute("style", TITLE_STYLE);
      if (tag === "h3") child.setAttribute("style", SUBTITLE_STYLE);
      if (tag === "figcaption") child.setAttribute("style", CAPTION_STYLE);
    }
  }
  // linkedom leaves "&" bare in attributes; a link's "&model=…" is written "&amp;model=…".
  const html = element.outerHTML.replace(
    / href="([^"]*)"/g,
    (_m, href: string) => ` href="${href.replace(/&(?!amp;)/g, "&amp;")}"`,
  );
  return htmlChart(html);
}

/** Wrap HTML as a {@link Chart}. */
function htmlChart(html: string): Chart {
  return {
    html,
    [JUPYTER_DISPLAY]: () => ({ "text/html": html }),
    toString: () => html,
  } as Chart;
}
