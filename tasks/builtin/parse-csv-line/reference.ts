export function parseCsvLine(line: string, delimiter = ","): string[] {
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let closed = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c !== '"') field += c;
      else if (line[i + 1] === '"') {
        field += c;
        i++;
      } else {
        inQuotes = false;
        closed = true;
      }
    } else if (c === delimiter) {
      fields.push(field);
      field = "";
      closed = false;
    } else if (closed) {
      throw new SyntaxError(`unexpected character after a closing quote at index ${i}`);
    } else if (c === '"' && field === "") inQuotes = true;
    else field += c;
  }
  if (inQuotes) throw new SyntaxError("unterminated quoted field");
  fields.push(field);
  return fields;
}
