import { expect, it } from 'vitest';
import { magStap, type Proces } from '../../subgraphs/kit/proces';

/**
 * One test per state and step of a process: allowed and leading where `verwacht` says (written out by hand
 * in the test, from the law and the standard), refused everywhere else.
 */
export function everyTransition<S extends string, A extends string>(p: Proces<S, A>, stappen: readonly A[], verwacht: Record<S, Partial<Record<A, S>>>): void {
  for (const status of p.statussen) {
    for (const stap of stappen) {
      const naar = verwacht[status][stap];
      it(`${p.naam} ${status}: ${stap} ${naar ? `→ ${naar}` : 'is refused'}`, () => {
        expect(magStap(p, status, stap)).toBe(naar !== undefined);
        if (naar) expect(p.overgangen[stap].naar).toBe(naar);
      });
    }
  }
}
