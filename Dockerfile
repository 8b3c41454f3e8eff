# Waarborg's container image: python:3.11-slim, two stages, runs as an unprivileged user.
#   docker build -t waarborg .
# One image for every process of compose.yaml (install, web, worker, scheduler); see docs/operator.md.
# Not built on the development machine of this repository (no Docker engine there): the HTTPS topology
# test runs the same install script, gunicorn, Celery, Redis, PostgreSQL and nginx without containers.

# The pages' NL Design System CSS from npm, at the versions of package-lock.json (docs/design.md).
FROM node:20-slim AS pages
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml requirements.lock README.md ./
COPY src ./src
COPY scripts/nlds.py ./scripts/
COPY --from=pages /src/node_modules ./node_modules
RUN python scripts/nlds.py
# GNU gettext compiles the translations (the .mo files are not in git; pyproject's hatch `artifacts` puts them
# in the wheel). The runtime dependencies only (no test tools), at the versions of requirements.lock.
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/* \
 && python -m venv /opt/waarborg \
 && /opt/waarborg/bin/pip install --constraint requirements.lock django \
 && (cd src/waarborg && /opt/waarborg/bin/django-admin compilemessages --ignore=migrations --ignore=static) \
 && /opt/waarborg/bin/pip install --constraint requirements.lock . \
 && WAARBORG_HOME=/tmp/build WAARBORG_STATIC_ROOT=/opt/waarborg/static /opt/waarborg/bin/waarborg collectstatic

FROM python:3.11-slim
# Pango and fonts for the PDF letters (WeasyPrint); pg_dump for `waarborg backup create`.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/waarborg --no-create-home waarborg \
 && install -d -m 700 -o waarborg -g waarborg /var/lib/waarborg
COPY --from=build /opt/waarborg /opt/waarborg
COPY deploy /opt/waarborg/deploy
COPY examples /opt/waarborg/examples
ENV PATH=/opt/waarborg/bin:$PATH \
    PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    WAARBORG_ENV=production \
    WAARBORG_HOME=/var/lib/waarborg \
    WAARBORG_STATIC_ROOT=/opt/waarborg/static \
    WAARBORG_COLLECTSTATIC=0 \
    WAARBORG_BIND=0.0.0.0:8000
USER waarborg
WORKDIR /var/lib/waarborg
VOLUME /var/lib/waarborg
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s \
  CMD python -c "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=4).status != 200)"
CMD ["gunicorn", "-c", "/opt/waarborg/deploy/gunicorn.conf.py", "waarborg.wsgi:application"]
