const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parse(version: string): { core: number[]; pre: string[] } {
  const match = SEMVER.exec(version);
  if (match === null) throw new SyntaxError(`invalid version: ${version}`);
  const pre = match[4] === undefined ? [] : match[4].split(".");
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre };
}

function compareIdentifiers(x: string, y: string): number {
  const xNumeric = /^\d+$/.test(x);
  const yNumeric = /^\d+$/.test(y);
  if (xNumeric && yNumeric) return Number(x) - Number(y);
  if (xNumeric) return -1;
  if (yNumeric) return 1;
  if (x < y) return -1;
  if (x > y) return 1;
  return 0;
}

export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = left.core[i] - right.core[i];
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  if (left.pre.length === 0 && right.pre.length === 0) return 0;
  if (left.pre.length === 0) return 1;
  if (right.pre.length === 0) return -1;
  for (let i = 0; i < left.pre.length && i < right.pre.length; i++) {
    const diff = compareIdentifiers(left.pre[i], right.pre[i]);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  if (left.pre.length < right.pre.length) return -1;
  if (left.pre.length > right.pre.length) return 1;
  return 0;
}
