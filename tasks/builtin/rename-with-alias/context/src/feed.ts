import { postUrl, type Post } from "./posts.ts";
import { slugify } from "./strings.ts";

export function feedEntry(post: Post, tag: string): string {
  return `${post.title} <${postUrl(post)}> #${slugify(tag)}`;
}
