/** An officer connected at a counter: who the MOD sees sitting there. */
export interface PresentOfficer {
  readonly counterId: string;
  readonly username: string;
  readonly name: string;
  /** When the first of their open connections at this counter came up. */
  readonly since: string;
}

/**
 * Who is at which counter, from the officers' live sockets: a session can outlive the person (an app closed
 * without signing out), a connection cannot. Several tabs or a reconnect of one officer count once.
 */
export class CounterPresence {
  private readonly sockets = new Map<string, PresentOfficer>();
  private readonly listeners = new Set<(counterId: string) => void>();

  /** Hears each counter whose picture changed (someone sat down, the last one left). */
  onChange(listener: (counterId: string) => void): void {
    this.listeners.add(listener);
  }

  /** Returns true when the counter's picture changed. */
  join(socketId: string, officer: PresentOfficer): boolean {
    const before = this.at(officer.counterId)?.username;
    this.sockets.set(socketId, officer);
    return this.changed(officer.counterId, this.at(officer.counterId)?.username !== before);
  }

  /** The counter whose picture changed, if any. */
  leave(socketId: string): string | null {
    const officer = this.sockets.get(socketId);
    if (!officer) return null;
    this.sockets.delete(socketId);
    const changed = this.at(officer.counterId)?.username !== officer.username;
    return this.changed(officer.counterId, changed) ? officer.counterId : null;
  }

  private changed(counterId: string, changed: boolean): boolean {
    if (changed) for (const listener of this.listeners) listener(counterId);
    return changed;
  }

  /** The officer at the counter: the earliest still connected. */
  at(counterId: string): PresentOfficer | null {
    let found: PresentOfficer | null = null;
    for (const o of this.sockets.values())
      if (o.counterId === counterId && (found === null || o.since < found.since)) found = o;
    return found;
  }

  list(): PresentOfficer[] {
    const counters = new Set([...this.sockets.values()].map((o) => o.counterId));
    return [...counters]
      .flatMap((id) => this.at(id) ?? [])
      .sort((a, b) => a.counterId.localeCompare(b.counterId));
  }
}
