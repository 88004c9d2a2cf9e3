# qemu-patchlint GitHub App. Build: docker build -t qemu-patchlint .
# Run:   docker run -p 3000:3000 -e APP_ID=... -e WEBHOOK_SECRET=... \
#          -e PRIVATE_KEY="$(cat key.pem)" qemu-patchlint
# The test test/package.e2e.test.ts runs the runtime stage's steps outside
# Docker: production install of the packed package, start, /ping, a webhook.

# Build stage: dev dependencies, `npm pack` (prepack bundles dist/).
FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm pack --pack-destination /tmp && mv /tmp/qemu-patchlint-*.tgz /tmp/qemu-patchlint.tgz

# Runtime stage: the packed package and Probot, production dependencies only.
FROM node:24-bookworm-slim
# Probot is an optional peer of the package (the CLI does without it): the app names it.
ARG PROBOT_VERSION=^14.3.2
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /tmp/qemu-patchlint.tgz /tmp/
RUN echo '{"private": true}' > package.json \
 && npm install --omit=dev --no-audit --no-fund /tmp/qemu-patchlint.tgz "probot@${PROBOT_VERSION}" \
 && rm /tmp/qemu-patchlint.tgz && npm cache clean --force
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node is PID 1 (exec form): `docker stop` sends it SIGTERM, it stops taking
# webhooks and finishes the reviews in progress (at most 30 s): give it
# `docker stop -t 35` (compose: stop_grace_period: 35s).
STOPSIGNAL SIGTERM
CMD ["node", "node_modules/qemu-patchlint/dist/app/server.js"]
