# ForumHub: one image with the Api and the built web app.
#   docker compose up --build      (see docker-compose.yml and README.md)

# 1. The web app (src/Web) -> src/Api/wwwroot
FROM node:20-bookworm-slim AS web
WORKDIR /src/src/Web
COPY src/Web/package.json src/Web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Web/ ./
# The one picture map (word -> OpenMoji) is shared with the Api's Easy Read minutes; the web build reads it.
COPY src/Api/Features/Minutes/Writing/Pictures/pictures.json /src/src/Api/Features/Minutes/Writing/Pictures/pictures.json
RUN npm run build

# 2. The Api, published with the web app in its wwwroot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/ForumHub.Domain.csproj src/Domain/
COPY src/Api/ForumHub.Api.csproj src/Api/
RUN dotnet restore src/Api/ForumHub.Api.csproj
COPY src/Domain/ src/Domain/
COPY src/Api/ src/Api/
COPY --from=web /src/src/Api/wwwroot/ src/Api/wwwroot/
RUN dotnet publish src/Api/ForumHub.Api.csproj -c Release --no-restore -o /app

# 3. Runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "ForumHub.Api.dll"]
