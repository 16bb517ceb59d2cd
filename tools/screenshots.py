"""Screenshots of the main screens for the README, taken from the real app on demo data.

Builds a demo profile in a temporary folder, opens the main window in Chinese and in
English, visits each main screen and saves `docs/screenshots/<lang>-<nn>-<screen>.png`.
Run from the project root: `xvfb-run -a python tools/screenshots.py` (or with
QT_QPA_PLATFORM=offscreen; the window is grabbed either way).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.services.demo import generate_demo  # noqa: E402
from app.workspace import Workspace  # noqa: E402

SIZE = (1360, 840)


def demo_profile(home: Path) -> Workspace:
    ws = Workspace.open(home)
    ws.set_identity(name="张督学", role="inspector", organisation="青山区教育督导室")
    if not ws.store.scalar("select count(*) from schools"):
        generate_demo(ws, schools=12, inspections=60, seed=1)
        add_ethics_evaluations(ws)
    return ws


def add_ethics_evaluations(ws) -> None:
    """A fuller ethics page: evaluate most teachers of one school (one crosses a red line)."""
    from app.services.answers import answer_item
    from app.services.inspections import complete_inspection, start_inspection
    from app.services.templates import get_template
    school = ws.store.query("select id from schools where level != 'kindergarten' "
                            "order by name limit 1")[0]["id"]
    teachers = ws.store.query("select t.id from teachers t where t.school_id = ? and not "
                              "exists (select 1 from inspections i where i.teacher_id = t.id)"
                              " order by t.name", [school])
    template = get_template(ws, "teacher_ethics")
    for n, teacher in enumerate(teachers[:5]):
        evaluation = start_inspection(ws, school_id=school, template="teacher_ethics",
                                      teacher_id=teacher["id"]).created
        for item in template.items:
            if item.type == "score":
                answer_item(ws, evaluation, item.key, 96 - 7 * n - len(item.key) % 4)
            elif item.type == "yes_no":
                failed = n == 2 and item.key == "std.practice"
                # A failed red line must carry the facts found (judgement rules).
                answer_item(ws, evaluation, item.key, "no" if failed else "yes",
                            **({"note": "经调查核实：课堂上体罚学生一次。"} if failed else {}))
        complete_inspection(ws, evaluation)


def make_conflict(ws, folder: Path) -> None:
    """A colleague's laptop edits the same school differently; importing their bundle
    leaves a conflict for the Conflicts page (real bundles, real merge)."""
    try:
        from app.services.schools import edit_school
        from app.sync.export import export_bundle
        from app.sync.importer import import_bundle
    except ImportError:
        return
    if ws.store.scalar("select count(*) from conflicts"):
        return
    colleague = Workspace.open(folder / "colleague")
    try:
        colleague.set_identity(name="李督学", role="inspector")
        export_bundle(ws, folder / "full.zip", kind="full")
        import_bundle(colleague, folder / "full.zip", trust=True)
        school = ws.store.query("select id from schools order by name limit 1")[0]["id"]
        edit_school(ws, school, principal="王建国", phone="027-8765 4321")
        edit_school(colleague, school, principal="王建军", phone="027-8765 1234")
        export_bundle(colleague, folder / "changes.zip")
        import_bundle(ws, folder / "changes.zip", trust=True)
    finally:
        colleague.close()


def pick(ws, sql: str, params=()) -> str | None:
    rows = ws.store.query(sql, params)
    return rows[0]["id"] if rows else None


def interesting_ids(ws) -> dict:
    """The school, inspections and ethics school that show the most on screen."""
    # Ethics evaluations live on their own page, so they do not count for the school page.
    school = pick(ws, "select school_id as id, count(*) n from inspections where template_key"
                      " != 'teacher_ethics' group by school_id order by n desc, school_id "
                      "limit 1")
    food = pick(ws, "select id from inspections where template_key = 'canteen_food_safety' "
                    "and status = 'in_progress' order by visit_date desc limit 1") or \
        pick(ws, "select id from inspections where template_key = 'canteen_food_safety' "
                 "order by visit_date desc limit 1")
    signed = pick(ws, "select id from inspections where status = 'signed' and template_key = "
                      "'school_comprehensive' order by visit_date desc limit 1")
    ethics = pick(ws, "select school_id as id from inspections where template_key = "
                      "'teacher_ethics' group by school_id order by count(*) desc, "
                      "school_id limit 1")
    # A school whose principal finished a self-assessment: the New inspection dialog then
    # shows it preselected under "Verifies self-assessment".
    verified = pick(ws, "select school_id as id from inspections where template_key = "
                        "'school_comprehensive_self' and status in ('completed', 'signed') "
                        "order by visit_date desc limit 1") or school
    return {"school": school, "food": food, "signed": signed, "ethics_school": ethics,
            "self_school": verified}


def screens(window, ids: dict) -> list[tuple[str, callable]]:
    def school_detail():
        window.show_page("schools")
        window.pages["schools"].show_school(ids["school"])

    def ethics():
        window.show_page("ethics")
        page = window.pages["ethics"]
        if hasattr(page, "school"):
            page.school.setCurrentIndex(max(page.school.findData(ids["ethics_school"]), 0))

    def schools():
        window.show_page("schools")
        page = window.pages["schools"]
        page.stack.setCurrentIndex(0)
        page.table.selectRow(0)

    return [("schools", schools), ("school-detail", school_detail),
            ("inspections", lambda: window.show_page("inspections")),
            ("runner-food-safety", lambda: window.open_inspection(ids["food"])),
            ("actions", lambda: window.show_page("actions")),
            ("ethics", ethics), ("templates", lambda: window.show_page("templates")),
            ("sync", lambda: window.show_page("sync")),
            ("conflicts", lambda: window.show_page("conflicts")),
            ("reports", lambda: window.open_report(ids["signed"]))]


def settle(app, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def busy(window) -> bool:
    """Background work still running (a report being rendered, a page loading)."""
    pages = [*window.pages.built(), window.runner]
    return bool(getattr(window.operations, "_workers", None)) or any(
        getattr(page, "worker", None) is not None for page in pages)


def linger(app, seconds: float) -> None:
    import time
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)


def wait_idle(window, app, seconds: float = 90) -> None:
    import time
    deadline = time.monotonic() + seconds
    while busy(window) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    settle(app)


def shoot(ws, out: Path, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication
    from ui.i18n import install_translations
    from ui.main_window import MainWindow
    app = QApplication.instance()
    ws.set_identity(language=language)
    install_translations(app, language)
    window = MainWindow(ws)
    window.operations.show_errors = False
    window.resize(*SIZE)
    window.show()
    settle(app)
    ids = interesting_ids(ws)
    saved = []
    for number, (name, go) in enumerate(screens(window, ids), start=1):
        go()
        settle(app)
        wait_idle(window, app)
        if name == "reports":
            linger(app, 3.0)  # the PDF view renders its pages asynchronously
        path = out / f"{language}-{number:02d}-{name}.png"
        window.grab().save(str(path))
        saved.append(path)
    saved += shoot_dialogs(window, app, ids, out, language, len(saved) + 1)
    saved += shoot_laptop(window, app, ids, out, language, len(saved) + 1)
    wait_idle(window, app)
    window.close()
    window.deleteLater()
    settle(app)
    return saved


def shoot_dialogs(window, app, ids: dict, out: Path, language: str,
                  number: int) -> list[Path]:
    """The first-start welcome (on a fresh, empty profile, so demo data is offered) and the
    New inspection dialog for the school selected on the Schools page."""
    from ui.context import UiContext
    from ui.dialogs.profile_dialog import ProfileDialog
    from ui.operations import Operations
    fresh = Workspace.open(Path(tempfile.mkdtemp(prefix="school-inspect-fresh-")))
    fresh.set_identity(language=language)
    welcome = ProfileDialog(UiContext(fresh, Operations()), first_start=True)
    window.show_page("schools")
    schools = window.pages["schools"]
    schools.stack.setCurrentIndex(0)
    schools.select_school(ids["self_school"])
    new = window.new_inspection_dialog()
    new.template.setCurrentIndex(max(new.template.findData("school_comprehensive"), 0))
    saved = []
    for offset, (name, dialog) in enumerate((("welcome", welcome), ("new-inspection", new))):
        dialog.show()
        settle(app)
        path = out / f"{language}-{number + offset:02d}-{name}.png"
        dialog.grab().save(str(path))
        dialog.close()
        saved.append(path)
    fresh.close()
    return saved


def shoot_laptop(window, app, ids: dict, out: Path, language: str,
                 number: int) -> list[Path]:
    """Issue 14's screens: the runner narrowed by a search and the "unanswered" filter, and
    the offline user guide."""
    window.open_inspection(ids["food"])
    runner = window.runner
    runner.finder.search.setText("温度" if language == "zh" else "temperature")
    runner.finder.filter.setCurrentIndex(max(runner.finder.filter.findData("all"), 0))
    settle(app)
    saved = [out / f"{language}-{number:02d}-runner-search.png"]
    window.grab().save(str(saved[0]))
    runner.finder.search.clear()
    guide = window.show_help("guide")
    guide.resize(900, 700)
    settle(app)
    saved.append(out / f"{language}-{number + 1:02d}-help-guide.png")
    guide.grab().save(str(saved[1]))
    guide.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--home", type=Path, help="demo profile folder (default: a temp one)")
    parser.add_argument("--languages", default="zh,en")
    args = parser.parse_args(argv)
    from ui.launcher import create_application
    create_application()
    args.out.mkdir(parents=True, exist_ok=True)
    home = args.home or Path(tempfile.mkdtemp(prefix="school-inspect-screens-"))
    ws = demo_profile(home)
    make_conflict(ws, Path(tempfile.mkdtemp(prefix="school-inspect-colleague-")))
    try:
        for language in args.languages.split(","):
            for path in shoot(ws, args.out, language):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    finally:
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
