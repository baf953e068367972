import { deepStrictEqual, fail } from 'node:assert/strict';
import type { Command } from './command.types';
import type { Decider } from './decider.types';
import { DomainError } from './errors';
import type { Actor, DomainEvent } from './event.types';

export const SPEC_NOW = new Date('2026-03-03T09:00:00.000Z');
export const SPEC_ACTOR: Actor = { id: 'admin-1', role: 'admin' };

/**
 * given(past events) → when(command) → then(events | error code | nothing). Plain functions,
 * no Nest, no mocks: a spec reads like the rule it checks.
 */
export function DeciderSpecification<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(past: readonly E[] = []) {
      return {
        when(command: Omit<C, 'metadata'> & { metadata?: C['metadata'] }) {
          const run = () => {
            const state = past.reduce(decider.evolve, decider.initialState());
            const full = { metadata: { now: SPEC_NOW, actor: SPEC_ACTOR }, ...command } as C;
            return decider.decide(full, state);
          };
          return {
            then(expected: readonly E[]): void {
              deepStrictEqual(run(), expected);
            },
            thenNothing(): void {
              deepStrictEqual(run(), []);
            },
            thenThrows(code: string, kind?: DomainError['kind']): DomainError {
              let produced: readonly E[];
              try {
                produced = run();
              } catch (error) {
                if (!(error instanceof DomainError)) throw error;
                deepStrictEqual({ code: error.code, kind: kind ?? error.kind }, { code, kind: error.kind });
                return error;
              }
              return fail(`expected ${code}, but the command produced ${JSON.stringify(produced)}`);
            },
          };
        },
      };
    },
  };
}
