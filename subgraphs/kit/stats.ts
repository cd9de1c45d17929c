/**
 * Counters a service keeps about itself: how many GraphQL operations (subgraph fetches) it served and how
 * many SQL statements it issued. Tests assert on them (statements per fetch do not depend on the machine);
 * the benchmark reads them to report cost per request.
 */
export class ServiceStats {
  fetches = 0;
  /** SQL statements that read or change data. */
  statements = 0;
  /** Inserts into the processing log, counted apart: at most one per fetch, whatever the fetch read. */
  logInserts = 0;

  reset(): void {
    this.fetches = 0;
    this.statements = 0;
    this.logInserts = 0;
  }

  snapshot(): { fetches: number; statements: number; logInserts: number } {
    return { fetches: this.fetches, statements: this.statements, logInserts: this.logInserts };
  }
}
