"""The trained entity model: it loads offline, tags obvious names, trains deterministically."""

from pathlib import Path

import pytest

from newstext.entities import Gazetteer, Kind, Matcher, Method, find_mentions, seed_matcher
from newstext.entities.features import (
    KnownFeatures,
    hanta_analysis,
    sentence_features,
    tokenize,
)
from newstext.entities.model import (
    MODEL_FILE,
    feature_matcher,
    find_names,
    gazetteer_tags,
    model_attributes,
    sentence_ranges,
    tag_sentence,
    tagger,
)
from newstext.entities.training import corpus
from newstext.entities.training.corpus import Labelled, _mapped
from newstext.entities.training.train import items, spans_of, train


def names(text: str) -> list[tuple[str, Kind]]:
    return [(text[n.start : n.end], n.kind) for n in find_names(text)]


def test_the_model_file_is_committed_and_small() -> None:
    assert MODEL_FILE.exists()
    assert MODEL_FILE.stat().st_size < 20_000_000


def test_the_shipped_model_opens_and_knows_the_entity_labels() -> None:
    # How fast it loads is measured by the entity benchmark (docs/benchmarks.md).
    import pycrfsuite  # type: ignore[import-untyped]

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_FILE))
    assert {"O", "B-PER", "I-PER", "B-LOC", "B-ORG"} <= set(tagger.labels())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bundeskanzlerin Angela Merkel besuchte am Montag Paris.",
            [("Angela Merkel", Kind.PERSON), ("Paris", Kind.PLACE)],
        ),
        (
            "Der Konzern Siemens hat seinen Sitz in München.",
            [("Siemens", Kind.ORGANISATION), ("München", Kind.PLACE)],
        ),
        ("Siemens-Chef Joe Kaeser sprach.", [("Joe Kaeser", Kind.PERSON)]),
        ("Die Deutsche Bank meldete Verluste.", [("Deutsche Bank", Kind.ORGANISATION)]),
        # GermEval types celestial bodies as places ("die Sonne"); a garden is no name.
        ("Die Kinder spielten am Nachmittag im Garten.", []),
    ],
)
def test_obvious_sentences(text: str, expected: list[tuple[str, Kind]]) -> None:
    assert names(text) == expected


def test_names_are_found_in_every_sentence_and_line_of_a_text() -> None:
    text = "Olaf Scholz reiste ab.\nIn Hamburg regnete es. Dort wartete Peter Tschentscher."
    found = names(text)
    assert ("Olaf Scholz", Kind.PERSON) in found
    assert ("Hamburg", Kind.PLACE) in found
    assert ("Peter Tschentscher", Kind.PERSON) in found


def test_full_stops_stay_with_initials_numbers_and_abbreviations_as_in_training() -> None:
    text = "Präsident George W. Bush traf am 18. Mai bzw. danach Otto II. in Berlin."
    assert [text[a:b] for a, b in tokenize(text)] == [
        *("Präsident", "George", "W.", "Bush", "traf", "am", "18.", "Mai", "bzw."),
        *("danach", "Otto", "II.", "in", "Berlin", "."),
    ]
    assert ("George W. Bush", Kind.PERSON) in names(text)
    # The sentence's own full stop stays apart, after an initial too.
    last = "Das sagte Ali Y."
    assert [last[a:b] for a, b in tokenize(last)][-2:] == ["Y", "."]


def test_confidences_are_marginal_probabilities() -> None:
    for name in find_names("Außenministerin Annalena Baerbock traf Antony Blinken in Washington."):
        assert 0.0 < name.confidence <= 1.0


def test_unknown_names_become_candidates_with_the_model_as_evidence() -> None:
    mentions = find_mentions(
        "Bürgermeisterin Henriette Reker eröffnete die Messe.", matcher=seed_matcher()
    )
    (mention,) = [m for m in mentions if m.surface == "Henriette Reker"]
    assert (mention.kind, mention.method, mention.entity) == (Kind.PERSON, Method.DISCOVERY, None)
    assert mention.candidate == "Henriette Reker"
    assert mention.evidence.startswith("sequence model (")
    assert 0.0 < mention.confidence <= 1.0


def test_known_entities_stay_linked_by_the_gazetteer() -> None:
    mentions = find_mentions("Wladimir Putin sprach mit Ilham Alijew.", matcher=seed_matcher())
    assert [(m.surface, m.entity and m.entity.name, str(m.method)) for m in mentions] == [
        ("Wladimir Putin", "Wladimir Putin", "alias"),
        ("Ilham Alijew", "Ilham Aliyev", "fuzzy"),
    ]


def test_empty_and_punctuation_only_texts() -> None:
    assert find_names("") == []
    assert find_names(" \n… – !") == []
    assert tag_sentence([], []) == []


def test_label_mapping() -> None:
    germeval = corpus.GERMEVAL_CLASSES
    assert _mapped("B-LOCderiv", germeval) == "O"
    assert _mapped("I-ORGpart", germeval) == "O"
    assert _mapped("B-OTH", germeval) == "B-OTH"
    assert _mapped("B-RR", corpus.LER_CLASSES) == "B-PER"
    assert _mapped("I-GRT", corpus.LER_CLASSES) == "I-ORG"
    assert _mapped("B-GS", corpus.LER_CLASSES) == "O"
    assert spans_of(["B-PER", "I-PER", "O", "I-LOC"]) == {(0, 2, "PER"), (3, 4, "LOC")}


def test_the_validation_split_is_not_trained_on() -> None:
    training, validation = corpus.splits()
    assert len(validation) == 1_100
    assert len(training) == 1_100 + 3_529
    dev = list(corpus.read_germeval(corpus.GERMEVAL_DEV, "germeval-dev"))
    assert validation == dev[1::2]
    assert not {id(s) for s in training} & {id(s) for s in validation}
    trained = {tuple(s.words) for s in training}
    assert sum(tuple(s.words) in trained for s in validation) < 5  # repeated sentences only


def test_training_is_deterministic(tmp_path: Path) -> None:
    sentences = [
        Labelled(
            ["Angela", "Merkel", "war", "in", "Berlin", "."],
            ["B-PER", "I-PER", "O", "O", "B-LOC", "O"],
            "t",
        ),
        Labelled(["Die", "Firma", "Siemens", "wuchs", "."], ["O", "O", "B-ORG", "O", "O"], "t"),
        Labelled(["Er", "sah", "Paris", "."], ["O", "O", "B-LOC", "O"], "t"),
    ] * 5
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train(sentences, first, {"max_iterations": 20})
    train(sentences, second, {"max_iterations": 20})
    assert first.read_bytes() == second.read_bytes()
    import pycrfsuite  # type: ignore[import-untyped]

    opened = pycrfsuite.Tagger()
    opened.open(str(first))
    spans = tag_sentence(["Er", "sah", "Berlin", "."], ["", "", "B-LOC", ""], opened)
    assert [(s.first, s.last, s.kind) for s in spans] == [(2, 3, Kind.PLACE)]
    assert items(sentences[0])[0][0] == "bias"
    # The attribute dictionary read from the file is the model's own.
    assert {a.decode() for a in model_attributes(first)} == {
        a for a, _ in opened.info().state_features
    }


def test_a_rejected_spelling_variant_is_not_proposed() -> None:
    base = seed_matcher().gazetteer
    gazetteer = Gazetteer(base.entities, rejected_names=frozenset({"alijew"}))
    assert find_mentions("Präsident Ilham Alijew kam.", matcher=Matcher(gazetteer)) == []


def test_the_title_before_a_name_is_part_of_the_evidence() -> None:
    (mention,) = find_mentions("Die Journalistin Nigar Hasanova schreibt.", matcher=seed_matcher())
    assert "Journalistin" in mention.evidence


def test_the_model_is_given_only_its_own_attributes_and_tags_the_same(seeds_dir: Path) -> None:
    """`tagger()` hands crfsuite only the attributes its model holds (`KnownFeatures`,
    encoded); crfsuite ignores the others, so a tagger opened directly, given them all,
    finds the same names with the same confidences."""
    import pycrfsuite

    plain = pycrfsuite.Tagger()
    plain.open(str(MODEL_FILE))
    known = set(model_attributes(MODEL_FILE))
    features = KnownFeatures(known)
    sentences = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in sentence_ranges(text):
            spans = tokenize(text, start, end)
            words = [text[a:b] for a, b in spans]
            gaz = gazetteer_tags(text, spans, feature_matcher())
            every = sentence_features(words, gaz)
            assert features.sentence(words, gaz) == [
                [a.encode() for a in item if a.encode() in known] for item in every
            ]
            assert tag_sentence(words, gaz, tagger()) == tag_sentence(words, gaz, plain)
            sentences += 1
    assert sentences > 90


def test_one_hanta_analysis_per_word_is_hantas_own() -> None:
    from newstext.entities.discovery import _tagger

    for word in ("Berlin", "Bundeskanzlerin", "Merkels", "Xqzzyvinsk", "Die", "UNO"):
        analysis = hanta_analysis(word)
        (tag, score), *others = _tagger().tag_word(word, cutoff=3)
        assert analysis[:2] == (f"pos={tag}", f"score={min(int(-float(score) // 5), 7)}")
        second = [f"pos2={t}" for t, _ in others[:1]]
        assert [a for a in analysis if a.startswith("pos2=")] == second
        assert ("guessed" in analysis) == (type(score) is not float)
    assert hanta_analysis("berlin") == ()


def test_a_sentence_seen_before_gets_the_names_it_gets_afresh(seeds_dir: Path) -> None:
    """`find_names` remembers each sentence's names (per process, for the taggers
    `tagger()` opened); a tagger opened directly remembers nothing, and finds the same
    names in every seed, the first time and when every sentence has been seen."""
    import pycrfsuite

    plain = pycrfsuite.Tagger()
    plain.open(str(MODEL_FILE))
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        afresh = find_names(text, model=plain)
        assert afresh
        assert find_names(text) == afresh
        assert find_names(text) == afresh
    # A sentence seen elsewhere in another text: its names at its place in this one.
    sentence = "Bundeskanzlerin Angela Merkel besuchte am Montag Paris."
    before = "Vorher sprach Emmanuel Macron.\n"
    alone = [(n.start, n.end, n.kind, n.confidence) for n in find_names(sentence)]
    moved = find_names(before + sentence)
    assert len(alone) == 2
    assert [(n.start - len(before), n.end - len(before), n.kind, n.confidence) for n in moved][
        -2:
    ] == alone
