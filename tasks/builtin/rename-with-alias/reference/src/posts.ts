import { toSlug } from "./strings.ts";

export interface Post {
  id: number;
  title: string;
}

export function postUrl(post: Post): string {
  return `/posts/${post.id}/${toSlug(post.title)}`;
}
