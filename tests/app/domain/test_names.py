"""One bilingual table names inspection statuses, modes and severities: every stored code
has a Chinese and an English name, and the report prints exactly those."""

import pytest

from app.domain.names import CODES, NAMES, display_name
from app.reports.labels import labels_for


def test_every_code_has_a_chinese_and_an_english_name():
    for kind, codes in CODES.items():
        assert set(NAMES[kind]) == set(codes), kind
        for code in codes:
            zh, en = display_name(kind, code, "zh"), display_name(kind, code, "en")
            assert zh and en and zh != en, (kind, code)
            assert not any(c.isascii() and c.isalpha() for c in zh), (kind, code, zh)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_prints_the_names_of_the_table(lang):
    labels = labels_for(lang)
    for kind, codes in CODES.items():
        for code in codes:
            assert labels[f"{kind}_{code}"] == display_name(kind, code, lang)


def test_an_unknown_code_shows_as_itself():
    assert display_name("status", "archived", "zh") == "archived"
    assert display_name("severity", None, "en") == ""
