import type { Clock, Note } from "./types.ts";

export class NoteRepo {
  private readonly notes = new Map<number, Note>();
  private nextId = 1;

  constructor(private readonly clock: Clock = Date.now) {}

  create(text: string): Note {
    const note: Note = { id: this.nextId++, text, createdAt: this.clock(), deletedAt: null };
    this.notes.set(note.id, note);
    return { ...note };
  }

  get(id: number, options: { includeDeleted?: boolean } = {}): Note | undefined {
    const note = this.notes.get(id);
    if (!note) return undefined;
    if (note.deletedAt !== null && !options.includeDeleted) return undefined;
    return { ...note };
  }

  list(options: { includeDeleted?: boolean } = {}): Note[] {
    return [...this.notes.values()]
      .filter((note) => options.includeDeleted || note.deletedAt === null)
      .map((note) => ({ ...note }));
  }

  remove(id: number): boolean {
    const note = this.notes.get(id);
    if (!note || note.deletedAt !== null) return false;
    note.deletedAt = this.clock();
    return true;
  }

  restore(id: number): boolean {
    const note = this.notes.get(id);
    if (!note || note.deletedAt === null) return false;
    note.deletedAt = null;
    return true;
  }
}
