import { createFetcher, type Loader } from "./fetcher.ts";

export interface Profile {
  user: string;
  plan: string;
}

export function profileService(load: Loader<Profile>) {
  const fetcher = createFetcher(load);
  return {
    plan: async (user: string) => (await fetcher.get(user)).plan,
  };
}
