/** Small parts every screen uses: a refusal in words, a section with its heading, dates and figures in Dutch. */
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';
import type { Fout } from '../graphql';
import { t } from '../i18n';

const DATUM = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const TIJDSTIP = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

export function datum(value: string | null | undefined): string {
  return value ? DATUM.format(new Date(`${value.slice(0, 10)}T12:00:00Z`)) : t.algemeen.leeg;
}

export function tijdstip(value: string): string {
  return TIJDSTIP.format(new Date(value));
}

/** Today in Amsterdam, as `yyyy-mm-dd`. */
export function vandaag(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

const ONBEREIKBAAR = new Set(['SUBGRAPH_UNAVAILABLE', 'DOWNSTREAM_SERVICE_ERROR', 'NETWORK_ERROR', 'REQUEST_TIMEOUT', 'OVERLOADED']);

/** A refusal or failure in words, with its code; `wat` names what could not be shown ("Werkplein"). */
export function weigeringTekst(fout: Fout, wat: string): string {
  const code = fout.extensions?.code ?? '';
  const w = t.weigering;
  if (code === 'GRONDSLAG_REQUIRED') return w.GRONDSLAG_REQUIRED(wat);
  if (code === 'FORBIDDEN') return w.FORBIDDEN(wat);
  if (code === 'UNAUTHENTICATED') return w.UNAUTHENTICATED();
  if (ONBEREIKBAAR.has(code)) return w.onbereikbaar(wat);
  return w.anders(wat);
}

/** Where the caller may not see something: what and why, never a blank. */
export function Weigering({ fouten, wat }: { fouten: readonly Fout[]; wat: string }) {
  const fout = fouten[0];
  if (!fout) return null;
  const code = fout.extensions?.code;
  return (
    <Alert type={code === 'GRONDSLAG_REQUIRED' || code === 'FORBIDDEN' ? 'warning' : 'error'} data-weigering={code ?? ''}>
      <Paragraph>
        {weigeringTekst(fout, wat)} {code ? <small>({t.weigering.code}: {code})</small> : null}
      </Paragraph>
    </Alert>
  );
}

/** A section of a screen with its own heading, named by it for screen readers. */
export function Sectie({ id, titel, uitleg, children }: { id: string; titel: string; uitleg?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-kop`} className="ll-sectie" id={id}>
      <Heading2 id={`${id}-kop`}>{titel}</Heading2>
      {uitleg ? <Paragraph className="ll-uitleg">{uitleg}</Paragraph> : null}
      {children}
    </section>
  );
}

export function Laden() {
  return (
    <Paragraph role="status" aria-live="polite">
      {t.huishouden.laden}
    </Paragraph>
  );
}

/** Errors of a whole answer that are not about one part (a request refused at the door). */
export function Fouten({ fouten }: { fouten: readonly Fout[] }) {
  if (!fouten.length) return null;
  return (
    <Alert type="error" role="alert">
      {fouten.map((f, i) => (
        <Paragraph key={i}>
          {f.message} {f.extensions?.code ? <small>({f.extensions.code})</small> : null}
        </Paragraph>
      ))}
    </Alert>
  );
}

/** A chart legend's text in the page's text colour: series colours are too light for text (WCAG 1.4.3). */
export function legendaTekst(waarde: string) {
  return <span className="ll-legenda">{waarde}</span>;
}
