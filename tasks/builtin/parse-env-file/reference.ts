const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseEnv(text: string): Record<string, string> {
  const vars = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const body = line.startsWith("export ") ? line.slice(7) : line;
    const eq = body.indexOf("=");
    const key = body.slice(0, eq).trim();
    if (eq < 1 || !KEY.test(key)) throw new SyntaxError(`line ${i + 1}: expected KEY=VALUE`);
    let value = body.slice(eq + 1).trim();
    const quote = value[0];
    if (value.length >= 2 && (quote === '"' || quote === "'") && value.endsWith(quote)) {
      value = value.slice(1, -1);
    }
    if (vars.has(key)) continue;
    vars.set(key, value);
  }
  return Object.fromEntries(vars);
}
