/**
 * The application's frame: sign-in until there is a session, then a page per route with a skip link, a
 * header naming who is signed in, the role's menu, and sign-out. The role decides which screens the menu
 * offers; the gateway and the subgraphs decide what each screen gets to see.
 */
import { Link, Page, PageContent, Paragraph } from '@utrecht/component-library-react/css-module';
import { useEffect, useState } from 'react';
import { bijVerlopenSessie } from './graphql';
import { gaNaar, SessieContext, useRoute } from './hooks';
import { t } from './i18n';
import { Aanmelden } from './screens/Aanmelden';
import { Beleid } from './screens/Beleid';
import { Huishouden } from './screens/Huishouden';
import { MijnVerwerkingen, Verwerkingen } from './screens/Verwerkingen';
import { Zoeken } from './screens/Zoeken';
import type { Sessie } from './sessie';

interface Scherm {
  pad: string;
  titel: string;
}

/** The screens of each role's menu; the first is where a role starts. */
export function menuVoor(rol: string): Scherm[] {
  if (rol === 'beleidsmedewerker') return [{ pad: 'beleid', titel: t.menu.dashboard }];
  if (rol === 'fg') return [{ pad: 'verwerkingen', titel: t.menu.verwerkingen }];
  if (rol === 'inwoner') return [{ pad: 'mijn-gegevens', titel: t.menu.mijnGegevens }];
  return [{ pad: 'zoeken', titel: t.menu.zoeken }];
}

export function App() {
  const [sessie, setSessie] = useState<Sessie | null>(null);
  const [verlopen, setVerlopen] = useState(false);
  useEffect(() => bijVerlopenSessie(() => { setSessie(null); setVerlopen(true); }), []);
  useEffect(() => {
    document.title = sessie ? `${t.app.naam}: ${t.rollen[sessie.rol] ?? sessie.rol}` : `${t.app.naam}: ${t.aanmelden.titel}`;
  }, [sessie]);
  const afmelden = () => {
    const url = sessie?.afmeldUrl;
    setSessie(null);
    setVerlopen(false);
    history.replaceState(null, '', '/app/');
    if (url) location.assign(url);
  };
  return (
    <Page className="ll-pagina voorbeeld-theme">
      <a className="ll-skip" href="#inhoud" onClick={(e) => { e.preventDefault(); document.getElementById('inhoud')?.focus(); }}>
        {t.app.naarInhoud}
      </a>
      <header className="ll-kop">
        <a className="ll-merk" href="#/">{t.app.naam}</a>
        {sessie ? <Menu sessie={sessie} afmelden={afmelden} /> : <span>{t.app.ondertitel}</span>}
      </header>
      <PageContent className="ll-inhoud">
        <main id="inhoud" tabIndex={-1}>
          {sessie ? (
            <SessieContext.Provider value={sessie}>
              <Route sessie={sessie} />
            </SessieContext.Provider>
          ) : (
            <Aanmelden onAangemeld={(s) => { setSessie(s); setVerlopen(false); gaNaar(menuVoor(s.rol)[0]!.pad); }} verlopen={verlopen} />
          )}
        </main>
      </PageContent>
      <footer className="ll-voet">
        <Paragraph>{t.app.ondertitel}</Paragraph>
      </footer>
    </Page>
  );
}

function Menu({ sessie, afmelden }: { sessie: Sessie; afmelden: () => void }) {
  return (
    <nav aria-label={t.menu.label}>
      <ul>
        {menuVoor(sessie.rol).map((s) => (
          <li key={s.pad}>
            <Link href={`#/${s.pad}`}>{s.titel}</Link>
          </li>
        ))}
        <li>
          <span>{t.aanmelden.aangemeldAls(sessie.naam, t.rollen[sessie.rol] ?? sessie.rol)}</span>
        </li>
        <li>
          <button type="button" className="ll-link" onClick={afmelden}>
            {t.menu.afmelden}
          </button>
        </li>
      </ul>
    </nav>
  );
}

function Route({ sessie }: { sessie: Sessie }) {
  const [scherm, id] = useRoute();
  const toegestaan = menuVoor(sessie.rol).map((s) => s.pad);
  if (scherm === 'huishouden' && id && toegestaan.includes('zoeken')) return <Huishouden id={id} />;
  const pad = scherm && toegestaan.includes(scherm) ? scherm : toegestaan[0];
  if (pad === 'beleid') return <Beleid />;
  if (pad === 'verwerkingen') return <Verwerkingen />;
  if (pad === 'mijn-gegevens') return <MijnVerwerkingen />;
  return <Zoeken />;
}
