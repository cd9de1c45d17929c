/**
 * The casus: regisseur, team, the plan (ZRM goals as a chart and as the same numbers in a table), the
 * Grondslagen with register and revoke, and the wijkteam's own contact moment. The writes show their
 * result at once: the picture is asked again after each.
 */
import { Alert, Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldTextarea, FormFieldTextbox, FormLabel, Heading3, Paragraph, RadioButton, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import { useState, type FormEvent } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { foutenOp, vraag, type Fout } from '../graphql';
import {
  SchermRegisterContactmomentDocument,
  SchermRegisterGrondslagDocument,
  SchermRevokeGrondslagDocument,
  type GrondslagSoort,
  type Kanaal,
  type Loket,
  type SchermHuishoudenQuery,
} from '../gql/graphql';
import { useSessie } from '../hooks';
import { t } from '../i18n';
import { datum, Fouten, legendaTekst, Sectie, vandaag, Weigering } from '../components/ui';
import { Grafiek } from '../components/Grafiek';
import { Tabel } from '../components/Tabel';

type Beeld = NonNullable<SchermHuishoudenQuery['huishouden']>;
type CasusBeeld = NonNullable<Beeld['casus']>;

/** `fouten`: the refusals of the casus and of its parts (a signal-only caller sees the casus, not its plan). */
export function Casus({ beeld, fouten, herlaad }: { beeld: Beeld; fouten: Fout[]; herlaad: () => Promise<void> }) {
  const casus = beeld.casus;
  const sessie = useSessie();
  const geweigerd = foutenOp(fouten, 'huishouden', 'casus');
  return (
    <Sectie id="casus" titel={t.huishouden.casus}>
      {geweigerd.length ? <Weigering fouten={geweigerd} wat={t.loketten.WIJKTEAM!} /> : null}
      {!casus && !geweigerd.length ? <Paragraph>{t.huishouden.geenCasus}</Paragraph> : null}
      {casus ? (
        <>
          <dl className="ll-casus-feiten">
            <div><dt>{t.huishouden.regisseur}</dt><dd>{casus.regisseur.naam} ({casus.regisseur.telefoon})</dd></div>
            <div><dt>{t.huishouden.team}</dt><dd>{casus.team}</dd></div>
            <div><dt>{t.huishouden.status}</dt><dd>{t.status[casus.status]}</dd></div>
            <div><dt>{t.huishouden.startdatum}</dt><dd>{datum(casus.startdatum)}</dd></div>
          </dl>
          <Plan plan={casus.plan} fouten={foutenOp(fouten, 'huishouden', 'casus', 'plan')} />
          <Grondslagen casus={casus} fouten={foutenOp(fouten, 'huishouden', 'casus', 'grondslagen')} herlaad={herlaad} magSchrijven={sessie.rol === 'wijkteam-medewerker'} />
          {sessie.rol === 'wijkteam-medewerker' && casus.status === 'OPEN' ? <ContactRegistreren casusId={casus.id} herlaad={herlaad} /> : null}
        </>
      ) : null}
    </Sectie>
  );
}

function Plan({ plan, fouten }: { plan: CasusBeeld['plan']; fouten: Fout[] }) {
  if (fouten.length) {
    return (
      <section aria-labelledby="plan-kop">
        <Heading3 id="plan-kop">{t.huishouden.plan}</Heading3>
        <Weigering fouten={fouten} wat={t.huishouden.plan} />
      </section>
    );
  }
  if (!plan) return null;
  const rijen = plan.doelen.map((d) => ({ ...d, naam: t.zrm[d.domein] ?? d.domein }));
  return (
    <section aria-labelledby="plan-kop">
      <Heading3 id="plan-kop">{t.huishouden.plan}</Heading3>
      <Paragraph className="ll-uitleg">{t.huishouden.planUitleg(datum(plan.vastgesteldOp))}</Paragraph>
      <Grafiek naam={t.huishouden.grafiekPlan}>
          <BarChart data={rijen} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 5]} ticks={[1, 2, 3, 4, 5]} />
            <YAxis type="category" dataKey="naam" width={170} />
            <Tooltip />
            <Legend formatter={legendaTekst} />
            <Bar dataKey="scoreStart" name={t.huishouden.scoreStart} fill="#8c8c8c" />
            <Bar dataKey="scoreActueel" name={t.huishouden.scoreNu} fill="#154273" />
          </BarChart>
      </Grafiek>
      <Tabel
        bijschrift={t.huishouden.grafiekPlan}
        testId="plan"
        rijen={rijen}
        sleutel={(d) => d.id}
        kolommen={[
          { kop: t.huishouden.domein, cel: (d) => d.naam },
          { kop: t.huishouden.doel, cel: (d) => d.omschrijving },
          { kop: t.huishouden.scoreStart, cel: (d) => d.scoreStart, getal: true },
          { kop: t.huishouden.scoreNu, cel: (d) => d.scoreActueel, getal: true },
        ]}
      />
    </section>
  );
}

function Grondslagen({ casus, fouten: geweigerd, herlaad, magSchrijven }: { casus: CasusBeeld; fouten: Fout[]; herlaad: () => Promise<void>; magSchrijven: boolean }) {
  const sessie = useSessie();
  const [melding, setMelding] = useState<string | null>(null);
  const [fouten, setFouten] = useState<Fout[]>([]);
  const [intrekken, setIntrekken] = useState<string | null>(null);
  const [reden, setReden] = useState('');
  const lijst = casus.grondslagen;
  const revoke = async (e: FormEvent, g: NonNullable<CasusBeeld['grondslagen']>[number]) => {
    e.preventDefault();
    const antwoord = await vraag(SchermRevokeGrondslagDocument, { input: { id: g.id, version: g.version, reden } }, sessie);
    setFouten(antwoord.errors);
    if (!antwoord.errors.length) {
      setMelding(t.grondslag.ingetrokkenMelding);
      setIntrekken(null);
      setReden('');
      await herlaad();
    }
  };
  return (
    <section aria-labelledby="grondslagen-kop" id="grondslagen">
      <Heading3 id="grondslagen-kop">{t.grondslag.titel}</Heading3>
      <Paragraph className="ll-uitleg">{t.grondslag.uitleg}</Paragraph>
      {melding ? <Alert type="ok" role="status"><Paragraph>{melding}</Paragraph></Alert> : null}
      <Fouten fouten={fouten} />
      {geweigerd.length ? <Weigering fouten={geweigerd} wat={t.grondslag.titel} /> : null}
      {lijst && !lijst.length ? <Paragraph>{t.grondslag.geen}</Paragraph> : null}
      {lijst?.length ? (
        <Tabel
          bijschrift={t.grondslag.titel}
          verborgen
          testId="grondslagen"
          rijen={lijst}
          sleutel={(g) => g.id}
          kolommen={[
            { kop: t.grondslag.soort, cel: (g) => t.grondslag.soorten[g.soort] },
            { kop: t.grondslag.domeinen, cel: (g) => g.domeinen.map((d) => t.loketten[d]).join(', ') },
            { kop: t.grondslag.geldig, cel: (g) => `${datum(g.geldigVan)} – ${g.geldigTot ? datum(g.geldigTot) : '…'}` },
            { kop: t.grondslag.toelichting, cel: (g) => g.toelichting },
            { kop: t.grondslag.vastgelegdDoor, cel: (g) => g.vastgelegdDoor },
            { kop: t.huishouden.status, cel: (g) => (g.actueel ? t.grondslag.actueel : g.ingetrokkenOp ? t.grondslag.ingetrokken : t.grondslag.verlopen) },
            {
              kop: t.grondslag.intrekken,
              cel: (g) =>
                magSchrijven && !g.ingetrokkenOp ? (
                  intrekken === g.id ? (
                    <form onSubmit={(e) => void revoke(e, g)} aria-label={t.grondslag.intrekkenVan(g.domeinen.map((d) => t.loketten[d]).join(', '))}>
                      <FormFieldTextbox label={t.grondslag.reden} description={t.grondslag.redenUitleg} id={`reden-${g.id}`} required minLength={5} value={reden} onChange={(e) => setReden((e.target as HTMLInputElement).value)} />
                      <Button appearance="primary-action-button" type="submit">{t.grondslag.bevestigIntrekken}</Button>{' '}
                      <Button appearance="subtle-button" type="button" onClick={() => setIntrekken(null)}>{t.grondslag.annuleren}</Button>
                    </form>
                  ) : (
                    <Button appearance="secondary-action-button" type="button" aria-label={t.grondslag.intrekkenVan(g.domeinen.map((d) => t.loketten[d]).join(', '))} onClick={() => { setIntrekken(g.id); setMelding(null); }}>
                      {t.grondslag.intrekken}
                    </Button>
                  )
                ) : (
                  t.algemeen.leeg
                ),
            },
          ]}
        />
      ) : null}
      {magSchrijven && casus.status === 'OPEN' ? <GrondslagRegistreren casusId={casus.id} herlaad={herlaad} onKlaar={(m) => setMelding(m)} /> : null}
    </section>
  );
}

const DOMEINEN: Loket[] = ['WMO', 'CJG', 'WERKPLEIN'];

function GrondslagRegistreren({ casusId, herlaad, onKlaar }: { casusId: string; herlaad: () => Promise<void>; onKlaar: (melding: string) => void }) {
  const sessie = useSessie();
  const [soort, setSoort] = useState<GrondslagSoort>('INTEGRALE_AANPAK');
  const [domeinen, setDomeinen] = useState<Loket[]>([]);
  const [geldigVan, setGeldigVan] = useState(vandaag());
  const [geldigTot, setGeldigTot] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [fouten, setFouten] = useState<Fout[]>([]);
  const [sleutel, setSleutel] = useState(() => crypto.randomUUID());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!domeinen.length) return setFouten([{ message: t.grondslag.kiesLoket, extensions: { code: 'BAD_USER_INPUT' } }]);
    const input = { idempotencyKey: sleutel, casusId, soort, domeinen, geldigVan, geldigTot: geldigTot || null, toelichting };
    const antwoord = await vraag(SchermRegisterGrondslagDocument, { input }, sessie);
    setFouten(antwoord.errors);
    if (!antwoord.errors.length) {
      setSleutel(crypto.randomUUID()); // the next registration is a new one
      setDomeinen([]);
      setToelichting('');
      onKlaar(t.grondslag.geregistreerd);
      await herlaad();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="grondslag-registreren-kop">
      <Heading3 id="grondslag-registreren-kop">{t.grondslag.registreren}</Heading3>
      <Fouten fouten={fouten} />
      <Fieldset>
        <FieldsetLegend>{t.grondslag.soort}</FieldsetLegend>
        {(['INTEGRALE_AANPAK', 'TOESTEMMING'] as const).map((s) => (
          <FormField type="radio" key={s}>
            <RadioButton id={`soort-${s}`} name="soort" value={s} checked={soort === s} onChange={() => setSoort(s)} />
            <FormLabel htmlFor={`soort-${s}`} type="radio">{t.grondslag.soorten[s]}</FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t.grondslag.domeinen}</FieldsetLegend>
        {DOMEINEN.map((d) => (
          <FormField type="checkbox" key={d}>
            <Checkbox id={`domein-${d}`} name="domeinen" value={d} checked={domeinen.includes(d)} onChange={(e) => setDomeinen(e.target.checked ? [...domeinen, d] : domeinen.filter((x) => x !== d))} />
            <FormLabel htmlFor={`domein-${d}`} type="checkbox">{t.loketten[d]}</FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <div className="ll-rij">
        <FormFieldTextbox label={t.grondslag.geldigVan} id="geldig-van" type="date" required value={geldigVan} onChange={(e) => setGeldigVan((e.target as HTMLInputElement).value)} />
        <FormFieldTextbox label={t.grondslag.geldigTot} id="geldig-tot" type="date" value={geldigTot} onChange={(e) => setGeldigTot((e.target as HTMLInputElement).value)} />
      </div>
      <FormFieldTextarea label={t.grondslag.toelichting} description={t.grondslag.toelichtingUitleg} id="toelichting" required minLength={10} value={toelichting} onChange={(e) => setToelichting((e.target as HTMLTextAreaElement).value)} />
      <Button appearance="primary-action-button" type="submit">{t.grondslag.registreer}</Button>
    </form>
  );
}

const KANALEN: Kanaal[] = ['HUISBEZOEK', 'TELEFOON', 'BALIE', 'DIGITAAL', 'BRIEF'];

function ContactRegistreren({ casusId, herlaad }: { casusId: string; herlaad: () => Promise<void> }) {
  const sessie = useSessie();
  const nu = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const [tijd, setTijd] = useState(nu);
  const [kanaal, setKanaal] = useState<Kanaal>('HUISBEZOEK');
  const [onderwerp, setOnderwerp] = useState('');
  const [notitie, setNotitie] = useState('');
  const [fouten, setFouten] = useState<Fout[]>([]);
  const [klaar, setKlaar] = useState(false);
  const [sleutel, setSleutel] = useState(() => crypto.randomUUID());
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { idempotencyKey: sleutel, casusId, tijdstip: new Date(tijd).toISOString(), kanaal, onderwerp, notitie };
    const antwoord = await vraag(SchermRegisterContactmomentDocument, { input }, sessie);
    setFouten(antwoord.errors);
    setKlaar(!antwoord.errors.length);
    if (!antwoord.errors.length) {
      setSleutel(crypto.randomUUID());
      setOnderwerp('');
      setNotitie('');
      await herlaad();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="contact-kop" id="contact-registreren">
      <Heading3 id="contact-kop">{t.contact.titel}</Heading3>
      {klaar ? <Alert type="ok" role="status"><Paragraph>{t.contact.geregistreerd}</Paragraph></Alert> : null}
      <Fouten fouten={fouten} />
      <div className="ll-rij">
        <FormFieldTextbox label={t.contact.tijdstip} id="contact-tijdstip" type="datetime-local" required value={tijd} onChange={(e) => setTijd((e.target as HTMLInputElement).value)} />
        <FormField type="select">
          <FormLabel htmlFor="contact-kanaal">{t.contact.kanaal}</FormLabel>
          <Select id="contact-kanaal" value={kanaal} onChange={(e) => setKanaal(e.target.value as Kanaal)}>
            {KANALEN.map((k) => <SelectOption key={k} value={k}>{t.kanalen[k]}</SelectOption>)}
          </Select>
        </FormField>
      </div>
      <FormFieldTextbox label={t.contact.onderwerp} id="contact-onderwerp" required value={onderwerp} onChange={(e) => setOnderwerp((e.target as HTMLInputElement).value)} />
      <FormFieldTextarea label={t.contact.notitie} id="contact-notitie" required value={notitie} onChange={(e) => setNotitie((e.target as HTMLTextAreaElement).value)} />
      <Button appearance="primary-action-button" type="submit">{t.contact.registreer}</Button>
    </form>
  );
}
