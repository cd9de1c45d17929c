/**
 * The household picture for a wijkteam member (and any professional, who sees less): who lives there, which
 * loketten are involved and whom to call, the open steps against their legal deadlines, one timeline of
 * every contact, each loket's records where the caller may see them, and the casus with its plan and
 * Grondslagen. A part the caller may not see says so and why; the rest still shows.
 */
import { Heading1, Heading3, Link, Paragraph, StatusBadge } from '@utrecht/component-library-react/css-module';
import { useState, type ReactNode } from 'react';
import { foutenOnder, foutenOp, type Fout } from '../graphql';
import { SchermHuishoudenDocument, type SchermHuishoudenQuery } from '../gql/graphql';
import { useVraag } from '../hooks';
import { t } from '../i18n';
import { datum, Fouten, Laden, Sectie, Weigering } from '../components/ui';
import { Tabel } from '../components/Tabel';
import { Casus } from './Casus';
import { Tijdlijn, type TijdlijnFilter } from './Tijdlijn';

type Beeld = NonNullable<SchermHuishoudenQuery['huishouden']>;

export function Huishouden({ id }: { id: string }) {
  const [filter, setFilter] = useState<TijdlijnFilter>({});
  const { antwoord, laden, herlaad } = useVraag(SchermHuishoudenDocument, { id, ...filter });
  if (!antwoord) return <Laden />;
  const h = antwoord.data?.huishouden;
  const fouten = antwoord.errors;
  if (!h) {
    return (
      <>
        <Heading1>{t.zoeken.geenResultaat}</Heading1>
        <Fouten fouten={fouten} />
        <Link href="#/zoeken">{t.huishouden.terug}</Link>
      </>
    );
  }
  return (
    <>
      <Link href="#/zoeken">{t.huishouden.terug}</Link>
      <Heading1>{t.huishouden.titel(`${h.adres.adresregel1}, ${h.adres.adresregel2}`)}</Heading1>
      <Paragraph>{h.wijk.naam}</Paragraph>
      {laden ? <Laden /> : null}
      <Bewoners leden={h.leden} />
      <Betrokkenheid beeld={h} fouten={foutenOnder(fouten, 'huishouden', 'betrokkenheid')} />
      <OpenStappen beeld={h} />
      <Tijdlijn momenten={h.contactmomenten} fouten={foutenOp(fouten, 'huishouden', 'contactmomenten')} filter={filter} setFilter={setFilter} />
      <Dossiers beeld={h} fouten={fouten} />
      <Casus beeld={h} fouten={foutenOnder(fouten, 'huishouden', 'casus')} herlaad={herlaad} />
    </>
  );
}

function Bewoners({ leden }: { leden: Beeld['leden'] }) {
  return (
    <Sectie id="bewoners" titel={t.huishouden.bewoners}>
      <Tabel
        bijschrift={t.huishouden.bewoners}
          verborgen
        testId="bewoners"
        rijen={leden}
        sleutel={(p) => p.bsn}
        kolommen={[
          { kop: t.huishouden.naam, cel: (p) => p.naam.volledigeNaam },
          { kop: t.huishouden.geboortedatum, cel: (p) => datum(p.geboortedatum) },
          { kop: t.huishouden.leeftijd, cel: (p) => t.huishouden.jaar(p.leeftijd), getal: true },
        ]}
      />
    </Sectie>
  );
}

function Betrokkenheid({ beeld, fouten }: { beeld: Beeld; fouten: Fout[] }) {
  const rijen = beeld.betrokkenheid ?? [];
  return (
    <Sectie id="betrokkenheid" titel={t.huishouden.betrokkenheid} uitleg={t.huishouden.betrokkenheidUitleg}>
      {fouten.length ? <Weigering fouten={fouten} wat={t.huishouden.betrokkenheid} /> : null}
      {beeld.betrokkenheid && !rijen.length ? <Paragraph>{t.huishouden.geenBetrokkenheid}</Paragraph> : null}
      {rijen.length ? (
        <Tabel
          bijschrift={t.huishouden.betrokkenheid}
          verborgen
          testId="betrokkenheid"
          rijen={rijen}
          sleutel={(b) => b.loket}
          kolommen={[
            { kop: t.huishouden.loket, cel: (b) => t.loketten[b.loket] ?? b.loket },
            { kop: t.huishouden.sinds, cel: (b) => datum(b.sinds) },
            { kop: t.huishouden.status, cel: (b) => <StatusBadge status={b.status === 'OPEN' ? 'active' : 'inactive'}>{t.status[b.status]}</StatusBadge> },
            { kop: t.huishouden.contactpersoon, cel: (b) => b.contactpersoon.naam },
            { kop: t.huishouden.telefoon, cel: (b) => <a href={`tel:${b.contactpersoon.telefoon.replace(/\s/g, '')}`}>{b.contactpersoon.telefoon}</a> },
          ]}
        />
      ) : null}
    </Sectie>
  );
}

function OpenStappen({ beeld }: { beeld: Beeld }) {
  const stappen = (beeld.betrokkenheid ?? []).flatMap((b) => b.openStappen);
  return (
    <Sectie id="open-stappen" titel={t.huishouden.openStappen}>
      {!stappen.length ? <Paragraph>{t.huishouden.geenStappen}</Paragraph> : (
        <Tabel
          bijschrift={t.huishouden.openStappen}
          verborgen
          testId="open-stappen"
          rijen={stappen}
          sleutel={(s) => s.id}
          kolommen={[
            { kop: t.huishouden.loket, cel: (s) => t.loketten[s.loket] ?? s.loket },
            { kop: t.huishouden.stap, cel: (s) => t.stappen[s.stap] ?? s.stap },
            { kop: t.huishouden.sinds, cel: (s) => datum(s.sinds) },
            { kop: t.huishouden.uiterlijk, cel: (s) => (s.uiterlijk ? <span title={s.termijnBron ?? undefined}>{datum(s.uiterlijk)}</span> : t.algemeen.leeg) },
            {
              kop: t.huishouden.termijn,
              cel: (s) => (s.termijnVerstreken ? <strong className="ll-verstreken" data-verstreken="ja">{t.huishouden.verstreken}</strong> : s.dagenResterend !== null ? t.huishouden.dagenResterend(s.dagenResterend) : t.algemeen.leeg),
            },
            { kop: t.huishouden.behandelaar, cel: (s) => s.behandelaar ?? t.algemeen.leeg },
          ]}
        />
      )}
    </Sectie>
  );
}

/** Each loket's own records: content where the caller may see it, else the refusal in words. */
function Dossiers({ beeld, fouten }: { beeld: Beeld; fouten: readonly Fout[] }) {
  const blok = (veld: 'wmo' | 'cjg' | 'werkplein', loket: string, inhoud: () => ReactNode) => {
    const geweigerd = foutenOnder(fouten, 'huishouden', veld);
    return (
      <section aria-labelledby={`dossier-${veld}`} className="ll-kaart" data-testid={`dossier-${veld}`}>
        <Heading3 id={`dossier-${veld}`}>{t.loketten[loket]}</Heading3>
        {geweigerd.length ? <Weigering fouten={geweigerd} wat={t.loketten[loket]!} /> : beeld[veld] ? inhoud() : <Paragraph>{t.huishouden.geenDossier}</Paragraph>}
      </section>
    );
  };
  return (
    <Sectie id="dossiers" titel={t.huishouden.dossiers}>
      <div className="ll-dossiers">
        {blok('wmo', 'WMO', () => <Wmo dossier={beeld.wmo!} naam={naamVan(beeld)} />)}
        {blok('cjg', 'CJG', () => <Cjg dossier={beeld.cjg!} naam={naamVan(beeld)} />)}
        {blok('werkplein', 'WERKPLEIN', () => <Werkplein dossier={beeld.werkplein!} />)}
      </div>
    </Sectie>
  );
}

/** A member's name by BSN, from the picture's own `leden`: the records carry the BSN only. */
function naamVan(beeld: Beeld): (persoon: { bsn: string } | null) => string {
  const namen = new Map(beeld.leden.map((p) => [p.bsn, p.naam.volledigeNaam]));
  return (persoon) => (persoon ? namen.get(persoon.bsn) ?? persoon.bsn : t.algemeen.leeg);
}

type NaamVan = ReturnType<typeof naamVan>;

function Wmo({ dossier, naam }: { dossier: NonNullable<Beeld['wmo']>; naam: NaamVan }) {
  return (
    <>
      <Tabel
        bijschrift={t.huishouden.meldingen}
        rijen={dossier.meldingen}
        sleutel={(m) => m.id}
        kolommen={[
          { kop: t.huishouden.meldingsdatum, cel: (m) => datum(m.meldingsdatum) },
          { kop: t.huishouden.onderwerp, cel: (m) => m.onderwerp },
          { kop: t.huishouden.status, cel: (m) => t.status[m.status] ?? m.status },
          { kop: t.huishouden.onderzoekUiterlijk, cel: (m) => <span className={m.termijnVerstreken ? 'll-verstreken' : undefined}>{datum(m.onderzoekUiterlijk)}{m.termijnVerstreken ? ` (${t.huishouden.verstreken})` : ''}</span> },
        ]}
      />
      <Tabel
        bijschrift={t.huishouden.voorzieningen}
        rijen={dossier.voorzieningen}
        sleutel={(v) => v.id}
        kolommen={[
          { kop: t.huishouden.product, cel: (v) => v.productcategorie.naam },
          { kop: t.huishouden.client, cel: (v) => naam(v.client) },
          { kop: t.huishouden.status, cel: (v) => t.status[v.status] ?? v.status },
          { kop: t.huishouden.ingang, cel: (v) => datum(v.ingangsdatum) },
        ]}
      />
    </>
  );
}

function Cjg({ dossier, naam }: { dossier: NonNullable<Beeld['cjg']>; naam: NaamVan }) {
  return (
    <Tabel
      bijschrift={t.huishouden.jeugdhulp}
      rijen={dossier.jeugdhulptrajecten}
      sleutel={(j) => j.id}
      kolommen={[
        { kop: t.huishouden.product, cel: (j) => j.productcategorie.naam },
        { kop: t.huishouden.jeugdige, cel: (j) => naam(j.jeugdige) },
        { kop: t.huishouden.status, cel: (j) => t.status[j.status] ?? j.status },
        { kop: t.huishouden.verwijsdatum, cel: (j) => datum(j.verwijsdatum) },
      ]}
    />
  );
}

function Werkplein({ dossier }: { dossier: NonNullable<Beeld['werkplein']> }) {
  return (
    <>
      <Tabel
        bijschrift={t.huishouden.uitkeringen}
        rijen={dossier.uitkeringen}
        sleutel={(u) => u.id}
        kolommen={[
          { kop: t.huishouden.regeling, cel: (u) => u.regeling },
          { kop: t.huishouden.norm, cel: (u) => u.norm },
          { kop: t.huishouden.status, cel: (u) => t.status[u.status] ?? u.status },
          { kop: t.huishouden.ingang, cel: (u) => datum(u.ingangsdatum) },
        ]}
      />
      <Tabel
        bijschrift={t.huishouden.trajecten}
        rijen={dossier.trajecten}
        sleutel={(tr) => tr.id}
        kolommen={[
          { kop: t.huishouden.soort, cel: (tr) => tr.soort },
          { kop: t.huishouden.status, cel: (tr) => t.status[tr.status] ?? tr.status },
          { kop: t.huishouden.start, cel: (tr) => datum(tr.startdatum) },
        ]}
      />
    </>
  );
}

