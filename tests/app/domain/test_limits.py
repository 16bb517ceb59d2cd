"""The limits and validators every door uses: strict JSON, text, numbers, enumerations."""

import pytest

from app.domain import limits, status
from app.domain.limits import check_answer, check_fields, escape_controls, loads
from app.domain.templates import Item
from app.errors import BundleError, ValidationError


def test_plain_json_parses():
    assert loads(b'{"a": [1, 2.5, "x", null, true], "b": {"c": "\\u4e2d"}}', "doc") == \
        {"a": [1, 2.5, "x", None, True], "b": {"c": "中"}}


@pytest.mark.parametrize("text, message", [
    ('{"id": "a", "id": "b"}', r"doc: the key 'id' appears twice in one object\."),
    ('[{"x": {"k": 1, "k": 1}}]', "appears twice"),
    ("[" * 200_000 + "]" * 200_000, "nested deeper than 32 levels"),
    ('{"a":' * 200_000 + "1" + "}" * 200_000, "nested deeper than 32 levels"),
    ("1" + "0" * 30, r"the integer 10000000000000000000… is beyond"),
    ("-9007199254740993", "is beyond"),
    ("1e400", "too large"),
    ("[NaN]", "NaN is not a number JSON allows"),
    ("[-Infinity]", "Infinity is not a number JSON allows"),
    ('"\\ud800"', r"lone surrogate \(U\+D800\)"),
    ('{"\\udfff": 1}', "lone surrogate"),
    ('["a\\u0000b"]', r"NUL character \(U\+0000\)"),
    ('{"a": 1', "not valid JSON"),
    ('{"a": 1} {"b": 2}', "not valid JSON"),
])
def test_strict_json_refusals(text, message):
    with pytest.raises(ValidationError, match=message) as caught:
        loads(text.encode(), "doc")
    assert "\n" not in str(caught.value)


def test_strict_json_takes_the_callers_error_and_size_limit():
    with pytest.raises(BundleError, match="larger than the limit of 10 bytes"):
        loads(b'["0123456789"]', "manifest.json", error=BundleError, max_bytes=10)
    with pytest.raises(BundleError, match="not UTF-8"):
        loads(b'["\xff"]', "manifest.json", error=BundleError)


def test_deep_but_allowed_json_parses():
    assert loads("[" * 32 + "]" * 32, "doc") is not None
    # brackets inside strings do not count as nesting
    assert loads('["' + "[" * 1000 + '"]', "doc") == ["[" * 1000]


def test_text_limits_and_characters():
    assert limits.check_text("名字", "name") == "名字"
    with pytest.raises(ValidationError, match=r"note: 20001 characters, more than the limit "
                                              r"of 20000\."):
        limits.check_text("x" * 20_001, "note", "long")
    with pytest.raises(ValidationError, match="NUL"):
        limits.check_text("a\x00b", "name")
    with pytest.raises(ValidationError, match="lone surrogate"):
        limits.check_text("a\udc80", "name")


def test_check_fields_enumerations_follow_the_domain(monkeypatch):
    check_fields("actions", {"status": "pending", "severity": "high"})
    with pytest.raises(ValidationError, match=r"actions\.status: 'finished' is not one of"):
        check_fields("actions", {"status": "finished"})
    # a status added to the domain is accepted at once, one removed is refused
    monkeypatch.setattr(status, "ACTION_STATUSES", ("verified", "finished"))
    check_fields("actions", {"status": "finished"})
    with pytest.raises(ValidationError, match="'pending' is not one of verified, finished"):
        check_fields("actions", {"status": "pending"})


@pytest.mark.parametrize("table, fields, message", [
    ("inspections", {"status": "approved"}, "inspections.status"),
    ("inspections", {"mode": "audit"}, "inspections.mode"),
    ("actions", {"severity": "urgent"}, "actions.severity"),
    ("signatures", {"role": "king"}, "signatures.role"),
    ("users", {"role": "root"}, "users.role"),
    ("templates", {"kind": "other"}, "templates.kind"),
    ("schools", {"level": "university"}, "schools.level"),
    ("schools", {"boarding": 2}, "must be 0 or 1"),
    ("schools", {"student_count": 10 ** 30}, "beyond the limit"),
    ("schools", {"student_count": True}, "not true/false"),
    ("responses", {"note": "n" * (10 << 20)}, "more than the limit of 20000"),
    ("actions", {"due_date": "next week"}, "use a date like"),
    ("schools", {"name": "a\x00"}, "NUL"),
])
def test_check_fields_refusals(table, fields, message):
    with pytest.raises(ValidationError, match=message):
        check_fields(table, fields)


def _item(kind, **extra):
    return Item(key="k", type=kind, text={"zh": "", "en": ""}, source={}, section="s", **extra)


def test_answers_must_be_canonical_for_the_item_type():
    assert check_answer(_item("score", max_score=5), 3) == 3
    assert check_answer(_item("yes_no"), "na") == "na"
    assert check_answer(_item("number"), 4.5) == 4.5
    for item, value in [(_item("score", max_score=5), 9), (_item("score", max_score=5), "3"),
                        (_item("yes_no"), "maybe"), (_item("yes_no"), True),
                        (_item("choice", choices=({"key": "a"},)), "b"),
                        (_item("text"), {"x": 1}), (_item("number"), 1e300)]:
        with pytest.raises(ValidationError):
            check_answer(item, value)


def test_escape_controls_for_terminals():
    assert escape_controls("Evil\x1b]0;pwned\x07 name\r\n") == \
        "Evil\\x1b]0;pwned\\x07 name\\x0d\\x0a"
    assert escape_controls("a\u202eb\x9bc") == "a\\u202eb\\x9bc"
    assert escape_controls("青山小学 No. 2") == "青山小学 No. 2"


def test_template_files_are_parsed_strictly_and_texts_bounded(tmp_path):
    import json
    from app.domain.templates import load_template_file
    from app.errors import TemplateError
    from tests.conftest import MINI_TEMPLATE
    text = MINI_TEMPLATE.read_text(encoding="utf-8")
    twice = tmp_path / "twice.json"
    twice.write_text(text.replace("{", '{"key": "other", ', 1), encoding="utf-8")
    with pytest.raises(TemplateError, match="twice.json: the key 'key' appears twice"):
        load_template_file(twice)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(TemplateError, match="deep.json: nested deeper than 32 levels"):
        load_template_file(deep)
    body = json.loads(text)
    body["title"]["en"] = "x" * 20_001
    long = tmp_path / "long.json"
    long.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(TemplateError, match="title.en: longer than 20000 characters"):
        load_template_file(long)


@pytest.mark.parametrize("text, deep", [
    ("[" * 32 + "]" * 32, False),
    ("[" * 33 + "]" * 33, True),
    ('["' + "[{" * 40 + '"]', False),                  # brackets inside a string do not nest
    ('["\\"' + "[" * 40 + '"]', False),                # nor after an escaped quote in it
    ('[' * 20 + '"x"' + '{"a":' * 13 + "1" + "}" * 13 + "]" * 20, True),
    ('[' * 20 + '"x"' + '{"a":' * 12 + "1" + "}" * 12 + "]" * 20, False),
    ("[" * 32 + "]" * 40 + "[" * 33, False),          # unbalanced: a syntax error, not depth
])
def test_nesting_is_counted_outside_strings(text, deep):
    if deep:
        with pytest.raises(ValidationError, match="nested deeper than 32 levels"):
            loads(text, "doc")
    else:
        with pytest.raises(ValidationError) as caught:
            loads(text + "x", "doc")                     # parsed past the depth check
        assert "nested deeper" not in str(caught.value)
