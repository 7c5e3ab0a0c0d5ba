/**
 * The notice a notebook shows when its models are synthetic, so nobody
 * mistakes simulated answers and latencies for a real model's.
 *
 * @module
 */

/**
 * An HTML notice naming the synthetic (offline) models among `models`, and
 * how to measure real ones; "" when none is synthetic.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntheticBanner } from "./synthetic_banner.ts";
 * const html = syntheticBanner([{ spec: "synthetic:default", synthetic: true }, { spec: "openai:x", synthetic: false }]);
 * assert(html.includes("Synthetic models.") && html.includes("Some models"));
 * assert.equal(syntheticBanner([{ spec: "openai:x", synthetic: false }]), "");
 * ```
 *
 * @param models The models (providers, or a manifest's `models`).
 * @returns The HTML, or "".
 */
export function syntheticBanner(
  models: readonly { spec: string; synthetic: boolean }[],
): string {
  const synthetic = models.filter((m) => m.synthetic).map((m) => m.spec);
  if (synthetic.length === 0) return "";
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const all = synthetic.length === models.length;
  return `<div class="assay-synthetic" style="border-left: 4px solid #f2a900; background: #fff8e1; ` +
    `padding: 8px 12px; margin: 6px 0 10px; font: 14px system-ui, sans-serif;">` +
    `<strong>Synthetic models.</strong> ${all ? "Every model" : "Some models"} here ` +
    `(${synthetic.map(esc).join(", ")}) ${synthetic.length === 1 ? "is" : "are"} assay's offline ` +
    `synthetic model, not a real LLM: answers are seeded mutations of the reference solutions and ` +
    `latencies are simulated. Set <code>ASSAY_MODELS</code> (e.g. <code>openai:gpt-4o-mini</code> with ` +
    `<code>OPENAI_API_KEY</code>, or <code>ollama:qwen2.5-coder</code>) to measure real models.</div>`;
}
