# Production-like image: gunicorn serving Django, whitenoise serving static files.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/venv \
    PATH="/opt/venv/bin:$PATH"

RUN pip install --no-cache-dir uv==0.13.8

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

COPY . .
# collectstatic needs some key; the real one comes from the environment at run time.
RUN SECRET_KEY=collectstatic-only DEBUG=0 python manage.py collectstatic --noinput

RUN useradd --create-home newsdesk
USER newsdesk
EXPOSE 8000
CMD ["gunicorn", "newsdesk.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
