import type { EventBus } from "./bus.ts";

export function trackLogins(bus: EventBus, log: string[]): void {
  bus.on("login", (user) => log.push(`login ${user}`));
  bus.on("logout", (user) => log.push(`logout ${user}`));
}
