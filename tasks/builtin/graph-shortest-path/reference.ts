export interface Graph {
  neighbors(node: string): readonly string[];
}

export function shortestPath(
  graph: Graph,
  start: string,
  goal: string,
  maxDepth = Infinity,
): string[] | null {
  if (!(Number.isInteger(maxDepth) || maxDepth === Infinity) || maxDepth < 0) {
    throw new RangeError("maxDepth must be a non-negative integer or Infinity");
  }
  if (start === goal) return [start];
  const previous = new Map<string, string>([[start, start]]);
  let frontier = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length !== 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const neighbor of graph.neighbors(node)) {
        if (previous.has(neighbor)) continue;
        previous.set(neighbor, node);
        if (neighbor !== goal) next.push(neighbor);
        else {
          const path = [goal];
          while (path[0] !== start) path.unshift(previous.get(path[0]) as string);
          return path;
        }
      }
    }
    frontier = next;
  }
  return null;
}
