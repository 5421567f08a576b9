# syntax=docker/dockerfile:1

# ---- build: install everything, compile TypeScript to dist/ and the Mini App to dist/web ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY web ./web
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --no-audit --no-fund \
 # whisper.cpp's CPU build is what the image uses; its CUDA and Vulkan variants (~240 MB) need a GPU runtime.
 && rm -rf node_modules/@fugood/node-whisper-linux-x64-cuda node_modules/@fugood/node-whisper-linux-x64-vulkan

# ---- runtime: production dependencies and dist/ only, as a non-root user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=8000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node scripts ./scripts
# The chart font (DejaVu Sans, Latin + Cyrillic): resvg is given this file only, no system fonts needed.
COPY --chown=node:node assets ./assets
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/health/').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
