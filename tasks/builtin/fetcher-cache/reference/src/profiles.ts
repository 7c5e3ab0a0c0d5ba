import type { Clock } from "./clock.ts";
import { createFetcher, type Loader } from "./fetcher.ts";

export interface Profile {
  user: string;
  plan: string;
}

export function profileService(load: Loader<Profile>, clock?: Clock) {
  const fetcher = createFetcher(load, { ttlMs: 60_000, clock });
  return {
    plan: async (user: string) => (await fetcher.get(user)).plan,
  };
}
