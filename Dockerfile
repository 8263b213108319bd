# The OMS server image used by docker-compose.yml.
FROM node:20-slim AS build
RUN npm i -g pnpm@12.4.2
WORKDIR /app
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY packages/server/package.json packages/server/
RUN pnpm install --frozen-lockfile
COPY packages/server packages/server
RUN pnpm --filter @oms/server build

FROM node:20-slim
RUN npm i -g pnpm@12.4.2
WORKDIR /app
ENV NODE_ENV=production
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY packages/server/package.json packages/server/
RUN pnpm install --frozen-lockfile --prod
COPY --from=build /app/packages/server/dist packages/server/dist
USER node
EXPOSE 4000
CMD ["node", "packages/server/dist/main.js"]
