import type { User } from "./types.ts";

export function validateUser(user: User): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(user.id) || user.id < 1) errors.push("id");
  if (user.name.trim() === "") errors.push("name");
  if (!/^[^@\s]+@[^@\s]+$/.test(user.email)) errors.push("email");
  return errors;
}
