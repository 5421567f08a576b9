# syntax=docker/dockerfile:1

# ---- build: install everything, compile TypeScript to dist/ and the Mini App to dist/web ----
FROM node:20-bookworm-slim AS build
# No install-time telemetry or funding pings: swagger-ui-dist's @scarf/scarf honours SCARF_ANALYTICS and
# DO_NOT_TRACK (package.json's scarfSettings turns it off too), @nestjs/core's postinstall OPENCOLLECTIVE_HIDE.
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1 OPENCOLLECTIVE_HIDE=1 NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/lockfile-without-gpu-whisper.js ./scripts/
# whisper.cpp runs on the CPU here: its CUDA and Vulkan builds (every architecture, ~250 MB) are left out of the
# lockfile's copy, so npm never downloads them; the CPU build for this platform is installed as usual.
RUN node scripts/lockfile-without-gpu-whisper.js && npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY web ./web
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies and dist/ only, as a non-root user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=8000
# libgomp1: the whisper.cpp binding (STT_PROVIDER=whisper-cpp) links OpenMP's runtime, which the slim image lacks.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node scripts ./scripts
# The chart font (DejaVu Sans, Latin + Cyrillic): resvg is given this file only, no system fonts needed.
COPY --chown=node:node assets ./assets
RUN mkdir -p /app/data && chown node:node /app/data
USER node
# Smoke test: the image's whisper.cpp binding loads (shared libraries included) and answers; the build fails if not.
RUN node scripts/whisper-smoke.js --require
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health/').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
