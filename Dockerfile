# One image for every LoketLink service: the gateway and the five subgraphs differ only in the command they
# run (`npm run start:<service>`), which docker-compose.yml sets per service.
#
# Pinned by tag to the Node line that package.json's `engines` asks for (>=20.19); bookworm-slim is glibc,
# which the prebuilt binaries in node_modules (esbuild, used by tsx) expect.
FROM node:20.19-bookworm-slim

WORKDIR /app

# Dependencies first, so that a code change reuses this layer. There is no build step: `tsx` is a runtime
# dependency (not a devDependency) and runs the TypeScript sources directly, so `--omit=dev` leaves out only
# the tooling (tsc, vitest, drizzle-kit, @apollo/composition). `npm ci` installs exactly package-lock.json.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

# Only what the services run: the gateway, the subgraphs (with their SDL and committed drizzle migrations,
# applied on start) and the committed supergraph the gateway serves.
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
COPY tsconfig.json ./

# The code stays owned by root and so read-only for the service user. The one writable place is the
# embedded-PGlite directory (LOKETLINK_DATA_DIR, default `.data` under /app), used only when a subgraph runs
# without a database URL; with Postgres (as in docker-compose.yml) it stays empty.
RUN mkdir -p /app/.data && chown node:node /app/.data

# HOST=0.0.0.0: the code listens on loopback by default, which nothing outside the container can reach.
# APOLLO_TELEMETRY_DISABLED=1: no usage data of residents' queries leaves the machine (the code sets it too,
# this makes it hold for every process in the container from the start).
# NPM_CONFIG_SCRIPT_SHELL=/bin/bash: `npm run` starts a script through `<shell> -c`; Debian's /bin/sh (dash)
# stays in between and dies on the SIGTERM that npm forwards, so tsx and the service never see it; bash
# execs the single command, so `docker stop` reaches the service's own shutdown (closeOnSignal).
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    NPM_CONFIG_SCRIPT_SHELL=/bin/bash \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# The official node image's unprivileged user (uid 1000).
USER node

# Gateway 4000, subgraphs 4001-4005 (DEFAULT_PORTS in subgraphs/kit/config.ts).
EXPOSE 4000 4001 4002 4003 4004 4005

# A harmless default; docker-compose.yml sets the command of each service.
CMD ["npm", "run", "start:gateway"]
