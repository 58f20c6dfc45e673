"""Loader and validator: the real data loads, and every error message is reachable."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA, shared_path
from mine_archive.dates import PartialDate
from mine_archive.errors import DataError
from mine_archive.schema import DOCUMENT_TYPES
from mine_archive.statements import load_statement, load_statements

VALID = """\
---
id: sample
title: A sample statement
date: 2012-09-11
document_type: statement
convention: [CCM]
language: en
editorial_notes: []
---
Mr. President,

The text of the statement.
"""


def write(tmp_path: Path, text: str | bytes, name: str = "sample.md") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def errors_of(tmp_path: Path, text: str | bytes, name: str = "sample.md") -> list[str]:
    path = write(tmp_path, text, name)
    with pytest.raises(DataError) as caught:
        load_statement(path)
    return [f"{e.line}: {e.message}" for e in caught.value.errors]


def replace(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new)


# --- the real data -------------------------------------------------------------


def test_the_three_statements_load_oldest_first():
    statements = load_statements(DATA / "statements")
    assert [s.id for s in statements] == [
        "2003-02-mofa-efforts-landmines",
        "2012-09-11-ccm-3msp",
        "2017-06-apmbc-intersessional-cooperation",
    ]
    assert [len(s.paragraphs) for s in statements] == [4, 16, 9]
    mofa, ccm, apmbc = statements
    assert mofa.date == PartialDate(2003, 2) and mofa.date.display() == "February 2003"
    assert ccm.date.display() == "11 September 2012"
    assert apmbc.meeting.start == PartialDate(2017, 6, 8) and apmbc.meeting.end == PartialDate(2017, 6, 9)
    assert ccm.speaker.name == "H. E. Mr. Mari AMANO"
    assert apmbc.source is None, "the 2017 publisher is not in the text and must not be guessed"
    assert mofa.source.url == "https://www.mofa.go.jp/policy/landmine/effort0302.html"
    assert ccm.source.url == "https://www.disarm.emb-japan.go.jp/Statements/120911CCM.htm"


def test_headings_get_their_own_ids_and_do_not_shift_paragraph_numbers():
    mofa = load_statements(DATA / "statements")[0]
    assert [b.id for b in mofa.blocks] == ["p1", "h1", "p2", "p3", "h2", "p4"]
    assert mofa.blocks[4].text == "2. Support for Anti-landmine Measures"


def test_repairs_are_in_the_text_and_recorded_as_notes():
    by_id = {s.id: s for s in load_statements(DATA / "statements")}
    mofa = by_id["2003-02-mofa-efforts-landmines"]
    assert "about [¥]10 billion" in mofa.paragraphs[3].text
    assert "_10" not in "".join(b.text for b in mofa.blocks)
    assert "Back to Index" not in "".join(b.text for b in mofa.blocks)
    assert [n.paragraph for n in mofa.editorial_notes if "yen sign" in n.text] == ["p4"]
    apmbc = by_id["2017-06-apmbc-intersessional-cooperation"]
    assert "20th anniversary" in apmbc.paragraphs[3].text
    assert any("<sup>th</sup>" in n.text and n.paragraph == "p4" for n in apmbc.editorial_notes)
    for statement in by_id.values():
        text = "\n".join(b.text for b in statement.blocks)
        assert "**" not in text and "##" not in text and "<sup>" not in text


def test_salutation_lines_stay_on_their_own_lines():
    ccm = load_statements(DATA / "statements")[1]
    assert ccm.paragraphs[0].lines == (
        "Mr. President,",
        "Excellencies,",
        "Distinguished Delegates,",
        "Ladies and Gentlemen,",
    )


def test_body_words_match_the_seed_texts():
    """Apart from the recorded repairs, every body is the seed text word for word."""
    seeds = shared_path("seeds")
    seed_words = {p.name: " ".join(p.read_text(encoding="utf-8").split()) for p in seeds.glob("*.txt")}
    repairs = {"[¥]10": "_10", "20th": "20<sup>th</sup>"}
    for statement in load_statements(DATA / "statements"):
        body = " ".join(" ".join(b.lines) for b in statement.blocks)
        for repaired, original in repairs.items():
            body = body.replace(repaired, original)
        words = " ".join(body.split())
        assert any(words in seed for seed in seed_words.values()), statement.id


def test_a_valid_minimal_file_loads(tmp_path):
    statement = load_statement(write(tmp_path, VALID))
    assert statement.id == "sample" and statement.conventions == ("CCM",)
    assert [p.id for p in statement.paragraphs] == ["p1", "p2"]
    assert statement.paragraphs[1].line == 12


def test_unreadable_file(tmp_path):
    (tmp_path / "sample.md").symlink_to(tmp_path / "missing")
    with pytest.raises(DataError) as caught:
        load_statement(tmp_path / "sample.md")
    [error] = caught.value.errors
    assert (error.path, error.line) == (str(tmp_path / "sample.md"), 1)
    assert error.message.startswith("cannot read the file: No such file or directory")


def test_not_utf8(tmp_path):
    text = VALID.replace("The text", "The t\xe9xt").encode("latin-1")
    assert errors_of(tmp_path, text) == ["12: the file is not valid UTF-8 (byte 0xe9); save it as UTF-8"]


def test_front_matter_not_opened(tmp_path):
    assert errors_of(tmp_path, "id: sample\n") == ["1: the file must begin with a '---' line opening the front matter"]


def test_front_matter_not_closed(tmp_path):
    text = VALID.replace("---\nMr. President", "Mr. President")
    assert errors_of(tmp_path, text) == ["1: front matter is not closed: no '---' line after the one on line 1"]


def test_yaml_syntax_error_names_its_line(tmp_path):
    [error] = errors_of(tmp_path, replace("title: A sample statement", "title: [unclosed"))
    assert error.startswith("4: YAML syntax error: while parsing a flow sequence")
    assert error.endswith("(the construct began on line 3)")


def test_yaml_alias_bomb_is_refused_without_expanding(tmp_path):
    bomb = "\n".join(
        ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
            for i in range(9)
        ]
        + ["---", "text"]
    )
    assert errors_of(tmp_path, bomb) == [
        "3: YAML aliases ('*name') are not allowed in front matter; write the value out"
    ]


def test_empty_front_matter(tmp_path):
    assert errors_of(tmp_path, "---\n---\nText.\n") == [
        "1: the front matter is empty; it must give the statement's fields"
    ]


def test_front_matter_not_a_mapping(tmp_path):
    assert errors_of(tmp_path, "---\n- a\n- b\n---\nText.\n") == [
        "2: front matter must be a mapping of fields, not a list"
    ]


def test_wrong_type(tmp_path):
    assert errors_of(tmp_path, replace("title: A sample statement", "title: 2003")) == [
        "3: 'title' must be text, not the number 2003"
    ]


def test_wrong_type_for_a_yaml_boolean(tmp_path):
    assert errors_of(tmp_path, replace("title: A sample statement", "title: no")) == [
        "3: 'title' must be text, not the boolean false"
    ]


def test_unsupported_yaml_tag(tmp_path):
    assert errors_of(tmp_path, replace("title: A sample statement", "title: !!binary aGVsbG8=")) == [
        "3: 'title' must be text, not a value tagged tag:yaml.org,2002:binary"
    ]


def test_value_outside_vocabulary(tmp_path):
    assert errors_of(tmp_path, replace("document_type: statement", "document_type: tweet")) == [
        f"5: 'document_type' must be one of {', '.join(DOCUMENT_TYPES)}; not 'tweet'"
    ]


def test_convention_outside_vocabulary(tmp_path):
    assert errors_of(tmp_path, replace("convention: [CCM]", "convention: [CCW]")) == [
        "6: 'convention[0]' must be one of APMBC, CCM; not 'CCW'"
    ]


def test_empty_text(tmp_path):
    assert errors_of(tmp_path, replace("title: A sample statement", "title: '  '")) == ["3: 'title' must not be empty"]


def test_too_long(tmp_path):
    slug = "a" * 81
    errors = errors_of(tmp_path, replace("id: sample", f"id: {slug}"), name=f"{slug}.md")
    assert errors == ["2: 'id' must be at most 80 characters long"]


def test_wrong_form(tmp_path):
    [error] = errors_of(tmp_path, replace("id: sample", "id: Sample Statement"))
    assert error.startswith("2: 'id' has the wrong form: 'Sample Statement'. Stable slug")


def test_date_of_wrong_form(tmp_path):
    [error] = errors_of(tmp_path, replace("date: 2012-09-11", "date: 11 September 2012"))
    assert error.startswith("4: 'date' has the wrong form: '11 September 2012'")


def test_impossible_date(tmp_path):
    assert errors_of(tmp_path, replace("date: 2012-09-11", "date: 2012-02-30")) == [
        "4: 'date' is not a real date: '2012-02-30': February 2012 has 29 days"
    ]


def test_impossible_month(tmp_path):
    assert errors_of(tmp_path, replace("date: 2012-09-11", "date: 2012-13")) == [
        "4: 'date' is not a real date: '2012-13' has no month 13"
    ]


def test_too_few_items(tmp_path):
    assert errors_of(tmp_path, replace("convention: [CCM]", "convention: []")) == [
        "6: 'convention' must list at least 1 item"
    ]


def test_item_listed_twice(tmp_path):
    assert errors_of(tmp_path, replace("convention: [CCM]", "convention: [CCM, CCM]")) == [
        "6: 'convention' lists 'CCM' twice"
    ]


def test_field_name_not_text(tmp_path):
    assert errors_of(tmp_path, replace("language: en\n", "language: en\n? [a, b]\n: c\n")) == [
        "8: field names in front matter must be text"
    ]


def test_field_given_twice(tmp_path):
    assert errors_of(tmp_path, replace("language: en\n", "language: en\nlanguage: ja\n")) == [
        "8: field 'language' is given twice (first on line 7)"
    ]


def test_unknown_field_suggests_the_near_one(tmp_path):
    assert errors_of(tmp_path, replace("language: en\n", "language: en\nspeeker: Someone\n")) == [
        "8: unknown field 'speeker'; did you mean 'speaker'?"
    ]


def test_unknown_nested_field(tmp_path):
    text = replace("language: en\n", "language: en\nspeaker:\n  name: A\n  rank: B\n")
    assert errors_of(tmp_path, text) == ["10: unknown field 'speaker.rank'; known fields: name, role"]


def test_required_field_missing(tmp_path):
    assert errors_of(tmp_path, replace("language: en\n", "")) == ["2: required field 'language' is missing"]


def test_every_problem_of_a_file_is_reported_in_line_order(tmp_path):
    text = VALID.replace("title: A sample statement\n", "")
    text = text.replace("date: 2012-09-11", "date: 2012-02-30").replace("document_type: statement", "document_type: 7")
    text = text.replace("language: en\n", "language: en\nspeeker: Someone\nconvention: [CCM]\n")
    assert errors_of(tmp_path, text) == [
        "2: required field 'title' is missing",
        "3: 'date' is not a real date: '2012-02-30': February 2012 has 29 days",
        "4: 'document_type' must be one of " + ", ".join(DOCUMENT_TYPES) + "; not the number 7",
        "7: unknown field 'speeker'; did you mean 'speaker'?",
        "8: field 'convention' is given twice (first on line 5)",
    ]


def test_a_bad_date_an_unknown_key_and_a_bad_quote_are_three_problems(tmp_path):
    text = VALID.replace("date: 2012-09-11", "date: 2012-13-11").replace(
        "editorial_notes: []\n",
        "editorial_notes: []\nspeeker: X\ncommitments:\n  - {date: 2012, convention: CCM, kind: pledge, "
        "title: T, paragraph: p2, quote: words that are not there}\n",
    )
    problems = errors_of(tmp_path, text)
    assert len(problems) == 3, problems
    assert problems[0].startswith("4: 'date' is not a real date")
    assert problems[1].startswith("9: unknown field 'speeker'")
    assert problems[2] == "11: commitments[0]: the quote is not in p2 word for word: 'words that are not there'"


def test_a_date_in_the_future_is_an_error(tmp_path):
    assert errors_of(tmp_path, replace("date: 2012-09-11", "date: 2099-01-01")) == [
        "4: 'date' 2099-01-01 is in the future"
    ]


def test_every_missing_field_is_named_once(tmp_path):
    text = VALID.replace("title: A sample statement\n", "").replace("language: en\n", "")
    assert errors_of(tmp_path, text) == [
        "2: required field 'language' is missing",
        "2: required field 'title' is missing",
    ]


def test_file_named_after_another_id(tmp_path):
    assert errors_of(tmp_path, VALID, name="other.md") == [
        "2: the file must be named after its id: sample.md, not other.md"
    ]


def test_meeting_ending_before_it_starts(tmp_path):
    text = replace("language: en\n", "language: en\nmeeting:\n  name: M\n  start: 2017-06-09\n  end: 2017-06-08\n")
    assert errors_of(tmp_path, text) == ["11: 'meeting.end' is before 'meeting.start'"]


def test_editorial_note_about_a_missing_paragraph(tmp_path):
    text = replace("editorial_notes: []", "editorial_notes:\n  - note: Repaired.\n    paragraph: p7")
    assert errors_of(tmp_path, text) == [
        "10: 'editorial_notes[0].paragraph' is p7, but the body has paragraphs p1 to p2"
    ]


def test_level_one_heading_in_body(tmp_path):
    assert errors_of(tmp_path, VALID.replace("Mr. President,", "# A title")) == [
        "10: a level-1 heading ('# ') in the body: the title belongs in front matter"
    ]


def test_heading_not_standing_alone(tmp_path):
    assert errors_of(tmp_path, VALID.replace("Mr. President,", "## Heading\nText under it")) == [
        "10: a heading ('## ') must stand alone, with a blank line after it"
    ]


def test_html_in_body(tmp_path):
    assert errors_of(tmp_path, VALID.replace("The text", "The 20<sup>th</sup> text")) == [
        "12: HTML markup '<sup>' in the body: statement bodies are plain text; "
        "write the text itself and record the repair in editorial_notes",
    ]


def test_empty_body(tmp_path):
    text = VALID.split("---\nMr.")[0] + "---\n\n\n"
    assert errors_of(tmp_path, text) == ["10: the body is empty: a statement needs at least one paragraph of text"]


def test_statements_directory_missing(tmp_path):
    with pytest.raises(DataError, match="the statements directory does not exist"):
        load_statements(tmp_path / "nowhere")


def test_statements_directory_empty(tmp_path):
    with pytest.raises(DataError, match=r"no statements found \(expected \*.md files\)"):
        load_statements(tmp_path)


# --- all problems at once ---------------------------------------------------------


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    write(tmp_path, replace("title: A sample statement", "title: 2003").replace("date: 2012-09-11", "date: 2012-02-30"))
    write(tmp_path, VALID.replace("id: sample", "id: second").replace("The text", "<b>x</b>"), "second.md")
    with pytest.raises(DataError) as caught:
        load_statements(tmp_path)
    lines = str(caught.value).splitlines()
    assert len(lines) == 3
    assert lines[0].endswith("sample.md:3: 'title' must be text, not the number 2003")
    assert lines[1].endswith("sample.md:4: 'date' is not a real date: '2012-02-30': February 2012 has 29 days")
    assert "second.md:12: HTML markup '<b>'" in lines[2]


def test_duplicate_statement_id(tmp_path):
    write(tmp_path, VALID)
    assert errors_of(tmp_path, VALID, name="copy.md") == [
        "2: duplicate id 'sample': sample.md already has it; give this statement its own id"
    ]


def test_paragraph_ids_are_assigned_by_position_and_never_collide():
    """There is no way to write a duplicate paragraph id: ids come from reading order."""
    for statement in load_statements(DATA / "statements"):
        ids = [b.id for b in statement.blocks]
        assert len(ids) == len(set(ids))


def test_the_id_page_is_reserved_for_the_listing(tmp_path):
    text = VALID.replace("id: sample", "id: page")
    assert errors_of(tmp_path, text, name="page.md") == [
        "2: the id 'page' is taken: the statements listing's later pages live at statements/page/<n>/"
    ]
