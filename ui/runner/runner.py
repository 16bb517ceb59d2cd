"""`InspectionRunner`: one inspection being filled in — sections on the left, the current
item in the middle, the live score on the right.

Every change is saved the moment it is made (one `answer_item` transaction per answer, no
Save button). A completed inspection is read-only until reopened; a signed one is frozen and
says so. Teacher-ethics templates show the ethics page instead of one item at a time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QLabel, QScrollArea, QSplitter, QVBoxLayout,
                               QWidget)

from app.security.roles import may_edit_inspection
from app.services import answers as answer_service
from app.services.actions import actions_of
from app.services.evidence import attachments_of
from app.services.reads import evaluate
from app.services.signoff import signatures_of
from app.services.inspections import get_inspection
from app.services.templates import get_template
from ui.runner.action_dialog import ActionDialog
from ui.runner.carried import visit_date, with_origin
from ui.runner.comparison import load_self_assessment
from ui.runner.ethics import EthicsView, grade_reason
from ui.runner.finder import FinderFlow, ItemFinder
from ui.runner.follow_up import FollowUpPanel
from ui.runner.header import RunnerHeader
from ui.runner.item_view import ItemView
from ui.runner.keyboard import KeyboardFlow
from ui.runner.lifecycle import LifecycleFlow, open_keys
from ui.runner.score_panel import ScorePanel
from ui.runner.section_list import SectionList
from ui.runner.signoff_dialog import SignoffDialog, missing_roles
from ui.runner.style import RUNNER_QSS
from ui.runner.text import fill, join_names
from ui.runner.undo import UndoFlow
from ui.widgets import labels

READ_ONLY_STATUSES = ("completed", "signed")
WATCHED_TABLES = ("responses", "attachments", "actions", "inspections", "signatures")


class InspectionRunner(KeyboardFlow, UndoFlow, FinderFlow, LifecycleFlow, QWidget):
    """Fill in, complete and sign one inspection. The main window forwards every
    `Operations.changed` to `on_changes` and calls `flush` before it closes the runner."""

    def __init__(self, ctx, inspection_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.inspection_id, self.lang = ctx, inspection_id, ctx.lang
        self.setObjectName("inspectionRunner")
        self.setStyleSheet(RUNNER_QSS)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A principal opens only their own school's inspections (the read scope).
        self.inspection = get_inspection(ctx.ws, inspection_id)
        self.template = get_template(ctx.ws, self.inspection["template_id"])
        self.items = self.template.items
        self.is_ethics = bool(self.template.raters) or self.template.kind == "ethics"
        self.own = load_self_assessment(ctx.ws, self.inspection)
        self.responses = answer_service.responses_of(ctx.ws, inspection_id)
        self.result = evaluate(ctx.ws, inspection_id)
        self.missing: set[str] = set()
        self.item_view: ItemView | None = None
        self.ethics_view: EthicsView | None = None
        self.action_dialog: ActionDialog | None = None
        self.signoff_dialog: SignoffDialog | None = None
        self.undo_steps = []
        self.differing: set[str] = set()
        self.current_key = self._first_open_key()
        self._build()
        self._bind_keys()
        self._show_current()
        self._refresh()

    # -- state ----------------------------------------------------------------------------
    @property
    def status(self) -> str:
        return self.inspection["status"]

    @property
    def read_only(self) -> bool:
        # A role that may not change this inspection (a principal and an inspector's
        # findings) reads it only (docs/ROLES.md).
        return self.status in READ_ONLY_STATUSES or \
            not may_edit_inspection(self.ctx.ws, self.inspection)

    @property
    def answers(self) -> dict[str, Any]:
        return {k: r["value"] for k, r in self.responses.items() if r["value"] is not None}

    def _first_open_key(self) -> str:
        answered = self.answers
        return next((i.key for i in self.items if i.key not in answered), self.items[0].key)

    def _reload(self) -> None:
        ws = self.ctx.ws
        self.inspection = ws.store.require("inspections", self.inspection_id, "inspection")
        self.responses = answer_service.responses_of(ws, self.inspection_id)
        self.result = evaluate(ws, self.inspection_id)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.section_list = SectionList(self.template, self.lang, self)
        self.section_list.item_chosen.connect(self.show_item)
        self.finder = ItemFinder(self.own is not None, self)
        self.finder.changed.connect(self.apply_finder)
        self.finder.open_first.connect(self.open_first_match)
        self.finder.done.connect(self._focus_editor_or_row)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.finder)
        left_layout.addWidget(self.section_list, 1)
        left.setMinimumWidth(300)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.score_panel = ScorePanel(self.template, self.lang, self)
        self.score_panel.setMinimumWidth(230)
        self.score_panel.setMaximumWidth(320)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.score_panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 690, 260])
        splitter.setChildrenCollapsible(False)
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header())
        layout.addWidget(self.banner)
        if self.inspection.get("follow_up_of"):      # the 回头看 worksheet comes first
            self.follow_up = FollowUpPanel(self.ctx, self.inspection_id, self)
            layout.addWidget(self.follow_up)
        layout.addWidget(splitter, 1)
        if self.is_ethics:
            left.hide()
            self._build_ethics()

    def _header(self) -> RunnerHeader:
        school = self.ctx.ws.store.get("schools", self.inspection["school_id"]) or {}
        title = f"{self.template.title[self.lang]} — {labels.school_name(school, self.lang)}"
        teacher = self.ctx.ws.store.get("teachers", self.inspection.get("teacher_id") or "")
        if teacher:  # an ethics evaluation is about one teacher: name them up front
            title = f"{self.template.title[self.lang]} — {teacher['name']}（" \
                    f"{labels.school_name(school, self.lang)}）" if self.lang == "zh" else \
                    f"{self.template.title[self.lang]} — {teacher['name']} " \
                    f"({labels.school_name(school, self.lang)})"
        self.header = RunnerHeader(
            title,
            self.inspection, self.own is not None, self.lang,
            {"complete": self.try_complete, "reopen": self.reopen, "sign": self.open_signoff,
             "report": lambda: self.ctx.open_report(self.inspection_id),
             "amend": self.open_amend, "delete": self.delete_inspection}, self,
            follow_up_date=visit_date(self.ctx.ws, self.inspection.get("follow_up_of")))
        self.complete_button = self.header.complete_button
        self.reopen_button = self.header.reopen_button
        self.sign_button = self.header.sign_button
        self.report_button = self.header.report_button
        return self.header

    def _build_ethics(self) -> None:
        teacher = self.ctx.ws.store.get("teachers", self.inspection["teacher_id"] or "") or {}
        self.ethics_view = EthicsView(self.template, self.lang, self.answers,
                                      teacher.get("name", ""), self)
        self.ethics_view.answered.connect(self.save_answer)
        self.scroll.setWidget(self.ethics_view)

    # -- navigation -----------------------------------------------------------------------
    def show_item(self, key: str) -> None:
        if key == self.current_key and (self.item_view or self.ethics_view):
            return
        self.flush()
        self.current_key = key
        self._show_current()

    def go(self, step: int) -> None:
        keys = [i.key for i in self.items]
        index = keys.index(self.current_key) + step
        if 0 <= index < len(keys):
            self.show_item(keys[index])

    def _show_current(self) -> None:
        self.section_list.select(self.current_key)
        if self.ethics_view is not None:
            self._focus_ethics_row()
            return
        if self.item_view is not None:
            # Already flushed; the dying view must not save again while it is destroyed.
            self.item_view.blockSignals(True)
        self.item_view = self._make_item_view(self.template.item(self.current_key))
        self.scroll.setWidget(self.item_view)  # deletes the previous view
        self.scroll.verticalScrollBar().setValue(0)
        self._focus_editor()

    def _focus_ethics_row(self) -> None:
        row = self.ethics_view.focus_item(self.current_key)
        if self.current_key == self.items[0].key:
            self.scroll.verticalScrollBar().setValue(0)
        elif row is not None:
            self.scroll.ensureWidgetVisible(row, 50, 120)
        spin = getattr(self.ethics_view.editors.get(self.current_key), "spin", None)
        # Rater scores are typed: put the cursor in the field so digits go there.
        if spin is not None and not self.read_only:
            spin.setFocus()
            spin.selectAll()
        else:
            self.setFocus()

    def _make_item_view(self, item) -> ItemView:
        view = ItemView(self.ctx, self.inspection_id, item, position=self._position(item),
                        response=self.responses.get(item.key), own=self.own,
                        actions=with_origin(self.ctx.ws, [
                            a for a in actions_of(self.ctx.ws, self.inspection_id)
                            if a["item_key"] == item.key]))
        view.answered.connect(self.save_answer)
        view.note_edited.connect(self.save_note)
        view.evidence_changed.connect(self._evidence_changed)
        view.action_requested.connect(self.open_action_dialog)
        view.move.connect(self.go)
        view.set_read_only(self.read_only)
        self.bind_view_keys(view)
        return view

    def _focus_editor(self) -> None:
        field = getattr(self.item_view.editor, "field", None)
        if self.item_view.item.type == "number" and field is not None and not self.read_only:
            field.setFocus()
            # A stored reading is selected: digits typed on arrival replace it, as in a spin
            # box, instead of being appended to it (-20 °C must not become -201 °C).
            field.selectAll()
        else:
            self.setFocus()

    def _position(self, item) -> str:
        sections = self.template.sections
        index = next(n for n, s in enumerate(sections) if s.key == item.section)
        section = sections[index]
        in_section = [i.key for i in section.items].index(item.key) + 1
        overall = [i.key for i in self.items].index(item.key) + 1
        return fill(self.tr("Section %1 of %2 · %3 · item %4 of %5  (%6 of %7 overall)"),
                    index + 1, len(sections), section.title[self.lang], in_section,
                    len(section.items), overall, len(self.items))

    # -- saving ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Save anything typed but not yet saved (before moving, completing, closing)."""
        if self.read_only:
            return
        if self.item_view is not None:
            self.item_view.flush()
        if self.ethics_view is not None:
            self.ethics_view.flush()

    def save_answer(self, key: str, value: Any) -> None:
        if self.read_only:
            return
        self.remember_answer(key, value)
        changes = self.ctx.operations.run(lambda: answer_service.answer_item(
            self.ctx.ws, self.inspection_id, key, value), parent=self, initiator=self)
        self._after_save(changes, key)

    def save_note(self, key: str, note: str) -> None:
        if self.read_only:
            return
        changes = self.ctx.operations.run(lambda: answer_service.set_note(
            self.ctx.ws, self.inspection_id, key, note), parent=self, initiator=self)
        self._after_save(changes, key)

    def _after_save(self, changes, key: str) -> None:
        was_read_only = self.read_only
        self._reload()
        if changes is None and self.item_view is not None and self.item_view.item.key == key:
            # Refused (e.g. signed on another device meanwhile): show what is stored.
            self.item_view.show_value(self.responses.get(key, {}).get("value"))
        self._refresh(rebuild=was_read_only != self.read_only)

    def _evidence_changed(self, _changes) -> None:
        item = self.item_view.item if self.item_view else None
        self._reload()
        if item is not None and item.type == "photo" and self.answers.get(item.key) is None:
            # A photo item is answered by its photo.
            files = attachments_of(self.ctx.ws, self.inspection_id, item.key)
            if files:
                # The finding reads "see photo", not the camera's file name (IMG_2041.JPG).
                self.item_view.editor.set_value(None)
                self.item_view.editor.field.setPlainText(self.tr("See the photo."))
                self.item_view.editor.flush()
                return
        self._refresh()

    # -- refresh --------------------------------------------------------------------------
    def on_changes(self, changes) -> None:
        """Called by the main window for every Operations.changed this runner did not ask
        for itself (what it asks for, it reloads once after the call)."""
        if not changes.touches(*WATCHED_TABLES):
            return
        was_read_only = self.read_only
        if self.ctx.ws.store.get("inspections", self.inspection_id) is None:
            return
        self._reload()
        self._refresh(rebuild=was_read_only != self.read_only)

    def _refresh(self, rebuild: bool = False) -> None:
        result = self.result
        self.missing &= open_keys(result)
        self.differing = differing = (set(self.own.differing(self.items, self.answers))
                                      if self.own else set())
        self.section_list.update_state(result, self.answers, missing=self.missing,
                                       differing=differing)
        reason = grade_reason(self.template, result, self.lang) if self.is_ethics else None
        self.score_panel.update_result(result, self.own.result if self.own else None, reason,
                                       differences=len(differing))
        if self.ethics_view is not None:
            self.ethics_view.update_result(result)
            self.ethics_view.mark_missing(self.missing)
            self.ethics_view.set_read_only(self.read_only)
        self._apply_status()
        if self.finder.active:
            self.apply_finder()
        if rebuild and self.ethics_view is None:
            self._show_current()

    def _apply_status(self) -> None:
        status = self.status
        unsigned = missing_roles(self.ctx.ws, self.inspection, self.template.kind)
        self.header.show_status(status, can_sign=status == "completed" or
                                (status == "signed" and bool(unsigned)),
                                may_change=may_edit_inspection(self.ctx.ws, self.inspection))
        if status == "signed":
            self._set_banner(fill(self.tr("Signed — read-only. %1"), self._signers()), "good")
        elif status == "completed":
            self._set_banner(self.tr("Completed — read-only. Reopen it to change answers, "
                                     "or sign it off."), "info")
        elif self.missing:
            # Counted afresh on every change, so the number goes down as items are answered.
            self._set_banner(self.tr("Not complete yet: %n item(s) still need an answer, a "
                                     "photo or the facts of a failure (marked red).", "",
                                     len(self.missing)), "bad")
        else:
            self.banner.hide()

    def _signers(self) -> str:
        roles = {"inspector": self.tr("inspector"), "principal": self.tr("principal"),
                 "panel": self.tr("panel")}
        return join_names([f"{s['signer']} ({roles.get(s['role'], s['role'])})"
                           for s in signatures_of(self.ctx.ws, self.inspection_id)], self.lang)

    def _set_banner(self, text: str, tone: str) -> None:
        self.banner.setText(text)
        self.banner.setProperty("tone", tone)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.show()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # Keys 1/2/3, Enter… must work at once when the runner appears (e.g. after the
        # new-inspection dialog closed), not only after a click into it.
        focused = QApplication.focusWidget()
        if focused is None or not (focused is self or self.isAncestorOf(focused)):
            if self.ethics_view is not None:
                self._focus_ethics_row()
            elif self.item_view is not None:
                self._focus_editor()

    def hideEvent(self, event) -> None:  # noqa: N802
        # The main window hides the runner when it switches page or closes.
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.flush()
        super().closeEvent(event)
