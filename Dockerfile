FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY . .
RUN npm ci --include=dev && npm run build && chown -R node:node /app
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "server/src/main.ts"]
