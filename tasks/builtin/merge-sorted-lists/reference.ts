function mergeTwo(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = b[j] < a[i] ? b[j++] : a[i++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

export function mergeSortedLists(lists: ReadonlyArray<readonly number[]>): number[] {
  if (lists.length === 0) return [];
  let round: (readonly number[])[] = lists.slice();
  while (round.length > 1) {
    const next: number[][] = [];
    for (let i = 0; i + 1 < round.length; i += 2) next.push(mergeTwo(round[i], round[i + 1]));
    if (round.length % 2 === 1) next.push(round[round.length - 1].slice());
    round = next;
  }
  return round[0].slice();
}
