# Three stages; the image that runs holds compiled JavaScript and production dependencies only.
# test/integration/docker-image.test.ts does what this file says without a Docker engine (there is
# none on our machines): it copies the context as .dockerignore filters it, runs each stage's
# commands, then starts the last stage's CMD from its folder.

# 1. Build: every dependency, the client (Vite) and the server with the workspaces it imports,
#    compiled by tsc into each workspace's dist/.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund
RUN npm run build

# 2. The server's production dependencies, from the lockfile: no tsx, TypeScript, Vite or test
#    tools, and none of the client's packages (the client is served as built files).
FROM node:20.20-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY db/package.json db/
COPY migrations/package.json migrations/
COPY seeds/package.json seeds/
COPY server/package.json server/
COPY client/package.json client/
COPY test/package.json test/
RUN npm ci --omit=dev --workspace=@ikt/server --no-audit --no-fund

# 3. What runs: the compiled server, the seeds' CSV files it loads at boot and the built client,
#    owned by root and run as the image's unprivileged `node` user (uid 1000, numeric so that
#    an orchestrator can tell it is not root), who may write only the embedded database's folder.
FROM node:20.20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app ./
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/db/dist db/dist
COPY --from=build /app/migrations/dist migrations/dist
COPY --from=build /app/seeds/dist seeds/dist
COPY --from=build /app/seeds/data seeds/data
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/client/dist client/dist
RUN mkdir -p .data && chown 1000:1000 .data
USER 1000:1000
EXPOSE 3000
CMD ["node", "server/dist/main.js"]
