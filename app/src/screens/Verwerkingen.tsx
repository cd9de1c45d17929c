/**
 * The processing log: the functionaris gegevensbescherming searches a resident's log by BSN; a resident
 * sees who looked at their own data, when, why and on which basis (AVG art. 15).
 */
import { Button, FormFieldTextbox, Heading1, Paragraph } from '@utrecht/component-library-react/css-module';
import { useState, type FormEvent } from 'react';
import { isValidBsn } from '../../../subgraphs/kit/bsn';
import { Fouten, Laden, tijdstip } from '../components/ui';
import { Tabel } from '../components/Tabel';
import { SchermMijnVerwerkingenDocument, SchermVerwerkingenDocument, type SchermVerwerkingenQuery } from '../gql/graphql';
import { useVraag } from '../hooks';
import { t } from '../i18n';

type Regel = NonNullable<NonNullable<SchermVerwerkingenQuery['verwerkingen']>['verwerkingen']>[number];

function Periode({ van, tot, setVan, setTot }: { van: string; tot: string; setVan: (v: string) => void; setTot: (v: string) => void }) {
  return (
    <>
      <FormFieldTextbox label={t.verwerkingen.van} id="log-van" type="date" value={van} onChange={(e) => setVan((e.target as HTMLInputElement).value)} />
      <FormFieldTextbox label={t.verwerkingen.tot} id="log-tot" type="date" value={tot} onChange={(e) => setTot((e.target as HTMLInputElement).value)} />
    </>
  );
}

/** The client's operation, without the gateway's `__subgraph__n` of the fetch, in words where it is a screen's. */
function operatie(naam: string): string {
  const client = naam.replace(/__\w+__\d+$/, '');
  return t.verwerkingen.operaties[client] ?? client;
}

function Logboek({ regels }: { regels: Regel[] | null | undefined }) {
  if (!regels) return null;
  if (!regels.length) return <Paragraph role="status">{t.verwerkingen.geen}</Paragraph>;
  const v = t.verwerkingen;
  return (
    <>
      <Paragraph role="status">{v.aantal(regels.length)}</Paragraph>
      <Tabel
        bijschrift={v.titel}
        testId="verwerkingen"
        rijen={regels}
        sleutel={(r, i) => `${r.tijdstip}-${i}`}
        kolommen={[
          { kop: v.tijdstip, cel: (r) => <time dateTime={r.tijdstip}>{tijdstip(r.tijdstip)}</time> },
          { kop: v.bron, cel: (r) => t.loketten[r.bron] ?? r.bron },
          { kop: v.handeling, cel: (r) => `${v.handelingen[r.handeling] ?? r.handeling}: ${operatie(r.operatie)}` },
          { kop: v.wie, cel: (r) => `${t.rollen[r.actor.rol] ?? r.actor.rol}, ${r.actor.organisatie}` },
          { kop: v.doel, cel: (r) => r.doel ?? t.algemeen.leeg },
          { kop: v.grondslag, cel: (r) => (r.grondslag ? v.grondslagen[r.grondslag] : t.algemeen.leeg) },
          { kop: v.resultaat, cel: (r) => `${v.resultaten[r.resultaat] ?? r.resultaat}${r.weigering ? `: ${r.weigering}` : ''}` },
        ]}
      />
    </>
  );
}

export function Verwerkingen() {
  const [bsn, setBsn] = useState('');
  const [van, setVan] = useState('');
  const [tot, setTot] = useState('');
  const [gezocht, setGezocht] = useState<{ bsn: string; van?: string; tot?: string } | null>(null);
  const { antwoord, laden } = useVraag(SchermVerwerkingenDocument, gezocht);
  const geldig = isValidBsn(bsn.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (geldig) setGezocht({ bsn: bsn.trim(), ...(van ? { van } : {}), ...(tot ? { tot } : {}) });
  };
  return (
    <>
      <Heading1>{t.verwerkingen.titel}</Heading1>
      <Paragraph>{t.verwerkingen.uitleg}</Paragraph>
      <form onSubmit={submit} className="ll-rij">
        <FormFieldTextbox label={t.verwerkingen.bsn} id="log-bsn" required invalid={bsn.trim().length >= 9 && !geldig} errorMessage={bsn.trim().length >= 9 && !geldig ? t.zoeken.bsnOngeldig : undefined} value={bsn} onChange={(e) => setBsn((e.target as HTMLInputElement).value)} />
        <Periode van={van} tot={tot} setVan={setVan} setTot={setTot} />
        <Button appearance="primary-action-button" type="submit" disabled={!geldig}>{t.verwerkingen.zoek}</Button>
      </form>
      {laden ? <Laden /> : null}
      {antwoord && !laden ? (
        <>
          <Fouten fouten={antwoord.errors} />
          <Logboek regels={antwoord.data?.verwerkingen?.verwerkingen} />
        </>
      ) : null}
    </>
  );
}

export function MijnVerwerkingen() {
  const [van, setVan] = useState('');
  const [tot, setTot] = useState('');
  const [periode, setPeriode] = useState<{ van?: string; tot?: string }>({});
  const { antwoord, laden } = useVraag(SchermMijnVerwerkingenDocument, periode);
  return (
    <>
      <Heading1>{t.verwerkingen.mijnTitel}</Heading1>
      <Paragraph>{t.verwerkingen.mijnUitleg}</Paragraph>
      <form onSubmit={(e) => { e.preventDefault(); setPeriode({ ...(van ? { van } : {}), ...(tot ? { tot } : {}) }); }} className="ll-rij">
        <Periode van={van} tot={tot} setVan={setVan} setTot={setTot} />
        <Button appearance="primary-action-button" type="submit">{t.verwerkingen.zoek}</Button>
      </form>
      {laden ? <Laden /> : null}
      {antwoord && !laden ? (
        <>
          <Fouten fouten={antwoord.errors} />
          <Logboek regels={antwoord.data?.mijnVerwerkingen?.verwerkingen} />
        </>
      ) : null}
    </>
  );
}
