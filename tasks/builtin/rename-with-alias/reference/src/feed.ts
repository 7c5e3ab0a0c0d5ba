import { postUrl, type Post } from "./posts.ts";
import { toSlug } from "./strings.ts";

export function feedEntry(post: Post, tag: string): string {
  return `${post.title} <${postUrl(post)}> #${toSlug(tag, "misc")}`;
}
