/**
 * Counters a service keeps about itself: how many GraphQL operations (subgraph fetches) it served and how
 * many SQL statements it issued. Tests assert on them (statements per fetch do not depend on the machine);
 * the benchmark reads them to report cost per request.
 */
export class ServiceStats {
  fetches = 0;
  statements = 0;

  reset(): void {
    this.fetches = 0;
    this.statements = 0;
  }

  snapshot(): { fetches: number; statements: number } {
    return { fetches: this.fetches, statements: this.statements };
  }
}
