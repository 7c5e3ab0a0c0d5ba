export interface Args {
  input?: string;
  verbose: boolean;
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--verbose") args.verbose = true;
    else if (arg === "--input") {
      const value = argv[++i];
      if (value === undefined) throw new Error("--input needs a value");
      args.input = value;
    } else throw new Error(`unknown option ${arg}`);
  }
  return args;
}
