/**
 * `npm run token -- --rol <rol> --gemeente <GM....> [--sub <id>] [--naam <name>] [--bsn <bsn>] [--uren <n>]`:
 * prints a development token signed with AUTH_JWT_SECRET, and the purpose to send with it. Production gets
 * its tokens from the gemeente's identity provider (AUTH_JWKS_URL); this script refuses to run there.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadAuthConfig } from '../subgraphs/kit/auth/config';
import { ROLLEN, type Rol } from '../subgraphs/kit/auth/roles';
import { developmentToken } from '../subgraphs/kit/auth/token';
import { prepareProcess } from '../subgraphs/kit/config';

const USAGE = `Usage: npm run -s token -- --rol <rol> --gemeente <CBS code> [options]

Prints a development token (signed with AUTH_JWT_SECRET) on stdout, and the purpose to send with it on
stderr, so that TOKEN=$(npm run -s token -- --rol kcc-medewerker --gemeente GM9999) holds the token alone.

  --rol <rol>          one of: ${ROLLEN.join(', ')}
  --gemeente <code>    CBS gemeente code, e.g. GM9999; repeat for several (not for inwoner)
  --sub <id>           the subject (default dev-<rol>)
  --naam <name>        the name in the token
  --bsn <bsn>          the resident's BSN (inwoner only; test range 999xxxxxx)
  --uren <n>           hours valid (default 8)
  --help               this text`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        rol: { type: 'string' },
        gemeente: { type: 'string', multiple: true },
        sub: { type: 'string' },
        naam: { type: 'string' },
        bsn: { type: 'string' },
        uren: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) return void console.log(USAGE);
  if (process.env.NODE_ENV === 'production') throw new Error('npm run token is for development; production tokens come from the identity provider');
  const rol = values.rol as Rol | undefined;
  if (!rol || !ROLLEN.includes(rol)) throw new Error(`--rol is one of: ${ROLLEN.join(', ')}\n\n${USAGE}`);
  if (rol === 'inwoner' ? !values.bsn : !values.gemeente?.length) {
    throw new Error(rol === 'inwoner' ? 'an inwoner token needs --bsn' : '--gemeente <CBS code, e.g. GM9999> is required (repeat it for several)');
  }
  const { token, doel } = await developmentToken(loadAuthConfig(), {
    rol,
    gemeenten: values.gemeente ?? [],
    sub: values.sub,
    naam: values.naam,
    bsn: values.bsn,
    uren: values.uren ? Number(values.uren) : undefined,
  });
  // The token alone on stdout; the hint on stderr, so that $(npm run -s token -- …) captures just the token.
  console.error(`# ${rol}; send with header X-Doel: ${doel}`);
  console.log(token);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  prepareProcess();
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
