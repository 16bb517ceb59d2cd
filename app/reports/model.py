"""Everything a report prints, gathered before layout into plain dataclasses.

Numbers and texts are computed here, once, from the services; the layout code only arranges
them (pretix's rule: never compute inside layout).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from app.domain.answers import NA, describe_limits
from app.domain.explain import grade_reason, judgement_parts
from app.domain.scoring import is_failed
from app.reports.labels import labels_for
from app.security.signoffs import subject_of
from app.services import actions as actions_service
from app.services import evidence, signoff
from app.services.answers import answers_of, responses_of
from app.services.names_en import district_name, school_name
from app.services.reads import evaluate
from app.services.templates import get_template


@dataclass
class ItemRow:
    number: str
    key: str
    text: str
    answer: str
    score: str
    note: str
    failed: bool = False
    critical: bool = False
    tag: str = ""               # 一票否决 / 限定等级项（最高评为合格）, shown after the item
    veto: bool = False
    self_answer: str | None = None
    differs: bool = False


@dataclass
class SectionRow:
    title: str
    score: float | None
    answered: int
    total: int
    items: list[ItemRow] = field(default_factory=list)


@dataclass
class ActionRow:
    description: str
    item: str
    severity: str
    responsible: str
    due_date: str
    status: str
    overdue: bool


@dataclass
class Photo:
    data: bytes
    caption: str
    item: str


@dataclass
class SignatureRow:
    signer: str
    role: str
    signed_at: str
    image: bytes | None


@dataclass
class EthicsRow:
    teacher: str
    grade: str
    reason: str
    visit_date: str
    current: bool = False


@dataclass
class ReportModel:
    lang: str
    labels: dict
    report_id: str
    inspection_id: str
    content_sha256: str
    signed: bool
    status: str
    kind: str
    mode: str
    title: str
    school: dict
    template_title: str
    template_version: int
    visit_date: str
    inspectors: list[str]
    teacher: str
    total: float | None
    grade: str
    grade_rank: int
    band_count: int
    capped_note: str
    sections: list[SectionRow]
    failed_critical: list[ItemRow]
    failed_vetoes: int
    graded: bool
    has_judgements: bool
    failed_count: int
    summary_text: str
    self_assessment_date: str | None
    difference_count: int
    actions: list[ActionRow]
    photos: list[Photo]
    ethics: list[EthicsRow]
    signatures: list[SignatureRow]
    generated_at: str

    @property
    def has_self_assessment(self) -> bool:
        return self.self_assessment_date is not None


def gather(ws, inspection_id: str, lang: str) -> ReportModel:
    """Read one inspection and everything around it into a ReportModel (report, opinion
    letter, notice): refused outside this profile's read scope."""
    from app.security.roles import require_record_read
    row = require_record_read(ws, "inspections", inspection_id, "inspection")
    labels = labels_for(lang)
    lang = "en" if lang == "en" else "zh"
    template = get_template(ws, row["template_id"])
    result = evaluate(ws, inspection_id)
    digest = signoff.content_sha256(ws, inspection_id)
    own = _self_answers(ws, row)
    sections = _sections(template, result, responses_of(ws, inspection_id), own, lang, labels)
    rows = [r for s in sections for r in s.items]
    grade = result.grade
    bands = [b.key for b in template.bands]
    if grade is None:
        grade_text = labels["record"] if not template.graded else labels["not_graded"]
    else:
        grade_text = grade.label[lang]
    return ReportModel(
        lang=lang, labels=labels, report_id=report_id(inspection_id, digest),
        inspection_id=inspection_id, content_sha256=digest, signed=row["status"] == "signed",
        status=labels[f"status_{row['status']}"], kind=template.kind, mode=row["mode"],
        title=_title(template.kind, row["mode"], labels), school=_school(ws, row, lang),
        template_title=template.title[lang], template_version=template.version,
        visit_date=row["visit_date"] or "", inspectors=signoff.inspectors_of(row),
        teacher=_teacher_name(ws, row), total=result.total,
        grade=grade_text, grade_rank=bands.index(grade.key) if grade else -1,
        band_count=len(bands), capped_note=_capped_note(template, result, lang, labels),
        sections=sections, failed_critical=[r for r in rows if r.failed and r.critical],
        failed_vetoes=sum(1 for r in rows if r.failed and r.veto),
        graded=template.graded, has_judgements=any(i.critical for i in template.items),
        failed_count=sum(1 for r in rows if r.failed), summary_text=row["summary"] or "",
        self_assessment_date=own[0] if own else None,
        difference_count=sum(1 for r in rows if r.differs),
        actions=_actions(ws, inspection_id, template, lang, labels),
        photos=_photos(ws, inspection_id, template, lang),
        ethics=_ethics(ws, row, lang, labels) if template.kind == "ethics" else [],
        signatures=_signatures(ws, inspection_id, labels),
        generated_at=ws.store.clock_iso()[:16].replace("T", " "))


def report_id(inspection_id: str, digest: str) -> str:
    """Stable for the same content: the same inspection printed twice has the same id."""
    return f"SI-{inspection_id[:8].upper()}-{digest[:6].upper()}"


def _title(kind: str, mode: str, labels: dict) -> str:
    if kind == "ethics":
        return labels["ethics_report"]
    if kind == "supervision":
        return labels["visit_record"]
    if kind == "survey":
        return labels["survey_report"]
    return labels["self_report"] if mode == "self_assessment" else labels["report"]


def _school(ws, row: dict, lang: str) -> dict:
    # A signed inspection shows the school as it was signed (the snapshot is signed content).
    school = (subject_of(row) or {}).get("school") or \
        ws.store.require("schools", row["school_id"], "school")
    # An English report names everything in English where a name has an English form; a
    # Chinese one shows the English name under the Chinese, for readers abroad.
    return {"name": school_name(school, lang),
            "name_other": (school["name_en"] or "") if lang == "zh" else "",
            "district": district_name(school["district"], lang), "code": school["code"] or "",
            "address": school["address"] or "", "principal": school["principal"] or ""}


def _teacher_name(ws, row: dict) -> str:
    subject = subject_of(row)
    if subject is not None:
        return (subject.get("teacher") or {}).get("name") or ""
    teacher = ws.store.get("teachers", row["teacher_id"]) if row["teacher_id"] else None
    return teacher["name"] if teacher else ""


def _self_answers(ws, row: dict) -> tuple[str, dict] | None:
    """(date, answers) of the verified self-assessment, when this inspection verifies one."""
    subject = subject_of(row)
    if subject is not None:         # signed content: the answers as they were verified
        own = subject.get("self_assessment")
        return (own["date"] or "", own["answers"]) if own else None
    own_id = row.get("self_assessment_id")
    own = ws.store.get("inspections", own_id) if own_id else None
    if not own:
        return None
    return own["visit_date"] or "", answers_of(ws, own_id)


def _sections(template, result, responses: dict, own, lang: str, labels: dict):
    scores = {s.key: s for s in result.sections}
    sections, number = [], 0
    for section in template.sections:
        score = scores[section.key]
        out = SectionRow(section.title[lang], score.score, score.answered, score.total)
        for item in section.items:
            number += 1
            out.items.append(_item_row(item, number, template, responses.get(item.key), own,
                                       result, lang, labels))
        sections.append(out)
    return sections


def _item_row(item, number, template, response, own, result, lang, labels) -> ItemRow:
    value = response["value"] if response else None
    row = ItemRow(number=str(number), key=item.key, text=item.text[lang],
                  answer=format_answer(item, value, lang, labels),
                  score=_score_text(item, result.fractions.get(item.key), labels),
                  note=(response or {}).get("note") or "",
                  failed=is_failed(item, value, template.pass_fraction),
                  critical=item.critical, tag=item_tag(item, template, lang, labels),
                  veto=item.veto)
    if own is not None:
        theirs = own[1].get(item.key)
        row.self_answer = format_answer(item, theirs, lang, labels)
        row.differs = theirs != value
    return row


def format_answer(item, value, lang: str, labels: dict) -> str:
    """An answer as a reader says it: 是/否, 4 / 5, the scale label, 6.5 °C (0 – 8 °C)…"""
    if value is None:
        return labels["unanswered"]
    if value == NA:
        return labels["na"]
    if item.type == "yes_no":
        return labels["yes"] if value == "yes" else labels["no_answer"]
    if item.type == "score":
        return f"{value} / {item.max_score}"
    if item.type in ("rating", "choice"):
        options = item.scale or item.choices
        option = next((o for o in options if o["key"] == value), None)
        return option["label"][lang] if option else str(value)
    if item.type == "number":
        unit = f" {item.unit[lang]}" if item.unit else ""
        limits = describe_limits(item, lang)
        return f"{value:g}{unit}" + (f" ({limits})" if item.limits else "")
    return str(value)


def _score_text(item, fraction: float | None, labels: dict) -> str:
    if fraction is None:
        return labels["none"]
    if not item.weight:
        return labels["pass"] if fraction >= 0.6 else labels["fail"]
    return f"{fraction * 100:.0f}%"


def item_tag(item, template, lang: str, labels: dict) -> str:
    """一票否决 for a veto item, 限定等级项（最高评为合格） for a cap item, else nothing."""
    if item.veto:
        return labels["veto_tag"]
    if item.cap is not None:
        return labels["cap_tag"].format(band=template.band(item.cap).label[lang])
    return ""


def _capped_note(template, result, lang: str, labels: dict) -> str:
    """Why the grade is not the band of the total: the veto or cap sentences."""
    if not result.limited_by or not result.grade:
        return ""
    if result.uncapped_grade and result.uncapped_grade.key == result.grade.key \
            and not result.vetoed_by:
        return ""
    return labels["sep"].join(judgement_parts(template, result, lang)) + labels["full_stop"]


def _actions(ws, inspection_id: str, template, lang: str, labels: dict) -> list[ActionRow]:
    rows = []
    for action in actions_service.actions_of(ws, inspection_id):
        item = _item_text(template, action["item_key"], lang)
        rows.append(ActionRow(
            description=action["description"], item=item,
            severity=labels.get(f"severity_{action['severity']}", action["severity"] or ""),
            responsible=action["responsible"] or "", due_date=action["due_date"] or "",
            status=labels.get(f"action_{action['status']}", action["status"]),
            overdue=action["overdue"]))
    return rows


def _item_text(template, key: str | None, lang: str) -> str:
    if not key:
        return ""
    try:
        return template.item(key).text[lang]
    except KeyError:
        return key


def _photos(ws, inspection_id: str, template, lang: str) -> list[Photo]:
    photos = []
    for attachment in evidence.attachments_of(ws, inspection_id):
        if not (attachment["mime"] or "").startswith("image/"):
            continue
        item = _item_text(template, attachment["item_key"], lang)
        # Without a typed caption a photo is captioned by the item it documents, in the
        # report's language; the camera's file name (IMG_2041.JPG) tells a reader nothing.
        caption = (attachment["caption"] or "").strip()
        if item and item != attachment["item_key"]:      # an item of this template
            caption = template.item(attachment["item_key"]).photo_caption(caption, lang)
        photos.append(Photo(data=evidence.evidence_bytes(ws, attachment["sha256"]),
                            caption=caption or item or attachment["filename"] or "",
                            item=item))
    return photos


def _signatures(ws, inspection_id: str, labels: dict) -> list[SignatureRow]:
    rows = []
    for signature in signoff.signatures_of(ws, inspection_id):
        image = ws.store.blob(signature["image_sha256"]) if signature["image_sha256"] else None
        rows.append(SignatureRow(
            signer=signature["signer"],
            role=labels.get(f"role_{signature['role']}", signature["role"]),
            signed_at=(signature["signed_at"] or "")[:16].replace("T", " "), image=image))
    return rows


def _ethics(ws, row: dict, lang: str, labels: dict) -> list[EthicsRow]:
    """The latest completed or signed ethics assessment of each teacher of the school, this
    one included, each with its grade and the reason for it."""
    others = ws.store.query(
        "select i.id, i.teacher_id, i.visit_date, t.name from inspections i "
        "join templates tp on tp.id = i.template_id left join teachers t on t.id = i.teacher_id "
        "where i.school_id = ? and i.deleted = 0 and tp.kind = 'ethics' and "
        "(i.status in ('completed', 'signed') or i.id = ?) "
        "order by i.visit_date desc, i.id", [row["school_id"], row["id"]])
    seen, rows = set(), []
    for other in others:
        if other["teacher_id"] in seen and other["id"] != row["id"]:
            continue
        seen.add(other["teacher_id"])
        grade, reason = ethics_reason(ws, other["id"], lang, labels)
        rows.append(EthicsRow(teacher=other["name"] or "", grade=grade, reason=reason,
                              visit_date=other["visit_date"] or "",
                              current=other["id"] == row["id"]))
    rows.sort(key=lambda r: (not r.current, r.teacher))
    return rows


def ethics_reason(ws, inspection_id: str, lang: str, labels: dict) -> tuple[str, str]:
    """(grade label, why): the vetoes that decided it or the caps that limit it, else the
    weighted total."""
    result = evaluate(ws, inspection_id)
    template = get_template(ws, ws.store.require("inspections", inspection_id)["template_id"])
    if result.grade is None:
        return labels["none"], labels["reason_none"]
    grade = result.grade.label[lang]
    if result.limited_by:
        return grade, grade_reason(template, result, lang).split(" — ", 1)[-1]
    return grade, labels["reason_total"].format(total=f"{result.total:.1f}", grade=grade)


def metadata(model: ReportModel) -> dict:
    """What the PDF carries for the verifier (document info keys)."""
    return {"inspection_id": model.inspection_id, "content_sha256": model.content_sha256,
            "report_id": model.report_id, "lang": model.lang,
            "inspectors": json.dumps(model.inspectors, ensure_ascii=False)}
