"""Sign-off: the inspector and the principal each type their name and sign on a pad. Each
signature is stored through `app.services.signoff.sign_off` (image, signer, role, time, bound
to the content hash); the first one freezes the inspection."""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app.services.signoff import inspectors_of, sign_off, signatures_of
from ui.runner.signature_pad import SignaturePad
from ui.runner.text import fill
from ui.widgets.form import message_label, ok_cancel


class SignerBlock(QGroupBox):
    """One signer: name and signature pad."""

    def __init__(self, title: str, role: str, name: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.role = role
        self.name = QLineEdit(name, self)
        self.name.setPlaceholderText(self.tr("Full name"))
        self.name.setMinimumHeight(36)
        self.pad = SignaturePad(self)
        clear = QPushButton(self.tr("Clear"), self)
        clear.clicked.connect(self.pad.clear)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Name:"), self))
        row.addWidget(self.name, 1)
        row.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Sign below with the mouse, a pen or a finger:"), self))
        layout.addWidget(self.pad)

    def problem(self) -> str:
        if not self.name.text().strip():
            return fill(self.tr("%1: type the signer's name."), self.title())
        if self.pad.is_empty:
            return fill(self.tr("%1: sign on the pad."), self.title())
        if self.pad.too_short:
            return fill(self.tr("%1: that is too short for a signature; sign with your full "
                                "signature (Clear starts again)."), self.title())
        return ""


def signer_roles(inspection: dict, template_kind: str) -> tuple[str, ...]:
    """Who signs: the principal alone signs a self-assessment; an ethics evaluation is
    signed by the school panel and the principal; an inspection by inspector and principal."""
    if inspection["mode"] == "self_assessment":
        return ("principal",)
    if template_kind == "ethics":
        return ("panel", "principal")
    return ("inspector", "principal")


def missing_roles(ws, inspection: dict, template_kind: str) -> list[str]:
    signed = {s["role"] for s in signatures_of(ws, inspection["id"])}
    return [r for r in signer_roles(inspection, template_kind) if r not in signed]


def default_signer(ws, inspection: dict, role: str) -> str:
    """The name to offer for `role`: the signer at this computer (their own role, or any
    non-principal user for the inspector), else the first inspector named on the inspection,
    else the school's principal — so nobody retypes what the app already knows."""
    profile = ws.profile
    if profile.user_name and (profile.role == role or (
            role == "inspector" and profile.role not in ("principal", "panel"))):
        return profile.user_name
    if role == "inspector":
        return next(iter(inspectors_of(inspection)), "")
    if role == "principal":
        school = ws.store.get("schools", inspection["school_id"]) or {}
        return school.get("principal") or ""
    return ""


class SignoffDialog(QDialog):
    """Drive it with `blocks[role].name`, draw on `blocks[role].pad`, then `accept()`."""

    def __init__(self, ctx, inspection_id: str, template_kind: str = "inspection",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.inspection_id = ctx, inspection_id
        inspection = ctx.ws.store.require("inspections", inspection_id, "inspection")
        self.setWindowTitle(self.tr("Sign off the inspection"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("Signing freezes the inspection: answers, photos and actions can "
                               "no longer change. Check them before you sign."), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.blocks: dict[str, SignerBlock] = {}
        titles = {"inspector": self.tr("Inspector"), "principal": self.tr("Principal"),
                  "panel": self.tr("School assessment panel")}
        for role in missing_roles(ctx.ws, inspection, template_kind):
            name = default_signer(ctx.ws, inspection, role)
            block = self.blocks[role] = SignerBlock(titles[role], role, name, self)
            # A shown message goes away as soon as what it asked for is done.
            block.name.textChanged.connect(self._recheck)
            block.pad.changed.connect(self._recheck)
            layout.addWidget(block)
        self.error = message_label(self)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Sign")))
        self.signed: list[str] = []

    def problems(self) -> list[str]:
        return [p for p in (b.problem() for b in self.blocks.values()) if p]

    def _recheck(self) -> None:
        if self.error.isVisible():
            problems = self.problems()
            self.error.setText("\n".join(problems))
            self.error.setVisible(bool(problems))

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.error.setText("\n".join(problems))
            self.error.show()
            return
        for role, block in list(self.blocks.items()):
            changes = self.ctx.operations.run(lambda b=block: sign_off(
                self.ctx.ws, self.inspection_id, signer=b.name.text(), role=b.role,
                image_png=b.pad.png_bytes()), parent=self, initiator=self)
            if changes is None:
                return  # the message was shown; signatures stored so far stay valid
            self.signed.append(changes.created)
            block.setEnabled(False)
            del self.blocks[role]
        super().accept()
