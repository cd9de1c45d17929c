/**
 * Sign-in. Development: pick one of the development roles (the tokens `npm start` prints), with the
 * purpose preset and changeable. Production: OpenID Connect at the gemeente's identity provider, then the
 * purpose. Either way the session is kept in memory only (sessie.ts).
 */
import { Alert, Button, FormField, FormLabel, Heading1, Paragraph, Select, SelectOption } from '@utrecht/component-library-react/css-module';
import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { completeOidc, laadConfig, sessieVoor, startOidc, type AppConfig, type Sessie } from '../sessie';
import { Laden } from '../components/ui';

export function Aanmelden({ onAangemeld, verlopen }: { onAangemeld: (sessie: Sessie) => void; verlopen: boolean }) {
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [oidcSessie, setOidcSessie] = useState<Sessie | null>(null);
  useEffect(() => {
    laadConfig()
      .then(async (c) => {
        setConfig(c);
        if (c.oidc) setOidcSessie(await completeOidc(c.oidc, c.doelen));
      })
      .catch((e: unknown) => setFout(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <>
      <Heading1>{t.aanmelden.titel}</Heading1>
      <Paragraph>{t.aanmelden.uitleg}</Paragraph>
      {verlopen ? <Alert type="warning" role="alert"><Paragraph>{t.aanmelden.verlopen}</Paragraph></Alert> : null}
      {fout ? <Alert type="error" role="alert"><Paragraph>{t.aanmelden.mislukt}: {fout}</Paragraph></Alert> : null}
      {!config && !fout ? <Laden /> : null}
      {oidcSessie && config ? (
        <DoelKiezen doelen={config.doelen[oidcSessie.rol] ?? []} preset={oidcSessie.doel} onKies={(doel) => onAangemeld({ ...oidcSessie, doel })} />
      ) : (
        <>
          {config?.ontwikkeling?.length ? <Ontwikkelrollen config={config} onAangemeld={onAangemeld} /> : null}
          {config?.oidc ? (
            <Button appearance="primary-action-button" type="button" onClick={() => startOidc(config.oidc!).catch((e: unknown) => setFout(String(e)))}>
              {t.aanmelden.oidc}
            </Button>
          ) : null}
          {config && !config.oidc && !config.ontwikkeling?.length ? <Alert type="error"><Paragraph>{t.aanmelden.geenMethode}</Paragraph></Alert> : null}
        </>
      )}
    </>
  );
}

function Ontwikkelrollen({ config, onAangemeld }: { config: AppConfig; onAangemeld: (sessie: Sessie) => void }) {
  const rollen = config.ontwikkeling ?? [];
  const [rol, setRol] = useState(rollen.find((r) => r.rol === 'wijkteam-medewerker')?.rol ?? rollen[0]!.rol);
  const gekozen = rollen.find((r) => r.rol === rol)!;
  const [doel, setDoel] = useState(gekozen.doel);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAangemeld(sessieVoor(gekozen.token, doel));
  };
  return (
    <form onSubmit={submit} aria-describedby="ontwikkeling-uitleg">
      <Paragraph id="ontwikkeling-uitleg">{t.aanmelden.ontwikkeling}</Paragraph>
      <FormField type="select">
        <FormLabel htmlFor="aanmelden-rol">{t.aanmelden.rol}</FormLabel>
        <Select
          id="aanmelden-rol"
          value={rol}
          onChange={(e) => {
            const next = rollen.find((r) => r.rol === e.target.value)!;
            setRol(next.rol);
            setDoel(next.doel);
          }}
        >
          {rollen.map((r) => (
            <SelectOption key={r.rol} value={r.rol}>
              {t.rollen[r.rol] ?? r.rol}
              {r.label ? ` (${t.aanmelden.ontwikkelpersonen[r.rol] ?? r.label})` : ''}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <DoelVeld doelen={config.doelen[rol] ?? [gekozen.doel]} doel={doel} setDoel={setDoel} />
      <Button appearance="primary-action-button" type="submit">
        {t.aanmelden.knop}
      </Button>
    </form>
  );
}

function DoelVeld({ doelen, doel, setDoel }: { doelen: string[]; doel: string; setDoel: (doel: string) => void }) {
  return (
    <FormField type="select">
      <FormLabel htmlFor="aanmelden-doel">{t.aanmelden.doel}</FormLabel>
      <Paragraph id="aanmelden-doel-uitleg" className="ll-uitleg">{t.aanmelden.doelUitleg}</Paragraph>
      <Select id="aanmelden-doel" aria-describedby="aanmelden-doel-uitleg" value={doel} onChange={(e) => setDoel(e.target.value)}>
        {doelen.map((d) => (
          <SelectOption key={d} value={d}>
            {d}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

function DoelKiezen({ doelen, preset, onKies }: { doelen: string[]; preset: string; onKies: (doel: string) => void }) {
  const [doel, setDoel] = useState(preset);
  return (
    <form onSubmit={(e) => { e.preventDefault(); onKies(doel); }}>
      <DoelVeld doelen={doelen} doel={doel} setDoel={setDoel} />
      <Button appearance="primary-action-button" type="submit">{t.aanmelden.knop}</Button>
    </form>
  );
}
