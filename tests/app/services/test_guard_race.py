"""A write is checked inside its own transaction: a completion and sign-off committed by a
second connection while the write waits for the lock is seen, and the write is refused; the
signed content stays what the signature vouches for.

The second connection is another window, the CLI or an import job (which brings a peer's
completed and signed version in one transaction). It holds the write lock while it completes
and signs; the racing writer starts meanwhile, on an inspection still in progress, and must
wait for the lock before it checks."""

import threading
import time

import pytest

from app.errors import FrozenError
from app.security.signoffs import is_signed
from app.services import actions, answers, evidence, inspections, signoff
from app.workspace import Workspace
from tests.app.services.test_inspection_flow import _answer_all, _png

WAIT_FOR_LOCK = 0.3   # long enough for the racing writer to reach the lock


def _answered(ws, inspection_id):
    _answer_all(ws, inspection_id)
    evidence.attach_file(ws, inspection_id, "b.fridge", data=_png(), filename="f.png")


def _race(ws, inspection_id, write) -> BaseException | None:
    """Complete (if need be) and sign on `ws` while `write(other_ws)` runs in a second
    connection; the error the write raised, if any."""
    outcome: list = []

    def second():
        other = Workspace.open(ws.paths.home)
        try:
            write(other)
        except BaseException as exc:  # noqa: BLE001 — handed to the test
            outcome.append(exc)
        finally:
            other.close()

    with ws.store.atomic():
        if ws.store.get("inspections", inspection_id)["status"] != "completed":
            inspections.complete_inspection(ws, inspection_id)
        signoff.sign_off(ws, inspection_id, signer="张督学", role="inspector")
        racer = threading.Thread(target=second)
        racer.start()
        time.sleep(WAIT_FOR_LOCK)
    racer.join(10)
    return outcome[0] if outcome else None


WRITES = {
    "answer": lambda other, i: answers.answer_item(other, i, "a.samples", "no"),
    "note": lambda other, i: answers.set_note(other, i, "a.samples", "改"),
    "evidence": lambda other, i: evidence.attach_file(other, i, "b.fridge", data=_png(),
                                                      filename="f.png"),
    "action": lambda other, i: actions.raise_action(other, i, description="整改",
                                                    due_date="2099-12-01"),
    "summary": lambda other, i: inspections.set_summary(other, i, "改写"),
}


@pytest.mark.parametrize("name", sorted(WRITES))
def test_a_write_racing_a_sign_off_is_refused(ws, mini_inspection, name):
    _answered(ws, mini_inspection)
    error = _race(ws, mini_inspection, lambda other: WRITES[name](other, mini_inspection))
    assert isinstance(error, FrozenError), "the write landed in signed content"
    assert is_signed(ws, mini_inspection)
    assert ws.store.get("inspections", mini_inspection)["status"] == "signed"


def test_a_reopen_racing_a_sign_off_is_refused(ws, mini_inspection):
    _answered(ws, mini_inspection)
    inspections.complete_inspection(ws, mini_inspection)
    error = _race(ws, mini_inspection,
                  lambda other: inspections.reopen_inspection(other, mini_inspection))
    assert error is not None and "completed" in str(error)
    assert is_signed(ws, mini_inspection)
