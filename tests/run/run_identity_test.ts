import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../cli/_cli.ts";

/** A notebook's loop, as a script: evaluate with a template of the given wording. */
const SCRIPT = join(ROOT, "tests/run/_template_run.ts");

function lines(path: string): Record<string, unknown>[] {
  try {
    return Deno.readTextFileSync(path).split("\n").filter((l) => l.trim()).map((l) =>
      JSON.parse(l)
    );
  } catch {
    return [];
  }
}

async function runTemplate(runsDir: string, wording: string, killAfter?: number) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", SCRIPT, runsDir, wording],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (killAfter !== undefined) {
    // The kernel dies mid-run: kill once a few results are recorded.
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const dirs = [...Deno.readDirSync(runsDir)];
      if (dirs.length && lines(join(runsDir, dirs[0].name, "results.jsonl")).length >= killAfter) {
        break;
      }
    }
    child.kill("SIGKILL");
  }
  const out = await child.output();
  return new TextDecoder().decode(out.stdout);
}

Deno.test("evaluate() starts a new run when a template's wording changes after a kill, and records the new wording's messages (finding 1)", async () => {
  const runsDir = await Deno.makeTempDir();
  await runTemplate(runsDir, "Wording A: answer tersely.", 3);
  const first = [...Deno.readDirSync(runsDir)].map((e) => e.name);
  assert.equal(first.length, 1, "the killed run left its folder");
  const out = await runTemplate(runsDir, "Wording B: answer with care.");
  const report = JSON.parse(out.trim().split("\n").at(-1)!);
  assert.equal(report.resumed, false, `a changed template must not resume: ${out}`);
  assert.equal(report.generated, report.total, "every sample asked anew");
  assert.match(
    report.superseded.reason,
    /template "mine" renders different prompts/,
    "and it says why",
  );
  const dirs = [...Deno.readDirSync(runsDir)].map((e) => e.name).sort();
  assert.equal(dirs.length, 2, "a new run folder");
  const second = join(runsDir, dirs.find((d) => d !== first[0])!);
  const prompts = lines(join(second, "prompts.jsonl")) as {
    hash: string;
    messages: { content: string }[];
  }[];
  const byHash = new Map(prompts.map((p) => [p.hash, p]));
  const generations = lines(join(second, "generations.jsonl"));
  assert.equal(generations.length, report.total);
  for (const g of generations) {
    const p = byHash.get(g.promptHash as string);
    assert.ok(p, `generation ${g.task}#${g.sample} points at a recorded prompt`);
    assert.ok(p.messages.some((m) => m.content.includes("Wording B")), "the new wording was sent");
    assert.ok(!p.messages.some((m) => m.content.includes("Wording A")));
  }
});

Deno.test("evaluate() records what each sample was asked: the messages in prompts.jsonl and the template's source in the manifest (finding 2)", async () => {
  const runsDir = await Deno.makeTempDir();
  await runTemplate(runsDir, "Wording C: say nothing else.");
  const [dir] = [...Deno.readDirSync(runsDir)].map((e) => join(runsDir, e.name));
  const manifest = JSON.parse(Deno.readTextFileSync(join(dir, "manifest.json")));
  assert.equal(manifest.templates[0].name, "mine");
  assert.match(manifest.templates[0].source, /extra/, "the render function's source is kept");
  const results = lines(join(dir, "results.jsonl"));
  assert.ok(
    results.every((r) => r.outcome !== "generation_error"),
    "the model answered every prompt",
  );
  assert.equal(typeof manifest.templates[0].promptsHash, "string");
  const prompts = lines(join(dir, "prompts.jsonl")) as { messages: { content: string }[] }[];
  assert.equal(prompts.length, 2, "one record per distinct prompt (2 tasks), however many samples");
  assert.ok(
    prompts.every((p) => p.messages.at(-1)!.content.endsWith("Wording C: say nothing else.")),
  );
});
