import assert from "node:assert/strict";
import { PYTHON_MUTATIONS } from "../../lib/model/python_mutate.ts";
import { syntheticAnswer } from "../../lib/model/synthetic_answer.ts";
import { SYNTHETIC_PROFILES } from "../../lib/model/synthetic_profiles.ts";

const REFERENCE = `def clamp(value: int, low: int, high: int) -> int:
    """The value, limited to [low, high]."""
    if low > high:
        raise ValueError("low must be <= high")
    if value < low:
        return low
    if value > high:
        return high
    return value
`;
const task = {
  id: "py-clamp",
  entry: "clamp",
  referenceSource: REFERENCE,
  language: "py" as const,
};
const FENCE = "```";

Deno.test("syntheticAnswer() answers a Python task with its reference in a python fence", () => {
  const answer = syntheticAnswer(SYNTHETIC_PROFILES.reference, task, 4);
  assert.equal(answer.text, `Here is an implementation:\n\n${FENCE}python\n${REFERENCE}${FENCE}\n`);
  assert.deepEqual(answer.mutations, []);
});

Deno.test("syntheticAnswer() mutates a Python reference with the Python mutations at the profile's rate", () => {
  const a = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, 3);
  assert.deepEqual(syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, 3), a);
  let mutated = 0;
  const kinds = new Set<string>();
  for (let seed = 0; seed < 200; seed++) {
    const answer = syntheticAnswer(SYNTHETIC_PROFILES.sloppy, task, seed);
    answer.mutations.forEach((m) => kinds.add(m));
    if (answer.mutations.length > 0) mutated++;
    if (answer.mutations[0] === "refusal") {
      assert.doesNotMatch(answer.text, /```|def /);
      continue;
    }
    // Python has no `export` to drop; the answer is fenced as python, or raw at the raw rate.
    assert.ok(!answer.mutations.includes("dropped_export"));
    assert.ok(answer.text.includes(`${FENCE}python\n`) || !answer.text.includes(FENCE));
    assert.ok(!answer.text.includes(`${FENCE}ts`));
    if (answer.mutations.length === 0) assert.ok(answer.text.includes(REFERENCE.trimEnd()));
    else assert.ok(!answer.text.includes(REFERENCE.trimEnd()), answer.text);
  }
  assert.ok(mutated > 200 * 0.6 && mutated < 200 * 0.9, `mutated ${mutated}/200 at rate 0.75`);
  assert.ok(kinds.size >= 6, `saw ${[...kinds].join(", ")}`);
  assert.ok([...kinds].every((k) => (PYTHON_MUTATIONS as readonly string[]).includes(k)));
});

Deno.test("syntheticAnswer() weights the Python mutations by the profile", () => {
  const only = { ...SYNTHETIC_PROFILES.sloppy, mutationRate: 1, weights: { syntax_error: 1 } };
  for (let seed = 0; seed < 20; seed++) {
    assert.deepEqual(syntheticAnswer(only, task, seed).mutations, ["syntax_error"]);
  }
  const refusing = { ...only, weights: { refusal: 1 } };
  const refusal = syntheticAnswer(refusing, task, 0);
  assert.deepEqual(refusal.mutations, ["refusal"]);
  assert.match(refusal.text, /^I('m| apologize)/);
});

Deno.test("syntheticAnswer() still answers a task without a language in a ts fence", () => {
  const ts = { id: "t", entry: "f", referenceSource: "export function f() { return 1; }\n" };
  assert.match(syntheticAnswer(SYNTHETIC_PROFILES.reference, ts, 0).text, /```ts\n/);
});
