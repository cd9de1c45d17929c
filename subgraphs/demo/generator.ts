/**
 * Deterministic generator of the synthetic demo gemeente Lindeveen (GM9999).
 *
 * Pure: no I/O, no clock, no Math.random. Everything a household contains comes from a small PRNG seeded
 * with (seed, household index), so household i is the same whether 300 or 40,000 households are asked
 * for. The only state carried from one household to the next is the BSN counter, which depends only on
 * the sizes of the earlier households, so a short run is always a prefix of a longer one.
 *
 * Names come from fakerNL's word lists, drawn with our own PRNG: seeding faker per household costs far
 * more than generating the household itself.
 */
import { faker as fakerNL } from '@faker-js/faker/locale/nl'; // same instance as `fakerNL` from '@faker-js/faker', without loading every other locale
import { testBsn, TEST_BSN_COUNT } from '../kit/bsn';
import type {
  Bijstandsnorm,
  DemoCasus,
  DemoCasusLid,
  DemoGrondslag,
  DemoMedewerker,
  DemoCjg,
  DemoContactmoment,
  DemoContactpersoon,
  DemoDossier,
  DemoGebied,
  DemoHuishouden,
  DemoJeugdhulptraject,
  DemoMelding,
  DemoOptions,
  DemoPersoon,
  DemoPlan,
  DemoPlanDoel,
  DemoTraject,
  DemoUitkering,
  DemoWerkplein,
  DemoWijkteam,
  DemoAanbieder,
  DemoOmvang,
  DemoToewijzing,
  DemoVerzoekOmToewijzing,
  DemoWmo,
  DemoWmoVoorziening,
  Geslacht,
  Kanaal,
  Loket,
  TrajectSoort,
  ZrmDomein,
} from './types';
import type { JeugdhulpStatus, Verwijzer } from '../cjg/domain/jeugdhulp';
import type { VoorzieningStatus } from '../wmo/domain/voorziening';

export const DEMO_REFERENCE_DATE = '2026-11-01';

/** The demo gemeente: GM9999 is a code CBS does not use, so it can never be a real gemeente. */
export const DEMO_GEMEENTE = { code: 'GM9999', naam: 'Lindeveen', nummer: '9999' } as const;

/**
 * Household index that is always a multi-problem family (Wmo + CJG + Werkplein + Wijkteam), so the README
 * example (`findExampleHuishouden`) exists within the first 50 households for every seed.
 */
const EXAMPLE_INDEX = 7;

// ---------------------------------------------------------------------------------------------------------
// Machinery: hashing, PRNG, weighted choice
// ---------------------------------------------------------------------------------------------------------

/** lowbias32 integer hash: a bijection on uint32, so distinct inputs stay distinct. */
function mix32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d);
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Folds any finite number (also > 2^32 or fractional) into a uint32 seed key. */
function seedKey(seed: number): number {
  const hi = Math.floor(seed / 4294967296);
  const frac = Math.round((seed - Math.floor(seed)) * 1e9);
  return mix32(mix32(seed >>> 0) ^ mix32(hi >>> 0) ^ frac);
}

/** sfc32: tiny, fast and good enough for synthetic data. One instance per household. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(key: number, index: number, stream: number) {
    this.a = mix32(key ^ 0x9e3779b9);
    this.b = mix32((index ^ 0x85ebca6b) >>> 0); // bijective in index: different households, different states
    this.c = mix32(stream ^ 0xc2b2ae35);
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) + t;
    this.c |= 0;
    return t >>> 0;
  }

  float(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  pickWeighted<T>(table: Weighted<T>): T {
    const x = this.float() * table.total;
    for (let i = 0; i < table.cum.length; i++) if (x < table.cum[i]!) return table.values[i]!;
    return table.values[table.values.length - 1]!;
  }
}

interface Weighted<T> {
  values: T[];
  cum: number[];
  total: number;
}

function weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): Weighted<T> {
  const values: T[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const [value, weight] of pairs) {
    total += weight;
    values.push(value);
    cum.push(total);
  }
  return { values, cum, total };
}

/** Distinct picks from a weighted table (small tables only). */
function pickDistinct<T>(rng: Rng, table: Weighted<T>, count: number): T[] {
  const out: T[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const value = rng.pickWeighted(table);
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/**
 * Record ids: UUID-v4 shaped, unique by construction. The first 64 bits are a 4-round Feistel permutation
 * (keyed by the seed) of (household index, per-household counter), so two records can never share an id;
 * the remaining bits come from the household's PRNG so the ids look random.
 */
class IdSource {
  private counter = 0;

  constructor(
    private readonly rng: Rng,
    readonly key: number,
    readonly index: number,
  ) {}

  next(): string {
    let l = this.index >>> 0;
    let r = this.counter++ >>> 0;
    for (let round = 0; round < 4; round++) {
      const f = mix32((r ^ Math.imul(this.key + round, 0x9e3779b9)) >>> 0);
      [l, r] = [r, (l ^ f) >>> 0];
    }
    const variant = (8 + (this.rng.u32() & 3)).toString(16);
    return (
      `${hex(l, 8)}-${hex(r >>> 16, 4)}-4${hex((r >>> 4) & 0xfff, 3)}-` +
      `${variant}${hex(r & 0xf, 1)}${hex(this.rng.u32() & 0xff, 2)}-${hex(this.rng.u32(), 8)}${hex(this.rng.u32() & 0xffff, 4)}`
    );
  }
}

function hex(value: number, width: number): string {
  return value.toString(16).padStart(width, '0');
}

// ---------------------------------------------------------------------------------------------------------
// Dates: whole days since 1970-01-01 (UTC), converted with Hinnant's civil algorithms (fast, no Date objects)
// ---------------------------------------------------------------------------------------------------------

const YEAR = 365.2425;

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function isoDate(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function parseIsoDate(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  if (!match || isoDate(day) !== value) throw new RangeError(`referenceDate must be a valid YYYY-MM-DD date, got ${value}`);
  return day;
}

/** The same calendar date `years` later (29 February becomes 1 March), e.g. an 18th birthday. */
function addYears(day: number, years: number): number {
  const [y, m, d] = civilFromDays(day);
  return daysFromCivil(y + years, m, d);
}

function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
}

const zomertijdCache = new Map<number, readonly [number, number]>();

/** Dutch summer time runs from the last Sunday of March to the last Sunday of October. */
function isZomertijd(day: number): boolean {
  const year = civilFromDays(day)[0];
  let range = zomertijdCache.get(year);
  if (!range) {
    const lastSunday = (month: number): number => {
      const last = daysFromCivil(year, month + 1, 1) - 1;
      return last - weekday(last);
    };
    range = [lastSunday(3), lastSunday(10)] as const;
    zomertijdCache.set(year, range);
  }
  return day >= range[0] && day < range[1];
}

/** A moment as ISO-8601: local time with its +01:00/+02:00 offset, or the same instant in UTC (`Z`). */
function tijdstip(day: number, minutes: number, utc: boolean): string {
  const offset = isZomertijd(day) ? 120 : 60;
  if (!utc) return `${isoDate(day)}T${hhmm(minutes)}:00+0${offset / 60}:00`;
  let m = minutes - offset;
  let d = day;
  if (m < 0) {
    m += 1440;
    d -= 1;
  }
  return `${isoDate(d)}T${hhmm(m)}:00Z`;
}

function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

// ---------------------------------------------------------------------------------------------------------
// Word lists: fakerNL for given names, surnames and place stems, topped up with what it lacks
// ---------------------------------------------------------------------------------------------------------

type NameEntry = { generic?: string[]; female?: string[]; male?: string[] } | null | undefined;

function namesOf(entry: NameEntry, key: 'generic' | 'female' | 'male'): string[] {
  return entry?.[key] ?? [];
}

/** fakerNL's first names are today's baby names; people born before ~1975 mostly carry these instead. */
const TRADITIONELE_VOORNAMEN: Record<'M' | 'V', string[]> = {
  M: ['Johannes', 'Cornelis', 'Hendrik', 'Jan', 'Gerrit', 'Willem', 'Pieter', 'Jacobus', 'Adrianus', 'Hendrikus',
    'Petrus', 'Theodorus', 'Gerardus', 'Wilhelmus', 'Albert', 'Dirk', 'Klaas', 'Henk', 'Kees', 'Piet', 'Wim', 'Gert',
    'Ton', 'Hans', 'Rob', 'Frank', 'Peter', 'Marco', 'Erik', 'Dennis', 'Richard', 'Martin', 'Jeroen', 'Arjan', 'Ronald',
    'René', 'Bert', 'Harm', 'Evert', 'Arie', 'Johan', 'Gerard', 'Frans', 'Leo', 'Joop', 'Cor', 'Anton', 'Marcel'],
  V: ['Maria', 'Johanna', 'Cornelia', 'Anna', 'Wilhelmina', 'Hendrika', 'Elisabeth', 'Geertruida', 'Catharina',
    'Adriana', 'Petronella', 'Jacoba', 'Riet', 'Truus', 'Ans', 'Joke', 'Annie', 'Marja', 'Ingrid', 'Monique', 'Petra',
    'Sandra', 'Linda', 'Marian', 'Els', 'Ineke', 'Anita', 'Wilma', 'Yvonne', 'Carla', 'Karin', 'Sonja', 'Gerda',
    'Henny', 'Tineke', 'Mieke', 'Anneke', 'Greet', 'Jolanda', 'Marjolein', 'Margriet', 'Hennie', 'Bep', 'Dini'],
};

/** Surnames with prefixes fakerNL does not have (`ter`, `'t`, `in 't`, ...). */
const EXTRA_ACHTERNAMEN = ['ter Horst', 'ter Haar', "'t Hart", "van 't Hof", "in 't Veld", 'ter Beek', 'van Rijn',
  'van Os', 'ten Brink', 'op den Kamp', 'van Wijnen', 'ter Steege', "van 't Zand", 'de Lange', 'van Beek'];

const VOORVOEGSELS = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', "'t", 'in', 'op', 'het', 'la', 'le', 'du']);

/** Share of Dutch surnames with a voorvoegsel (de Jong, van den Berg, ...). */
const VOORVOEGSEL_RATE = 0.18;

interface Woorden {
  voornamen: Record<'M' | 'V', string[]>;
  genderneutraal: string[];
  achternaamZonder: string[];
  achternaamMet: string[];
  plaatsstammen: string[];
}

let woorden: Woorden | undefined;

function wordLists(): Woorden {
  if (woorden) return woorden;
  const person = fakerNL.definitions.person;
  const achternamen = namesOf(person.last_name, 'generic');
  const isPrefixed = (naam: string): boolean => VOORVOEGSELS.has(naam.split(' ')[0]!);
  woorden = {
    voornamen: { M: namesOf(person.first_name, 'male'), V: namesOf(person.first_name, 'female') },
    genderneutraal: namesOf(person.first_name, 'generic'),
    achternaamZonder: achternamen.filter((n) => !isPrefixed(n)),
    achternaamMet: [...achternamen.filter(isPrefixed), ...EXTRA_ACHTERNAMEN.filter(isPrefixed)],
    // Short stems only: "Zwolle" + "straat" reads like a street, "Oudeschip" + "straat" less so.
    plaatsstammen: (fakerNL.definitions.location.city_prefix ?? []).filter((s) => /^[A-Z][a-z]{3,8}$/.test(s)),
  };
  return woorden;
}

interface Achternaam {
  voorvoegsel: string | null;
  geslachtsnaam: string;
}

/** Splits "van der Meer" into voorvoegsel "van der" and geslachtsnaam "Meer", as the BRP stores it. */
function splitAchternaam(naam: string): Achternaam {
  const parts = naam.split(' ');
  let i = 0;
  while (i < parts.length - 1 && VOORVOEGSELS.has(parts[i]!)) i++;
  return { voorvoegsel: i > 0 ? parts.slice(0, i).join(' ') : null, geslachtsnaam: parts.slice(i).join(' ') };
}

function drawAchternaam(rng: Rng): Achternaam {
  const w = wordLists();
  return splitAchternaam(rng.pick(rng.chance(VOORVOEGSEL_RATE) ? w.achternaamMet : w.achternaamZonder));
}

/** The pool a person's given names come from: mostly traditional names for those born before ~1990. */
function voornaamPool(rng: Rng, geslacht: Geslacht, geboortejaar: number): string[] {
  const w = wordLists();
  if (geslacht === 'O') return w.genderneutraal;
  const traditioneel = geboortejaar < 1975 ? 0.8 : geboortejaar < 1990 ? 0.55 : geboortejaar < 2000 ? 0.2 : 0.03;
  return rng.chance(traditioneel) ? TRADITIONELE_VOORNAMEN[geslacht] : w.voornamen[geslacht];
}

function drawVoornaam(rng: Rng, geslacht: Geslacht, geboortejaar: number): string {
  return rng.pick(voornaamPool(rng, geslacht, geboortejaar));
}

/** BRP voornamen: all given names; older generations often have two, from the same era's names. */
function drawVoornamen(rng: Rng, geslacht: Geslacht, geboortejaar: number): string {
  const pool = voornaamPool(rng, geslacht, geboortejaar);
  const first = rng.pick(pool);
  const extra = rng.chance(geboortejaar < 1970 ? 0.55 : 0.3) ? rng.pick(pool) : first;
  return extra === first ? first : `${first} ${extra}`;
}

function volledigeNaam(voornaam: string, achternaam: Achternaam): string {
  return [voornaam, achternaam.voorvoegsel, achternaam.geslachtsnaam].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Gebied: wijken, buurten and the streets in them (constant: the town is the same for every seed)
// ---------------------------------------------------------------------------------------------------------

type Thema = 'centrum' | 'bloemen' | 'vogels' | 'bomen' | 'schilders' | 'componisten' | 'personen' | 'plaatsen'
  | 'hoven' | 'dorp' | 'buiten';

interface BuurtDef {
  naam: string;
  straten: number;
  thema: Thema;
}

interface WijkDef {
  naam: string;
  woonplaats: string;
  buurten: BuurtDef[];
}

/** Lindeveen itself (wijken 1-5) and two kernen with their own woonplaats (wijken 6-7). */
const WIJKEN: WijkDef[] = [
  { naam: 'Centrum', woonplaats: 'Lindeveen', buurten: [
    { naam: 'Binnenstad', straten: 8, thema: 'centrum' },
    { naam: 'Stationskwartier', straten: 5, thema: 'personen' },
    { naam: 'Havenkwartier', straten: 5, thema: 'plaatsen' },
  ] },
  { naam: 'Oosterpark', woonplaats: 'Lindeveen', buurten: [
    { naam: 'Bloemenbuurt', straten: 8, thema: 'bloemen' },
    { naam: 'Vogelbuurt', straten: 8, thema: 'vogels' },
    { naam: 'Oosterpark-Zuid', straten: 6, thema: 'personen' },
    { naam: 'Sportpark', straten: 3, thema: 'plaatsen' },
  ] },
  { naam: 'De Hoven', woonplaats: 'Lindeveen', buurten: [
    { naam: 'Kloosterhoven', straten: 6, thema: 'hoven' },
    { naam: 'Hoven-Noord', straten: 6, thema: 'personen' },
    { naam: 'Hoven-Zuid', straten: 6, thema: 'plaatsen' },
  ] },
  { naam: 'Westerkwartier', woonplaats: 'Lindeveen', buurten: [
    { naam: 'Schildersbuurt', straten: 8, thema: 'schilders' },
    { naam: 'Componistenbuurt', straten: 7, thema: 'componisten' },
    { naam: 'Westerhaven', straten: 4, thema: 'plaatsen' },
    { naam: 'Park Westerveld', straten: 4, thema: 'personen' },
    { naam: 'De Kade', straten: 3, thema: 'personen' },
  ] },
  { naam: 'Molenkamp', woonplaats: 'Lindeveen', buurten: [
    { naam: 'Bomenbuurt', straten: 8, thema: 'bomen' },
    { naam: 'Molenkamp-Noord', straten: 6, thema: 'personen' },
    { naam: 'Molenkamp-Zuid', straten: 6, thema: 'plaatsen' },
  ] },
  { naam: 'Heelderveld', woonplaats: 'Heelderveld', buurten: [
    { naam: 'Heelderveld-Dorp', straten: 7, thema: 'dorp' },
    { naam: 'Buitengebied Heelderveld', straten: 4, thema: 'buiten' },
  ] },
  { naam: 'Oudewier', woonplaats: 'Oudewier', buurten: [
    { naam: 'Oudewier-Dorp', straten: 7, thema: 'dorp' },
    { naam: 'De Wierden', straten: 4, thema: 'personen' },
    { naam: 'Buitengebied Oudewier', straten: 3, thema: 'buiten' },
  ] },
];

/** Full street names for themes that read as real Dutch street names only as a whole. */
const VASTE_STRATEN: Partial<Record<Thema, string[]>> = {
  centrum: ['Markt', 'Kerkstraat', 'Nieuwstraat', 'Molenstraat', 'Achterom', 'Torenstraat', 'Kerkplein', 'Havenstraat',
    'Vismarkt', 'Brugstraat', 'Lange Nieuwstraat', 'Korte Kerkstraat'],
  dorp: ['Dorpsstraat', 'Kerkweg', 'Schoolstraat', 'Brink', 'Molenweg', 'Julianastraat', 'Wilhelminastraat',
    'Beatrixlaan', 'Oranjestraat', 'Kerkpad', 'Bernhardlaan'],
  buiten: ['Veenweg', 'Broekweg', 'Oude Dijk', 'Heideweg', 'Hoge Kamp', 'Zandweg', 'Esweg', 'Molendijk', 'Hoeveweg'],
};

/** Stems that get a suffix: Merel + straat, Rembrandt + laan, ... */
const STAMMEN: Partial<Record<Thema, string[]>> = {
  bloemen: ['Rozen', 'Tulpen', 'Narcissen', 'Anjer', 'Lelie', 'Iris', 'Krokus', 'Hyacinten', 'Seringen', 'Dahlia',
    'Klaproos', 'Margriet'],
  vogels: ['Merel', 'Lijster', 'Spreeuw', 'Vink', 'Zwaluw', 'Kievit', 'Reiger', 'Specht', 'Roodborst', 'Grutto',
    'Wielewaal', 'Leeuwerik'],
  bomen: ['Eiken', 'Beuken', 'Linden', 'Berken', 'Essen', 'Wilgen', 'Populieren', 'Kastanje', 'Esdoorn', 'Platanen',
    'Elzen', 'Acacia'],
  schilders: ['Rembrandt', 'Vermeer', 'Frans Hals', 'Jan Steen', 'Van Gogh', 'Mondriaan', 'Breitner', 'Israëls',
    'Mesdag', 'Jongkind', 'Ruisdael', 'Hobbema'],
  componisten: ['Mozart', 'Beethoven', 'Bach', 'Chopin', 'Schubert', 'Händel', 'Haydn', 'Brahms', 'Vivaldi',
    'Sweelinck', 'Mahler', 'Diepenbrock'],
  hoven: ['Abdij', 'Pastorie', 'Kapel', 'Ridder', 'Konings', 'Graven', 'Hertogen', 'Klooster', 'Prioren', 'Monniken'],
};

const SUFFIXEN = weighted([['straat', 45], ['laan', 20], ['weg', 10], ['hof', 8], ['plein', 5], ['singel', 5],
  ['park', 4], ['dreef', 3]] as const);
const TITELS = ['Burgemeester ', 'Dokter ', 'Pastoor ', 'Meester ', 'Notaris ', ''];

/** Postcode letters: F, I, O, Q, U and Y are not used, nor the pairs SA, SD and SS. */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

interface Straat {
  naam: string;
  postcode: string;
  woonplaats: string;
  wijkIndex: number;
  buurtCode: string;
  /** Addresses are house numbers 1..numbers, each with `units` dwellings (flats, split houses). */
  numbers: number;
  units: number;
  style: 'huis' | 'huisletter' | 'toevoeging';
}

interface Gebied {
  demo: DemoGebied;
  straten: Straat[];
}

let gebied: Gebied | undefined;

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function buildGebied(): Gebied {
  const rng = new Rng(0x11deeb, 0, 1); // fixed: the town's layout does not depend on the seed
  const demo: DemoGebied = { gemeente: { code: DEMO_GEMEENTE.code, naam: DEMO_GEMEENTE.naam }, wijken: [], buurten: [] };
  const straten: Straat[] = [];
  const namenPerWoonplaats = new Map<string, Set<string>>();
  WIJKEN.forEach((wijk, w) => {
    const wijkCode = `WK${DEMO_GEMEENTE.nummer}${twoDigits(w + 1)}`;
    demo.wijken.push({ code: wijkCode, naam: wijk.naam, gemeenteCode: DEMO_GEMEENTE.code });
    const taken = namenPerWoonplaats.get(wijk.woonplaats) ?? new Set<string>();
    namenPerWoonplaats.set(wijk.woonplaats, taken);
    wijk.buurten.forEach((buurt, b) => {
      const buurtCode = `BU${DEMO_GEMEENTE.nummer}${twoDigits(w + 1)}${twoDigits(b + 1)}`;
      demo.buurten.push({ code: buurtCode, naam: buurt.naam, wijkCode });
      const cijfers = 8620 + w * 5 + b;
      const letters = postcodeLetterPairs(rng);
      for (let s = 0; s < buurt.straten; s++) {
        const naam = uniqueStraatnaam(rng, buurt.thema, taken);
        straten.push({ naam, postcode: `${cijfers} ${letters[s]}`, woonplaats: wijk.woonplaats, wijkIndex: w, buurtCode,
          ...woningtype(rng, buurt.thema) });
      }
    });
  });
  return { demo, straten };
}

function postcodeLetterPairs(rng: Rng): string[] {
  const pairs: string[] = [];
  for (const a of POSTCODE_LETTERS) for (const b of POSTCODE_LETTERS) if (!['SA', 'SD', 'SS'].includes(a + b)) pairs.push(a + b);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return pairs;
}

function uniqueStraatnaam(rng: Rng, thema: Thema, taken: Set<string>): string {
  for (let tries = 0; ; tries++) {
    const naam = straatnaam(rng, tries < 50 ? thema : 'personen');
    if (!taken.has(naam)) {
      taken.add(naam);
      return naam;
    }
  }
}

function straatnaam(rng: Rng, thema: Thema): string {
  const vast = VASTE_STRATEN[thema];
  if (vast) return rng.pick(vast);
  const stammen = STAMMEN[thema];
  const suffix = rng.pickWeighted(SUFFIXEN);
  if (stammen) return `${rng.pick(stammen)}${thema === 'hoven' ? 'hof' : suffix}`;
  const w = wordLists();
  if (thema === 'plaatsen') return `${rng.pick(w.plaatsstammen)}${suffix}`;
  return `${rng.pick(TITELS)}${rng.pick(w.achternaamZonder)}${suffix}`;
}

/** Town centres have more flats, villages hardly any. */
function woningtype(rng: Rng, thema: Thema): Pick<Straat, 'numbers' | 'units' | 'style'> {
  const flatRate = thema === 'centrum' ? 0.45 : thema === 'dorp' || thema === 'buiten' ? 0.05 : 0.2;
  if (rng.chance(flatRate)) return { numbers: rng.int(4, 24), units: rng.int(4, 12), style: 'toevoeging' };
  if (rng.chance(0.1)) return { numbers: rng.int(20, 80), units: 2, style: 'huisletter' };
  return { numbers: rng.int(25, 160), units: 1, style: 'huis' };
}

function getGebied(): Gebied {
  gebied ??= buildGebied();
  return gebied;
}

/** A fictional gemeente: GM9999 Lindeveen with its wijken and buurten (a fresh copy on every call). */
export function demoGebied(): DemoGebied {
  return structuredClone(getGebied().demo);
}

interface Adres {
  straat: Straat;
  huisnummer: number;
  huisletter: string | null;
  huisnummertoevoeging: string | null;
}

/**
 * Household i gets address slot i: streets in a seed-dependent order, then round by round one dwelling per
 * street. A per-street affine permutation scatters the dwellings over the house numbers. This is a bijection,
 * so addresses are unique and depend only on (seed, index); past a street's capacity the numbers continue.
 */
function adresVoor(index: number, order: readonly number[]): Adres {
  const { straten } = getGebied();
  const straat = straten[order[index % order.length]!]!;
  const slot = Math.floor(index / order.length);
  const capacity = straat.numbers * straat.units;
  const q = slot < capacity ? (affineStep(capacity, straat.naam.length) * slot + 7) % capacity : slot;
  const nummerIndex = Math.floor(q / straat.units);
  const unit = q % straat.units;
  const huisnummer = nummerIndex + 1;
  if (straat.style === 'huisletter') return { straat, huisnummer, huisletter: unit ? 'A' : null, huisnummertoevoeging: null };
  if (straat.style === 'toevoeging') return { straat, huisnummer, huisletter: null, huisnummertoevoeging: String(unit + 1) };
  const letter = mix32(huisnummer * 31 + straat.naam.length) % 40 === 0 ? 'A' : null; // the odd "12A"
  return { straat, huisnummer, huisletter: letter, huisnummertoevoeging: null };
}

/** A multiplier coprime with `modulus`, so k -> (a*k + b) mod modulus is a permutation. */
function affineStep(modulus: number, salt: number): number {
  let a = 7 + ((salt * 13) % 97);
  while (gcd(a, modulus) !== 1) a++;
  return a;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function streetOrder(key: number): number[] {
  const rng = new Rng(key, 0xffffffff, 2);
  const order = getGebied().straten.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

// ---------------------------------------------------------------------------------------------------------
// Staff: a fixed roster per loket (and per wijkteam), so the same names recur like in a real organisation
// ---------------------------------------------------------------------------------------------------------

type Medewerker = DemoContactpersoon;

interface Roster {
  WMO: Medewerker[];
  CJG: Medewerker[];
  WERKPLEIN: Medewerker[];
  wijkteams: DemoMedewerker[][];
}

let roster: Roster | undefined;

function getRoster(): Roster {
  if (roster) return roster;
  const rng = new Rng(0x5ea77, 0, 3);
  const team = (n: number): Medewerker[] => Array.from({ length: n }, () => medewerker(rng));
  // Wijkteam members also get a token subject: casus membership decides what they may see of other lokets.
  const wijkteam = (wijk: number): DemoMedewerker[] =>
    team(4).map((m, i) => ({ ...m, sub: `wijkteam-${twoDigits(wijk + 1)}-${i + 1}` }));
  roster = { WMO: team(9), CJG: team(8), WERKPLEIN: team(11), wijkteams: WIJKEN.map((_, wijk) => wijkteam(wijk)) };
  return roster;
}

function medewerker(rng: Rng): Medewerker {
  const geslacht: Geslacht = rng.chance(0.7) ? 'V' : 'M'; // the sociaal domein employs mostly women
  const naam = volledigeNaam(drawVoornaam(rng, geslacht, rng.int(1965, 2000)), drawAchternaam(rng));
  return { naam, telefoon: telefoonnummer(rng) };
}

/** A mobile number (06-xxxxxxxx) or a direct line at the gemeentehuis (0548-xxxxxx). */
/**
 * A phone number no one can be called on: 0999 is no Dutch area code, and a real 06 or 0548 number could
 * ring a real person. Synthetic data must not point at anyone, in a BSN or in a phone number.
 */
function telefoonnummer(rng: Rng): string {
  return `0999-${String(rng.int(100_000, 999_999))}`;
}

// ---------------------------------------------------------------------------------------------------------
// Household composition
// ---------------------------------------------------------------------------------------------------------

interface Member {
  persoon: DemoPersoon;
  rol: 'PARTNER' | 'KIND';
  born: number;
}

interface Draft {
  age: number;
  geslacht: Geslacht;
}

/** CBS: ~38% one person, 33% two, 12% three, 12% four, 5% five or more. */
const SIZES = weighted([[1, 38], [2, 33], [3, 12], [4, 12], [5, 3.3], [6, 1.1], [7, 0.4], [8, 0.2]] as const);
/** Chance that a household of this size is a single parent with children (~7% of all households). */
const SINGLE_PARENT_RATE: Record<number, number> = { 2: 0.12, 3: 0.2, 4: 0.06 };
/** Age bands [from, to) of people living alone: many are 65+. */
const SINGLE_AGES = weighted([[[18.3, 25], 8], [[25, 35], 15], [[35, 50], 14], [[50, 65], 20], [[65, 75], 18],
  [[75, 85], 15], [[85, 99], 10]] as const);
/** Age bands of the older partner in couples without children at home. */
const COUPLE_AGES = weighted([[[20, 30], 10], [[30, 45], 12], [[45, 55], 14], [[55, 65], 22], [[65, 75], 24],
  [[75, 90], 15], [[90, 97], 3]] as const);
const MIN_ADULT_AGE = 18.3; // keeps every adult's 18th birthday a few months before the reference date

function drawShape(rng: Rng, forceFamily: boolean): { partners: Draft[]; kids: Draft[] } {
  const size = forceFamily ? rng.int(3, 5) : rng.pickWeighted(SIZES);
  if (size === 1) return { partners: [single(rng)], kids: [] };
  const singleParent = rng.chance(SINGLE_PARENT_RATE[size] ?? 0.05);
  if (size === 2 && !singleParent) {
    const [lo, hi] = rng.pickWeighted(COUPLE_AGES);
    return { partners: couple(rng, lo + rng.float() * (hi - lo)), kids: [] };
  }
  const kids = children(rng, size - (singleParent ? 1 : 2), forceFamily);
  const spanToYoungest = kids[0]!.age - kids[kids.length - 1]!.age;
  const motherAge = kids[0]!.age + 21 + rng.float() * Math.max(1, 23 - spanToYoungest); // <= ~44 at the last birth
  if (singleParent) return { partners: [{ age: motherAge + (rng.chance(0.18) ? 2 : 0), geslacht: geslacht(rng, 0.82) }], kids };
  return { partners: couple(rng, motherAge), kids };
}

function single(rng: Rng): Draft {
  const [lo, hi] = rng.pickWeighted(SINGLE_AGES);
  const age = lo + rng.float() * (hi - lo);
  return { age, geslacht: geslacht(rng, age >= 75 ? 0.7 : 0.52) }; // widows outnumber widowers
}

/** A man/woman couple (partner ~2 years older), 2% same-sex. The first draft is the woman. */
function couple(rng: Rng, age: number): Draft[] {
  const other = Math.min(99, Math.max(MIN_ADULT_AGE, age + rng.float() * 8 - 2));
  if (rng.chance(0.02)) {
    const g: Geslacht = rng.chance(0.5) ? 'M' : 'V';
    return [{ age, geslacht: g }, { age: other, geslacht: g }];
  }
  return [{ age: Math.max(MIN_ADULT_AGE, age), geslacht: withO(rng, 'V') }, { age: other, geslacht: withO(rng, 'M') }];
}

/** Children oldest first, 1-4.5 years apart (3% twins); ~15% of families still have an adult child at home. */
function children(rng: Rng, n: number, minorsOnly: boolean): Draft[] {
  const gaps = Array.from({ length: n - 1 }, () => (rng.chance(0.03) ? 0 : 1 + rng.float() * 3.5));
  const span = gaps.reduce((a, b) => a + b, 0);
  const oldest = !minorsOnly && rng.chance(0.15)
    ? Math.max(span, 18) + 0.1 + rng.float() * 6
    : span + 0.3 + rng.float() * Math.max(0.5, 17.5 - span);
  const kids: Draft[] = [{ age: oldest, geslacht: geslacht(rng, 0.5) }];
  for (const gap of gaps) {
    const age = kids[kids.length - 1]!.age - gap;
    kids.push({ age, geslacht: gap === 0 && rng.chance(0.5) ? kids[kids.length - 1]!.geslacht : geslacht(rng, 0.5) });
  }
  return kids;
}

function geslacht(rng: Rng, vrouwRate: number): Geslacht {
  return withO(rng, rng.chance(vrouwRate) ? 'V' : 'M');
}

/** BRP geslacht O (onbekend) is rare. */
function withO(rng: Rng, g: Geslacht): Geslacht {
  return rng.chance(0.001) ? 'O' : g;
}

function persoon(rng: Rng, ref: number, draft: Draft, naam: Achternaam, bsn: string): Member['persoon'] & { born: number } {
  const born = ref - Math.floor(draft.age * YEAR);
  const jaar = civilFromDays(born)[0];
  return {
    bsn,
    voornamen: drawVoornamen(rng, draft.geslacht, jaar),
    voorvoegsel: naam.voorvoegsel,
    geslachtsnaam: naam.geslachtsnaam,
    geboortedatum: isoDate(born),
    geslacht: draft.geslacht,
    born,
  };
}

/** Partners keep their own geslachtsnaam; children get the father's (85%) or the mother's. */
function composeMembers(rng: Rng, ref: number, forceFamily: boolean, bsnAt: (i: number) => string): Member[] {
  const { partners, kids } = drawShape(rng, forceFamily);
  const partnerNamen = partners.map(() => drawAchternaam(rng));
  const vader = partners.findIndex((p) => p.geslacht === 'M');
  const kindNaam = partners.length === 1
    ? (rng.chance(0.75) ? partnerNamen[0]! : drawAchternaam(rng)) // single parent: the other parent's name
    : partnerNamen[vader >= 0 && rng.chance(0.85) ? vader : 0]!;
  const drafts = [...partners.map((d, i) => [d, partnerNamen[i]!] as const), ...kids.map((d) => [d, kindNaam] as const)];
  return drafts.map(([draft, naam], i) => {
    const { born, ...p } = persoon(rng, ref, draft, naam, bsnAt(i));
    return { persoon: p, rol: i < partners.length ? 'PARTNER' : 'KIND', born };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Loket use: who is known where, with realistic overlap (stapeling)
// ---------------------------------------------------------------------------------------------------------

interface Ctx {
  rng: Rng;
  ids: IdSource;
  /**
   * The steps of the Wmo and Jeugd chains (dates, aanbieders, findings) draw from a stream of their own, so
   * that adding them changed nothing the household's other draws had made (names, provisions, contacts).
   */
  keten: { rng: Rng; ids: IdSource };
  ref: number;
  wijkIndex: number;
  members: Member[];
}

interface Periode {
  start: number;
  /** geslotenOp when closed, else the day before the reference date. */
  end: number;
  closed: boolean;
}

const FIVE_YEARS = Math.round(5 * YEAR);

function ageAt(member: Member, day: number): number {
  const [by, bm, bd] = civilFromDays(member.born);
  const [y, m, d] = civilFromDays(day);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Minors old enough (3+ months) for a CJG dossier to have been opened for them. */
function eligibleMinors(ctx: Ctx): Member[] {
  return ctx.members.filter((m) => m.rol === 'KIND' && ageAt(m, ctx.ref) < 18 && ctx.ref - m.born >= 90);
}

/** Partners below AOW age (67) who can claim bijstand. */
function workingAgePartners(ctx: Ctx): Member[] {
  return ctx.members.filter((m) => m.rol === 'PARTNER' && ageAt(m, ctx.ref) < 67);
}

function bijstandsnorm(ctx: Ctx): Bijstandsnorm {
  const partners = ctx.members.filter((m) => m.rol === 'PARTNER').length;
  if (partners >= 2) return 'GEHUWDEN';
  return ctx.members.some((m) => m.rol === 'KIND' && ageAt(m, ctx.ref) < 18) ? 'ALLEENSTAANDE_OUDER' : 'ALLEENSTAANDE';
}

interface Flags {
  wmo: boolean;
  cjg: boolean;
  werkplein: boolean;
  wijkteam: boolean;
}

/**
 * Bijstand first (single parents ~25%, singles of working age ~8%, couples ~3%), then Wmo (~40% with a 75+
 * member) and CJG (~19% of families), both 2-3x likelier with bijstand. The wijkteam takes ~40% of the
 * households known at two or more lokets, ~1% of the others.
 */
function drawFlags(ctx: Ctx, forced: boolean): Flags {
  const { rng } = ctx;
  if (forced) return { wmo: true, cjg: true, werkplein: true, wijkteam: true };
  const werkplein = rng.chance(bijstandRate(ctx));
  // Bijstand households are young, so their Wmo rate is set directly rather than as a multiple of the
  // (age-driven) base rate: ~23%, over twice the ~10% of all households.
  const wmo = rng.chance(werkplein ? Math.max(0.23, wmoRate(ctx)) : wmoRate(ctx));
  const singleParent = bijstandsnorm(ctx) === 'ALLEENSTAANDE_OUDER';
  const cjg = eligibleMinors(ctx).length > 0 && rng.chance(0.16 * (werkplein ? 2.5 : 1) * (singleParent ? 1.3 : 1));
  const domains = Number(wmo) + Number(cjg) + Number(werkplein);
  return { wmo, cjg, werkplein, wijkteam: rng.chance(domains >= 2 ? 0.4 : 0.01) };
}

function bijstandRate(ctx: Ctx): number {
  const working = workingAgePartners(ctx);
  if (working.length === 0) return 0;
  const norm = bijstandsnorm(ctx);
  if (norm === 'ALLEENSTAANDE_OUDER') return 0.25;
  if (norm === 'ALLEENSTAANDE') return ctx.members.length === 1 ? 0.085 : 0.06;
  return eligibleMinors(ctx).length > 0 ? 0.035 : 0.025;
}

function wmoRate(ctx: Ctx): number {
  const oldest = Math.max(...ctx.members.map((m) => ageAt(m, ctx.ref)));
  if (oldest >= 75) return 0.4;
  if (oldest >= 65) return 0.1;
  return 0.03;
}

// ---------------------------------------------------------------------------------------------------------
// Dossiers and contactmomenten
// ---------------------------------------------------------------------------------------------------------

/** Opened in the last five years (not before `earliest`), ~25% closed since. */
function openDossier(ctx: Ctx, pool: Medewerker[], earliest: number): { dossier: DemoDossier; periode: Periode } {
  const { rng, ref } = ctx;
  const start = rng.int(Math.min(ref - 1, Math.max(ref - FIVE_YEARS, earliest)), ref - 1);
  const closed = ref - 1 - start >= 60 && rng.chance(0.27);
  const end = closed ? rng.int(start + 30, ref - 1) : ref - 1;
  const contactpersoon = rng.pick(pool);
  return {
    dossier: { id: ctx.ids.next(), geopendOp: isoDate(start), geslotenOp: closed ? isoDate(end) : null, contactpersoon: { ...contactpersoon } },
    periode: { start, end, closed },
  };
}

/** A record's end: within the dossier when it was closed, else sometimes ended already, else open. */
function einde(ctx: Ctx, start: number, periode: Periode, endRate: number, minDays: number, maxDays: number): number | null {
  const e = start + ctx.rng.int(minDays, maxDays);
  if (periode.closed) return Math.max(start, Math.min(e, periode.end));
  return ctx.rng.chance(endRate) && e <= ctx.ref - 1 ? e : null;
}

const KANALEN_MIX = weighted<Kanaal>([['TELEFOON', 40], ['BALIE', 20], ['DIGITAAL', 25], ['HUISBEZOEK', 10], ['BRIEF', 5]]);
const KANALEN_WIJKTEAM = weighted<Kanaal>([['TELEFOON', 34], ['BALIE', 8], ['DIGITAAL', 23], ['HUISBEZOEK', 30], ['BRIEF', 5]]);
const AANTAL_CONTACTEN = weighted([[1, 14], [2, 22], [3, 20], [4, 15], [5, 11], [6, 8], [7, 6], [8, 4]] as const);

const KANAAL_ZINNEN: Record<Kanaal, string[]> = {
  TELEFOON: ['Telefonisch contact gehad.', 'Cliënt belde zelf.', 'Teruggebeld op verzoek.'],
  BALIE: ['Langs geweest aan de balie.', 'Gesprek aan de balie van het gemeentehuis.'],
  DIGITAAL: ['Bericht ontvangen via Mijn Lindeveen.', 'Vraag via het contactformulier.', 'E-mail ontvangen.'],
  HUISBEZOEK: ['Huisbezoek afgelegd.', 'Gesprek bij de mensen thuis.'],
  BRIEF: ['Brief verstuurd.', 'Schriftelijk bevestigd per brief.'],
};

interface Onderwerp {
  onderwerp: string;
  zinnen: string[];
}

/** The first topic of each loket is the intake, used for the contact on the day the dossier opened. */
const ONDERWERPEN: Record<Loket, Onderwerp[]> = {
  WMO: [
    { onderwerp: 'Melding Wmo', zinnen: ['Melding gedaan voor ondersteuning thuis voor {naam}; keukentafelgesprek ingepland.', 'Hulpvraag van {naam} genoteerd; informatie over cliëntondersteuning gegeven.'] },
    { onderwerp: 'Keukentafelgesprek', zinnen: ['Situatie van {naam} besproken: het huishouden lukt niet meer zelfstandig.', 'Mogelijkheden in het eigen netwerk van {naam} verkend; verslag volgt.'] },
    { onderwerp: 'Hulp bij het huishouden', zinnen: ['Afspraken over de inzet van huishoudelijke hulp doorgenomen; de aanbieder neemt contact op.', 'Wisseling van hulp bij {naam}; nieuwe vaste hulp per volgende week.'] },
    { onderwerp: 'Woningaanpassing', zinnen: ['Ergotherapeut ingeschakeld voor advies over een traplift.', 'Offerte voor aanpassing van de badkamer ontvangen en beoordeeld.'] },
    { onderwerp: 'Vervoer', zinnen: ['Aanvraag regiotaxipas besproken; formulier toegestuurd.', 'Scootmobiel voor {naam} in bestelling; levering binnen vier weken.'] },
    { onderwerp: 'Eigen bijdrage', zinnen: ['Vragen over de eigen bijdrage via het CAK beantwoord.'] },
    { onderwerp: 'Evaluatie', zinnen: ['Voorziening geëvalueerd; {naam} is tevreden en de ondersteuning loopt door.', 'Evaluatie: ondersteuning afgeschaald in overleg met {naam}.'] },
    { onderwerp: 'Mantelzorg', zinnen: ['Mantelzorger ervaart overbelasting; respijtzorg besproken.', 'Informatie over de mantelzorgwaardering gegeven.'] },
  ],
  CJG: [
    { onderwerp: 'Aanmelding', zinnen: ['Ouder meldt zorgen over het gedrag van {naam} thuis en op school.', 'Aanmelding via de huisarts ontvangen voor {naam}.'] },
    { onderwerp: 'Opvoedondersteuning', zinnen: ['Tips gegeven rond slaapritme en structuur; vervolgafspraak over vier weken.', 'Ouders voelen zich gesteund; volgende afspraak over grenzen stellen.'] },
    { onderwerp: 'Overleg school', zinnen: ['Afstemming met de intern begeleider over de ondersteuning van {naam} in de klas.'] },
    { onderwerp: 'Verwijzing jeugdhulp', zinnen: ['Beschikking jeugdhulp aangevraagd; ouders zijn akkoord met de verwijzing.'] },
    { onderwerp: 'Wachttijd', zinnen: ['Ouders geïnformeerd over de wachttijd bij de aanbieder; overbruggingszorg afgesproken.'] },
    { onderwerp: 'Evaluatie traject', zinnen: ['Traject geëvalueerd; {naam} gaat vooruit, doelen deels behaald.', 'Evaluatie met ouders en aanbieder; traject wordt verlengd.'] },
  ],
  WERKPLEIN: [
    { onderwerp: 'Aanvraag bijstand', zinnen: ['Aanvraag levensonderhoud ingediend; bewijsstukken opgevraagd.', 'Meldingsgesprek gevoerd; aanvraag binnen acht weken afgehandeld.'] },
    { onderwerp: 'Wijziging inkomsten', zinnen: ['Wijziging in inkomsten doorgegeven; de uitkering wordt herberekend.'] },
    { onderwerp: 'Re-integratie', zinnen: ['Gesprek over het werkfit-traject; {naam} start met een werkervaringsplek.', 'Sollicitatieactiviteiten van {naam} doorgenomen.'] },
    { onderwerp: 'Schulden', zinnen: ['Aanmelding schuldhulpverlening; eerste gesprek met de budgetcoach gepland.', 'Overzicht van schuldeisers compleet; stabilisatiefase gestart.'] },
    { onderwerp: 'Heronderzoek', zinnen: ['Periodiek heronderzoek rechtmatigheid uitgevoerd; geen bijzonderheden.'] },
    { onderwerp: 'Bijzondere bijstand', zinnen: ['Aanvraag bijzondere bijstand voor een wasmachine besproken.', 'Vraag over de individuele inkomenstoeslag beantwoord.'] },
  ],
  WIJKTEAM: [
    { onderwerp: 'Kennismaking', zinnen: ['Kennismaking; hulpvragen op meerdere leefgebieden geïnventariseerd.'] },
    { onderwerp: 'Gezinsplan', zinnen: ['Eén gezin, één plan: doelen opgesteld samen met {naam}.', 'Plan besproken en ondertekend.'] },
    { onderwerp: 'Multidisciplinair overleg', zinnen: ['MDO met Wmo-consulent, CJG en Werkplein; afspraken over regie vastgelegd.'] },
    { onderwerp: 'Evaluatie plan', zinnen: ['Voortgang op de doelen besproken; ZRM-scores bijgewerkt.'] },
    { onderwerp: 'Crisis', zinnen: ['Acute situatie rond huisvesting; tijdelijke oplossing geregeld.', 'Dreigende huisuitzetting; contact gelegd met de woningcorporatie.'] },
    { onderwerp: 'Netwerk', zinnen: ['Netwerkberaad met familie en buren georganiseerd.'] },
  ],
};

const ANONIEM: Record<Loket, string> = { WMO: 'cliënt', CJG: 'het kind', WERKPLEIN: 'cliënt', WIJKTEAM: 'het gezin' };

/** Office hours on weekdays; online forms arrive at any hour, any day. */
function contactTijd(rng: Rng, kanaal: Kanaal, periode: Periode, day: number): { day: number; minutes: number } {
  if (kanaal === 'DIGITAAL') return { day, minutes: rng.int(7 * 60, 23 * 60 - 1) };
  let d = day;
  for (let i = 0; i < 3 && (weekday(d) === 0 || weekday(d) === 6); i++) d += d + 1 <= periode.end ? 1 : -1;
  if (d < periode.start) d = day; // a weekend-only window: keep the date
  const [from, to] = kanaal === 'HUISBEZOEK' ? [9 * 60, 16 * 60] : [8 * 60 + 30, 17 * 60];
  return { day: d, minutes: from + 5 * rng.int(0, (to - from) / 5 - 1) }; // the last slot starts before closing time
}

/** 1-8 contacts in the period; the first on the opening day (the intake), sorted by time. */
function contactmomenten(ctx: Ctx, loket: Loket, periode: Periode, subjects: Member[], medewerker: string): DemoContactmoment[] {
  const { rng } = ctx;
  const pool = loket === 'WIJKTEAM' ? getRoster().wijkteams[ctx.wijkIndex]! : getRoster()[loket];
  const n = rng.pickWeighted(AANTAL_CONTACTEN);
  const drafts = Array.from({ length: n }, (_, i) => {
    const kanaal = rng.pickWeighted(loket === 'WIJKTEAM' ? KANALEN_WIJKTEAM : KANALEN_MIX);
    const { day, minutes } = contactTijd(rng, kanaal, periode, i === 0 ? periode.start : rng.int(periode.start, periode.end));
    const topics = ONDERWERPEN[loket];
    const topic = i === 0 ? topics[0]! : rng.pick(topics.slice(1));
    const subject = rng.chance(loket === 'WIJKTEAM' ? 0.4 : 0.15) ? null : rng.pick(subjects);
    const naam = subject ? subject.persoon.voornamen.split(' ')[0]! : ANONIEM[loket];
    const notitie = `${rng.pick(KANAAL_ZINNEN[kanaal])} ${rng.pick(topic.zinnen).replace('{naam}', naam)}`;
    const wie = rng.chance(0.65) ? medewerker : rng.pick(pool).naam;
    return { key: day * 1440 + minutes, day, minutes, kanaal, onderwerp: topic.onderwerp, notitie, medewerker: wie, bsn: subject?.persoon.bsn ?? null };
  });
  drafts.sort((a, b) => a.key - b.key);
  return drafts.map((d) => ({
    id: ctx.ids.next(),
    tijdstip: tijdstip(d.day, d.minutes, d.kanaal === 'DIGITAAL' && rng.chance(0.5)),
    kanaal: d.kanaal,
    onderwerp: d.onderwerp,
    notitie: d.notitie,
    medewerker: d.medewerker,
    bsn: d.bsn,
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Wmo
// ---------------------------------------------------------------------------------------------------------

/** iWmo productcategorieën (WMO022), weighted towards what gemeenten grant most. */
const WMO_CATEGORIEEN = weighted([['01', 25], ['02', 16], ['07', 8], ['11', 9], ['12', 12], ['13', 9], ['14', 9],
  ['08', 4], ['06', 3], ['03', 1], ['04', 1], ['05', 1], ['09', 1], ['10', 1], ['15', 1], ['16', 0.5], ['17', 0.3],
  ['18', 0.2]] as const);

const WMO_ONDERWERP: Record<string, string> = {
  '01': 'Hulp bij het huishouden', '02': 'Begeleiding', '03': 'Persoonlijke verzorging', '04': 'Kortdurend verblijf',
  '05': 'Woondiensten', '06': 'Individuele ondersteuning', '07': 'Dagbesteding', '08': 'Vervoer (regiotaxi)',
  '09': 'Groepsondersteuning', '10': 'Maatwerkarrangement', '11': 'Rolstoel', '12': 'Scootmobiel',
  '13': 'Woningaanpassing', '14': 'Hulpmiddel', '15': 'Beschermd wonen', '16': 'Maatschappelijke opvang',
  '17': 'Spoedopvang', '18': 'Beschermd wonen en opvang',
};

/** The stage a melding's chain has reached, as first drawn: refined into the chain's states by `wmoKeten`. */
type MeldingFase = 'ONTVANGEN' | 'IN_ONDERZOEK' | 'AANVRAAG_ONTVANGEN' | 'AFGEROND';

function meldingFase(ctx: Ctx, datum: number, periode: Periode): MeldingFase {
  const { rng } = ctx;
  const age = ctx.ref - datum;
  if (periode.closed || (age > 120 && rng.chance(0.93))) return 'AFGEROND';
  const table = age <= 42
    ? weighted<MeldingFase>([['ONTVANGEN', 35], ['IN_ONDERZOEK', 35], ['AANVRAAG_ONTVANGEN', 15], ['AFGEROND', 15]])
    : weighted<MeldingFase>([['ONTVANGEN', 5], ['IN_ONDERZOEK', 30], ['AANVRAAG_ONTVANGEN', 30], ['AFGEROND', 35]]);
  return rng.pickWeighted(table);
}

/** The Wmo client is usually the oldest member when 65+, otherwise any adult. */
function wmoClient(ctx: Ctx): Member {
  const adults = ctx.members.filter((m) => m.rol === 'PARTNER');
  const oldest = adults.reduce((a, b) => (a.born <= b.born ? a : b));
  return ageAt(oldest, ctx.ref) >= 65 && ctx.rng.chance(0.85) ? oldest : ctx.rng.pick(adults);
}

interface MeldingDraft {
  id: string;
  bsn: string;
  onderwerp: string;
  day: number;
  cat: string;
  fase: MeldingFase;
}

interface VoorzieningDraft {
  id: string;
  bsn: string;
  meldingId: string;
  cat: string;
  ingang: number;
  eind: number | null;
}

function buildWmo(ctx: Ctx): DemoWmo {
  const { rng } = ctx;
  const client = wmoClient(ctx);
  const { dossier, periode } = openDossier(ctx, getRoster().WMO, client.born);
  const adults = ctx.members.filter((m) => m.rol === 'PARTNER');
  const categorieen = pickDistinct(rng, WMO_CATEGORIEEN, rng.chance(0.7) ? 1 : 2);
  const meldingen = categorieen.map((cat, i): MeldingDraft => {
    const day = i === 0 ? periode.start : rng.int(periode.start, periode.end);
    const wie = i > 0 && rng.chance(0.3) ? rng.pick(adults) : client;
    return { id: ctx.ids.next(), bsn: wie.persoon.bsn, onderwerp: WMO_ONDERWERP[cat]!, day, cat, fase: meldingFase(ctx, day, periode) };
  });
  meldingen.sort((a, b) => a.day - b.day);
  const voorzieningen = wmoVoorzieningen(ctx, meldingen, periode);
  const subjects = [...new Set(meldingen.map((m) => m.bsn))].map((bsn) => ctx.members.find((m) => m.persoon.bsn === bsn)!);
  const keten = wmoKeten(ctx, dossier, periode, meldingen, voorzieningen);
  // The README's example household always has Wmo steps under way, so its picture shows open steps.
  if (ctx.ids.index === EXAMPLE_INDEX) keten.meldingen.push(...lopendeMeldingen(ctx, dossier, client));
  // An open file often has a right granted in the last weeks that no aanbieder delivers yet.
  if (!periode.closed && ctx.keten.rng.chance(0.2)) wachtendRecht(ctx, dossier, client, keten);
  return {
    dossier,
    ...keten,
    contactmomenten: contactmomenten(ctx, 'WMO', periode, subjects, dossier.contactpersoon.naam),
  };
}

/**
 * A melding of the last three months, granted, whose right waits for its toewijzing (sometimes with an
 * aanbieder's verzoek om toewijzing still to answer) or for the aanbieder's start of the levering.
 */
function wachtendRecht(ctx: Ctx, dossier: DemoDossier, client: Member, keten: ReturnType<typeof wmoKeten>): void {
  const k = ctx.keten.rng;
  const today = ctx.ref - 1;
  const cat = k.pickWeighted(WMO_CATEGORIEEN);
  const dag = today - k.int(30, 90);
  const na = (vorige: number, dagen: number) => Math.min(vorige + dagen, today);
  const start = na(dag, k.int(1, 7));
  const verslag = na(start, k.int(10, 30));
  const aanvraag = na(verslag, k.int(0, 5));
  const besluit = na(aanvraag, k.int(3, 12));
  const melding: DemoMelding = {
    id: ctx.keten.ids.next(), bsn: client.persoon.bsn, meldingsdatum: isoDate(dag), kanaal: k.pickWeighted(KANALEN_MIX), onderwerp: WMO_ONDERWERP[cat]!,
    status: 'BESCHIKT', clientondersteuningGewenst: k.chance(0.2), onderzoekGestartOp: isoDate(start), gespreksdatum: isoDate(start), gesprekskanaal: 'HUISBEZOEK',
    bevindingen: [{ domein: 'INSTRUMENTELE_ADL', bevinding: BEVINDINGEN.INSTRUMENTELE_ADL![0]! }], verslagVerstuurdOp: isoDate(verslag),
    aanvraagOntvangenOp: isoDate(aanvraag), beschikkingsdatum: isoDate(besluit), besluit: 'TOEGEKEND', redenAfwijzing: null, ingetrokkenOp: null,
    redenIntrekking: null, behandelaar: k.pick(getRoster().WMO).naam,
  };
  const ingang = besluit + k.int(0, 14);
  const aanbieder = k.pick(WMO_AANBIEDERS[AANBIEDER_GROEP[cat] ?? 'zorg']!);
  const recht: DemoWmoVoorziening = {
    id: ctx.keten.ids.next(), bsn: client.persoon.bsn, meldingId: melding.id, productcategorie: cat, productcode: `${cat}A01`, omvang: wmoOmvang(k, cat),
    leveringsvorm: 'ZIN', ingangsdatum: isoDate(ingang), einddatum: null, status: 'TOEGEKEND', statusSinds: isoDate(besluit), redenBeeindiging: null, toewijzingen: [],
  };
  if (k.chance(0.5)) {
    const toegewezen = na(besluit, k.int(0, 5));
    recht.status = 'TOEGEWEZEN';
    recht.statusSinds = isoDate(toegewezen);
    recht.toewijzingen = [{ id: ctx.keten.ids.next(), aanbieder, toewijzingsdatum: isoDate(toegewezen), ingangsdatum: isoDate(Math.max(ingang, toegewezen)), einddatum: null, leveringBegindatum: null, leveringEinddatum: null, redenBeeindiging: null }];
  } else if (k.chance(0.5)) {
    keten.verzoeken.push({ id: ctx.keten.ids.next(), bsn: client.persoon.bsn, voorzieningId: recht.id, aanbieder, ontvangenOp: isoDate(na(besluit, k.int(1, 8))), status: 'ONTVANGEN', beantwoordOp: null });
  }
  keten.meldingen.push(melding);
  keten.voorzieningen.push(recht);
}

/** Two recent meldingen of the example household: one in onderzoek, one whose beschikking is due. */
function lopendeMeldingen(ctx: Ctx, dossier: DemoDossier, client: Member): DemoMelding[] {
  const k = ctx.keten.rng;
  const melding = (day: number, onderwerp: string): DemoMelding => ({
    id: ctx.keten.ids.next(), bsn: client.persoon.bsn, meldingsdatum: isoDate(day), kanaal: 'TELEFOON', onderwerp, status: 'ONTVANGEN',
    clientondersteuningGewenst: true, onderzoekGestartOp: null, gespreksdatum: null, gesprekskanaal: null, bevindingen: [], verslagVerstuurdOp: null,
    aanvraagOntvangenOp: null, beschikkingsdatum: null, besluit: null, redenAfwijzing: null, ingetrokkenOp: null, redenIntrekking: null,
    behandelaar: dossier.contactpersoon.naam,
  });
  const onderzoek = ctx.ref - k.int(12, 20);
  const aanvraag = ctx.ref - k.int(40, 50);
  return [
    { ...melding(onderzoek, 'Woningaanpassing'), status: 'IN_ONDERZOEK', onderzoekGestartOp: isoDate(onderzoek + 3) },
    {
      ...melding(aanvraag, 'Begeleiding'), status: 'AANVRAAG_ONTVANGEN', onderzoekGestartOp: isoDate(aanvraag + 2), gespreksdatum: isoDate(aanvraag + 9),
      gesprekskanaal: 'HUISBEZOEK', bevindingen: [{ domein: 'SOCIAAL_NETWERK', bevinding: BEVINDINGEN.SOCIAAL_NETWERK![0]! }],
      verslagVerstuurdOp: isoDate(aanvraag + 30), aanvraagOntvangenOp: isoDate(ctx.ref - 6), behandelaar: k.pick(getRoster().WMO).naam,
    },
  ];
}

/** 0-3 voorzieningen, only from meldingen that were decided (AFGEROND), starting 3-10 weeks after the melding. */
function wmoVoorzieningen(ctx: Ctx, meldingen: MeldingDraft[], periode: Periode): VoorzieningDraft[] {
  const { rng } = ctx;
  const afgerond = meldingen.filter((m) => m.fase === 'AFGEROND');
  const wanted = rng.pickWeighted(weighted([[0, 20], [1, 45], [2, 25], [3, 10]] as const));
  if (afgerond.length === 0 || wanted === 0) return [];
  const cats = [...new Set([...afgerond.map((m) => m.cat), ...pickDistinct(rng, WMO_CATEGORIEEN, 3)])].slice(0, wanted);
  const out: VoorzieningDraft[] = [];
  for (const [i, cat] of cats.entries()) {
    const melding = afgerond[Math.min(i, afgerond.length - 1)]!;
    const ingang = melding.day + rng.int(21, 70);
    if (ingang > periode.end) continue;
    const eind = einde(ctx, ingang, periode, 0.3, 60, 900);
    out.push({ id: ctx.ids.next(), bsn: melding.bsn, meldingId: melding.id, cat, ingang, eind });
  }
  return out;
}

// The chain's steps. Lead times as the Wmo-monitor reports them: most onderzoeken within the six weeks,
// some late; beschikkingen mostly within the two weeks after the aanvraag.

const WMO_AANBIEDERS: Record<string, DemoAanbieder[]> = {
  zorg: [{ agbCode: '99010001', naam: 'Thuiszorg Lindeveen' }, { agbCode: '99010002', naam: 'Zorggroep De Linde' }, { agbCode: '99010003', naam: 'Huishoudelijke Hulp Veenstreek' }],
  begeleiding: [{ agbCode: '99010011', naam: 'Begeleidingsdienst Oostwaarts' }, { agbCode: '99010012', naam: 'Dagbesteding De Werkplaats' }],
  hulpmiddel: [{ agbCode: '99010021', naam: 'Hulpmiddelencentrum Lindeveen' }, { agbCode: '99010022', naam: 'Woonaanpassing Veenstra' }],
  vervoer: [{ agbCode: '99010031', naam: 'Regiotaxi Lindeveen' }],
};
const AANBIEDER_GROEP: Record<string, keyof typeof WMO_AANBIEDERS> = {
  '01': 'zorg', '03': 'zorg', '04': 'zorg', '05': 'zorg', '02': 'begeleiding', '06': 'begeleiding', '07': 'begeleiding',
  '09': 'begeleiding', '10': 'begeleiding', '15': 'begeleiding', '16': 'begeleiding', '17': 'begeleiding', '18': 'begeleiding',
  '11': 'hulpmiddel', '12': 'hulpmiddel', '13': 'hulpmiddel', '14': 'hulpmiddel', '08': 'vervoer',
};

function wmoOmvang(k: Rng, cat: string): DemoOmvang {
  if (cat === '01' || cat === '02' || cat === '03' || cat === '06') return { volume: k.int(2, 6), eenheid: 'UUR', frequentie: 'PER_WEEK' };
  if (cat === '07' || cat === '09') return { volume: k.int(1, 4), eenheid: 'DAGDEEL', frequentie: 'PER_WEEK' };
  if (cat === '13') return { volume: k.int(8, 250) * 100, eenheid: 'EURO', frequentie: 'TOTAAL_GELDIGHEIDSDUUR' };
  if (cat === '04' || cat === '15' || cat === '16' || cat === '17' || cat === '18') return { volume: k.int(10, 31), eenheid: 'ETMAAL', frequentie: 'PER_MAAND' };
  return { volume: 1, eenheid: 'STUKS_OUTPUT', frequentie: 'TOTAAL_GELDIGHEIDSDUUR' };
}

const BEVINDINGEN: Partial<Record<ZrmDomein, string[]>> = {
  HUISVESTING: ['De woning heeft trappen die niet meer veilig te nemen zijn.', 'De woning is geschikt; een drempel in de badkamer is een risico.'],
  BASALE_ADL: ['Wassen en aankleden lukt met moeite; hulp bij douchen is nodig.', 'Zelfstandig in de basale verzorging.'],
  INSTRUMENTELE_ADL: ['Het huishouden lukt niet meer zelfstandig.', 'Boodschappen doet de dochter; schoonmaken lukt niet.'],
  SOCIAAL_NETWERK: ['Klein netwerk; de buurvrouw helpt af en toe.', 'Kinderen wonen ver weg en kunnen weinig bijspringen.'],
  LICHAMELIJKE_GEZONDHEID: ['Slecht ter been na een heupoperatie.', 'Chronische longziekte; snel vermoeid.'],
  GEESTELIJKE_GEZONDHEID: ['Beginnende vergeetachtigheid; afspraken lukken niet altijd.', 'Somber sinds het overlijden van de partner.'],
  MAATSCHAPPELIJKE_PARTICIPATIE: ['Komt weinig buiten; wil graag naar een ontmoetingsplek.', 'Doet vrijwilligerswerk bij de kerk.'],
  FINANCIEN: ['Geen bijzonderheden in de financiën.', 'Rekeningen blijven liggen; hulp bij de administratie gewenst.'],
};
const BEVINDING_DOMEINEN = weighted(Object.keys(BEVINDINGEN).map((d) => [d as ZrmDomein, 1] as const));
const WMO_AFWIJZING = ['Een algemene voorziening (de was- en strijkservice) biedt een passende oplossing.',
  'Het eigen netwerk kan de ondersteuning bieden.', 'De aangevraagde voorziening valt onder de Wet langdurige zorg.'];
const WMO_INTREKKING = ['De inwoner ziet na het gesprek af van de aanvraag.', 'De inwoner is verhuisd naar een andere gemeente.'];
const WMO_EINDE = ['Doelen behaald', 'Verhuizing', 'Overlijden', 'Opname in een Wlz-instelling'];

/**
 * The chain of every melding up to where its stage lets it (domain/melding.ts), its voorzieningen'
 * toewijzingen and leveringen (domain/voorziening.ts), and some aanbieders' verzoeken om toewijzing. Dates
 * stay in order and within the dossier and before the reference date; a granted melding is decided before
 * its first voorziening starts.
 */
function wmoKeten(ctx: Ctx, dossier: DemoDossier, periode: Periode, drafts: MeldingDraft[], rechten: VoorzieningDraft[]) {
  const k = ctx.keten.rng;
  const laatste = Math.min(ctx.ref - 1, periode.end);
  const backoffice = () => (k.chance(0.6) ? dossier.contactpersoon.naam : k.pick(getRoster().WMO).naam);
  const beschikkingsdatum = new Map<string, number>();
  const meldingen = drafts.map((m): DemoMelding => {
    const eigen = rechten.filter((v) => v.meldingId === m.id);
    // Each step no earlier than the one before, and no later than `grens`: the first voorziening's start, or today.
    const grens = eigen.length ? Math.min(...eigen.map((v) => v.ingang)) : laatste;
    const na = (vorige: number, dagen: number, marge = 0) => Math.max(vorige, Math.min(vorige + dagen, grens - marge));
    const base: DemoMelding = {
      id: m.id, bsn: m.bsn, meldingsdatum: isoDate(m.day), kanaal: k.pickWeighted(KANALEN_MIX), onderwerp: m.onderwerp,
      status: 'ONTVANGEN', clientondersteuningGewenst: k.chance(0.2), onderzoekGestartOp: null, gespreksdatum: null,
      gesprekskanaal: null, bevindingen: [], verslagVerstuurdOp: null, aanvraagOntvangenOp: null, beschikkingsdatum: null,
      besluit: null, redenAfwijzing: null, ingetrokkenOp: null, redenIntrekking: null, behandelaar: dossier.contactpersoon.naam,
    };
    if (m.fase === 'ONTVANGEN') return base;
    const start = na(m.day, k.int(1, 10), 6);
    const gesprek = na(start, k.int(0, 14), 5);
    const onderzoek = { ...base, status: 'IN_ONDERZOEK' as const, onderzoekGestartOp: isoDate(start) };
    if (m.fase === 'IN_ONDERZOEK') {
      return gesprek < ctx.ref - 1 && k.chance(0.6) ? { ...onderzoek, gespreksdatum: isoDate(gesprek), gesprekskanaal: k.chance(0.8) ? 'HUISBEZOEK' : 'BALIE' } : onderzoek;
    }
    const verslag = Math.max(gesprek, na(m.day, k.chance(0.1) ? k.int(43, 60) : k.int(14, 42), 3));
    const domeinen = pickDistinct(k, BEVINDING_DOMEINEN, k.int(2, 4));
    const verslagen = {
      ...onderzoek, status: 'ONDERZOEK_AFGEROND' as const, gespreksdatum: isoDate(gesprek), gesprekskanaal: k.chance(0.8) ? 'HUISBEZOEK' as const : 'BALIE' as const,
      bevindingen: domeinen.map((domein) => ({ domein, bevinding: k.pick(BEVINDINGEN[domein]!) })), verslagVerstuurdOp: isoDate(verslag),
    };
    if (m.fase === 'AANVRAAG_ONTVANGEN' && k.chance(0.25)) return verslagen; // waiting for the resident's aanvraag
    const aanvraag = na(verslag, k.int(0, 6), 1);
    const aangevraagd = { ...verslagen, status: 'AANVRAAG_ONTVANGEN' as const, aanvraagOntvangenOp: isoDate(aanvraag), behandelaar: backoffice() };
    if (m.fase === 'AANVRAAG_ONTVANGEN') return aangevraagd;
    if (!eigen.length) {
      const uitkomst = k.pickWeighted(weighted([['AFGEWEZEN', 45], ['INGETROKKEN', 30], ['GEEN_AANVRAAG', 25]] as const));
      if (uitkomst === 'GEEN_AANVRAAG') return verslagen;
      if (uitkomst === 'INGETROKKEN') return { ...verslagen, status: 'INGETROKKEN', ingetrokkenOp: isoDate(na(verslag, k.int(1, 20))), redenIntrekking: k.pick(WMO_INTREKKING) };
    }
    const besluit = na(aanvraag, k.chance(0.08) ? k.int(15, 25) : k.int(3, 14));
    beschikkingsdatum.set(m.id, besluit);
    return {
      ...aangevraagd, status: 'BESCHIKT', beschikkingsdatum: isoDate(besluit), besluit: eigen.length ? 'TOEGEKEND' : 'AFGEWEZEN',
      redenAfwijzing: eigen.length ? null : k.pick(WMO_AFWIJZING),
    };
  });
  const verzoeken: DemoVerzoekOmToewijzing[] = [];
  const voorzieningen = rechten.map((v) => wmoVoorziening(ctx, v, beschikkingsdatum.get(v.meldingId) ?? v.ingang, verzoeken));
  return { meldingen, voorzieningen, verzoeken };
}

/** A granted right: assigned and delivered, still waiting for its toewijzing (recent ones), or ended. */
function wmoVoorziening(ctx: Ctx, v: VoorzieningDraft, besluit: number, verzoeken: DemoVerzoekOmToewijzing[]): DemoWmoVoorziening {
  const k = ctx.keten.rng;
  const today = ctx.ref - 1;
  const aanbieder = k.pick(WMO_AANBIEDERS[AANBIEDER_GROEP[v.cat] ?? 'zorg']!);
  // A right for help that is reviewed (huishouden, begeleiding, dagbesteding) often runs for a fixed time.
  const tijdelijk = v.eind === null && ['01', '02', '07'].includes(v.cat) && k.chance(0.5) ? v.ingang + 365 * k.int(1, 3) : null;
  const eind = v.eind ?? (tijdelijk !== null && tijdelijk > today ? tijdelijk : null);
  const base = {
    id: v.id, bsn: v.bsn, meldingId: v.meldingId, productcategorie: v.cat, productcode: `${v.cat}A0${k.int(1, 4)}`,
    omvang: wmoOmvang(k, v.cat), leveringsvorm: k.chance(0.08) ? 'PGB' as const : 'ZIN' as const,
    ingangsdatum: isoDate(v.ingang), einddatum: eind === null ? null : isoDate(eind), redenBeeindiging: null,
  };
  const wachtend = v.ingang >= ctx.ref - 90 && k.chance(0.3);
  if (wachtend || base.leveringsvorm === 'PGB') {
    // A pgb is paid to the resident, not assigned to an aanbieder; a recent right may still wait for its toewijzing.
    if (wachtend && base.leveringsvorm === 'ZIN' && k.chance(0.4)) {
      verzoeken.push({ id: ctx.keten.ids.next(), bsn: v.bsn, voorzieningId: v.id, aanbieder, ontvangenOp: isoDate(Math.min(today, besluit + k.int(1, 8))), status: 'ONTVANGEN', beantwoordOp: null });
    }
    return { ...base, ...eindeRecht(ctx, v, besluit, eind, 'TOEGEKEND'), toewijzingen: [] };
  }
  const toegewezen = Math.min(today, besluit + k.int(0, 5));
  if (k.chance(0.15)) {
    verzoeken.push({ id: ctx.keten.ids.next(), bsn: v.bsn, voorzieningId: v.id, aanbieder, ontvangenOp: isoDate(Math.max(besluit, toegewezen - k.int(1, 6))), status: 'TOEGEWEZEN', beantwoordOp: isoDate(toegewezen) });
  }
  // A recent right is often assigned and not yet delivered: the aanbieder has not reported its start.
  const nogNiet = v.ingang >= ctx.ref - 90 && k.chance(0.35);
  let begin: number | null = Math.max(v.ingang, toegewezen) + k.int(0, 10);
  if (eind !== null && begin > eind) begin = eind;
  if (begin > today || nogNiet) begin = null;
  const gestopt = begin !== null && eind !== null && eind <= today ? eind : null;
  const toewijzing: DemoToewijzing = {
    id: ctx.keten.ids.next(), aanbieder, toewijzingsdatum: isoDate(toegewezen), ingangsdatum: isoDate(v.ingang), einddatum: eind === null ? null : isoDate(eind),
    leveringBegindatum: begin === null ? null : isoDate(begin), leveringEinddatum: gestopt === null ? null : isoDate(gestopt),
    redenBeeindiging: gestopt === null ? null : k.pick(WMO_EINDE),
  };
  if (begin === null) return { ...base, status: 'TOEGEWEZEN', statusSinds: isoDate(toegewezen), toewijzingen: [toewijzing] };
  if (gestopt === null) return { ...base, status: 'IN_LEVERING', statusSinds: isoDate(begin), toewijzingen: [toewijzing] };
  return { ...base, status: 'BEEINDIGD', statusSinds: isoDate(gestopt), redenBeeindiging: toewijzing.redenBeeindiging, toewijzingen: [toewijzing] };
}

/** A right without a levering: waiting for its toewijzing, or ended on its einddatum. */
function eindeRecht(ctx: Ctx, v: VoorzieningDraft, besluit: number, eind: number | null, open: VoorzieningStatus) {
  if (eind !== null && eind <= ctx.ref - 1) return { status: 'BEEINDIGD' as const, statusSinds: isoDate(eind), redenBeeindiging: ctx.keten.rng.pick(WMO_EINDE) };
  return { status: open, statusSinds: isoDate(Math.min(besluit, v.ingang)) };
}

// ---------------------------------------------------------------------------------------------------------
// CJG
// ---------------------------------------------------------------------------------------------------------

/** iJw productcategorieën: mostly ambulant, then jeugd-ggz; verblijf and pleegzorg are rare. */
const JEUGD_CATEGORIEEN = weighted([['45', 50], ['54', 18], ['41', 8], ['48', 7], ['44', 5], ['43', 4], ['46', 2],
  ['47', 2], ['35', 1]] as const);

function buildCjg(ctx: Ctx): DemoCjg | null {
  const { rng } = ctx;
  const minors = eligibleMinors(ctx);
  if (minors.length === 0) return null;
  const kind = rng.pickWeighted(weighted(minors.map((m) => [m, ageAt(m, ctx.ref) >= 4 ? 3 : 1] as const)));
  const { dossier, periode } = openDossier(ctx, getRoster().CJG, kind.born + 60);
  const first = Math.min(periode.start + rng.int(0, 42), periode.end);
  const trajecten = [jeugdhulptraject(ctx, dossier, kind, first, periode)];
  if (rng.chance(0.35)) {
    const others = minors.filter((m) => m !== kind && m.born + 60 <= periode.end);
    const wie = others.length > 0 && rng.chance(0.5) ? rng.pick(others) : kind;
    trajecten.push(jeugdhulptraject(ctx, dossier, wie, rng.int(Math.max(first, wie.born + 60), periode.end), periode));
  }
  // An open file often has a new verwijzing whose care has not started yet (jeugdhulp has waiting lists).
  const wachtend = !periode.closed && ctx.keten.rng.chance(0.35) ? minors.filter((m) => ageAt(m, ctx.ref) < 17) : [];
  if (wachtend.length) trajecten.push(wachtendeJeugdhulp(ctx, dossier, ctx.keten.rng.pick(wachtend), parseIsoDate(dossier.geopendOp)));
  const subjects = [...new Set(trajecten.map((t) => t.bsn))].map((bsn) => ctx.members.find((m) => m.persoon.bsn === bsn)!);
  return {
    dossier,
    jeugdhulptrajecten: trajecten,
    contactmomenten: contactmomenten(ctx, 'CJG', periode, subjects, dossier.contactpersoon.naam),
  };
}

const JEUGD_AANBIEDERS: DemoAanbieder[] = [
  { agbCode: '99020001', naam: 'Jeugdhulp Lindeveen' }, { agbCode: '99020002', naam: 'Kind en Gezin Oostwaarts' },
  { agbCode: '99020003', naam: 'Jeugd-ggz Veenstreek' }, { agbCode: '99020004', naam: 'Pleegzorg De Overkant' },
];
/** Who refers to jeugdhulp: the huisarts about as often as the gemeentelijke toegang (CBS, Jeugdhulp 2024). */
const VERWIJZER_MIX = weighted<Verwijzer>([['GEMEENTE', 45], ['HUISARTS', 38], ['MEDISCH_SPECIALIST', 10], ['JEUGDARTS', 7]]);
const JEUGD_EINDE = ['Doelen behaald', 'Verhuizing', 'Overgang naar volwassenenzorg', 'Voortijdig beëindigd door de jeugdige of ouders'];

function jeugdOmvang(cat: string, k: Rng): DemoOmvang {
  if (cat === '41' || cat === '43' || cat === '44') return { volume: k.int(20, 31), eenheid: 'ETMAAL', frequentie: 'PER_MAAND' };
  return { volume: k.int(2, 12), eenheid: 'UUR', frequentie: 'PER_MAAND' };
}

/** The fields every traject starts with: the verwijzing, by the gemeente (the aanvraag) or by a doctor. */
function verwijzing(ctx: Ctx, id: string, dossier: DemoDossier, kind: Member, cat: string, verwijzer: Verwijzer, verwezen: number, ingang: number, geldigTot: number): DemoJeugdhulptraject {
  const gemeente = verwijzer === 'GEMEENTE';
  return {
    id, bsn: kind.persoon.bsn, productcategorie: cat, omvang: jeugdOmvang(cat, ctx.keten.rng), status: gemeente ? 'AANVRAAG_ONTVANGEN' : 'VERWEZEN',
    statusSinds: isoDate(verwezen), verwijzer, verwijsdatum: isoDate(verwezen), aanvraagOntvangenOp: gemeente ? isoDate(verwezen) : null,
    beschikkingsdatum: null, besluit: null, ingangsdatum: isoDate(ingang), geldigTot: isoDate(geldigTot), aanbieder: null, toewijzingsdatum: null,
    toewijzingIngangsdatum: null, startdatum: null, einddatum: null, redenBeeindiging: null, behandelaar: dossier.contactpersoon.naam,
  };
}

/** The chain's steps after the verwijzing, each dated, up to `tot` (a status); later steps are left empty. */
function jeugdStappen(ctx: Ctx, t: DemoJeugdhulptraject, tot: JeugdhulpStatus, dagen: { besluit: number; toegewezen: number; start: number }): DemoJeugdhulptraject {
  const k = ctx.keten.rng;
  const status = (s: JeugdhulpStatus, sinds: number) => ({ status: s, statusSinds: isoDate(sinds) });
  const gemeente = t.verwijzer === 'GEMEENTE';
  if (tot === 'AANVRAAG_ONTVANGEN' || tot === 'VERWEZEN') return t;
  if (tot === 'AFGEWEZEN') return { ...t, ...status('AFGEWEZEN', dagen.besluit), beschikkingsdatum: isoDate(dagen.besluit), besluit: 'AFGEWEZEN', ingangsdatum: null, geldigTot: null };
  const beschikt = gemeente ? { ...t, ...status('TOEGEKEND', dagen.besluit), beschikkingsdatum: isoDate(dagen.besluit), besluit: 'TOEGEKEND' as const } : t;
  if (tot === 'TOEGEKEND') return beschikt;
  const toewijzing = {
    ...beschikt, ...status('TOEGEWEZEN', dagen.toegewezen), aanbieder: k.pick(JEUGD_AANBIEDERS), toewijzingsdatum: isoDate(dagen.toegewezen),
    toewijzingIngangsdatum: t.ingangsdatum,
  };
  if (tot === 'TOEGEWEZEN') return toewijzing;
  return { ...toewijzing, ...status('IN_ZORG', dagen.start), startdatum: isoDate(dagen.start) };
}

/**
 * One jeugdige's traject and its chain (cjg/domain/jeugdhulp.ts), built back from the day the care started:
 * the toewijzing before it, on the gemeente's route the beschikking and the aanvraag before that (some
 * past the eight weeks), and its stop when it ended.
 */
function jeugdhulptraject(ctx: Ctx, dossier: DemoDossier, kind: Member, start: number, periode: Periode): DemoJeugdhulptraject {
  let cat = ctx.rng.pickWeighted(JEUGD_CATEGORIEEN);
  if (cat === '47' && ageAt(kind, start) < 12) cat = '45'; // jeugdreclassering starts at 12
  const eind = einde(ctx, start, periode, 0.35, 90, 540);
  const id = ctx.ids.next();
  const k = ctx.keten.rng;
  const verwijzer = k.pickWeighted(VERWIJZER_MIX);
  const floor = Math.min(Math.max(parseIsoDate(dossier.geopendOp), kind.born + 60), start);
  const toegewezen = Math.max(floor, start - k.int(0, 10));
  const besluit = Math.max(floor, toegewezen - k.int(0, 5));
  const verwezen = verwijzer === 'GEMEENTE' ? Math.max(floor, besluit - (k.chance(0.1) ? k.int(57, 80) : k.int(10, 50))) : Math.max(floor, toegewezen - k.int(1, 21));
  const t = verwijzing(ctx, id, dossier, kind, cat, verwijzer, verwezen, start, eind ?? start + k.pick([182, 365, 365, 730]));
  const inZorg = jeugdStappen(ctx, t, 'IN_ZORG', { besluit, toegewezen, start });
  if (eind === null) return inZorg;
  return { ...inZorg, status: 'BEEINDIGD', statusSinds: isoDate(eind), einddatum: isoDate(eind), redenBeeindiging: k.pick(JEUGD_EINDE) };
}

/** Where a traject that has not started yet stands: on the gemeente's route, and after a doctor's verwijzing. */
const JEUGD_WACHT_GEMEENTE = weighted<JeugdhulpStatus>([['AANVRAAG_ONTVANGEN', 40], ['TOEGEKEND', 20], ['AFGEWEZEN', 15], ['TOEGEWEZEN', 25]]);
const JEUGD_WACHT_ARTS = weighted<JeugdhulpStatus>([['VERWEZEN', 50], ['TOEGEWEZEN', 50]]);

/**
 * A verwijzing of the last months whose care has not started: it stops at the stage the reference date
 * falls in (some aanvragen past their eight weeks), and the care is planned after it.
 */
function wachtendeJeugdhulp(ctx: Ctx, dossier: DemoDossier, kind: Member, geopend: number): DemoJeugdhulptraject {
  const k = ctx.keten.rng;
  const today = ctx.ref - 1;
  const verwijzer = k.pickWeighted(VERWIJZER_MIX);
  const gemeente = verwijzer === 'GEMEENTE';
  const fase = k.pickWeighted(gemeente ? JEUGD_WACHT_GEMEENTE : JEUGD_WACHT_ARTS);
  const verwezen = Math.max(geopend, kind.born + 60, today - k.int(5, 75));
  const na = (vorige: number, dagen: number) => Math.max(vorige, Math.min(vorige + dagen, today));
  const besluit = na(verwezen, k.int(7, 50));
  const toegewezen = na(gemeente ? besluit : verwezen, k.int(0, 10));
  const ingang = ctx.ref + k.int(1, 40);
  const t = verwijzing(ctx, ctx.keten.ids.next(), dossier, kind, k.pickWeighted(JEUGD_CATEGORIEEN), verwijzer, verwezen, ingang, ingang + k.pick([182, 365]));
  return jeugdStappen(ctx, t, fase, { besluit, toegewezen, start: ingang });
}

// ---------------------------------------------------------------------------------------------------------
// Werkplein
// ---------------------------------------------------------------------------------------------------------

function buildWerkplein(ctx: Ctx): DemoWerkplein | null {
  const { rng } = ctx;
  const candidates = workingAgePartners(ctx);
  if (candidates.length === 0) return null;
  const aanvrager = rng.pick(candidates);
  const { dossier, periode } = openDossier(ctx, getRoster().WERKPLEIN, addYears(aanvrager.born, 18));
  const ingang = Math.min(periode.start + rng.int(0, 28), periode.end);
  const uitkering: DemoUitkering = {
    id: ctx.ids.next(), bsn: aanvrager.persoon.bsn, regeling: 'PARTICIPATIEWET', norm: bijstandsnorm(ctx),
    ingangsdatum: isoDate(ingang), einddatum: periode.closed ? isoDate(periode.end) : null,
  };
  const trajecten = werkpleinTrajecten(ctx, aanvrager, ingang, periode);
  const subjects = [aanvrager, ...trajecten.map((t) => ctx.members.find((m) => m.persoon.bsn === t.bsn)!)];
  return {
    dossier,
    uitkeringen: [uitkering],
    trajecten,
    contactmomenten: contactmomenten(ctx, 'WERKPLEIN', periode, [...new Set(subjects)], dossier.contactpersoon.naam),
  };
}

/** 0-2 trajecten for adults in the household: re-integratie (below 67) or schuldhulp. */
function werkpleinTrajecten(ctx: Ctx, aanvrager: Member, ingang: number, periode: Periode): DemoTraject[] {
  const { rng } = ctx;
  const count = rng.pickWeighted(weighted([[0, 40], [1, 40], [2, 20]] as const));
  const soorten = pickDistinct(rng, weighted<TrajectSoort>([['REINTEGRATIE', 60], ['SCHULDHULP', 40]]), count);
  const out: DemoTraject[] = [];
  for (const soort of soorten) {
    const start = rng.int(ingang, periode.end);
    const adults = ctx.members.filter((m) => m.rol === 'PARTNER' && addYears(m.born, 18) <= start
      && (soort === 'SCHULDHULP' || ageAt(m, start) < 67));
    if (adults.length === 0) continue;
    const wie = adults.includes(aanvrager) && rng.chance(0.75) ? aanvrager : rng.pick(adults);
    const eind = einde(ctx, start, periode, 0.4, 60, 720);
    out.push({ id: ctx.ids.next(), bsn: wie.persoon.bsn, soort, startdatum: isoDate(start), einddatum: eind === null ? null : isoDate(eind) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Wijkteam
// ---------------------------------------------------------------------------------------------------------

const ZRM_OMSCHRIJVING: Record<ZrmDomein, string[]> = {
  FINANCIEN: ['Inkomen is op orde en vaste lasten worden op tijd betaald', 'Schulden zijn in beeld en er is een betalingsregeling'],
  WERK_OPLEIDING: ['Stap zetten richting betaald werk of vrijwilligerswerk', 'Startkwalificatie behalen'],
  TIJDSBESTEDING: ['Een vaste dagstructuur met zinvolle dagbesteding'],
  HUISVESTING: ['De woning is veilig en de huur wordt betaald', 'Passende woonruimte gevonden'],
  HUISELIJKE_RELATIES: ['Rust en veiligheid in het gezin', 'Ouders stemmen de opvoeding samen af'],
  GEESTELIJKE_GEZONDHEID: ['Psychische klachten zijn stabiel met passende behandeling'],
  LICHAMELIJKE_GEZONDHEID: ['Medische zorg is geregeld en afspraken worden nagekomen'],
  MIDDELENGEBRUIK: ['Alcoholgebruik is verminderd en onder controle'],
  BASALE_ADL: ['Persoonlijke verzorging is dagelijks geregeld'],
  INSTRUMENTELE_ADL: ['Huishouden en administratie worden (met hulp) bijgehouden'],
  SOCIAAL_NETWERK: ['Het netwerk is uitgebreid; er is iemand om op terug te vallen'],
  MAATSCHAPPELIJKE_PARTICIPATIE: ['Meedoen aan activiteiten in de wijk'],
  JUSTITIE: ['Geen nieuwe contacten met politie of justitie'],
};

/** Which ZRM domains a plan is likely to address, given the lokets involved. */
function zrmWeights(flags: Flags): Weighted<ZrmDomein> {
  const base: Record<ZrmDomein, number> = {
    FINANCIEN: 3, WERK_OPLEIDING: 1, TIJDSBESTEDING: 2, HUISVESTING: 2, HUISELIJKE_RELATIES: 2,
    GEESTELIJKE_GEZONDHEID: 3, LICHAMELIJKE_GEZONDHEID: 2, MIDDELENGEBRUIK: 1, BASALE_ADL: 1, INSTRUMENTELE_ADL: 2,
    SOCIAAL_NETWERK: 3, MAATSCHAPPELIJKE_PARTICIPATIE: 1, JUSTITIE: 0.5,
  };
  if (flags.werkplein) Object.assign(base, { FINANCIEN: 9, WERK_OPLEIDING: 6 });
  if (flags.cjg) Object.assign(base, { HUISELIJKE_RELATIES: 8, GEESTELIJKE_GEZONDHEID: 5 });
  if (flags.wmo) Object.assign(base, { LICHAMELIJKE_GEZONDHEID: 6, INSTRUMENTELE_ADL: 5, BASALE_ADL: 3, SOCIAAL_NETWERK: 5 });
  return weighted(Object.entries(base) as Array<[ZrmDomein, number]>);
}

function buildWijkteam(ctx: Ctx, flags: Flags, opened: number[]): DemoWijkteam {
  const { rng, ref } = ctx;
  // The casus starts once a household is known somewhere, within the last three years.
  const threeYears = ref - Math.round(3 * YEAR);
  const earliest = opened.length > 0 ? Math.max(threeYears, Math.min(...opened)) : threeYears;
  const start = rng.int(earliest, ref - 1);
  const eind = ref - 1 - start >= 150 && rng.chance(0.2) ? rng.int(start + 120, ref - 1) : null;
  const periode: Periode = { start, end: eind ?? ref - 1, closed: eind !== null };
  const roster = getRoster().wijkteams[ctx.wijkIndex]!;
  const regisseur = { ...rng.pick(roster) };
  const casus: DemoCasus = {
    id: ctx.ids.next(), startdatum: isoDate(start), einddatum: eind === null ? null : isoDate(eind), regisseur,
    team: `Wijkteam ${WIJKEN[ctx.wijkIndex]!.naam}`, plan: rng.chance(0.88) ? plan(ctx, flags, periode) : null,
    ...casusToegang(ctx, flags, regisseur, roster, start),
  };
  return { casus, contactmomenten: contactmomenten(ctx, 'WIJKTEAM', periode, ctx.members, regisseur.naam) };
}

/**
 * Who works on the casus (the regisseur and one colleague) and the legal bases it registered: about 70% of
 * casussen have one, for the other lokets involved. The example household's basis covers WMO and CJG but
 * not WERKPLEIN, so the demo shows both a record that opens and one that asks for a Grondslag. Drawn from
 * a stream of its own, so the rest of the gemeente is the same as without it.
 */
function casusToegang(ctx: Ctx, flags: Flags, regisseur: DemoMedewerker, roster: readonly DemoMedewerker[], start: number) {
  const rng = new Rng(ctx.ids.key, ctx.ids.index, 7);
  const collega = roster[(roster.findIndex((m) => m.sub === regisseur.sub) + 1) % roster.length]!;
  const leden: DemoCasusLid[] = [
    { sub: regisseur.sub, naam: regisseur.naam, rol: 'REGISSEUR' },
    { sub: collega.sub, naam: collega.naam, rol: 'TEAMLID' },
  ];
  const involved = (['WMO', 'CJG', 'WERKPLEIN'] as const).filter((loket) => flags[loket.toLowerCase() as 'wmo' | 'cjg' | 'werkplein']);
  const forced = ctx.ids.index === EXAMPLE_INDEX;
  if (involved.length === 0 || (!forced && !rng.chance(0.7))) return { leden, grondslagen: [] };
  const toestemming = !forced && rng.chance(0.5);
  const geldigVan = start + rng.int(0, 14);
  const grondslag: DemoGrondslag = {
    id: new IdSource(rng, ctx.ids.key ^ 0x6a09e667, ctx.ids.index).next(),
    soort: toestemming ? 'TOESTEMMING' : 'INTEGRALE_AANPAK',
    domeinen: forced ? ['WMO', 'CJG'] : [...involved],
    geldigVan: isoDate(geldigVan),
    // Integrated approach is granted for a period, reviewed and extended; the demo's still runs.
    geldigTot: toestemming ? null : isoDate(ctx.ref + rng.int(30, 300)),
    toelichting: toestemming
      ? 'Het huishouden geeft toestemming om gegevens van de betrokken loketten te delen met het wijkteam.'
      : 'Meervoudige problematiek: integrale aanpak nodig om escalatie te voorkomen.',
    vastgelegdDoor: regisseur.naam,
  };
  return { leden, grondslagen: [grondslag] };
}

/** Set 2-8 weeks into the casus, with 2-5 goals on distinct ZRM domains that mostly improved since. */
function plan(ctx: Ctx, flags: Flags, periode: Periode): DemoPlan | null {
  const { rng } = ctx;
  const vastgesteld = periode.start + rng.int(14, 56);
  if (vastgesteld > periode.end) return null;
  const domeinen = pickDistinct(rng, zrmWeights(flags), rng.pickWeighted(weighted([[2, 25], [3, 35], [4, 25], [5, 15]] as const)));
  const doelen = domeinen.map((domein): DemoPlanDoel => {
    const scoreStart = rng.pickWeighted(weighted([[1, 15], [2, 45], [3, 35], [4, 5]] as const));
    const scoreActueel = rng.chance(0.85) ? Math.min(5, scoreStart + rng.int(0, 2)) : Math.max(1, scoreStart - 1);
    return { id: ctx.ids.next(), domein, scoreStart, scoreActueel, omschrijving: rng.pick(ZRM_OMSCHRIJVING[domein]) };
  });
  return { id: ctx.ids.next(), vastgesteldOp: isoDate(vastgesteld), doelen };
}

// ---------------------------------------------------------------------------------------------------------
// Households
// ---------------------------------------------------------------------------------------------------------

/**
 * Maps the running person counter to a test BSN through a seed-keyed affine permutation of all 90,909 test
 * BSNs: unique for as long as the range lasts, and BSNs within a household do not look consecutive.
 */
function bsnAllocator(key: number): (counter: number) => string {
  const step = affineStep(TEST_BSN_COUNT, key % 10007) + (key % 50_000);
  let a = step;
  while (gcd(a, TEST_BSN_COUNT) !== 1) a++;
  const offset = key % TEST_BSN_COUNT;
  return (counter) => {
    if (counter >= TEST_BSN_COUNT) {
      throw new RangeError(`The test BSN range 999xxxxxx holds only ${TEST_BSN_COUNT} valid BSNs; this gemeente needs more. Generate fewer households.`);
    }
    return testBsn((a * counter + offset) % TEST_BSN_COUNT);
  };
}

function huishoudenId(index: number): string {
  return `${DEMO_GEMEENTE.nummer}01${String(index + 1).padStart(10, '0')}`;
}

function buildHuishouden(key: number, index: number, ref: number, order: readonly number[], bsnAt: (i: number) => string): DemoHuishouden {
  const rng = new Rng(key, index, 0);
  const adres = adresVoor(index, order);
  const forced = index === EXAMPLE_INDEX;
  const members = composeMembers(rng, ref, forced, bsnAt);
  const ketenRng = new Rng(key, index, 1);
  const keten = { rng: ketenRng, ids: new IdSource(ketenRng, key ^ 0x3c6ef372, index) };
  const ctx: Ctx = { rng, ids: new IdSource(rng, key, index), keten, ref, wijkIndex: adres.straat.wijkIndex, members };
  const flags = drawFlags(ctx, forced);
  const wmo = flags.wmo ? buildWmo(ctx) : null;
  const cjg = flags.cjg ? buildCjg(ctx) : null;
  const werkplein = flags.werkplein ? buildWerkplein(ctx) : null;
  const opened = [wmo, cjg, werkplein].flatMap((l) => (l ? [parseIsoDate(l.dossier.geopendOp)] : []));
  const wijkteam = flags.wijkteam ? buildWijkteam(ctx, { ...flags, cjg: cjg !== null, werkplein: werkplein !== null }, opened) : null;
  return {
    id: huishoudenId(index),
    straat: adres.straat.naam,
    huisnummer: adres.huisnummer,
    huisletter: adres.huisletter,
    huisnummertoevoeging: adres.huisnummertoevoeging,
    postcode: adres.straat.postcode,
    woonplaats: adres.straat.woonplaats,
    gemeenteCode: DEMO_GEMEENTE.code,
    wijkCode: `WK${DEMO_GEMEENTE.nummer}${twoDigits(adres.straat.wijkIndex + 1)}`,
    buurtCode: adres.straat.buurtCode,
    leden: members.map((m) => m.persoon),
    wmo,
    cjg,
    werkplein,
    wijkteam,
  };
}

/**
 * The largest demo gemeente: every resident needs a BSN from the test range 999xxxxxx, which holds 90,909
 * valid ones; at ~2.16 residents per household 40,000 households stay safely below that for any seed.
 * (A real BSN must never appear in synthetic data, so the range is a hard limit, not a default.)
 */
export const MAX_DEMO_HOUSEHOLDS = 40_000;

/**
 * Yields exactly `opts.households` households. Same options, same output; a shorter run is a prefix of a
 * longer one. Refuses more than MAX_DEMO_HOUSEHOLDS up front, before any work is done.
 */
export function* generateHuishoudens(opts: DemoOptions): Generator<DemoHuishouden> {
  if (!Number.isInteger(opts.households) || opts.households < 0) throw new RangeError('households must be a non-negative integer');
  if (opts.households > MAX_DEMO_HOUSEHOLDS) {
    throw new RangeError(
      `A demo gemeente has at most ${MAX_DEMO_HOUSEHOLDS} households: the synthetic BSN range 999xxxxxx holds ${TEST_BSN_COUNT} valid BSNs (asked: ${opts.households})`,
    );
  }
  if (!Number.isFinite(opts.seed)) throw new RangeError('seed must be a finite number');
  const ref = parseIsoDate(opts.referenceDate ?? DEMO_REFERENCE_DATE);
  const key = seedKey(opts.seed);
  const order = streetOrder(key);
  const bsn = bsnAllocator(key);
  let persons = 0; // the only state carried between households: it depends only on earlier households
  for (let index = 0; index < opts.households; index++) {
    const base = persons;
    const huishouden = buildHuishouden(key, index, ref, order, (i) => bsn(base + i));
    persons += huishouden.leden.length;
    yield huishouden;
  }
}

function hasContact(loket: { contactmomenten: DemoContactmoment[] } | null): boolean {
  return loket !== null && loket.contactmomenten.length > 0;
}

/**
 * The first household known at all four lokets with at least one contactmoment each: the README example.
 * Household index 7 is always built that way, so with 8+ households one is found within the first 8.
 */
export function findExampleHuishouden(opts: DemoOptions): DemoHuishouden | undefined {
  for (const h of generateHuishoudens(opts)) {
    if (hasContact(h.wmo) && hasContact(h.cjg) && hasContact(h.werkplein) && hasContact(h.wijkteam)) return h;
  }
  return undefined;
}
