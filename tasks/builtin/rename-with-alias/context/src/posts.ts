import { slugify } from "./strings.ts";

export interface Post {
  id: number;
  title: string;
}

export function postUrl(post: Post): string {
  return `/posts/${post.id}/${slugify(post.title)}`;
}
