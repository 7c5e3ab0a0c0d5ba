/**
 * A notebook's prompt-iteration loop as a script (for tests): evaluate the tiny suite with a
 * template "mine" whose wording is the second argument; print the evaluation as JSON.
 */
import { join } from "node:path";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { plain, type PromptTemplate } from "../../lib/prompt/templates.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const [runsDir, extra] = Deno.args;
const suite = await loadSuite(
  join(new URL("../..", import.meta.url).pathname, "data/fixtures/suite-tiny"),
);
const mine: PromptTemplate = {
  name: "mine",
  render: (task) => {
    const messages = plain.render(task);
    const last = messages.at(-1)!;
    return [...messages.slice(0, -1), { ...last, content: `${last.content}\n\n${extra}` }];
  },
};
const model = syntheticProvider("default", suite.tasks);
const run = await evaluate(suite, {
  models: [model],
  variants: [mine],
  runsDir,
  samples: 4,
  concurrency: 1,
  sandboxConcurrency: 1,
  isolation: "none",
});
await model.close();
console.log(JSON.stringify(run));
