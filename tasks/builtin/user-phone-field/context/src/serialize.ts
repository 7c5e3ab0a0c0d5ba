import type { User, UserRecord } from "./types.ts";

export function toRecord(user: User): UserRecord {
  return { user_id: user.id, display_name: user.name, email_address: user.email };
}

export function fromRecord(record: UserRecord): User {
  return { id: record.user_id, name: record.display_name, email: record.email_address };
}
