import type { Clock, Note } from "./types.ts";

export class NoteRepo {
  private readonly notes = new Map<number, Note>();
  private nextId = 1;

  constructor(private readonly clock: Clock = Date.now) {}

  create(text: string): Note {
    const note: Note = { id: this.nextId++, text, createdAt: this.clock() };
    this.notes.set(note.id, note);
    return { ...note };
  }

  get(id: number): Note | undefined {
    const note = this.notes.get(id);
    return note ? { ...note } : undefined;
  }

  list(): Note[] {
    return [...this.notes.values()].map((note) => ({ ...note }));
  }

  remove(id: number): boolean {
    return this.notes.delete(id);
  }
}
