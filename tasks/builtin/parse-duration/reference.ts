const UNITS = ["d", "h", "m", "s"];
const SECONDS = [86400, 3600, 60, 1];

export function parseDuration(input: string): number {
  if (input.length === 0) throw new SyntaxError("empty duration");
  const pattern = /(\d+)([dhms])/y;
  let total = 0;
  let lastRank = -1;
  let pos = 0;
  while (pos < input.length) {
    pattern.lastIndex = pos;
    const match = pattern.exec(input);
    if (match === null) throw new SyntaxError(`invalid duration at ${pos}: ${input}`);
    const rank = UNITS.indexOf(match[2]);
    if (rank <= lastRank) throw new SyntaxError(`unit "${match[2]}" repeated or out of order`);
    total = total + Number(match[1]) * SECONDS[rank];
    lastRank = rank;
    pos = pos + match[0].length;
  }
  return total;
}
