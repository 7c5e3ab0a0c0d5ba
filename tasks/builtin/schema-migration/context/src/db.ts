export type Row = Record<string, unknown>;

export interface Database {
  version: number;
  tables: Record<string, Row[]>;
}

export function createDatabase(): Database {
  return { version: 0, tables: {} };
}
