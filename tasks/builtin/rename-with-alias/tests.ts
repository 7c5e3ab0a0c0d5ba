import assert from "node:assert/strict";
import { feedEntry } from "./src/feed.ts";
import { postUrl } from "./src/posts.ts";
import { slugify, toSlug } from "./src/strings.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "toSlug makes a slug": () => {
    assert.equal(toSlug("Hello, World!"), "hello-world");
    assert.equal(toSlug("  Deno 2.0 released  "), "deno-2-0-released");
  },
  "toSlug strips accents": () => {
    assert.equal(toSlug("Crème Brûlée à la carte"), "creme-brulee-a-la-carte");
  },
  "toSlug falls back when nothing is left": () => {
    assert.equal(toSlug("!!!"), "untitled");
    assert.equal(toSlug(""), "untitled");
    assert.equal(toSlug("---", "none"), "none");
    assert.equal(toSlug("ok", "none"), "ok");
  },
  "slugify still works as a deprecated alias": () => {
    assert.equal(slugify("Hello, World!"), "hello-world");
    assert.equal(slugify("Crème"), "creme");
  },
  "slugify keeps its old empty result": () => {
    assert.equal(slugify("!!!"), "");
    assert.equal(slugify(""), "");
  },
  "post urls use the new fallback": () => {
    assert.equal(postUrl({ id: 3, title: "Why Deno?" }), "/posts/3/why-deno");
    assert.equal(postUrl({ id: 4, title: "???" }), "/posts/4/untitled");
  },
  "feed entries tag with a misc fallback": () => {
    assert.equal(
      feedEntry({ id: 1, title: "Intro" }, "Getting Started"),
      "Intro </posts/1/intro> #getting-started",
    );
    assert.equal(feedEntry({ id: 2, title: "¿?" }, "!!"), "¿? </posts/2/untitled> #misc");
  },
  "runs of separators collapse to one dash": () => {
    assert.equal(toSlug("a -- b __ c"), "a-b-c");
    assert.equal(toSlug("-a-"), "a");
  },
};
