/**
 * Fair use of a process's delivery workers. Deliveries are grouped in lanes: all the endpoints of
 * one partner key share a lane, each staff endpoint has its own. A lane runs at most `cap`
 * attempts at once in this process (half the workers, at least one), so an endpoint that never
 * answers can hold only its share and every other lane keeps the rest.
 *
 * A delivery whose lane is full must not wait for it in a worker (a lane that hangs would then
 * hold every worker after all). Only a lane that answers fast (its attempts, including those still
 * running, take at most MAX_WAIT_MS) is waited for, at most MAX_WAIT_MS: its slots free within
 * that. Otherwise the delivery is put back in the queue to start later, at the lane's next slot as
 * far as its answer times tell; the slots handed out are spaced by those times, so a lane with a
 * long backlog is picked up about as often as it can be served, not over and over.
 */
const MAX_WAIT_MS = 100;
const POLL_MS = 5;

interface Lane {
  running: Map<number, number>;
  nextSlot: number;
  latencyMs: number;
}

export class FairShare {
  private readonly lanes = new Map<string, Lane>();
  private ticket = 0;

  constructor(
    readonly cap: number,
    private readonly timeoutMs: number,
  ) {}

  static capFor(workers: number): number {
    return Math.max(1, Math.ceil(workers / 2));
  }

  private state(lane: string): Lane {
    let state = this.lanes.get(lane);
    if (!state) this.lanes.set(lane, (state = { running: new Map(), nextSlot: 0, latencyMs: 50 }));
    return state;
  }

  private tryEnter(state: Lane, now: number): number | undefined {
    if (state.running.size >= this.cap) return undefined;
    const ticket = ++this.ticket;
    state.running.set(ticket, now);
    return ticket;
  }

  /** How long an attempt of the lane takes: its recent answers, and at least the age of the oldest one still running. */
  private expected(state: Lane, now: number): number {
    const oldest = Math.min(now, ...state.running.values());
    return Math.min(this.timeoutMs, Math.max(state.latencyMs, now - oldest));
  }

  /** Takes a slot of `lane` (give it back with `leave`), or says when to try again. */
  async enter(lane: string): Promise<{ ticket: number } | { retryAt: Date }> {
    const start = Date.now();
    let ticket = this.tryEnter(this.state(lane), start);
    while (
      ticket === undefined &&
      Date.now() - start < MAX_WAIT_MS &&
      this.expected(this.state(lane), Date.now()) <= MAX_WAIT_MS
    ) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      ticket = this.tryEnter(this.state(lane), Date.now()); // the lane is looked up again: an idle one is forgotten
    }
    if (ticket !== undefined) return { ticket };
    const state = this.state(lane);
    const now = Date.now();
    const spacing = Math.max(10, Math.round(this.expected(state, now) / this.cap));
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
