import assert from "node:assert/strict";
import { isValidIPv4 } from "./solution.ts";

const valid = (address: string) => assert.equal(isValidIPv4(address), true, address);
const invalid = (address: string) => assert.equal(isValidIPv4(address), false, address);

export const cases: Record<string, () => void | Promise<void>> = {
  "accepts ordinary addresses": () => {
    for (const a of ["192.168.1.1", "10.0.0.254", "8.8.8.8", "172.16.31.7"]) valid(a);
  },
  "accepts 0 and 255 but not 256": () => {
    valid("0.0.0.0");
    valid("255.255.255.255");
    valid("0.255.0.255");
    invalid("256.0.0.0");
    invalid("0.0.0.256");
  },
  "rejects octets above 255": () => {
    for (const a of ["256.1.1.1", "1.1.1.256", "1.300.1.1", "999.999.999.999", "1.2.3.1000"]) {
      invalid(a);
    }
  },
  "rejects leading zeros": () => {
    for (const a of ["01.2.3.4", "1.02.3.4", "1.2.3.04", "00.0.0.0", "1.2.3.000", "0255.1.1.1"]) {
      invalid(a);
    }
  },
  "rejects the wrong number of octets": () => {
    for (const a of ["1.2.3", "1.2.3.4.5", "1234", "1.2.3.4."]) invalid(a);
  },
  "rejects empty octets and the empty string": () => {
    for (const a of ["", "...", "1..3.4", ".1.2.3", "1.2.3."]) invalid(a);
  },
  "rejects signs, spaces and other characters": () => {
    for (const a of ["+1.2.3.4", "-1.2.3.4", " 1.2.3.4", "1.2.3.4 ", "1.2. 3.4", "a.b.c.d"]) {
      invalid(a);
    }
  },
  "rejects other numeric notations": () => {
    for (const a of ["0x1.2.3.4", "1e1.2.3.4", "1.2.3.4e0", "1.5.2.3.4", "1_0.2.3.4"]) invalid(a);
  },
  "rejects non-ASCII digits": () => {
    invalid("١.٢.٣.٤");
    invalid("１.2.3.4");
    invalid("1.2.3.𝟒");
  },
};
