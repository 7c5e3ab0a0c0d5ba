export interface ScoreEvent {
  playerId: string;
  points: number;
}

export interface Standing {
  playerId: string;
  total: number;
  rank: number;
}

export function leaderboard(events: readonly ScoreEvent[], limit: number): Standing[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError("invalid limit");
  const totals = new Map<string, number>();
  for (const { playerId, points } of events) {
    if (playerId.startsWith("_")) continue;
    totals.set(playerId, (totals.get(playerId) ?? 0) + points);
  }
  const ids = [...totals.keys()].sort();
  ids.sort((a, b) => (totals.get(b) as number) - (totals.get(a) as number));
  const standings: Standing[] = [];
  for (let i = 0; i < ids.length && i < limit; i++) {
    const total = totals.get(ids[i]) as number;
    const rank = i > 0 && total === standings[i - 1].total ? standings[i - 1].rank : i + 1;
    standings.push({ playerId: ids[i], total, rank });
  }
  return standings;
}
