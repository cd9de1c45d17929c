/**
 * The deployment files (Dockerfile, docker-compose.yml, docker/postgres-init.sh, .env.example) checked against
 * the code they deploy: names, ports and variables come from the config modules, so a new subgraph, a changed
 * port or a new variable fails here until the deployment follows. No network, no database, no Docker.
 */
import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAuthConfig } from '../subgraphs/kit/auth/config';
import { loadGatewayConfig } from '../gateway/config';
import { ENTRY_POINTS } from '../scripts/build';
import {
  subgraphUrlVariable,
  databaseUrlVariable,
  DEFAULT_PORTS,
  loadSubgraphConfig,
  portVariable,
  SUBGRAPHS,
  type SubgraphName,
} from '../subgraphs/kit/config';

const ROOT = new URL('../', import.meta.url);
const readText = (path: string | URL) => readFileSync(new URL(path, ROOT), 'utf8');

// ---- small typed readers for parsed YAML/JSON (all `unknown` until checked) ----------------------------

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dict(value: unknown, what: string): Dict {
  if (!isDict(value)) throw new Error(`${what}: expected a map, got ${JSON.stringify(value)}`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new Error(`${what}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a list, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Compose's variable substitution, with every variable unset (the test must not depend on the caller's
 * shell): `${X:-d}` and `${X-d}` give d, `${X:+a}`, `${X}` and `$X` give '', `${X:?e}` fails, `$$` is `$`.
 */
function interpolate(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, name: string | undefined, operator: string | undefined, argument: string | undefined) => {
      if (match === '$$') return '$';
      if (operator === undefined || operator.endsWith('+')) return '';
      if (operator.endsWith('?')) throw new Error(`compose requires ${name} to be set: ${argument ?? ''}`);
      return argument ?? '';
    },
  );
}

/** Names of the variables substituted anywhere in `source`, with the default each one has (if any). */
function substitutedVariables(source: string): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  for (const m of source.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = m[1] ?? m[4];
    if (name && (m.index === 0 || source[m.index - 1] !== '$')) found.set(name, m[3] ?? found.get(name));
  }
  return found;
}

// ---- docker-compose.yml ---------------------------------------------------------------------------------

const COMPOSE_URL = new URL('docker-compose.yml', ROOT);
const composeSource = readText(COMPOSE_URL);
// `merge`: compose honours YAML `<<:` merge keys, which YAML 1.2 parsers leave off by default.
const compose = dict(parse(composeSource, { merge: true }), 'docker-compose.yml');
const services = dict(compose.services, 'services');
const POSTGRES = 'postgres';

function service(name: string): Dict {
  return dict(services[name], `service ${name}`);
}

/** `command` in either form, as the argument vector. */
function commandOf(name: string): string[] {
  const command = service(name).command;
  if (typeof command === 'string') return command.trim().split(/\s+/);
  return list(command, `${name}.command`).map((part, i) => text(part, `${name}.command[${i}]`));
}

/** `environment` as a map or as a list of `KEY=value`, after substitution; `KEY` alone maps to undefined. */
function environmentOf(name: string): Record<string, string | undefined> {
  const environment = service(name).environment;
  if (environment === undefined) return {};
  const entries: [string, string | undefined][] = Array.isArray(environment)
    ? environment.map((entry, i) => {
        const item = text(entry, `${name}.environment[${i}]`);
        const eq = item.indexOf('=');
        return eq < 0 ? [item, undefined] : [item.slice(0, eq), item.slice(eq + 1)];
      })
    : Object.entries(dict(environment, `${name}.environment`)).map(([key, value]) =>
        value === null || value === undefined ? [key, undefined] : [key, text(value, `${name}.environment.${key}`)],
      );
  return Object.fromEntries(entries.map(([key, value]) => [key, value === undefined ? undefined : interpolate(value)]));
}

/** `depends_on` as dependency -> condition (the list form means `service_started`). */
function dependenciesOf(name: string): Record<string, string> {
  const dependsOn = service(name).depends_on;
  if (dependsOn === undefined) return {};
  if (Array.isArray(dependsOn)) {
    return Object.fromEntries(dependsOn.map((d, i) => [text(d, `${name}.depends_on[${i}]`), 'service_started']));
  }
  return Object.fromEntries(
    Object.entries(dict(dependsOn, `${name}.depends_on`)).map(([dependency, spec]) => [
      dependency,
      isDict(spec) && spec.condition !== undefined ? text(spec.condition, `${name}.depends_on.${dependency}`) : 'service_started',
    ]),
  );
}

/** Published ports as `{ published, target }`, from the short (`[ip:]host:container[/proto]`) or long form. */
function portsOf(name: string): { published: string | undefined; target: string }[] {
  const ports = service(name).ports;
  if (ports === undefined) return [];
  return list(ports, `${name}.ports`).map((entry, i) => {
    if (isDict(entry)) {
      return {
        published: entry.published === undefined ? undefined : interpolate(text(entry.published, `${name}.ports[${i}]`)),
        target: text(entry.target, `${name}.ports[${i}].target`),
      };
    }
    const parts = interpolate(text(entry, `${name}.ports[${i}]`)).replace(/\/(tcp|udp)$/, '').split(':');
    return { published: parts.length > 1 ? parts[parts.length - 2] : undefined, target: parts[parts.length - 1] ?? '' };
  });
}

/** Volume mounts as `{ source, target }`, from the short (`source:target[:mode]`) or long form. */
function volumesOf(name: string): { source: string; target: string }[] {
  const volumes = service(name).volumes;
  if (volumes === undefined) return [];
  return list(volumes, `${name}.volumes`).map((entry, i) => {
    if (isDict(entry)) {
      return { source: text(entry.source, `${name}.volumes[${i}].source`), target: text(entry.target, `${name}.volumes[${i}].target`) };
    }
    const [source = '', target = ''] = interpolate(text(entry, `${name}.volumes[${i}]`)).split(':');
    return { source, target };
  });
}

function healthcheckOf(name: string): Dict {
  return dict(service(name).healthcheck, `${name}.healthcheck`);
}

/** The LoketLink services: those built from the repository's Dockerfile. */
const appServices = Object.keys(services).filter((name) => service(name).build !== undefined);

// ---- the healthcheck script, run against a fake fetch ---------------------------------------------------

interface FakeResponse {
  status: number;
  ok: boolean;
}
interface HealthcheckRun {
  exitCode: number;
  url: string | undefined;
  method: string | undefined;
  contentType: string | undefined;
  body: string | undefined;
}

/** Runs a `node -e` healthcheck script in a VM with `fetch` answering `answer`; resolves with its exit code. */
async function runHealthcheck(script: string, answer: () => Promise<FakeResponse>): Promise<HealthcheckRun> {
  const run: Omit<HealthcheckRun, 'exitCode'> = { url: undefined, method: undefined, contentType: undefined, body: undefined };
  let exit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const fetch = (input: unknown, init: unknown): Promise<FakeResponse> => {
    run.url = String(input);
    if (isDict(init)) {
      run.method = typeof init.method === 'string' ? init.method.toUpperCase() : undefined;
      run.body = typeof init.body === 'string' ? init.body : undefined;
      const headers = isDict(init.headers) ? init.headers : {};
      const contentType = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1];
      run.contentType = typeof contentType === 'string' ? contentType : undefined;
    }
    return answer();
  };
  const process = { exit: (code?: number) => exit(code ?? 0), env: {} };
  runInNewContext(script, { fetch, process, AbortSignal, console }, { timeout: 1000 });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('healthcheck never exited')), 2000));
  return { ...run, exitCode: await Promise.race([exited, timeout]) };
}

// ---- .env.example ---------------------------------------------------------------------------------------

const envExample = readText('.env.example');
/** `KEY=value` lines that are set, and those that are commented out (`# KEY=value`). */
const envAssignments = (commented: boolean): Record<string, string> =>
  Object.fromEntries(
    [...envExample.matchAll(commented ? /^#\s*([A-Z][A-Z0-9_]*)=(.*)$/gm : /^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [
      m[1] ?? '',
      (m[2] ?? '').trim(),
    ]),
  );
const envSet = envAssignments(false);
const envCommented = envAssignments(true);

/** The environment variables a config loader reads, recorded through a Proxy standing in for process.env. */
function variablesRead(load: (env: NodeJS.ProcessEnv) => unknown): string[] {
  const read = new Set<string>();
  const record = (key: string | symbol) => {
    if (typeof key === 'string' && /^[A-Z][A-Z0-9_]*$/.test(key)) read.add(key);
  };
  const env = new Proxy<NodeJS.ProcessEnv>(
    {},
    {
      get: (target, key) => (record(key), Reflect.get(target, key)),
      has: (target, key) => (record(key), Reflect.has(target, key)),
    },
  );
  load(env);
  return [...read];
}

// ---- Dockerfile -----------------------------------------------------------------------------------------

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile's instructions: comment lines dropped, `\` continuations joined. */
function dockerInstructions(source: string): Instruction[] {
  return source
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\[ \t]*\r?\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const m = /^(\S+)\s*([\s\S]*)$/.exec(line);
      return { keyword: (m?.[1] ?? '').toUpperCase(), args: (m?.[2] ?? '').trim() };
    });
}

const dockerfile = dockerInstructions(readText('Dockerfile'));
const instructions = (keyword: string) => dockerfile.filter((i) => i.keyword === keyword);

/** Sources of a COPY/ADD (flags dropped; exec or shell form). */
function copySources(instruction: Instruction): string[] {
  const parts: string[] = instruction.args.startsWith('[')
    ? list(JSON.parse(instruction.args), 'COPY').map((p, i) => text(p, `COPY[${i}]`))
    : instruction.args.split(/\s+/).filter((p) => !p.startsWith('--'));
  return parts.slice(0, -1).map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
}

function dockerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of instructions('ENV')) {
    const pairs = [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)];
    if (pairs.length === 0) {
      const [key = '', ...rest] = args.split(/\s+/);
      env[key] = rest.join(' ');
    }
    for (const m of pairs) env[m[1] ?? ''] = (m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2');
  }
  return env;
}

const packageJson = dict(JSON.parse(readText('package.json')), 'package.json');
const scripts = dict(packageJson.scripts, 'package.json scripts');

/** The bundle (`dist/<name>.js`) each compose service runs with plain node, as [service, bundle name]. */
function bundleRuns(): [string, string][] {
  return Object.keys(services).flatMap((name): [string, string][] => {
    if (service(name).command === undefined) return [];
    const command = commandOf(name);
    const bundle = command[0] === 'node' ? /^dist\/([\w-]+)\.js$/.exec(command[1] ?? '')?.[1] : undefined;
    return bundle ? [[name, bundle]] : [];
  });
}

// =========================================================================================================

describe('docker-compose.yml', () => {
  it('runs a Postgres pinned to an exact version, health-checked over TCP, on a named volume', () => {
    const postgres = service(POSTGRES);
    const image = text(postgres.image, 'postgres.image');
    expect(image).not.toMatch(/latest/);
    // postgres:<major>.<minor>[-variant][@sha256:...]
    expect(image).toMatch(/^postgres:\d+\.\d+(?:-[a-z0-9.]+)?(?:@sha256:[0-9a-f]{64})?$/);

    const test = list(healthcheckOf(POSTGRES).test, 'postgres.healthcheck.test').map((p) => text(p, 'test')).join(' ');
    expect(test).toContain('pg_isready');
    // During the init scripts the image's temporary server listens on the unix socket only.
    expect(test).toMatch(/-h\s+(127\.0\.0\.1|localhost)\b/);

    const data = volumesOf(POSTGRES).find((v) => v.target === '/var/lib/postgresql/data');
    expect(data, 'a volume at /var/lib/postgresql/data').toBeDefined();
    expect(Object.keys(dict(compose.volumes, 'volumes'))).toContain(data?.source);
  });

  it('creates exactly one database per subgraph in the Postgres init script', () => {
    const init = volumesOf(POSTGRES).filter((v) => v.target.startsWith('/docker-entrypoint-initdb.d/'));
    expect(init).toHaveLength(1);
    const script = init[0]?.source ?? '';
    expect(script).toMatch(/\.sh$/);
    const shell = readFileSync(new URL(script, COMPOSE_URL), 'utf8');
    const loop = /^for subgraph in ([\w ]+); do$/m.exec(shell)?.[1]?.split(' ');
    expect([...(loop ?? [])].sort()).toEqual([...SUBGRAPHS].sort());
    // Each role's password reaches the script from the postgres service's environment.
    const postgresEnv = environmentOf(POSTGRES);
    for (const name of SUBGRAPHS) expect(postgresEnv[`${name.toUpperCase()}_DB_PASSWORD`], name).toBeTruthy();
  });

  it('builds every LoketLink service, and only those, from the one Dockerfile as one image', () => {
    expect([...appServices].sort()).toEqual([...SUBGRAPHS, 'gateway'].sort());
    const images = new Set(appServices.map((name) => text(service(name).image, `${name}.image`)));
    expect(images.size).toBe(1);
    for (const name of appServices) {
      const build = service(name).build;
      const context = isDict(build) ? build.context : build;
      expect(context, `${name}.build`).toMatch(/^\.\/?$/);
      expect(isDict(build) ? build.dockerfile : undefined, `${name}.build.dockerfile`).toBeOneOf([undefined, 'Dockerfile']);
    }
    expect(existsSync(new URL('Dockerfile', COMPOSE_URL))).toBe(true);
  });

  it.each([...SUBGRAPHS])('runs the %s subgraph on its own port against its own database, as its own role', (name) => {
    expect(commandOf(name)).toEqual(['node', `dist/${name}.js`]);

    const env = environmentOf(name);
    expect(env[portVariable(name)]).toBe(String(DEFAULT_PORTS[name]));
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.APOLLO_TELEMETRY_DISABLED).toBe('1');
    // Nothing is seeded unless DEMO_HOUSEHOLDS is set.
    expect(env.DEMO_HOUSEHOLDS).toBe('0');
    // The shared fallback would put every loket's data in one database.
    expect(env.DATABASE_URL).toBeUndefined();

    const postgresEnv = environmentOf(POSTGRES);
    const url = new URL(env[databaseUrlVariable(name)] ?? 'missing:');
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe(POSTGRES);
    expect(url.port).toBe('5432');
    expect(url.pathname).toBe(`/${name}`);
    expect(url.username).toBe(name);
    expect(decodeURIComponent(url.password)).toBe(postgresEnv[`${name.toUpperCase()}_DB_PASSWORD`]);

    // The service's environment passes the code's own validation, with the values intended.
    const config = loadSubgraphConfig(name, env);
    expect(config).toMatchObject({ name, port: DEFAULT_PORTS[name], host: '0.0.0.0', databaseUrl: env[databaseUrlVariable(name)] });

    expect(dependenciesOf(name)).toEqual({ [POSTGRES]: 'service_healthy' });
  });

  it('runs the gateway on 4000, published, with every subgraph at its service name and port', () => {
    expect(commandOf('gateway')).toEqual(['node', 'dist/gateway.js']);
    const env = environmentOf('gateway');
    expect(env.PORT).toBe(String(DEFAULT_PORTS.gateway));
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.NODE_ENV).toBe('production');
    expect(env.APOLLO_TELEMETRY_DISABLED).toBe('1');
    for (const name of SUBGRAPHS) {
      expect(env[subgraphUrlVariable(name)], subgraphUrlVariable(name)).toBe(`http://${name}:${DEFAULT_PORTS[name]}/graphql`);
      // ...which is where that service listens.
      expect(environmentOf(name)[portVariable(name)]).toBe(new URL(env[subgraphUrlVariable(name)] ?? '').port);
    }

    const config = loadGatewayConfig(env);
    expect(config.port).toBe(DEFAULT_PORTS.gateway);
    expect(config.host).toBe('0.0.0.0');
    expect(config.development).toBe(false);
    expect(Object.keys(config.subgraphUrls).sort()).toEqual([...SUBGRAPHS].sort());

    expect(portsOf('gateway')).toContainEqual({ published: String(DEFAULT_PORTS.gateway), target: String(DEFAULT_PORTS.gateway) });
    // On the host's loopback unless GATEWAY_BIND opens it.
    expect(text(list(service('gateway').ports, 'gateway.ports')[0], 'gateway.ports[0]')).toMatch(/^\$\{GATEWAY_BIND:-127\.0\.0\.1\}:/);
    expect(dependenciesOf('gateway')).toEqual(Object.fromEntries(SUBGRAPHS.map((name) => [name, 'service_healthy'])));
  });

  it.each([...SUBGRAPHS, 'gateway' as const])(
    'health-checks %s with GET /readyz of its own, healthy only on 200',
    async (name: SubgraphName | 'gateway') => {
      const healthcheck = healthcheckOf(name);
      for (const key of ['interval', 'timeout', 'start_period']) {
        expect(text(healthcheck[key], `${name}.healthcheck.${key}`)).toMatch(/^\d+(ms|s|m|h)$/);
      }
      expect(healthcheck.retries).toBeGreaterThan(0);

      const test = list(healthcheck.test, `${name}.healthcheck.test`).map((p, i) => text(p, `test[${i}]`));
      expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      const script = test[3] ?? '';

      const ok = await runHealthcheck(script, async () => ({ status: 200, ok: true }));
      expect(ok.exitCode).toBe(0);
      expect(ok.url).toBe(`http://127.0.0.1:${DEFAULT_PORTS[name]}/readyz`);
      expect(ok.method ?? 'GET').toBe('GET');

      expect((await runHealthcheck(script, async () => ({ status: 503, ok: false }))).exitCode).not.toBe(0);
      expect((await runHealthcheck(script, async () => ({ status: 401, ok: false }))).exitCode).not.toBe(0);
      expect((await runHealthcheck(script, () => Promise.reject(new Error('ECONNREFUSED')))).exitCode).not.toBe(0);
    },
  );

  it('runs only bundles that npm run build makes, each from an entry file that exists', () => {
    const runs = bundleRuns();
    expect(runs.map(([name, bundle]) => [name, bundle])).toEqual(appServices.map((name) => [name, name]));
    expect(Object.keys(ENTRY_POINTS).sort()).toEqual([...appServices].sort());
    for (const entry of Object.values(ENTRY_POINTS)) expect(existsSync(new URL(entry, ROOT)), entry).toBe(true);
    expect(text(scripts.build, 'scripts.build')).toMatch(/scripts\/build\.ts/);
  });
});

describe('.env.example', () => {
  const configVariables = [
    ...new Set([
      ...SUBGRAPHS.flatMap((name) => variablesRead((env) => loadSubgraphConfig(name, env))),
      ...variablesRead((env) => loadGatewayConfig(env)),
      ...variablesRead((env) => loadAuthConfig(env)),
    ]),
  ];

  it('mentions every variable the config loaders and docker-compose.yml use', () => {
    // The recorder sees what the loaders read: at least the variables named by the config modules.
    expect(configVariables).toEqual(
      expect.arrayContaining([
        ...SUBGRAPHS.flatMap((name) => [portVariable(name), databaseUrlVariable(name), subgraphUrlVariable(name)]),
        'DATABASE_URL', 'LOKETLINK_DATA_DIR', 'HOST', 'DB_POOL_MAX', 'DEMO_HOUSEHOLDS', 'DEMO_SEED', 'PORT', 'NODE_ENV',
      ]),
    );
    const composeVariables = [
      ...substitutedVariables(composeSource).keys(),
      ...appServices.flatMap((name) => Object.keys(environmentOf(name))),
    ];
    const required = new Set([...configVariables, ...composeVariables, 'APOLLO_TELEMETRY_DISABLED']);
    const mentioned = new Set([...Object.keys(envSet), ...Object.keys(envCommented)]);
    expect([...required].filter((name) => !mentioned.has(name)).sort()).toEqual([]);
  });

  it("sets the code's defaults and leaves the database URLs and subgraph URLs unset", () => {
    expect(Object.keys(envSet).filter((name) => /_URL$/.test(name))).toEqual([]);
    for (const name of SUBGRAPHS) {
      expect(loadSubgraphConfig(name, envSet)).toEqual(loadSubgraphConfig(name, {}));
    }
    expect(loadGatewayConfig(envSet)).toEqual(loadGatewayConfig({}));
    expect(loadAuthConfig(envSet)).toEqual(loadAuthConfig({}));
    // Compose-only variables: the same default as the `${VAR:-default}` in docker-compose.yml.
    for (const [name, fallback] of substitutedVariables(composeSource)) {
      if (configVariables.includes(name)) continue; // checked against the code's own defaults above
      if (fallback !== undefined && name in envSet) expect(envSet[name], name).toBe(fallback);
    }
  });

  it('has commented-out examples that the config accepts', () => {
    const env = { ...envSet, ...envCommented };
    expect(envCommented.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/test');
    for (const name of SUBGRAPHS) {
      expect(loadSubgraphConfig(name, env).databaseUrl).toBe(envCommented[databaseUrlVariable(name)]);
    }
    expect(Object.keys(loadGatewayConfig(env).subgraphUrls).sort()).toEqual([...SUBGRAPHS].sort());
  });
});

describe('Dockerfile', () => {
  const stages = () => {
    const froms = dockerfile.flatMap((instruction, i) => (instruction.keyword === 'FROM' ? [i] : []));
    return froms.map((start, n) => dockerfile.slice(start, froms[n + 1] ?? dockerfile.length));
  };

  it('builds on Node 24 LTS, pinned to an exact version that satisfies package.json engines', () => {
    const bases = instructions('FROM').map(({ args }) => args.split(/\s+/).filter((p) => !p.startsWith('--'))[0] ?? '');
    expect(bases.length).toBeGreaterThan(0);
    for (const image of bases) {
      expect(image).not.toMatch(/:latest\b/);
      expect(image).toMatch(/^node:24\.\d+\.\d+-[\w.-]+(@sha256:[0-9a-f]{64})?$/);
    }
    const engines = text(dict(packageJson.engines, 'engines').node, 'engines.node');
    const [minMajor = NaN] = (/>=\s*(\d+)\.(\d+)/.exec(engines) ?? []).slice(1).map(Number);
    expect(24).toBeGreaterThanOrEqual(minMajor);
  });

  it('runs as a non-root user', () => {
    const users = instructions('USER');
    expect(users.length).toBeGreaterThan(0);
    const user = (users[users.length - 1]?.args ?? '').split(':')[0];
    expect(user).not.toMatch(/^(root|0)?$/);
    // ...set in the final stage: no FROM after the last USER.
    const lastUser = dockerfile.lastIndexOf(users[users.length - 1] ?? { keyword: '', args: '' });
    expect(dockerfile.slice(lastUser + 1).some((i) => i.keyword === 'FROM')).toBe(false);
  });

  it('builds dist/ in a stage of its own and runs it with plain node under an init, no transpiler in the image', () => {
    const [build, final] = stages();
    expect(build?.some((i) => i.keyword === 'RUN' && /\bnpm run build\b/.test(i.args))).toBe(true);
    const copyLock = final!.findIndex((i) => i.keyword === 'COPY' && copySources(i).includes('package-lock.json'));
    const install = final!.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
    expect(copyLock).toBeGreaterThanOrEqual(0);
    expect(install).toBeGreaterThan(copyLock);
    expect(final![install]?.args).toMatch(/--omit=dev/);
    // tsx and esbuild are dev dependencies: --omit=dev leaves them out of the image.
    const runtime = Object.keys(dict(packageJson.dependencies, 'dependencies'));
    expect(runtime).not.toContain('tsx');
    expect(runtime).not.toContain('esbuild');
    expect(final!.some((i) => i.keyword === 'COPY' && /--from=build/.test(i.args) && copySources(i).includes('/app/dist'))).toBe(true);
    // What the bundles read beside their sources: SDL, migrations, the register, the supergraph, the manifest.
    expect(final!.filter((i) => i.keyword === 'COPY').flatMap(copySources)).toEqual(expect.arrayContaining(['subgraphs', 'schema']));
    expect(instructions('ENTRYPOINT').at(-1)?.args).toMatch(/tini/);
    expect(JSON.parse(instructions('CMD').at(-1)?.args ?? '[]')).toEqual(['node', 'dist/gateway.js']);
    expect(final!.some((i) => i.keyword === 'RUN' && /apt-get install[^&]*\btini\b/.test(i.args))).toBe(true);

    const env = dockerEnv();
    expect(env).toMatchObject({ NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: '1', HOST: '0.0.0.0' });
  });

  it('checks health with GET /readyz', () => {
    const healthcheck = instructions('HEALTHCHECK').at(-1)?.args ?? '';
    expect(healthcheck).toMatch(/\/readyz/);
  });
});
