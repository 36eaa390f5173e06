from railtrack.extract.sentences import split_clauses


def test_clauses_keep_offsets():
    text = "Train No. 967 left Orsha. It has 40 cars; the second one has 30.\n\nA new one"
    clauses = split_clauses(text)
    assert [c.text for c in clauses] == [
        "Train No. 967 left Orsha.",
        "It has 40 cars;",
        "the second one has 30.",
        "A new one",
    ]
    assert [c.sentence for c in clauses] == [0, 1, 1, 2]
    for c in clauses:
        assert text[c.start : c.end] == c.text


def test_decimal_numbers_do_not_end_sentences():
    assert len(split_clauses("It carried 11.2 million tonnes. Then it stopped.")) == 2
