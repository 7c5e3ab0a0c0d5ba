import type { Args } from "./args.ts";

export interface Config {
  input: string;
  verbose: boolean;
}

export const DEFAULTS: Config = { input: "data.csv", verbose: false };

export function loadConfig(args: Args, file: Partial<Config> = {}): Config {
  return {
    input: args.input ?? file.input ?? DEFAULTS.input,
    verbose: args.verbose || (file.verbose ?? DEFAULTS.verbose),
  };
}
