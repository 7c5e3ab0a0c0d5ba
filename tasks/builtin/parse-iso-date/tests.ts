import assert from "node:assert/strict";
import { parseIsoDate } from "./solution.ts";

const rejects = (text: string) => assert.equal(parseIsoDate(text), null, text);

export const cases: Record<string, () => void | Promise<void>> = {
  "parses a valid date": () => {
    assert.deepEqual(parseIsoDate("2024-03-15"), { year: 2024, month: 3, day: 15 });
    assert.deepEqual(parseIsoDate("1999-11-09"), { year: 1999, month: 11, day: 9 });
  },
  "accepts the last day of every month": () => {
    const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    last.forEach((day, i) => {
      const mm = String(i + 1).padStart(2, "0");
      assert.deepEqual(parseIsoDate(`2023-${mm}-${day}`), { year: 2023, month: i + 1, day });
      rejects(`2023-${mm}-${day + 1}`);
    });
  },
  "accepts February 29 only in leap years": () => {
    assert.deepEqual(parseIsoDate("2024-02-29"), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(parseIsoDate("2000-02-29"), { year: 2000, month: 2, day: 29 });
    assert.deepEqual(parseIsoDate("1600-02-29"), { year: 1600, month: 2, day: 29 });
    rejects("2023-02-29");
    rejects("2024-02-30");
  },
  "century years are leap years only when divisible by 400": () => {
    rejects("1900-02-29");
    rejects("2100-02-29");
    rejects("1800-02-29");
    assert.deepEqual(parseIsoDate("1900-02-28"), { year: 1900, month: 2, day: 28 });
  },
  "rejects months and days out of range": () => {
    for (const text of ["2024-00-10", "2024-13-01", "2024-01-00", "2024-04-31", "2024-01-32"]) {
      rejects(text);
    }
    assert.deepEqual(parseIsoDate("2024-12-01"), { year: 2024, month: 12, day: 1 });
    assert.deepEqual(parseIsoDate("2024-01-01"), { year: 2024, month: 1, day: 1 });
  },
  "year bounds": () => {
    assert.deepEqual(parseIsoDate("0001-01-01"), { year: 1, month: 1, day: 1 });
    assert.deepEqual(parseIsoDate("9999-12-31"), { year: 9999, month: 12, day: 31 });
    rejects("0000-01-01");
    rejects("10000-01-01");
  },
  "rejects other layouts": () => {
    for (
      const text of [
        "2024-1-05",
        "2024-01-5",
        "24-01-05",
        "20240105",
        "2024/01/05",
        "2024-01-05T00:00:00Z",
        " 2024-01-05",
        "2024-01-05\n",
        "+2024-01-05",
        "",
      ]
    ) rejects(text);
  },
  "rejects non-ASCII digits": () => {
    rejects("２０２４-01-05");
    rejects("2024-٠١-05");
  },
};
