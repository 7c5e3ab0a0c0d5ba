export type Handler = (payload: unknown) => void;

export class EventBus {
  private readonly handlers = new Map<string, Handler[]>();

  on(event: string, handler: Handler): () => boolean {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    let active = true;
    return () => {
      if (!active) return false;
      active = false;
      const current = this.handlers.get(event) ?? [];
      const at = current.indexOf(handler);
      if (at < 0) return false;
      this.handlers.set(event, [...current.slice(0, at), ...current.slice(at + 1)]);
      return true;
    };
  }

  off(event: string, handler: Handler): boolean {
    const current = this.handlers.get(event) ?? [];
    const at = current.indexOf(handler);
    if (at < 0) return false;
    this.handlers.set(event, [...current.slice(0, at), ...current.slice(at + 1)]);
    return true;
  }

  emit(event: string, payload?: unknown): number {
    const list = this.handlers.get(event) ?? [];
    for (const handler of list) handler(payload);
    return list.length;
  }
}
