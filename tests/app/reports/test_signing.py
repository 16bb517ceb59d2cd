"""Given a signed inspection's report, when it is signed digitally, then independent
verifiers (pyHanko, poppler's pdfsig) accept it, any change is detected, and a
countersignature keeps the first signature valid."""

from __future__ import annotations

import subprocess

import pytest
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from app.cli.main import main
from app.reports.service import make_report, sign_as_user
from app.reports.verify import import_certificate, verify_bytes, verify_report
from tests.conftest import open_profile


@pytest.fixture(scope="module")
def signed(demo_ws):
    made = make_report(demo_ws, demo_ws.cases["verified"], lang="zh")
    assert made.signed
    return made.pdf


@pytest.fixture(scope="module")
def principal(prepared_db, tmp_path_factory):
    """The school principal on their own laptop: another profile, key and certificate."""
    ws = open_profile(prepared_db, tmp_path_factory.mktemp("principal"))
    ws.set_identity(name="王校长", role="principal")
    yield ws
    ws.close()


def _pdfsig(tmp_path, pdf: bytes, name: str = "r.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def _tampered(pdf: bytes) -> bytes:
    """Flip one byte inside the first content stream (inside the signed range)."""
    data = bytearray(pdf)
    start = data.index(b"stream", 2000) + 40
    data[start] ^= 0x20
    return bytes(data)


def test_pyhanko_validates_the_signature_against_the_signers_certificate(demo_ws, signed):
    cert = load_cert_from_pemder(str(demo_ws.signing_identity()[1]))
    context = ValidationContext(trust_roots=[cert])
    reader = PdfFileReader(__import__("io").BytesIO(signed))
    [signature] = reader.embedded_signatures
    status = validate_pdf_signature(signature, context)
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert status.signing_cert.subject.native["common_name"] == "陈国栋"


def test_pdfsig_reports_the_signature_valid(tmp_path, signed):
    out = _pdfsig(tmp_path, signed)
    assert "Signature is Valid." in out
    assert "陈国栋" in out


def test_signature_field_is_visible_in_the_signature_block(signed):
    from app.reports.signing import signature_slots
    import io
    reader = PdfFileReader(io.BytesIO(signed))
    slots = {s["role"]: s for s in signature_slots(reader)}
    field = reader.embedded_signatures[0].sig_field
    rect = [round(float(v)) for v in field["/Rect"]]
    assert rect == [round(v) for v in slots["inspector"]["box"]]
    assert rect[2] - rect[0] > 100 and rect[3] - rect[1] > 40  # visible, not a 0×0 field
    page = reader.root["/Pages"]["/Count"] - 1
    assert slots["inspector"]["page"] == page


def test_tampered_copy_fails_verification(demo_ws, tmp_path, signed):
    bad = _tampered(signed)
    check = verify_bytes(demo_ws, bad)
    assert check.broken
    assert "Signature is Valid." not in _pdfsig(tmp_path, bad)
    path = tmp_path / "bad.pdf"
    path.write_bytes(bad)
    assert main(["--home", str(demo_ws.paths.home), "verify-report", str(path)]) != 0


def test_intact_report_verifies_with_matching_content(demo_ws, tmp_path, signed):
    path = tmp_path / "good.pdf"
    path.write_bytes(signed)
    check = verify_report(demo_ws, path)
    assert not check.broken
    assert check.content == "match"
    assert [(s.signer, s.intact, s.trusted) for s in check.signatures] == \
        [("陈国栋", True, True)]
    assert main(["--home", str(demo_ws.paths.home), "verify-report", str(path)]) == 0


def test_countersignature_keeps_the_first_signature_valid(demo_ws, principal, tmp_path,
                                                          signed):
    both = sign_as_user(principal, signed)
    out = _pdfsig(tmp_path, both)
    assert out.count("Signature is Valid.") == 2
    assert "王校长" in out and "陈国栋" in out
    import_certificate(demo_ws, principal.signing_identity()[1])
    check = verify_bytes(demo_ws, both)
    assert [(s.signer, s.intact, s.trusted) for s in check.signatures] == \
        [("陈国栋", True, True), ("王校长", True, True)]
    assert not check.signatures[0].covers_whole_file  # the countersignature came after it


def test_signer_unknown_to_this_profile_is_intact_but_not_trusted(principal, signed):
    check = verify_bytes(principal, signed)
    assert not check.broken
    assert [(s.intact, s.trusted) for s in check.signatures] == [(True, False)]
    assert check.content == "not_in_database"


def test_trusting_a_certificate_through_the_cli(demo_ws, make_workspace, signed, tmp_path,
                                                capsys):
    cert = demo_ws.signing_identity()[1]
    office = make_workspace("office")
    home = str(office.paths.home)
    path = tmp_path / "r.pdf"
    path.write_bytes(signed)
    # intact but signed by someone this profile does not trust: exit 2 (issue 8)
    assert main(["--home", home, "verify-report", str(path), "--json"]) == 2
    assert '"trusted": false' in capsys.readouterr().out
    assert main(["--home", home, "trust", "add", str(cert)]) == 0
    capsys.readouterr()
    assert main(["--home", home, "verify-report", str(path), "--json"]) == 0
    assert '"trusted": true' in capsys.readouterr().out


def test_a_file_that_is_not_a_certificate_is_refused(demo_ws, tmp_path, capsys):
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    assert main(["--home", str(demo_ws.paths.home), "trust", "add", str(junk)]) == 1
    assert "not a readable X.509 certificate" in capsys.readouterr().err


def test_draft_report_is_not_signed_digitally(demo_ws):
    made = make_report(demo_ws, demo_ws.cases["draft"], lang="en")
    assert not made.signed
    assert verify_bytes(demo_ws, made.pdf).signatures == []
