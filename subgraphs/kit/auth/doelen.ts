import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ROLLEN, type Rol } from './roles';

/** The legal bases the processing log records (Logius Logboek Dataverwerkingen: `legalBasis`). */
export const GRONDSLAGEN = ['WETTELIJKE_TAAK', 'INTEGRALE_AANPAK', 'TOESTEMMING'] as const;
export type Grondslag = (typeof GRONDSLAGEN)[number];

const doelSchema = z.object({
  doel: z.string().regex(/^[a-z][a-z-]*$/),
  naam: z.string().min(1),
  omschrijving: z.string().min(1),
  grondslag: z.enum(GRONDSLAGEN),
  /** False: the purpose never reaches a single person's data (aggregates, the log itself). */
  persoonsgegevens: z.boolean(),
  /** True: the purpose covers the policy figures (aggregates across domains, docs/beleid.md). */
  aggregaten: z.boolean().default(false),
  /** The domains whose content (INHOUD) it covers; the role still decides whose (its own loket, a Grondslag). */
  inhoud: z.array(z.enum(['WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM'])),
  /** The writes (mutations) it covers. */
  schrijven: z.array(z.string().regex(/^[a-z][A-Za-z]*$/)),
  rollen: z.array(z.enum(ROLLEN)).min(1),
});
export type Doel = z.infer<typeof doelSchema>;

export const REGISTER_FILE = new URL('./verwerkingsactiviteiten.yaml', import.meta.url);

/** Reads and checks the register; a malformed file stops start-up instead of allowing or refusing at random. */
export function loadRegister(text = readFileSync(REGISTER_FILE, 'utf8')): ReadonlyMap<string, Doel> {
  const doelen = z.array(doelSchema).parse(parse(text));
  return new Map(doelen.map((d) => [d.doel, d]));
}

export const verwerkingsregister = loadRegister();

/** The purpose `code` when it is registered and `rol` may use it. */
export function toegestaanDoel(code: string | null, rol: Rol): Doel | undefined {
  const doel = code ? verwerkingsregister.get(code) : undefined;
  return doel?.rollen.includes(rol) ? doel : undefined;
}

/** The purposes a role may state, for tokens and documentation. */
export function doelenVoor(rol: Rol): Doel[] {
  return [...verwerkingsregister.values()].filter((d) => d.rollen.includes(rol));
}
