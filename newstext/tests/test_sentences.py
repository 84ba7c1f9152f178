from newstext.sentences import split_blocks, split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_at_sentence_ends_before_capitals_quotes_and_digits():
    text = (
        "Putin sagte das in Duschanbe. «Wir werden zahlen», sagte er. "
        "38 Menschen starben. Warum? „Niemand weiß es“, hieß es."
    )
    assert texts(text) == [
        "Putin sagte das in Duschanbe.",
        "«Wir werden zahlen», sagte er.",
        "38 Menschen starben.",
        "Warum?",
        "„Niemand weiß es“, hieß es.",
    ]


def test_does_not_split_after_ordinals_abbreviations_and_initials():
    text = (
        "Am 20. September kamen u. a. Soldaten um, z. B. in Bergkarabach. "
        "Dr. Müller und Prof. Weber trafen J. Smith. Es war 2024. Dann kam der Winter."
    )
    assert texts(text) == [
        "Am 20. September kamen u. a. Soldaten um, z. B. in Bergkarabach.",
        "Dr. Müller und Prof. Weber trafen J. Smith.",
        "Es war 2024.",
        "Dann kam der Winter.",
    ]


def test_a_question_inside_a_quote_does_not_end_the_sentence():
    assert texts("«Wer war es?», fragte sie. Keiner antwortete...") == [
        "«Wer war es?», fragte sie.",
        "Keiner antwortete...",
    ]


def test_block_ends_end_sentences_and_offsets_index_the_text():
    text = "Überschrift ohne Punkt\n\nErster Satz. Zweiter Satz"
    sentences = split_blocks(text, [(0, 22), (24, len(text))])
    assert [text[s.start : s.end] for s in sentences] == [
        "Überschrift ohne Punkt",
        "Erster Satz.",
        "Zweiter Satz",
    ]
