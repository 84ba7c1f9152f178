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


def test_a_sentence_of_thousands_of_abbreviations_is_one_sentence():
    # Each full stop reads only the word before it (it once re-read the sentence so far).
    text = "Dr. Prof. " * 20_000 + "Meier sagte das. Dann ging er."
    assert [len(sentence) for sentence in texts(text)] == [len(text) - 14, 13]
    assert texts("(Dr. Meier kam.) Er ging.") == ["(Dr. Meier kam.)", "Er ging."]
    assert texts("Es kam „Dr. Meier. Er ging.") == ["Es kam „Dr. Meier.", "Er ging."]
