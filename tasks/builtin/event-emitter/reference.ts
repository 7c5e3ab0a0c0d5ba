type Listener = (...args: any[]) => void;
type Registration = { listener: Listener; once: boolean; active: boolean };

export class Emitter {
  private readonly registry = new Map<string, Registration[]>();

  on(event: string, listener: Listener): () => void {
    return this.add(event, { listener, once: false, active: true });
  }

  once(event: string, listener: Listener): () => void {
    return this.add(event, { listener, once: true, active: true });
  }

  off(event: string, listener: Listener): boolean {
    const found = this.list(event).find((r) => r.listener === listener);
    if (found === undefined) return false;
    this.remove(event, found);
    return true;
  }

  emit(event: string, ...args: unknown[]): number {
    let called = 0;
    for (const registration of this.list(event)) {
      if (!registration.active) continue;
      if (registration.once) this.remove(event, registration);
      registration.listener(...args);
      called++;
    }
    return called;
  }

  listenerCount(event: string): number {
    return this.list(event).length;
  }
  private list = (event: string): Registration[] => this.registry.get(event) ?? [];
  private add(event: string, registration: Registration): () => void {
    this.registry.set(event, [...this.list(event), registration]);
    return () => this.remove(event, registration);
  }
  private remove(event: string, registration: Registration): void {
    registration.active = false;
    this.registry.set(event, this.list(event).filter((r) => r !== registration));
  }
}
