/**
 * The web application's build, run by `npm start` (and `npm run build`, and the tests' global setup) when
 * `app/dist` is older than its sources: `npm start` stays one command, and no `postinstall` builds
 * anything. A build writes to a fresh folder and then takes the place of the old one, so a gateway that
 * serves `app/dist` meanwhile never reads half a build.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const APP_DIST = join(APP_ROOT, 'dist');
const SOURCES = ['src', 'index.html', 'vite.config.ts'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** True when `app/dist` holds a build at least as new as every source file. */
export function appIsBuilt(): boolean {
  const index = join(APP_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((source) => newestChange(join(APP_ROOT, source)) <= built);
}

/** Builds the application with Vite when it is missing or stale; returns whether it built. */
export async function ensureAppBuilt(log: (line: string) => void = () => {}): Promise<boolean> {
  if (appIsBuilt()) return false;
  log('building the web application (app/) with Vite…');
  const { build } = await import('vite');
  const outDir = join(APP_ROOT, `.dist-${process.pid}-${Date.now()}`);
  // Vite and its React plugin build React's production bundle only when NODE_ENV says so; the tests run with
  // NODE_ENV=test, and an operator may set development. The build is the one served, so: production, for
  // the build's duration only.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(APP_ROOT, 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
    rmSync(APP_DIST, { recursive: true, force: true });
    renameSync(outDir, APP_DIST);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(outDir, { recursive: true, force: true });
  }
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  await ensureAppBuilt(console.log);
  console.log(`app/dist is up to date (${Math.round(performance.now() - started)} ms)`);
}
