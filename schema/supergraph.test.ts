import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, SUPERGRAPH_PATH } from './compose';

describe('the committed supergraph', () => {
  const composed = composeSupergraph();

  it('composes without errors or hints', () => {
    expect(composed.hints).toEqual([]);
  });

  it('is what the subgraph schemas compose to today (run `npm run compose` after changing one)', () => {
    expect(readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(composed.supergraphSdl);
  });

  it('uses only Federation 2 spec directives, no runtime-specific authorization directives', () => {
    expect(composed.supergraphSdl).not.toMatch(/@(authenticated|requiresScopes|policy)\b/);
    expect(composed.supergraphSdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/join\/v0\.\d+"/);
  });

  it('keeps the per-loket views inaccessible and the merged views public', () => {
    expect(composed.supergraphSdl).toMatch(/wmoContactmomenten: \[Contactmoment!\]! @inaccessible/);
    expect(composed.supergraphSdl).toMatch(/contactmomenten\(van: Date, tot: Date, loketten: \[Loket!\]\): \[Contactmoment!\] @join__field\(graph: WIJKTEAM, requires:/);
  });
});
