import type { GraphQLError } from 'graphql';
import type { Loket } from '../domein';
import { ErrorCode, expectedError } from '../errors';
import type { SignedParts } from './gateway-credential';
import { doelenVoor, toegestaanDoel, type Doel, type Grondslag } from './doelen';
import type { Niveau, ProcessingLog } from './log';
import { EIGEN_DOMEIN, isProfessional } from './roles';
import type { Actor } from './token';

/** Whose data: the BRP's (persons, households) or a loket's. */
export type Domein = 'BRP' | Loket;

/**
 * The wijkteam's answer, per household and per request, to "is this caller regisseur or team member of the
 * household's active casus, and which domains does a current Grondslag of that casus cover?". The gateway
 * asks the wijkteam subgraph about the households of each loket fetch, at most once per household and
 * request, and signs the answers along (casus-toegang.ts).
 */
export interface CasusToegang {
  huishoudenId: string;
  casusId: string;
  grondslagen: readonly { domein: Loket; soort: Exclude<Grondslag, 'WETTELIJKE_TAAK'> }[];
}

export interface AccessRequest {
  domein: Domein;
  niveau: Exclude<Niveau, 'LOGBOEK'>;
  /** The gemeente the data belongs to; undefined when there is no data (nothing to compare, nothing to log). */
  gemeente: string | undefined;
  /** BSNs of the residents the data is about: each gets a log entry. */
  bsns: readonly string[];
  toegang?: CasusToegang | null;
  handeling?: 'LEZEN' | 'SCHRIJVEN';
  /** For a write: its name (the mutation), which the purpose must cover (`schrijven` in the register). */
  actie?: string;
  /**
   * A condition of the domain that the request needs beyond role and purpose (a Grondslag is written only by
   * the regisseur and team of an open casus); unmet, it is a refusal like any other, logged as one.
   */
  voorwaarde?: { voldaan: boolean; weigering: string };
}

type RefusalCode = typeof ErrorCode.FORBIDDEN | typeof ErrorCode.GRONDSLAG_REQUIRED;
/** A refusal is plain data: most are only logged or turned into a withheld marker, never thrown. */
export type Decision =
  | { allowed: true; grondslag: Grondslag }
  | {
      allowed: false;
      code: RefusalCode;
      message: string;
      /** Refused because the data belongs to a gemeente the caller does not work for: shown as "none", not as a refusal. */
      buitenGemeente?: true;
    };

function refuse(code: RefusalCode, message: string): Decision {
  return { allowed: false, code, message };
}

/** What a newcomer can act on: the purposes the caller's role may state. */
function purposesOf(actor: Actor): string {
  return `the role ${actor.rol} may state: ${doelenVoor(actor.rol).map((d) => d.doel).join(', ')}`;
}

/** The error a refused field resolves with. */
export function refusalError(decision: Extract<Decision, { allowed: false }>): GraphQLError {
  return expectedError(decision.message, decision.code);
}

/**
 * The access model of DESIGN.md ("Who may see what"), decided per request in each subgraph. Pure: the
 * caller, the stated purpose and the data's gemeente and domain in, a decision out.
 */
export function decide(actor: Actor, purposeCode: string | null, request: AccessRequest): Decision {
  const decision = decideByRole(actor, purposeCode, request);
  if (decision.allowed && request.voorwaarde && !request.voorwaarde.voldaan) return refuse(ErrorCode.FORBIDDEN, request.voorwaarde.weigering);
  return decision;
}

function decideByRole(actor: Actor, purposeCode: string | null, request: AccessRequest): Decision {
  if (!isProfessional(actor.rol)) return refuse(ErrorCode.FORBIDDEN, `The role ${actor.rol} never sees person-level data`);
  const doel: Doel | undefined = toegestaanDoel(purposeCode, actor.rol);
  if (!doel) {
    return refuse(ErrorCode.FORBIDDEN, `${purposeCode ? `The purpose "${purposeCode}" is not registered for the role ${actor.rol}` : 'State the purpose of this request in the X-Doel header'}; ${purposesOf(actor)}`);
  }
  if (!doel.persoonsgegevens) return refuse(ErrorCode.FORBIDDEN, `The purpose "${doel.doel}" does not cover person-level data`);
  if (request.gemeente !== undefined && !actor.gemeenten.includes(request.gemeente)) {
    return { allowed: false, code: ErrorCode.FORBIDDEN, message: 'This data belongs to a gemeente you do not work for', buitenGemeente: true };
  }
  // The purpose bounds what is seen and done, whatever the role could: content only of the domains it
  // covers, writes only those it names (the register, verwerkingsactiviteiten.yaml).
  if (request.niveau === 'INHOUD' && request.domein !== 'BRP' && !doel.inhoud.includes(request.domein)) {
    return refuse(ErrorCode.FORBIDDEN, `The purpose "${doel.doel}" does not cover ${request.domein} records`);
  }
  if (request.handeling === 'SCHRIJVEN' && !(request.actie && doel.schrijven.includes(request.actie))) {
    return refuse(ErrorCode.FORBIDDEN, `The purpose "${doel.doel}" does not cover ${request.actie ?? 'this write'}`);
  }
  if (request.niveau === 'SIGNAAL' || EIGEN_DOMEIN[actor.rol] === request.domein) return { allowed: true, grondslag: doel.grondslag };
  if (actor.rol === 'wijkteam-medewerker' && request.domein !== 'BRP') {
    if (!request.toegang) return refuse(ErrorCode.FORBIDDEN, `Only the regisseur and team of the household's active casus see ${request.domein} records`);
    const basis = request.toegang.grondslagen.find((g) => g.domein === request.domein);
    if (basis) return { allowed: true, grondslag: basis.soort };
    return refuse(ErrorCode.GRONDSLAG_REQUIRED, `The casus has no current Grondslag that covers ${request.domein}`);
  }
  return refuse(ErrorCode.FORBIDDEN, `The role ${actor.rol} sees no ${request.domein} records`);
}

/**
 * The processing log about a resident: the functionaris gegevensbescherming (internal supervision), and
 * the resident about themselves (right of access). Nobody else, and never under another purpose.
 */
export function decideLogboek(actor: Actor, purposeCode: string | null, bsn: string): Decision {
  if (actor.rol !== 'fg' && actor.rol !== 'inwoner') {
    return refuse(ErrorCode.FORBIDDEN, 'Only the functionaris gegevensbescherming and the resident themselves read the processing log');
  }
  const doel = toegestaanDoel(purposeCode, actor.rol);
  if (!doel) return refuse(ErrorCode.FORBIDDEN, `State a purpose registered for the role ${actor.rol} in the X-Doel header; ${purposesOf(actor)}`);
  if (actor.rol === 'inwoner' && actor.bsn !== bsn) return refuse(ErrorCode.FORBIDDEN, 'A resident reads only their own processing log');
  return { allowed: true, grondslag: doel.grondslag };
}

/**
 * The policy figures (docs/beleid.md): only a role whose purpose covers them (`aggregaten` in the register:
 * the beleidsmedewerker with beleidsinformatie), for a gemeente in its token; every other role is refused.
 */
export function decideAggregaten(actor: Actor, purposeCode: string | null, gemeente: string): Decision {
  const doel = toegestaanDoel(purposeCode, actor.rol);
  if (!doel?.aggregaten) {
    return refuse(ErrorCode.FORBIDDEN, `Policy figures are for a role and purpose that cover them (beleidsmedewerker, beleidsinformatie); ${purposesOf(actor)}`);
  }
  if (!actor.gemeenten.includes(gemeente)) return refuse(ErrorCode.FORBIDDEN, 'These figures belong to a gemeente you do not work for');
  return { allowed: true, grondslag: doel.grondslag };
}

/** The caller of one request, as a subgraph knows it after checking the gateway's credential and the token. */
export interface RequestAuth {
  actor: Actor;
  /** The purpose as stated (X-Doel), unchecked: each decision checks it. */
  purpose: string | null;
  traceId: string;
  /**
   * The gateway's signature, still to be checked against the operation once it is parsed. Absent only
   * for in-process callers (tests), which are trusted like the gateway.
   */
  credential?: { parts: Omit<SignedParts, 'body'>; signature: string };
  /** The wijkteam's answer about casus access, by household (from the signed header); absent: none. */
  casusToegang?: ReadonlyMap<string, CasusToegang>;
}

function outcome(decision: Decision) {
  return decision.allowed ? { grondslag: decision.grondslag } : { weigering: decision.code };
}

/** Decides and logs in one step, so that no resolver can disclose without leaving a log entry. */
export class AccessControl {
  constructor(
    readonly auth: RequestAuth,
    readonly log: ProcessingLog,
  ) {}

  /** The caller's access through the household's active casus (see casus-toegang.ts); null when none. */
  casusToegang(huishoudenId: string): CasusToegang | null {
    return this.auth.casusToegang?.get(huishoudenId) ?? null;
  }

  get actor(): Actor {
    return this.auth.actor;
  }

  /**
   * Decides and records. `logRefusal: false` is for content a merged view always asks for, whatever the
   * client selected (the contact moments' subject and notes): logging those refusals would put a refused
   * INHOUD read in the log for every lookup of a household; what is disclosed is always logged.
   */
  check(request: AccessRequest, { logRefusal = true } = {}): Decision {
    const decision = decide(this.auth.actor, this.auth.purpose, request);
    if (request.bsns.length && (decision.allowed || logRefusal)) {
      this.log.record({
        bsns: request.bsns,
        niveau: request.niveau,
        handeling: request.handeling,
        outcome: outcome(decision),
      });
    }
    return decision;
  }

  /**
   * Reading the processing log about `bsn` is itself logged (level LOGBOEK): the resident sees the fg looked.
   * `inScope: false` (a resident the fg's gemeenten do not hold, or none at all) refuses without an error,
   * so that a registered resident of another gemeente and an unknown BSN look the same; false then.
   */
  requireLogboek(bsn: string, inScope = true): boolean {
    const decision = decideLogboek(this.auth.actor, this.auth.purpose, bsn);
    const shown: Decision = decision.allowed && !inScope ? refuse(ErrorCode.FORBIDDEN, 'Not a resident of your gemeenten') : decision;
    this.log.record({ bsns: [bsn], niveau: 'LOGBOEK', outcome: outcome(shown) });
    if (!decision.allowed) throw refusalError(decision);
    return shown.allowed;
  }

  /** A computation or read of policy figures: decided, logged as one entry about no one, thrown when refused. */
  requireAggregaten(gemeente: string): Grondslag {
    const decision = decideAggregaten(this.auth.actor, this.auth.purpose, gemeente);
    this.log.recordAggregaat(outcome(decision));
    if (!decision.allowed) throw refusalError(decision);
    return decision.grondslag;
  }

  /** `check`, throwing the refusal: the field resolves to null with the coded error, the rest still arrives. */
  require(request: AccessRequest): Grondslag {
    const decision = this.check(request);
    if (!decision.allowed) throw refusalError(decision);
    return decision.grondslag;
  }
}
