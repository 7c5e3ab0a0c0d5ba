export type Handler = (payload: unknown) => void;

export class EventBus {
  private readonly handlers = new Map<string, Handler[]>();

  on(event: string, handler: Handler): void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
  }

  emit(event: string, payload?: unknown): number {
    const list = this.handlers.get(event) ?? [];
    for (const handler of list) handler(payload);
    return list.length;
  }
}
