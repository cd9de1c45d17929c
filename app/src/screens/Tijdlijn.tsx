/** One timeline of every contact across loketten and channels, newest first, filtered by loket and period. */
import { Button, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldTextbox, FormLabel, Paragraph } from '@utrecht/component-library-react/css-module';
import { useState, type FormEvent } from 'react';
import type { Fout } from '../graphql';
import type { Loket, SchermHuishoudenQuery } from '../gql/graphql';
import { t } from '../i18n';
import { Sectie, tijdstip, Weigering } from '../components/ui';
import { Tabel } from '../components/Tabel';

export interface TijdlijnFilter {
  van?: string;
  tot?: string;
  loketten?: Loket[];
}

const LOKETTEN: Loket[] = ['WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM'];
type Moment = NonNullable<NonNullable<SchermHuishoudenQuery['huishouden']>['contactmomenten']>[number];

export function Tijdlijn({ momenten, fouten, filter, setFilter }: { momenten: Moment[] | null; fouten: Fout[]; filter: TijdlijnFilter; setFilter: (f: TijdlijnFilter) => void }) {
  const [van, setVan] = useState(filter.van ?? '');
  const [tot, setTot] = useState(filter.tot ?? '');
  const [loketten, setLoketten] = useState<Loket[]>(filter.loketten ?? LOKETTEN);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...(van ? { van } : {}), ...(tot ? { tot } : {}), ...(loketten.length < LOKETTEN.length ? { loketten } : {}) });
  };
  return (
    <Sectie id="tijdlijn" titel={t.huishouden.tijdlijn} uitleg={t.huishouden.tijdlijnUitleg}>
      <form onSubmit={submit} aria-label={t.huishouden.filter}>
        <Fieldset>
          <FieldsetLegend>{t.huishouden.filter}</FieldsetLegend>
          <div className="ll-rij">
            {LOKETTEN.map((loket) => (
              <FormField type="checkbox" key={loket}>
                <Checkbox
                  id={`filter-${loket}`}
                  checked={loketten.includes(loket)}
                  onChange={(e) => setLoketten(e.target.checked ? [...loketten, loket] : loketten.filter((l) => l !== loket))}
                />
                <FormLabel htmlFor={`filter-${loket}`} type="checkbox">{t.loketten[loket]}</FormLabel>
              </FormField>
            ))}
            <FormFieldTextbox label={t.huishouden.van} id="filter-van" type="date" value={van} onChange={(e) => setVan((e.target as HTMLInputElement).value)} />
            <FormFieldTextbox label={t.huishouden.tot} id="filter-tot" type="date" value={tot} onChange={(e) => setTot((e.target as HTMLInputElement).value)} />
            <Button appearance="secondary-action-button" type="submit">{t.huishouden.filterToepassen}</Button>
          </div>
        </Fieldset>
      </form>
      {fouten.length ? <Weigering fouten={fouten} wat={t.huishouden.tijdlijn} /> : null}
      {momenten && !momenten.length ? <Paragraph>{t.huishouden.geenContact}</Paragraph> : null}
      {momenten?.length ? (
        <Tabel
          bijschrift={t.huishouden.tijdlijn}
          verborgen
          testId="tijdlijn"
          rijen={momenten}
          sleutel={(m) => `${m.loket}-${m.id}`}
          kolommen={[
            { kop: t.huishouden.tijdstip, cel: (m) => <time dateTime={m.tijdstip}>{tijdstip(m.tijdstip)}</time> },
            { kop: t.huishouden.loket, cel: (m) => <span data-loket={m.loket}>{t.loketten[m.loket]}</span> },
            { kop: t.huishouden.kanaal, cel: (m) => t.kanalen[m.kanaal] ?? m.kanaal },
            { kop: t.huishouden.onderwerp, cel: (m) => m.onderwerp ?? <em>{t.huishouden.afgeschermd}</em> },
            { kop: t.huishouden.medewerker, cel: (m) => m.medewerker ?? <em>{t.huishouden.afgeschermd}</em> },
          ]}
        />
      ) : null}
    </Sectie>
  );
}
