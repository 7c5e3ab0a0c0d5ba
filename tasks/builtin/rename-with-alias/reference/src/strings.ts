/** "Héllo, World!" → "hello-world"; an empty result becomes `fallback`. */
export function toSlug(title: string, fallback = "untitled"): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? fallback : slug;
}

/** @deprecated Use {@link toSlug}. Kept for old callers: same result, no fallback. */
export function slugify(title: string): string {
  return toSlug(title, "");
}
