import type { User, UserRecord } from "./types.ts";

export function toRecord(user: User): UserRecord {
  const record: UserRecord = {
    user_id: user.id,
    display_name: user.name,
    email_address: user.email,
  };
  if (user.phone !== undefined) record.phone_number = user.phone;
  return record;
}

export function fromRecord(record: UserRecord): User {
  const user: User = {
    id: record.user_id,
    name: record.display_name,
    email: record.email_address,
  };
  if (record.phone_number !== undefined) user.phone = record.phone_number;
  return user;
}
