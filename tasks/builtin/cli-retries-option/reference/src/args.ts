export interface Args {
  input?: string;
  verbose: boolean;
  retries?: number;
}

function count(value: string | undefined, option: string): number {
  if (value === undefined || !/^\d+$/.test(value)) {
    throw new Error(`${option} needs a non-negative integer`);
  }
  return Number(value);
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
    } else if (arg === "--retries") args.retries = count(argv[++i], "--retries");
    else if (arg.startsWith("--retries=")) args.retries = count(arg.slice(10), "--retries");
    else throw new Error(`unknown option ${arg}`);
  }
  return args;
}
