/**
 * Fair use of a process's delivery workers. Deliveries are grouped in lanes: all the endpoints of
 * one partner key share a lane, each staff endpoint has its own. A lane runs at most `cap`
 * attempts at once in this process (half the workers, at least one), so an endpoint that never
 * answers can hold only its share and every other lane keeps the rest. A delivery whose lane is
 * full is not waited for (that would hold a worker): it is put back in the queue to start later,
 * at the lane's next free slot as far as its recent answer times tell. The slots handed out are
 * spaced by those times, so a lane with a long backlog is picked up about as often as it can be
 * served, not over and over.
 */
export class FairShare {
  private readonly lanes = new Map<string, { running: Map<number, number>; nextSlot: number; latencyMs: number }>();
  private ticket = 0;

  constructor(readonly cap: number, private readonly timeoutMs: number) {}

  static capFor(workers: number): number {
    return Math.max(1, Math.ceil(workers / 2));
  }

  /** Takes a slot of `lane` (call `leave` with the ticket when done), or says when to try again. */
  enter(lane: string, now = Date.now()): { ticket: number } | { retryAt: Date } {
    let state = this.lanes.get(lane);
    if (!state) this.lanes.set(lane, (state = { running: new Map(), nextSlot: 0, latencyMs: 1000 }));
    if (state.running.size < this.cap) {
      const ticket = ++this.ticket;
      state.running.set(ticket, now);
      return { ticket };
    }
    // An attempt still running counts as at least as slow as it has been so far.
    const oldest = Math.min(...state.running.values());
    const expected = Math.min(this.timeoutMs, Math.max(state.latencyMs, now - oldest));
    const spacing = Math.max(250, Math.round(expected / this.cap));
    state.nextSlot = Math.max(state.nextSlot, now) + spacing;
    return { retryAt: new Date(state.nextSlot) };
  }

  leave(lane: string, ticket: number, latencyMs: number, now = Date.now()): void {
    const state = this.lanes.get(lane);
    if (!state) return;
    state.running.delete(ticket);
    state.latencyMs = Math.round(state.latencyMs * 0.7 + Math.min(latencyMs, this.timeoutMs) * 0.3);
    if (!state.running.size && state.nextSlot <= now) this.lanes.delete(lane); // forget idle lanes
  }
}
