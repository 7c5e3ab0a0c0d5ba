import type { Args } from "./args.ts";

export interface Config {
  input: string;
  verbose: boolean;
  retries: number;
}

export const DEFAULTS: Config = { input: "data.csv", verbose: false, retries: 3 };

export function loadConfig(args: Args, file: Partial<Config> = {}): Config {
  const retries = args.retries ?? file.retries ?? DEFAULTS.retries;
  if (!Number.isInteger(retries) || retries < 0) {
    throw new Error(`retries must be a non-negative integer, got ${retries}`);
  }
  return {
    input: args.input ?? file.input ?? DEFAULTS.input,
    verbose: args.verbose || (file.verbose ?? DEFAULTS.verbose),
    retries,
  };
}
