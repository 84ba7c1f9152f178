"""The annotations app's fixtures (labels, an article, annotations), which the review,
export and import tests build on."""

from annotations.tests.conftest import article, labels, make_annotation

__all__ = ["article", "labels", "make_annotation"]
