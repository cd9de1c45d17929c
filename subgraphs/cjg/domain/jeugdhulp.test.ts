import { describe, expect, it } from 'vitest';
import { everyTransition } from '../../../test/support/proces';
import { beginStatus, jeugdhulpAfgeleid, jeugdhulpProces, JEUGDHULP_STAPPEN, type JeugdhulpStap, type JeugdhulpStatus } from './jeugdhulp';

/** The Jeugd chain, written out by hand: a doctor's verwijzing skips the beschikking (Jeugdwet art. 2.6). */
const JEUGD: Record<JeugdhulpStatus, Partial<Record<JeugdhulpStap, JeugdhulpStatus>>> = {
  VERWEZEN: { assignToewijzing: 'TOEGEWEZEN' },
  AANVRAAG_ONTVANGEN: { grant: 'TOEGEKEND', reject: 'AFGEWEZEN' },
  TOEGEKEND: { assignToewijzing: 'TOEGEWEZEN' },
  AFGEWEZEN: {},
  TOEGEWEZEN: { startZorg: 'IN_ZORG' },
  IN_ZORG: { stopZorg: 'BEEINDIGD' },
  BEEINDIGD: {},
};

describe('the Jeugd chain (domain, no I/O)', () => {
  everyTransition(jeugdhulpProces, JEUGDHULP_STAPPEN, JEUGD);

  it('starts a doctor’s verwijzing at the toewijzing and the gemeente’s at the aanvraag', () => {
    expect(beginStatus('HUISARTS')).toBe('VERWEZEN');
    expect(beginStatus('JEUGDARTS')).toBe('VERWEZEN');
    expect(beginStatus('MEDISCH_SPECIALIST')).toBe('VERWEZEN');
    expect(beginStatus('GEMEENTE')).toBe('AANVRAAG_ONTVANGEN');
  });

  it('gives the beschikking eight weeks (Awb 4:13), running on past a weekend', () => {
    const stand = { status: 'AANVRAAG_ONTVANGEN' as const, statusSinds: '2026-09-05', aanvraagOntvangenOp: '2026-09-05', ingangsdatum: null, toewijzingIngangsdatum: null, geldigTot: null };
    // 2026-09-05 is a Saturday: eight weeks later is Saturday 31 October, which runs on to Monday 2 November.
    expect(jeugdhulpAfgeleid(stand)).toEqual({
      beschikkingUiterlijk: '2026-11-02',
      open: { stap: 'BESCHIKKING', sinds: '2026-09-05', uiterlijk: '2026-11-02', termijnBron: 'Awb art. 4:13 lid 2' },
    });
  });
});
