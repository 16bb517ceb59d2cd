"""verify-report judges what was signed (issue 8, finding 6): identity from the signed
revision, anything after the last signature but a countersignature is "modified after
signing", and the exit code says intact and trusted (0), broken or modified (1), or intact
but not trusted (2)."""

from __future__ import annotations

import io
import json
import subprocess

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from app.cli.main import main
from app.reports.service import make_report, sign_as_user
from app.reports.verify import HASH_KEY, INSPECTION_KEY, import_certificate, verify_bytes
from app.services.signoff import content_sha256
from tests.conftest import open_profile


@pytest.fixture(scope="module")
def signed(demo_ws):
    return make_report(demo_ws, demo_ws.cases["verified"], lang="zh").pdf


@pytest.fixture(scope="module")
def principal(prepared_db, tmp_path_factory):
    ws = open_profile(prepared_db, tmp_path_factory.mktemp("principal2"))
    ws.set_identity(name="王校长", role="principal")
    yield ws
    ws.close()


def relabelled(demo_ws, pdf: bytes) -> bytes:
    """An unsigned incremental update that rewrites the document info to another signed
    inspection's id and content hash (the pages still show the first one)."""
    other = demo_ws.cases["ethics"]
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    info = writer.trailer["/Info"].get_object()
    info[generic.NameObject(INSPECTION_KEY)] = generic.TextStringObject(other)
    info[generic.NameObject(HASH_KEY)] = generic.TextStringObject(
        content_sha256(demo_ws, other))
    writer.update_container(info) if info.container_ref else None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def verify_cli(capsys, ws, tmp_path, pdf: bytes, name="r.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf)
    capsys.readouterr()
    code = main(["--home", str(ws.paths.home), "verify-report", str(path), "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_an_untouched_report_is_intact_trusted_and_pdfsig_agrees(demo_ws, signed, tmp_path,
                                                                 capsys):
    code, result, _ = verify_cli(capsys, demo_ws, tmp_path, signed)
    assert code == 0 and result["verdict"] == "intact_trusted" and result["exit_code"] == 0
    assert result["inspection_id"] == demo_ws.cases["verified"]
    path = tmp_path / "r.pdf"
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    assert "Signature is Valid." in out and "Total document signed" in out


def test_relabelled_by_an_unsigned_update_is_modified_after_signing(demo_ws, signed,
                                                                    tmp_path, capsys):
    bad = relabelled(demo_ws, signed)
    code, result, err = verify_cli(capsys, demo_ws, tmp_path, bad)
    assert code == 1 and result["verdict"] == "modified_after_signing"
    assert "modified after signing" in err and err.count("\n") == 1
    # the identity is the one that was signed, not the rewritten one
    assert result["inspection_id"] == demo_ws.cases["verified"]
    assert result["content_sha256"] == content_sha256(demo_ws, demo_ws.cases["verified"])


def test_relabelled_then_countersigned_is_still_modified(demo_ws, principal, signed,
                                                         tmp_path, capsys):
    import_certificate(demo_ws, principal.signing_identity()[1])
    bad = sign_as_user(principal, relabelled(demo_ws, signed))
    check = verify_bytes(demo_ws, bad)
    assert [s.intact for s in check.signatures] == [True, True]
    assert check.verdict == "modified_after_signing"
    assert "differs between signed revisions" in check.modified_after_signing


def test_page_content_changed_then_countersigned_is_modified(demo_ws, principal, signed):
    import_certificate(demo_ws, principal.signing_identity()[1])
    writer = IncrementalPdfFileWriter(io.BytesIO(signed), strict=False)
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    page[generic.NameObject("/Rotate")] = generic.NumberObject(90)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    check = verify_bytes(demo_ws, sign_as_user(principal, out.getvalue()))
    assert check.verdict in ("modified_after_signing", "broken") and check.exit_code == 1


def test_a_signer_nobody_trusts_exits_2(make_workspace, signed, tmp_path, capsys):
    stranger = make_workspace("stranger")
    code, result, err = verify_cli(capsys, stranger, tmp_path, signed)
    assert code == 2 and result["verdict"] == "untrusted"
    assert "not trusted" in err and err.count("\n") == 1


def test_a_countersigned_report_exits_0(demo_ws, principal, signed, tmp_path, capsys):
    import_certificate(demo_ws, principal.signing_identity()[1])
    both = sign_as_user(principal, signed)
    code, result, _ = verify_cli(capsys, demo_ws, tmp_path, both)
    assert code == 0 and result["verdict"] == "intact_trusted"
    assert [s["signer"] for s in result["signatures"]] == ["陈国栋", "王校长"]


def test_an_unsigned_report_exits_1(demo_ws, tmp_path, capsys):
    made = make_report(demo_ws, demo_ws.cases["verified"], lang="zh", sign=False)
    code, result, err = verify_cli(capsys, demo_ws, tmp_path, made.pdf)
    assert code == 1 and result["verdict"] == "unsigned" and "no digital signature" in err


def test_a_modified_report_is_not_countersigned(demo_ws, principal, signed, tmp_path, capsys):
    path = tmp_path / "bad.pdf"
    path.write_bytes(relabelled(demo_ws, signed))
    capsys.readouterr()
    code = main(["--home", str(demo_ws.paths.home), "sign-report", str(path)])
    assert code == 1 and "modified after signing" in capsys.readouterr().err
