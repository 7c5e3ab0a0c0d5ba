import assert from "node:assert/strict";
import { readLastRecords } from "../../lib/record/last_records.ts";

Deno.test("readLastRecords() reports a line its parse rejects through fail, with the line number", async () => {
  const file = await Deno.makeTempFile();
  try {
    const key = { task: "t", model: "m", variant: "v", sample: 0 };
    await Deno.writeTextFile(
      file,
      `${JSON.stringify(key)}\n\n${JSON.stringify({ ...key, sample: -1 })}\n`,
    );
    const parse = (json: unknown) => {
      if ((json as typeof key).sample < 0) throw new Error("sample: too small");
      return json as typeof key;
    };
    await assert.rejects(
      readLastRecords(file, {
        parse,
        fail: (detail, line) => assert.fail(`x.jsonl line ${line}: ${detail}`),
      }),
      /x\.jsonl line 3: sample: too small$/,
    );
    await assert.rejects(
      readLastRecords(file, { parse }),
      /^SyntaxError: Cannot read ".*": line 3: sample: too small$/,
    );
  } finally {
    await Deno.remove(file);
  }
});
