/**
 * `npm run build`: the services as plain JavaScript in `dist/`, one bundle per process, so that an image runs
 * `node dist/<service>.js` with no TypeScript transpiler at run time. Packages stay external (installed by
 * `npm ci --omit=dev`); our own modules are bundled.
 *
 * The services read files beside their sources (SDL, migrations, the register of purposes, the supergraph and
 * the manifest) with `new URL(…, import.meta.url)`. In a bundle every module would share the bundle's URL, so
 * each module's `import.meta.url` becomes the URL its source has in the project (`/app/subgraphs/...` in the
 * image), and the files stay where they are.
 */
import { relative } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { SUBGRAPHS } from '../subgraphs/kit/config';
import { ensureAppBuilt } from '../app/build';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The processes of a deployment, by bundle name: `dist/gateway.js`, `dist/brp.js`, ... */
export const ENTRY_POINTS: Record<string, string> = {
  gateway: 'gateway/main.ts',
  ...Object.fromEntries(SUBGRAPHS.map((name) => [name, `subgraphs/${name}/main.ts`])),
};

const sourceUrls: Plugin = {
  name: 'loketlink-source-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      if (path.includes('node_modules')) return undefined;
      const source = await readFile(path, 'utf8');
      const where = JSON.stringify(relative(ROOT, path).split('\\').join('/'));
      return { contents: source.replaceAll('import.meta.url', `__loketlinkSourceUrl(${where})`), loader: 'ts' };
    });
  },
};

export async function buildServices(outdir = `${ROOT}dist`): Promise<void> {
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, entry]) => [name, `${ROOT}${entry}`])),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    // The project root is the bundle's parent directory (dist/..), wherever the bundle is.
    banner: { js: `const __loketlinkSourceUrl = (path) => new URL(path, new URL('../', import.meta.url)).href;` },
    plugins: [sourceUrls],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildServices(process.argv[2]);
  console.log(`built ${Object.keys(ENTRY_POINTS).map((name) => `dist/${name}.js`).join(', ')}`);
  // The web application the gateway serves under /app/ (app/build.ts), when its sources changed.
  await ensureAppBuilt(console.log);
  console.log('app/dist is up to date');
}
