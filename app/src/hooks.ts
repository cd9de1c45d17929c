import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { vraag, type Antwoord } from './graphql';
import type { TypedDocumentString } from './gql/graphql';
import type { Sessie } from './sessie';

export const SessieContext = createContext<Sessie | null>(null);

export function useSessie(): Sessie {
  const sessie = useContext(SessieContext);
  if (!sessie) throw new Error('useSessie outside a signed-in screen');
  return sessie;
}

/** Runs a query when its variables change (skipped while `variables` is null); `herlaad` runs it again. */
export function useVraag<R, V>(document: TypedDocumentString<R, V>, variables: V | null) {
  const sessie = useSessie();
  const [antwoord, setAntwoord] = useState<Antwoord<R> | null>(null);
  const [laden, setLaden] = useState(false);
  const key = JSON.stringify(variables);
  const herlaad = useCallback(async () => {
    if (variables === null) return;
    setLaden(true);
    setAntwoord(await vraag(document, variables, sessie));
    setLaden(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, sessie]);
  useEffect(() => {
    void herlaad();
  }, [herlaad]);
  return { antwoord, laden, herlaad };
}

/** The screen's route, from the location's hash (`#/huishouden/<id>`): the gateway serves one page. */
export function useRoute(): string[] {
  const read = () => location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const changed = () => setRoute(read());
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}

export function gaNaar(...parts: string[]): void {
  location.hash = `#/${parts.map(encodeURIComponent).join('/')}`;
}
