# One image for every LoketLink service: the gateway and the five subgraphs differ only in the bundle they
# run (`node dist/<service>.js`), which docker-compose.yml sets per service.
#
# Node 24 LTS, pinned by exact version; bookworm-slim is glibc, which the prebuilt binaries in node_modules
# (esbuild in the build stage) expect.

# --- build: the TypeScript sources bundled into dist/ (scripts/build.ts), with the dev tooling ----------------
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY schema ./schema
COPY scripts ./scripts
COPY app ./app
RUN npm run build

# --- the image: production dependencies, the bundles, and the files the services read at run time ---------
FROM node:24.22.3-bookworm-slim

# tini as PID 1: forwards SIGTERM from `docker stop` to node, which closes its connections (closeOnSignal),
# and reaps zombies. Debian's package, so nothing is fetched from elsewhere.
RUN apt-get update \
  && apt-get install -y --no-install-recommends tini \
  && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so that a code change reuses this layer; `npm ci` installs exactly package-lock.json.
# No TypeScript transpiler: tsx and esbuild are dev dependencies and stay out.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The bundles, and what they read beside their sources (scripts/build.ts keeps those paths): each
# subgraph's SDL and committed drizzle migrations (applied on start), the register of purposes, the
# supergraph and the trusted-documents manifest. The TypeScript sources come along but never run.
COPY --from=build /app/dist ./dist
# The web application's built files, served by the gateway under /app/ (gateway/app.ts).
COPY --from=build /app/app/dist ./app/dist
COPY subgraphs ./subgraphs
COPY schema ./schema

# The code stays owned by root and so read-only for the service user. The one writable place is the
# embedded-PGlite directory (LOKETLINK_DATA_DIR, default `.data` under /app), used only when a subgraph runs
# without a database URL; with Postgres (as in docker-compose.yml) it stays empty.
RUN mkdir -p /app/.data && chown node:node /app/.data

# HOST=0.0.0.0: the code listens on loopback by default, which nothing outside the container can reach.
# APOLLO_TELEMETRY_DISABLED=1: no usage data of residents' queries leaves the machine (the code sets it too,
# this makes it hold for every process in the container from the start).
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# The official node image's unprivileged user (uid 1000).
USER node

# Gateway 4000, subgraphs 4001-4005 (DEFAULT_PORTS in subgraphs/kit/config.ts).
EXPOSE 4000 4001 4002 4003 4004 4005

# Ready: GET /readyz of the service on HEALTH_PORT (the gateway's 4000 unless a service sets its own).
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||4000)+'/readyz',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
# A default; docker-compose.yml sets the command of each service.
CMD ["node", "dist/gateway.js"]
