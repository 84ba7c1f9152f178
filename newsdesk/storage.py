"""Static files in production: whitenoise's compressed, hashed files."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Also rewrites `import "./keyboard.js"` in our ES modules to the hashed file names,
    so that a module and what it imports are cached, and replaced, together."""

    support_js_module_import_aggregation = True
