"""One vocabulary: the Chinese the user reads in the window (Qt catalogues), the reports
(report labels and grade reasons) and the built-in templates never uses a variant that
docs/GLOSSARY.md says to avoid, and severities read 一般 / 较重 / 严重 everywhere."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.domain.explain import WORDS
from app.paths import RESOURCES
from app.reports.labels import LABELS

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "GLOSSARY.md"


def glossary() -> dict[str, dict]:
    rows = {}
    for line in GLOSSARY.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] not in ("key", "---") and not set(cells[0]) <= {"-"}:
            rows[cells[0]] = {"zh": cells[1], "en": cells[2],
                              "avoid": [v.strip() for v in cells[3].split("/") if v.strip()]}
    return rows


def forbidden() -> dict[str, str]:
    return {variant: key for key, row in glossary().items() for variant in row["avoid"]}


def catalogue_texts() -> list[tuple[str, str]]:
    found = []
    for path in sorted((RESOURCES / "translations").glob("*_zh_CN.ts")):
        for message in ET.parse(path).getroot().iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("vanished", "obsolete"):
                continue
            for form in translation.findall("numerusform") or [translation]:
                found.append((f"{path.name}: {message.findtext('source')}", form.text or ""))
    return found


def template_texts() -> list[tuple[str, str]]:
    found = []
    for path in sorted((RESOURCES / "templates").glob("*.json")):  # current versions only
        def walk(value, where):
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, f"{where}.{k}")
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, f"{where}[{i}]")
            elif isinstance(value, str):
                found.append((where, value))
        walk(json.loads(path.read_text("utf-8")), path.name)
    return found


def report_texts() -> list[tuple[str, str]]:
    return [(f"labels.{k}", v) for k, v in LABELS["zh"].items()] + \
        [(f"explain.{k}", v) for k, v in WORDS["zh"].items()]


def _uses(text: str, variant: str) -> bool:
    if variant == "否决项":  # 一票否决项 is the right word; 否决项 alone is not
        return bool(re.search(r"(?<!一票)否决项", text))
    if variant in ("低", "中", "高"):  # only as a whole severity word (see the severity test)
        return False
    return variant in text


def test_the_glossary_names_every_term_the_issue_asks_for():
    rows = glossary()
    for key in ("app", "inspector", "veto", "cap", "severity", "action_states", "not_graded"):
        assert key in rows and rows[key]["zh"] and rows[key]["en"], key
    assert rows["veto"]["zh"].startswith("一票否决") and rows["cap"]["zh"].startswith("限定等级项")


@pytest.mark.parametrize("source", [catalogue_texts, report_texts, template_texts],
                         ids=["qt-catalogues", "report-labels", "templates"])
def test_no_forbidden_variant_is_shown(source):
    bad = [(where, variant, text) for where, text in source()
           for variant in forbidden() if _uses(text, variant)]
    assert bad == []


def test_severity_reads_the_same_in_window_and_report():
    words = ["一般", "较重", "严重"]
    assert [LABELS["zh"][f"severity_{k}"] for k in ("low", "medium", "high")] == words
    for path in sorted((RESOURCES / "translations").glob("*_zh_CN.ts")):
        for context in ET.parse(path).getroot().iter("context"):
            for message in context.iter("message"):
                source = message.findtext("source")
                if source in ("Low", "Medium", "High"):
                    assert message.findtext("translation") == \
                        words[("Low", "Medium", "High").index(source)], (path.name, source)


def test_the_app_has_one_chinese_name():
    name = glossary()["app"]["zh"]
    texts = dict(catalogue_texts())
    for source in ("School Inspect — school inspection", "&About School Inspect",
                   "About School Inspect", "Welcome to School Inspect"):
        assert name in texts[f"main_zh_CN.ts: {source}"], source
