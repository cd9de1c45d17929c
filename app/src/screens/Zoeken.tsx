/**
 * Find a household: by address (postcode and house number), by BSN (11-proef checked as you type), or by
 * browsing a wijk a page at a time. Every way ends in a link to the household picture.
 */
import { Button, FormField, FormFieldDescription, FormFieldTextbox, FormLabel, Heading1, Link, Paragraph, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import { useState, type FormEvent } from 'react';
import { isValidBsn } from '../../../subgraphs/kit/bsn';
import { Fouten, Laden, Sectie } from '../components/ui';
import { Tabel } from '../components/Tabel';
import { SchermWijkenDocument, SchermWijkHuishoudensDocument, SchermZoekAdresDocument, SchermZoekBsnDocument } from '../gql/graphql';
import { useVraag } from '../hooks';
import { t } from '../i18n';

interface Gevonden {
  id: string;
  adres: { adresregel1: string; adresregel2: string };
  leden: { bsn: string; naam?: { volledigeNaam: string }; leeftijd?: number }[];
}

export function Zoeken() {
  return (
    <>
      <Heading1>{t.zoeken.titel}</Heading1>
      <div className="ll-kaarten">
        <OpAdres />
        <OpBsn />
      </div>
      <InWijk />
    </>
  );
}

function Resultaten({ huishoudens, bijschrift }: { huishoudens: Gevonden[]; bijschrift: string }) {
  if (!huishoudens.length) return <Paragraph role="status">{t.zoeken.geenResultaat}</Paragraph>;
  return (
    <Tabel
      bijschrift={bijschrift}
      rijen={huishoudens}
      sleutel={(h) => h.id}
      kolommen={[
        { kop: t.zoeken.adres, cel: (h) => <Link href={`#/huishouden/${encodeURIComponent(h.id)}`}>{`${h.adres.adresregel1}, ${h.adres.adresregel2}`}</Link> },
        { kop: t.zoeken.bewoners, cel: (h) => h.leden.map((l) => (l.naam ? `${l.naam.volledigeNaam} (${l.leeftijd})` : '')).filter(Boolean).join(', ') || h.leden.length },
      ]}
    />
  );
}

function OpAdres() {
  const [postcode, setPostcode] = useState('');
  const [huisnummer, setHuisnummer] = useState('');
  const [gezocht, setGezocht] = useState<{ postcode: string; huisnummer: number } | null>(null);
  const { antwoord, laden } = useVraag(SchermZoekAdresDocument, gezocht);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setGezocht({ postcode: postcode.trim(), huisnummer: Number.parseInt(huisnummer, 10) });
  };
  return (
    <Sectie id="zoek-adres" titel={t.zoeken.opAdres}>
      <form onSubmit={submit} className="ll-rij">
        <FormFieldTextbox label={t.zoeken.postcode} description={t.zoeken.postcodeUitleg} id="postcode" name="postcode" autoComplete="postal-code" required value={postcode} onChange={(e) => setPostcode((e.target as HTMLInputElement).value)} />
        <FormFieldTextbox label={t.zoeken.huisnummer} id="huisnummer" name="huisnummer" type="number" min={1} required value={huisnummer} onChange={(e) => setHuisnummer((e.target as HTMLInputElement).value)} />
        <Button appearance="primary-action-button" type="submit">{t.zoeken.zoek}</Button>
      </form>
      {laden ? <Laden /> : null}
      {antwoord && !laden ? (
        <>
          <Fouten fouten={antwoord.errors} />
          {antwoord.data?.huishoudens ? <Resultaten huishoudens={antwoord.data.huishoudens.edges.map((e) => e.node)} bijschrift={t.zoeken.resultaten} /> : null}
        </>
      ) : null}
    </Sectie>
  );
}

function OpBsn() {
  const [bsn, setBsn] = useState('');
  const [gezocht, setGezocht] = useState<{ bsn: string } | null>(null);
  const { antwoord, laden } = useVraag(SchermZoekBsnDocument, gezocht);
  const cijfers = bsn.replace(/\s/g, '');
  const geldig = isValidBsn(cijfers);
  const status = !cijfers ? null : cijfers.length < 9 && /^\d*$/.test(cijfers) ? t.zoeken.bsnTeKort(cijfers.length) : geldig ? t.zoeken.bsnGeldig : t.zoeken.bsnOngeldig;
  const ongeldig = cijfers.length >= 9 && !geldig;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (geldig) setGezocht({ bsn: cijfers });
  };
  const persoon = antwoord?.data?.persoon;
  return (
    <Sectie id="zoek-bsn" titel={t.zoeken.opBsn}>
      <form onSubmit={submit} className="ll-rij">
        <FormFieldTextbox
          label={t.zoeken.bsn}
          description={t.zoeken.bsnUitleg}
          id="bsn"
          name="bsn"
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          invalid={ongeldig}
          errorMessage={ongeldig ? t.zoeken.bsnOngeldig : undefined}
          status={<span aria-live="polite" id="bsn-status">{ongeldig ? '' : status}</span>}
          value={bsn}
          onChange={(e) => setBsn((e.target as HTMLInputElement).value)}
        />
        <Button appearance="primary-action-button" type="submit" disabled={!geldig}>{t.zoeken.zoek}</Button>
      </form>
      {laden ? <Laden /> : null}
      {antwoord && !laden ? (
        <>
          <Fouten fouten={antwoord.errors} />
          {!antwoord.errors.length ? <Resultaten huishoudens={persoon?.huishouden ? [persoon.huishouden] : []} bijschrift={t.zoeken.resultaten} /> : null}
        </>
      ) : null}
    </Sectie>
  );
}

function InWijk() {
  const wijken = useVraag(SchermWijkenDocument, {});
  const [wijk, setWijk] = useState('');
  const [pagina, setPagina] = useState<{ wijk: string; cursors: (string | null)[] } | null>(null);
  const variabelen = pagina ? { wijk: pagina.wijk, after: pagina.cursors[pagina.cursors.length - 1] ?? null } : null;
  const { antwoord, laden } = useVraag(SchermWijkHuishoudensDocument, variabelen);
  const page = antwoord?.data?.huishoudens;
  return (
    <Sectie id="zoek-wijk" titel={t.zoeken.inWijk}>
      <form className="ll-rij" onSubmit={(e) => { e.preventDefault(); if (wijk) setPagina({ wijk, cursors: [null] }); }}>
        <FormField type="select">
          <FormLabel htmlFor="wijk">{t.zoeken.wijk}</FormLabel>
          <Select id="wijk" value={wijk} onChange={(e) => setWijk(e.target.value)} required>
            <SelectOption value="">{t.zoeken.kiesWijk}</SelectOption>
            {(wijken.antwoord?.data?.wijken ?? []).map((w) => (
              <SelectOption key={w.code} value={w.code}>{w.naam}</SelectOption>
            ))}
          </Select>
        </FormField>
        <Button appearance="secondary-action-button" type="submit">{t.zoeken.toon}</Button>
      </form>
      {wijken.antwoord ? <Fouten fouten={wijken.antwoord.errors} /> : null}
      {laden ? <Laden /> : null}
      {antwoord && !laden ? <Fouten fouten={antwoord.errors} /> : null}
      {page && pagina && !laden ? (
        <>
          <Paragraph role="status">{t.zoeken.aantal(page.totalCount)} · {t.zoeken.pagina(pagina.cursors.length)}</Paragraph>
          <Resultaten huishoudens={page.edges.map((e) => e.node)} bijschrift={`${t.zoeken.resultaten}: ${t.zoeken.pagina(pagina.cursors.length)}`} />
          <nav aria-label={t.zoeken.inWijk} className="ll-rij">
            <Button appearance="secondary-action-button" type="button" disabled={pagina.cursors.length < 2} onClick={() => setPagina({ ...pagina, cursors: pagina.cursors.slice(0, -1) })}>{t.zoeken.vorige}</Button>
            <Button appearance="secondary-action-button" type="button" disabled={!page.pageInfo.hasNextPage} onClick={() => setPagina({ ...pagina, cursors: [...pagina.cursors, page.pageInfo.endCursor] })}>{t.zoeken.volgende}</Button>
          </nav>
        </>
      ) : null}
    </Sectie>
  );
}
