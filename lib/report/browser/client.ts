/**
 * The sample browser in the page (bundled by `browserBundle()` into one
 * script): mounts every `.assay-sb` element of the page on its embedded
 * payload — filters (Observable Inputs selects and a text search), the list
 * (an Observable Inputs table, sortable by its headers, rows rendered lazily),
 * the detail of the open sample — and keeps the state in the URL fragment
 * (`#samples?…`), so a chart mark or a link opens a filtered view or one
 * sample. Keys: j / k next / previous sample, / search, Esc leaves the search.
 *
 * @module
 */
import * as ObservableInputs from "@observablehq/inputs";
import {
  parseSampleFilterHash,
  type SampleFilter,
  sampleFilterHash,
} from "../../record/sample_filter.ts";
import {
  type BrowserListPart,
  type BrowserPayload,
  type BrowserSample,
  DETAIL_CHUNK,
} from "./payload.ts";
import { fieldOptions, sampleMatcher, SELECT_FIELDS, type SelectField } from "./filter.ts";
import { detailHTML, STATUS_WORDS } from "./detail.ts";
import { duration, signed, usd } from "./format.ts";

/** Inputs' form elements carry a settable `value`. */
type InputForm = HTMLFormElement & { value: unknown };

/** The part of Observable Inputs used here (the package ships no types). */
const Inputs = ObservableInputs as unknown as {
  select(data: string[], options: Record<string, unknown>): InputForm;
  text(options: Record<string, unknown>): InputForm;
  table(data: BrowserSample[], options: Record<string, unknown>): InputForm;
};

/** The browser the keyboard drives: the last one clicked, else the first mounted. */
let active: { step(delta: number): void; focusSearch(): void } | undefined;

/** Decode one embedded part of the payload: base64 of gzip of JSON. */
async function unpack<T>(element: Element | null): Promise<T> {
  if (!element) throw new Error("a part of the data is missing from the page");
  const binary = atob((element.textContent ?? "").trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(new TextDecoder().decode(await new Response(stream).arrayBuffer())) as T;
}

/** The parts decoded on demand: a chunk of details when one of its samples opens, all for a search. */
function lazyParts(root: HTMLElement, payload: BrowserPayload) {
  const chunks = new Map<number, Promise<void>>();
  let extras: Promise<void> | undefined;
  const chunkCount = Math.ceil(payload.samples.length / DETAIL_CHUNK);
  let loaded = 0;
  const chunk = (c: number): Promise<void> => {
    if (!chunks.has(c)) {
      const element = root.querySelector(`script.sb-data[data-part="details"][data-chunk="${c}"]`);
      chunks.set(
        c,
        unpack<Partial<BrowserSample>[]>(element).then((details) => {
          details.forEach((d, j) => Object.assign(payload.samples[c * DETAIL_CHUNK + j], d));
          loaded++;
        }),
      );
    }
    return chunks.get(c)!;
  };
  return {
    /** The details of sample i, and the prompts and references. */
    sample(i: number): Promise<unknown> {
      extras ??= unpack<Pick<BrowserPayload, "prompts" | "references">>(
        root.querySelector('script.sb-data[data-part="extras"]'),
      ).then(({ prompts, references }) => void Object.assign(payload, { prompts, references }));
      return Promise.all([chunk(Math.floor(i / DETAIL_CHUNK)), extras]);
    },
    /** Every sample's details (answers and evidence, for the text search). */
    all(): Promise<unknown> {
      return Promise.all(Array.from({ length: chunkCount }, (_, c) => chunk(c)));
    },
    /** True when every chunk is decoded. */
    complete: () => loaded === chunkCount,
  };
}

/** The list's columns: those that tell samples apart in this payload. */
function listColumns(payload: BrowserPayload): string[] {
  const varies = (field: SelectField) => fieldOptions(payload.samples, field).length > 1;
  return [
    ...(payload.runs.length > 1 ? ["run"] : []),
    "task",
    "model",
    ...(varies("variant") ? ["variant"] : []),
    ...(varies("language") ? ["language"] : []),
    "sample",
    "status",
    "category",
    "weighted",
    "casesPassed",
    "totalMs",
    "costUsd",
  ];
}

const HEADERS: Record<string, string> = {
  run: "run",
  task: "task",
  model: "model",
  variant: "variant",
  language: "lang",
  sample: "#",
  status: "status",
  category: "failure",
  weighted: "weighted",
  casesPassed: "cases",
  totalMs: "total time",
  costUsd: "cost",
};

/** Mount one browser on its root element. */
function mount(root: HTMLElement, payload: BrowserPayload): void {
  const samples = payload.samples;
  const indexOf = new Map(samples.map((s, i) => [s.key, i]));
  const parts = lazyParts(root, payload);
  let state: SampleFilter = { ...payload.filter, ...parseSampleFilterHash(location.hash) };
  const bar = root.querySelector<HTMLElement>(".sb-filters")!;
  const count = root.querySelector<HTMLElement>(".sb-count")!;
  const listEl = root.querySelector<HTMLElement>(".sb-list")!;
  const detailEl = root.querySelector<HTMLElement>(".sb-detail")!;
  const columns = listColumns(payload);
  let rows: BrowserSample[] = [];
  let table: InputForm | undefined;

  const selects = new Map<SelectField, InputForm>();
  for (const [field, label] of SELECT_FIELDS) {
    const options = fieldOptions(samples, field);
    const wanted = state[field];
    if (wanted && !options.some(([v]) => v === wanted)) options.push([wanted, 0]);
    if (options.length < 2 && !wanted) continue;
    const counts = new Map(options);
    const words = (v: string) => field === "status" ? STATUS_WORDS[v] ?? v : v;
    const form = Inputs.select(["", ...options.map(([v]) => v)], {
      label,
      value: wanted ?? "",
      format: (v: string) => v === "" ? "any" : `${words(v)} (${counts.get(v)})`,
    });
    form.dataset.field = field;
    form.addEventListener("input", () => update({ [field]: (form.value as string) || undefined }));
    selects.set(field, form);
    bar.append(form);
  }
  const search = Inputs.text({
    label: "search",
    placeholder: "task id, answer or evidence  ( / )",
    value: state.q ?? "",
  });
  search.dataset.field = "q";
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => update({ q: (search.value as string) || undefined }), 150);
  });
  bar.append(search);
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "sb-clear";
  clear.textContent = "clear filters";
  clear.addEventListener("click", () => apply({}));
  bar.append(clear);

  /** Mark the rendered rows with their key and the open one as selected. */
  function tagRows(): void {
    const tbody = table?.querySelector("tbody");
    if (!tbody) return;
    for (const tr of tbody.children as HTMLCollectionOf<HTMLTableRowElement>) {
      const input = tr.querySelector("input");
      const s = input ? rows[Number(input.value)] : undefined;
      if (!s || !input) continue;
      tr.dataset.sampleKey = s.key;
      const open = s.key === state.sample;
      tr.classList.toggle("sb-selected", open);
      input.checked = open;
    }
  }

  function renderList(): void {
    const match = sampleMatcher(state);
    rows = samples.filter(match);
    const filtered = rows.length === samples.length ? "" : " (filtered)";
    count.textContent = `${rows.length} of ${samples.length} samples${filtered}`;
    table = Inputs.table(rows, {
      columns,
      header: HEADERS,
      multiple: false,
      rows: 14,
      layout: "fixed",
      width: { run: 40, sample: 36, language: 44, status: 110, weighted: 76, casesPassed: 60 },
      align: { weighted: "right", casesPassed: "right", totalMs: "right", costUsd: "right" },
      format: {
        status: (v: string) => STATUS_WORDS[v] ?? v,
        weighted: (v: number) => signed(v),
        casesPassed: (v: number, i: number) => `${v}/${rows[i].casesTotal}`,
        totalMs: (v: number) => duration(v),
        costUsd: (v: number) => usd(v),
      },
    });
    const tbody = table.querySelector("tbody")!;
    new MutationObserver(tagRows).observe(tbody, { childList: true });
    tbody.addEventListener("click", (event) => {
      const tr = (event.target as Element).closest("tr");
      if (tr?.dataset.sampleKey) void open(tr.dataset.sampleKey);
    });
    listEl.replaceChildren(table);
    tagRows();
  }

  /** Render the list; a text search first decodes every sample's answer and evidence. */
  function refresh(): void {
    if (!state.q || parts.complete()) return renderList();
    count.textContent = `Searching the answers of ${samples.length} samples…`;
    const q = state.q;
    void parts.all().then(() => state.q === q && renderList());
  }

  async function open(key: string | undefined): Promise<void> {
    state = { ...state, sample: key };
    history.replaceState(null, "", sampleFilterHash(state));
    tagRows();
    const i = key === undefined ? undefined : indexOf.get(key);
    delete detailEl.dataset.sampleKey;
    if (i === undefined) {
      detailEl.innerHTML = `<p class="sb-note">${
        key === undefined
          ? "Click a row (or press j) to open a sample."
          : "No sample has this key in this page."
      }</p>`;
      return;
    }
    detailEl.innerHTML = `<p class="sb-note">Loading the sample…</p>`;
    await parts.sample(i);
    if (state.sample !== key) return; // another sample was opened meanwhile
    detailEl.innerHTML = detailHTML(samples[i], payload);
    detailEl.dataset.sampleKey = key;
  }

  /** Change some filter fields (the open sample stays open). */
  function update(change: SampleFilter): void {
    state = { ...state, ...change };
    history.replaceState(null, "", sampleFilterHash(state));
    refresh();
  }

  /** Replace the whole state (a link was followed). */
  function apply(next: SampleFilter): void {
    state = { ...next };
    for (const [field, form] of selects) form.value = state[field] ?? "";
    search.value = state.q ?? "";
    refresh();
    void open(state.sample);
  }

  const self = {
    step(delta: number): void {
      const tbody = table?.querySelector("tbody");
      if (!tbody || !table) return;
      let trs = [...tbody.querySelectorAll<HTMLTableRowElement>("tr[data-sample-key]")];
      const at = trs.findIndex((tr) => tr.dataset.sampleKey === state.sample);
      const next = at < 0 ? (delta > 0 ? 0 : trs.length - 1) : at + delta;
      if (next >= trs.length) {
        table.scrollTop = table.scrollHeight; // the table renders more rows on scroll
        table.dispatchEvent(new Event("scroll"));
        trs = [...tbody.querySelectorAll<HTMLTableRowElement>("tr[data-sample-key]")];
      }
      const tr = trs[next];
      if (!tr) return;
      void open(tr.dataset.sampleKey);
      tr.scrollIntoView({ block: "nearest" });
    },
    focusSearch(): void {
      search.querySelector("input")?.focus();
    },
  };
  active ??= self;
  root.addEventListener("click", () => active = self);
  // A link to `#samples?…` anywhere in the page (a chart mark, a permalink) drives the browser.
  document.addEventListener("click", (event) => {
    const a = (event.target as Element).closest?.("a");
    const href = a?.getAttribute("href") ?? a?.getAttribute("xlink:href");
    const filter = href ? parseSampleFilterHash(href) : undefined;
    if (!filter) return;
    event.preventDefault();
    history.replaceState(null, "", href);
    apply(filter);
    if (!root.contains(a)) root.scrollIntoView({ block: "start" });
  });
  addEventListener("hashchange", () => {
    const filter = parseSampleFilterHash(location.hash);
    if (filter) apply(filter);
  });
  refresh();
  void open(state.sample);
}

document.addEventListener("keydown", (event) => {
  const target = event.target as HTMLElement;
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  if (event.key === "Escape" && typing) return target.blur();
  if (typing || event.ctrlKey || event.metaKey || event.altKey || !active) return;
  if (event.key === "j") active.step(1);
  else if (event.key === "k") active.step(-1);
  else if (event.key === "/") {
    event.preventDefault();
    active.focusSearch();
  }
});

/** Mount every browser of the page not mounted yet. */
async function mountAll(): Promise<void> {
  for (const root of document.querySelectorAll<HTMLElement>(".assay-sb:not([data-mounted])")) {
    root.dataset.mounted = "true";
    try {
      const list = await unpack<BrowserListPart>(
        root.querySelector('script.sb-data[data-part="list"]'),
      );
      mount(root, {
        ...list,
        samples: list.samples as BrowserSample[],
        prompts: {},
        references: {},
      });
      root.dataset.ready = "true";
    } catch (error) {
      root.querySelector(".sb-count")!.textContent =
        `The sample browser could not load its data: ${error}`;
    }
  }
}

(globalThis as { assayMountSampleBrowsers?: () => Promise<void> }).assayMountSampleBrowsers =
  mountAll;
void mountAll();
