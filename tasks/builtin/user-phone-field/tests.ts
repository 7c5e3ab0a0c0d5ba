import assert from "node:assert/strict";
import { fromRecord, toRecord } from "./src/serialize.ts";
import type { User } from "./src/types.ts";
import { validateUser } from "./src/validate.ts";

const ada: User = { id: 7, name: "Ada", email: "ada@example.org" };

export const cases: Record<string, () => void | Promise<void>> = {
  "serializes the phone as phone_number": () => {
    assert.deepEqual(toRecord({ ...ada, phone: "+4412345678" }), {
      user_id: 7,
      display_name: "Ada",
      email_address: "ada@example.org",
      phone_number: "+4412345678",
    });
  },
  "reads phone_number back as phone": () => {
    const user = fromRecord({
      user_id: 7,
      display_name: "Ada",
      email_address: "ada@example.org",
      phone_number: "+4412345678",
    });
    assert.deepEqual(user, { ...ada, phone: "+4412345678" });
  },
  "a user without a phone has no phone key either way": () => {
    const record = toRecord(ada);
    assert.equal("phone_number" in record, false);
    assert.equal("phone" in fromRecord(record), false);
    assert.deepEqual(fromRecord(record), ada);
  },
  "round-trips a user with a phone": () => {
    const user = { id: 1, name: "Lin", email: "lin@x.io", phone: "+15551234567" };
    assert.deepEqual(fromRecord(toRecord(user)), user);
  },
  "accepts a valid phone": () => {
    assert.deepEqual(validateUser({ ...ada, phone: "+4412345678" }), []);
    assert.deepEqual(validateUser(ada), []);
    assert.deepEqual(validateUser({ ...ada, id: 1 }), []);
  },
  "rejects malformed phones": () => {
    for (const phone of ["4412345678", "+44 1234 5678", "+44-12345678", "", "+abcdefgh"]) {
      assert.deepEqual(validateUser({ ...ada, phone }), ["phone"], phone);
    }
  },
  "phone length is 7 to 15 digits": () => {
    assert.deepEqual(validateUser({ ...ada, phone: "+1234567" }), []);
    assert.deepEqual(validateUser({ ...ada, phone: "+123456" }), ["phone"]);
    assert.deepEqual(validateUser({ ...ada, phone: "+123456789012345" }), []);
    assert.deepEqual(validateUser({ ...ada, phone: "+1234567890123456" }), ["phone"]);
  },
  "reports every invalid field in order": () => {
    assert.deepEqual(validateUser({ id: 0, name: " ", email: "nope", phone: "1" }), [
      "id",
      "name",
      "email",
      "phone",
    ]);
    assert.deepEqual(validateUser({ id: 2.5, name: "A", email: "a@b" }), ["id"]);
  },
  "serializing does not modify the user": () => {
    const user = { ...ada, phone: "+4412345678" };
    toRecord(user);
    assert.deepEqual(user, { ...ada, phone: "+4412345678" });
  },
};
