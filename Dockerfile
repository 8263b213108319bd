# The OMS server image used by docker-compose.yml: the server, serving the built admin app at /.
FROM node:20-slim AS build
RUN npm i -g pnpm@12.4.2
WORKDIR /app
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY packages/server/package.json packages/server/
COPY packages/admin/package.json packages/admin/
RUN pnpm install --frozen-lockfile
COPY packages/server packages/server
COPY packages/admin packages/admin
RUN pnpm --filter @oms/server build && pnpm --filter @oms/admin build

FROM node:20-slim
RUN npm i -g pnpm@12.4.2
WORKDIR /app
ENV NODE_ENV=production
COPY package.json pnpm-workspace.yaml pnpm-lock.yaml ./
COPY packages/server/package.json packages/server/
COPY packages/admin/package.json packages/admin/
RUN pnpm install --frozen-lockfile --prod --filter @oms/server
COPY --from=build /app/packages/server/dist packages/server/dist
COPY --from=build /app/packages/admin/dist packages/admin/dist
USER node
EXPOSE 4000
CMD ["node", "packages/server/dist/main.js"]
