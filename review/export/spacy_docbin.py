"""spaCy DocBin (`.spacy`): one Doc per article, its annotations as spans in `doc.spans`.

Annotations overlap, so they go into a span group (`doc.spans["sc"]`, what spaCy's span
categoriser reads) rather than `doc.ents`. The blank tokenizer of the article's language
is used, with tokens also cut at every annotation boundary, so that every span covers
exactly the stored range; `doc.user_data["newsdesk"]` keeps the article's reference, each
annotation's details (exact offsets in code points included) and the label set.

A DocBin is one compressed blob: it is built in memory and written at the end, so unlike
the other formats this one's memory grows with the set (by the tokens, not the objects).
"""

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from review.export.selection import ArticleAnnotations, Selection, article_groups, label_set

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPAN_KEY = "sc"


def article_doc(nlp: "Language", group: ArticleAnnotations, labels: list[dict[str, Any]]) -> "Doc":
    """The article as a Doc with its annotations as spans."""
    from spacy.tokens import Doc, Span

    text = group.article.body
    cuts = {a.start for a in group.annotations} | {a.end for a in group.annotations}
    words: list[str] = []
    spaces: list[bool] = []
    for token in nlp.make_doc(text):
        start, end = token.idx, token.idx + len(token.text)
        bounds = [start, *sorted(c for c in cuts if start < c < end), end]
        for index, (left, right) in enumerate(itertools.pairwise(bounds)):
            words.append(text[left:right])
            spaces.append(bool(token.whitespace_) and index == len(bounds) - 2)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    spans: list[Span] = []
    details = []
    for a in group.annotations:
        span = doc.char_span(a.start, a.end, label=a.label)
        aligned = span is not None
        if span is None:  # a range starting or ending inside whitespace between tokens
            span = doc.char_span(a.start, a.end, label=a.label, alignment_mode="expand")
        if span is not None:
            span.id_ = f"a{a.pk}"
            spans.append(span)
        details.append(
            {
                "id": a.pk,
                "start": a.start,
                "end": a.end,
                "label": a.label,
                "exact": a.exact,
                "author": a.author,
                "note": a.note,
                "sources": a.sources,
                "status": a.status,
                "token_aligned": aligned,
            }
        )
    doc.spans[SPAN_KEY] = spans
    article = group.article
    doc.user_data["newsdesk"] = {
        "article_id": article.pk,
        "origin": article.origin,
        "title": article.title,
        "content_hash": article.content_hash,
        "offsets": "code points, end exclusive",
        "annotations": details,
        "label_set": labels,
    }
    return doc


def render(selection: Selection, *, base_url: str, chunk_size: int) -> Iterator[bytes]:
    # spaCy is imported here, not with the module: it takes half a second and 90 MB.
    import spacy
    from spacy.tokens import DocBin

    labels = [label.as_dict() for label in label_set()]
    pipelines: dict[str, Language] = {}
    docbin = DocBin(store_user_data=True)
    for group in article_groups(selection, chunk_size=chunk_size):
        language = group.article.language or "de"
        if language not in pipelines:
            try:
                pipelines[language] = spacy.blank(language)
            except ImportError:
                pipelines[language] = spacy.blank("xx")
        docbin.add(article_doc(pipelines[language], group, labels))
    yield docbin.to_bytes()
