const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

function parse(version: string): { core: number[]; pre: string[] } {
  const match = SEMVER.exec(version);
  if (match === null) throw new SyntaxError(`invalid version: ${version}`);
  return { core: match.slice(1, 4).map(Number), pre: match[4]?.split(".") ?? [] };
}

function sign(n: number): -1 | 0 | 1 {
  if (n < 0) return -1;
  if (n > 0) return 1;
  return 0;
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
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = x.core[i] - y.core[i];
    if (diff !== 0) return sign(diff);
  }
  if (x.pre.length === 0 || y.pre.length === 0) return sign(y.pre.length - x.pre.length);
  for (let i = 0; i < x.pre.length && i < y.pre.length; i++) {
    const diff = compareIdentifiers(x.pre[i], y.pre[i]);
    if (diff !== 0) return sign(diff);
  }
  return sign(x.pre.length - y.pre.length);
}
