/**
 * A generic finite-state machine over a transition table given as data.
 * Domain modules declare their table; the machine answers what is allowed.
 */
export type TransitionTable<S extends string> = Record<S, readonly S[]>;

export class StateMachine<S extends string> {
  constructor(private readonly table: TransitionTable<S>) {}

  canTransition(from: S, to: S): boolean {
    return this.table[from]?.includes(to) ?? false;
  }

  nextStates(from: S): readonly S[] {
    return this.table[from] ?? [];
  }

  isFinal(state: S): boolean {
    return this.nextStates(state).length === 0;
  }
}
