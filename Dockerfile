# Summit: one image for every role (SUMMIT_ROLES=all|bot|worker|scheduler).
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` prebuilds the CLI (scripts/build.ts, a dev tool not copied yet); the
# image runs the server from the sources.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY src ./src
COPY usecases ./usecases
COPY sources ./sources
COPY store ./store
COPY queue ./queue
COPY adapters ./adapters
COPY app ./app
COPY console ./console
COPY prompts ./prompts
COPY scripts ./scripts
COPY seeds ./seeds
USER node
EXPOSE 3000
# V8 flags of a serving process: app/engine/memory.ts ENGINE_PROCESS_FLAGS (kept equal by a test).
CMD ["node", "--max-semi-space-size=8", "app/server.ts"]
