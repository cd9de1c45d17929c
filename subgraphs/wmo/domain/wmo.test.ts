import { describe, expect, it } from 'vitest';
import { magStap } from '../../kit/proces';
import { everyTransition } from '../../../test/support/proces';
import { aanvraagStatus, meldingAfgeleid, meldingProces, MELDING_STAPPEN, type MeldingStap, type MeldingStatus } from './melding';
import { verzoekProces, voorzieningOpenStap, voorzieningProces, VOORZIENING_STAPPEN, type VoorzieningStap, type VoorzieningStatus } from './voorziening';

/** The Wmo chain as the law and the iWmo standard have it, written out by hand: state → step → next state. */
const MELDING: Record<MeldingStatus, Partial<Record<MeldingStap, MeldingStatus>>> = {
  ONTVANGEN: { startOnderzoek: 'IN_ONDERZOEK', registerAanvraag: 'AANVRAAG_ONTVANGEN', withdraw: 'INGETROKKEN' },
  IN_ONDERZOEK: { recordVerslag: 'ONDERZOEK_AFGEROND', registerAanvraag: 'AANVRAAG_ONTVANGEN', withdraw: 'INGETROKKEN' },
  ONDERZOEK_AFGEROND: { registerAanvraag: 'AANVRAAG_ONTVANGEN', withdraw: 'INGETROKKEN' },
  AANVRAAG_ONTVANGEN: { recordBeschikking: 'BESCHIKT', withdraw: 'INGETROKKEN' },
  BESCHIKT: {},
  INGETROKKEN: {},
};

const VOORZIENING: Record<VoorzieningStatus, Partial<Record<VoorzieningStap, VoorzieningStatus>>> = {
  TOEGEKEND: { assignToewijzing: 'TOEGEWEZEN', endVoorziening: 'BEEINDIGD' },
  TOEGEWEZEN: { startLevering: 'IN_LEVERING', endVoorziening: 'BEEINDIGD' },
  IN_LEVERING: { stopLevering: 'GESTOPT' },
  GESTOPT: { assignToewijzing: 'TOEGEWEZEN', endVoorziening: 'BEEINDIGD' },
  BEEINDIGD: {},
};

describe('the Wmo chain (domain, no I/O)', () => {
  everyTransition(meldingProces, MELDING_STAPPEN, MELDING);
  everyTransition(voorzieningProces, VOORZIENING_STAPPEN, VOORZIENING);

  it('answers a verzoek om toewijzing once', () => {
    expect(magStap(verzoekProces, 'ONTVANGEN', 'honour')).toBe(true);
    expect(magStap(verzoekProces, 'ONTVANGEN', 'reject')).toBe(true);
    for (const done of ['TOEGEWEZEN', 'AFGEWEZEN'] as const) {
      expect(magStap(verzoekProces, done, 'honour')).toBe(false);
      expect(magStap(verzoekProces, done, 'reject')).toBe(false);
    }
  });

  it('takes an aanvraag before the verslag only once the six weeks of the onderzoek have passed (art. 2.3.2 lid 9)', () => {
    const melding = { status: 'IN_ONDERZOEK' as const, meldingsdatum: '2026-09-01', onderzoekUiterlijk: '2026-10-13', aanvraagOntvangenOp: null, beschikkingUiterlijk: null };
    expect(() => aanvraagStatus(melding, '2026-10-13')).toThrow(/INVALID_TRANSITION|not allowed/);
    expect(aanvraagStatus(melding, '2026-10-14')).toBe('AANVRAAG_ONTVANGEN');
    expect(aanvraagStatus({ ...melding, status: 'ONDERZOEK_AFGEROND' }, '2026-09-20')).toBe('AANVRAAG_ONTVANGEN');
  });

  it('derives the terms and the open step from the dates', () => {
    expect(meldingAfgeleid({ status: 'ONTVANGEN', meldingsdatum: '2026-11-01', aanvraagOntvangenOp: null })).toEqual({
      persoonlijkPlanUiterlijk: '2026-11-09',
      onderzoekUiterlijk: '2026-12-14',
      beschikkingUiterlijk: null,
      open: { stap: 'ONDERZOEK', sinds: '2026-11-01', uiterlijk: '2026-12-14', termijnBron: 'Wmo 2015 art. 2.3.2 lid 1' },
    });
    const aangevraagd = meldingAfgeleid({ status: 'AANVRAAG_ONTVANGEN', meldingsdatum: '2026-09-01', aanvraagOntvangenOp: '2026-10-20' });
    expect(aangevraagd.open).toEqual({ stap: 'BESCHIKKING', sinds: '2026-10-20', uiterlijk: '2026-11-03', termijnBron: 'Wmo 2015 art. 2.3.5 lid 1' });
    expect(meldingAfgeleid({ status: 'ONDERZOEK_AFGEROND', meldingsdatum: '2026-09-01', aanvraagOntvangenOp: null }).open).toBeNull();
  });

  it('owes a toewijzing, a levering or a herindicatie on a voorziening, and nothing on a pgb but its herindicatie', () => {
    const base = { statusSinds: '2026-10-01', ingangsdatum: '2026-11-01', einddatum: '2027-10-31', leveringsvorm: 'ZIN' as const, toewijzingIngangsdatum: null };
    expect(voorzieningOpenStap({ ...base, status: 'TOEGEKEND' })).toMatchObject({ stap: 'TOEWIJZING', uiterlijk: '2026-11-01' });
    expect(voorzieningOpenStap({ ...base, status: 'TOEGEWEZEN', toewijzingIngangsdatum: '2026-11-15' })).toMatchObject({ stap: 'LEVERING', uiterlijk: '2026-11-15' });
    expect(voorzieningOpenStap({ ...base, status: 'IN_LEVERING' })).toMatchObject({ stap: 'HERINDICATIE', sinds: '2027-09-05', uiterlijk: '2027-10-31' });
    expect(voorzieningOpenStap({ ...base, status: 'TOEGEKEND', leveringsvorm: 'PGB' })).toMatchObject({ stap: 'HERINDICATIE' });
    expect(voorzieningOpenStap({ ...base, status: 'BEEINDIGD' })).toBeNull();
  });
});

describe('a right granted or assigned from an earlier day', () => {
  it('is due at once, never before the step opened', () => {
    const stand = { statusSinds: '2026-10-10', ingangsdatum: '2026-10-01', einddatum: null, leveringsvorm: 'ZIN' as const };
    expect(voorzieningOpenStap({ ...stand, status: 'TOEGEKEND', toewijzingIngangsdatum: null })).toMatchObject({ sinds: '2026-10-10', uiterlijk: '2026-10-10' });
    expect(voorzieningOpenStap({ ...stand, status: 'TOEGEWEZEN', toewijzingIngangsdatum: '2026-10-01' })).toMatchObject({ stap: 'LEVERING', uiterlijk: '2026-10-10' });
  });
});
