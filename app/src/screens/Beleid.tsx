/**
 * The policy dashboard for the beleidsmedewerker: the stapeling table per wijk, lead times against the
 * legal terms, the channel mix and the flows per month, for a period. Each chart has the same figures as a
 * table under it (understandable without colour), and a withheld cell says it is withheld and why. There
 * is no link to a household or a person anywhere: the figures are all this role can ask for.
 */
import { Button, FormField, FormLabel, Heading1, Paragraph, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import { useState, type FormEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Fouten, Laden, Sectie, datum, legendaTekst } from '../components/ui';
import { Grafiek } from '../components/Grafiek';
import { Tabel } from '../components/Tabel';
import { SchermBeleidscijfersDocument, type PeriodeInput, type SchermBeleidscijfersQuery, type Stapelingsoort } from '../gql/graphql';
import { useSessie, useVraag } from '../hooks';
import { t } from '../i18n';

type Cijfers = NonNullable<SchermBeleidscijfersQuery['beleidscijfers']>;
interface Cijfer {
  waarde: number | null;
  afgeschermd: string | null;
}

const SOORTEN: Stapelingsoort[] = ['ALLEEN_WMO', 'ALLEEN_JEUGD', 'ALLEEN_PWET', 'JEUGD_EN_WMO', 'PWET_EN_WMO', 'JEUGD_EN_PWET', 'JEUGD_PWET_EN_WMO'];
/** Distinguishable for the common colour-vision deficiencies (Okabe–Ito); the table says the same without colour. */
const KLEUREN = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

/** A figure as text: the number, or "afgeschermd" with the reason. */
function Waarde({ cijfer }: { cijfer: Cijfer }) {
  if (cijfer.waarde !== null) return <>{cijfer.waarde.toLocaleString('nl-NL')}</>;
  return <em title={t.beleid.afscherming[cijfer.afgeschermd ?? ''] ?? ''} data-afgeschermd={cijfer.afgeschermd ?? ''}>{t.beleid.afscherming[cijfer.afgeschermd ?? ''] ?? t.beleid.afgeschermd}</em>;
}

const waarde = (c: Cijfer | undefined) => c?.waarde ?? null;

export function Beleid() {
  const sessie = useSessie();
  const huidigJaar = new Date().getFullYear();
  const [jaar, setJaar] = useState(huidigJaar);
  const [deel, setDeel] = useState('');
  const [periode, setPeriode] = useState<PeriodeInput>({ jaar: huidigJaar });
  const gemeente = sessie.gemeenten[0] ?? '';
  const { antwoord, laden } = useVraag(SchermBeleidscijfersDocument, { gemeente, periode });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [soort, n] = deel.split('-');
    setPeriode({ jaar, ...(soort === 'k' ? { kwartaal: Number(n) } : soort === 'h' ? { halfjaar: Number(n) } : soort === 'm' ? { maand: Number(n) } : {}) });
  };
  const cijfers = antwoord?.data?.beleidscijfers;
  return (
    <>
      <Heading1>{t.beleid.titel}</Heading1>
      <Paragraph>{t.beleid.uitleg}</Paragraph>
      <form onSubmit={submit} className="ll-rij" aria-label={t.beleid.periode}>
        <FormField type="select">
          <FormLabel htmlFor="periode-jaar">{t.beleid.jaar}</FormLabel>
          <Select id="periode-jaar" value={String(jaar)} onChange={(e) => setJaar(Number(e.target.value))}>
            {[0, 1, 2, 3, 4].map((i) => <SelectOption key={i} value={String(huidigJaar - i)}>{huidigJaar - i}</SelectOption>)}
          </Select>
        </FormField>
        <FormField type="select">
          <FormLabel htmlFor="periode-deel">{t.beleid.deel}</FormLabel>
          <Select id="periode-deel" value={deel} onChange={(e) => setDeel(e.target.value)}>
            <SelectOption value="">{t.beleid.heelJaar}</SelectOption>
            {[1, 2].map((n) => <SelectOption key={`h${n}`} value={`h-${n}`}>{t.beleid.halfjaar(n)}</SelectOption>)}
            {[1, 2, 3, 4].map((n) => <SelectOption key={`k${n}`} value={`k-${n}`}>{t.beleid.kwartaal(n)}</SelectOption>)}
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <SelectOption key={`m${n}`} value={`m-${n}`}>{new Intl.DateTimeFormat('nl-NL', { month: 'long' }).format(new Date(Date.UTC(2000, n - 1, 15)))}</SelectOption>
            ))}
          </Select>
        </FormField>
        <Button appearance="primary-action-button" type="submit">{t.beleid.toon}</Button>
      </form>
      {laden ? <Laden /> : null}
      {antwoord ? <Fouten fouten={antwoord.errors} /> : null}
      {cijfers ? (
        <>
          <Paragraph role="status">{t.beleid.berekend(cijfers.periode, datum(cijfers.van), datum(cijfers.tot))}</Paragraph>
          <Paragraph className="ll-uitleg">{t.beleid.afschermingUitleg}</Paragraph>
          <Stapeling cijfers={cijfers} />
          <Doorlooptijden cijfers={cijfers} />
          <Kanalen cijfers={cijfers} />
          <Stromen cijfers={cijfers} />
        </>
      ) : null}
    </>
  );
}

function Stapeling({ cijfers }: { cijfers: Cijfers }) {
  const gebieden = cijfers.stapeling;
  const cel = (g: (typeof gebieden)[number], soort: Stapelingsoort): Cijfer =>
    g.cellen?.find((c) => c.soort === soort)?.huishoudens ?? { waarde: null, afgeschermd: g.afgeschermd ?? 'MINDER_DAN_10' };
  // The gemeente first, then its wijken: in a small gemeente every wijk may be withheld, the gemeente not.
  const data = gebieden.map((g) => ({ naam: g.soort === 'GEMEENTE' ? `${g.naam} (${t.beleid.gemeente})` : g.naam, ...Object.fromEntries(SOORTEN.map((s) => [s, waarde(cel(g, s))])) }));
  return (
    <Sectie id="stapeling" titel={t.beleid.stapeling} uitleg={t.beleid.stapelingUitleg}>
      <Grafiek naam={t.beleid.stapeling} testId="stapeling-grafiek">
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="naam" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legendaTekst} />
            {SOORTEN.map((s, i) => <Bar key={s} dataKey={s} name={t.beleid.soorten[s]} stackId="a" fill={KLEUREN[i]} />)}
          </BarChart>
      </Grafiek>
      <Tabel
        bijschrift={`${t.beleid.tabel}: ${t.beleid.stapeling}`}
        testId="stapeling-tabel"
        rijen={gebieden}
        sleutel={(g) => g.code}
        kolommen={[
          { kop: t.beleid.gebied, cel: (g) => (g.soort === 'GEMEENTE' ? <strong>{g.naam}</strong> : g.naam) },
          ...(['TOTAAL', ...SOORTEN] as Stapelingsoort[]).map((s) => ({ kop: t.beleid.soorten[s]!, cel: (g: (typeof gebieden)[number]) => <Waarde cijfer={cel(g, s)} />, getal: true })),
        ]}
      />
    </Sectie>
  );
}

function Doorlooptijden({ cijfers }: { cijfers: Cijfers }) {
  const rijen = cijfers.doorlooptijden;
  const data = rijen.map((d) => ({ naam: `${t.beleid.loketKort[d.loket] ?? d.loket}: ${t.stappen[d.stap] ?? d.stap}`, binnen: waarde(d.binnenTermijnPercentage) }));
  return (
    <Sectie id="doorlooptijden" titel={t.beleid.doorlooptijden}>
      <Grafiek naam={t.beleid.binnenTermijn}>
          <BarChart data={data} layout="vertical" margin={{ left: 10, right: 30 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="naam" width={360} />
            <Tooltip />
            <Legend formatter={legendaTekst} />
            <Bar dataKey="binnen" name={t.beleid.binnenTermijn} fill={KLEUREN[0]} />
          </BarChart>
      </Grafiek>
      <Tabel
        bijschrift={t.beleid.doorlooptijden}
          verborgen
        testId="doorlooptijden"
        rijen={rijen}
        sleutel={(d) => `${d.loket}-${d.stap}`}
        kolommen={[
          { kop: t.huishouden.loket, cel: (d) => t.loketten[d.loket] },
          { kop: t.beleid.stap, cel: (d) => t.stappen[d.stap] ?? d.stap },
          { kop: t.beleid.termijn, cel: (d) => <span title={d.termijnBron}>{d.termijn}</span> },
          { kop: t.beleid.afgerond, cel: (d) => <Waarde cijfer={d.afgerond} />, getal: true },
          { kop: t.beleid.mediaan, cel: (d) => <Waarde cijfer={d.mediaanDagen} />, getal: true },
          { kop: t.beleid.p90, cel: (d) => <Waarde cijfer={d.p90Dagen} />, getal: true },
          { kop: t.beleid.binnenTermijn, cel: (d) => <Waarde cijfer={d.binnenTermijnPercentage} />, getal: true },
          { kop: t.beleid.openNaTermijn, cel: (d) => <Waarde cijfer={d.openNaTermijn} />, getal: true },
        ]}
      />
    </Sectie>
  );
}

function Kanalen({ cijfers }: { cijfers: Cijfers }) {
  const kanalen = [...new Set(cijfers.kanaalgebruik.map((k) => k.kanaal))];
  const loketten = [...new Set(cijfers.kanaalgebruik.map((k) => k.loket))];
  const data = loketten.map((loket) => ({
    naam: t.loketten[loket],
    ...Object.fromEntries(kanalen.map((kanaal) => [kanaal, waarde(cijfers.kanaalgebruik.find((k) => k.loket === loket && k.kanaal === kanaal)?.contactmomenten)])),
  }));
  return (
    <Sectie id="kanaalgebruik" titel={t.beleid.kanaalgebruik}>
      <Grafiek naam={t.beleid.kanaalgebruik}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="naam" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legendaTekst} />
            {kanalen.map((k, i) => <Bar key={k} dataKey={k} name={t.kanalen[k]} fill={KLEUREN[i]} />)}
          </BarChart>
      </Grafiek>
      <Tabel
        bijschrift={`${t.beleid.tabel}: ${t.beleid.kanaalgebruik}`}
        rijen={cijfers.kanaalgebruik}
        sleutel={(k) => `${k.loket}-${k.kanaal}`}
        kolommen={[
          { kop: t.huishouden.loket, cel: (k) => t.loketten[k.loket] },
          { kop: t.huishouden.kanaal, cel: (k) => t.kanalen[k.kanaal] },
          { kop: t.beleid.contactmomenten, cel: (k) => <Waarde cijfer={k.contactmomenten} />, getal: true },
        ]}
      />
    </Sectie>
  );
}

function Stromen({ cijfers }: { cijfers: Cijfers }) {
  const maanden = [...new Set(cijfers.instroomUitstroom.map((r) => r.maand))].sort();
  const loketten = [...new Set(cijfers.instroomUitstroom.map((r) => r.loket))];
  const data = maanden.map((maand) => ({
    maand,
    ...Object.fromEntries(loketten.map((l) => [l, waarde(cijfers.instroomUitstroom.find((r) => r.maand === maand && r.loket === l)?.eindstand)])),
  }));
  return (
    <Sectie id="stromen" titel={t.beleid.instroom}>
      <Grafiek naam={t.beleid.grafiekStand}>
          <LineChart data={data}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="maand" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend formatter={legendaTekst} />
            {loketten.map((l, i) => <Line key={l} dataKey={l} name={`${t.beleid.eindstand}: ${t.loketten[l]}`} stroke={KLEUREN[i]} strokeDasharray={i % 2 ? '5 3' : undefined} />)}
          </LineChart>
      </Grafiek>
      <Tabel
        bijschrift={`${t.beleid.tabel}: ${t.beleid.instroom}`}
        rijen={cijfers.instroomUitstroom}
        sleutel={(r) => `${r.loket}-${r.maand}`}
        kolommen={[
          { kop: t.huishouden.loket, cel: (r) => t.loketten[r.loket] },
          { kop: t.beleid.maand, cel: (r) => r.maand },
          { kop: t.beleid.beginstand, cel: (r) => <Waarde cijfer={r.beginstand} />, getal: true },
          { kop: t.beleid.instroomKol, cel: (r) => <Waarde cijfer={r.instroom} />, getal: true },
          { kop: t.beleid.uitstroomKol, cel: (r) => <Waarde cijfer={r.uitstroom} />, getal: true },
          { kop: t.beleid.eindstand, cel: (r) => <Waarde cijfer={r.eindstand} />, getal: true },
        ]}
      />
    </Sectie>
  );
}
