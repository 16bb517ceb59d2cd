"""Issue 8, findings 4 and 5: revs of one shape within a horizon, and trust anchors only the
user chooses. A hostile author signs with their own (trusted) key; a refused bundle leaves the
content digest, `PRAGMA integrity_check`, our clock and the trust store as they were."""

import datetime as dt
import json

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from app.clock import Timestamp
from app.cli.main import main
from app.errors import BundleError
from app.services import schools
from app.sync.export import LAST_EXPORT, export_bundle
from app.sync.importer import import_bundle
from tests.app.sync.helpers import digest, read_entries, records, resign, send, write_entries

HOUR = 3_600_000


def snapshot(ws):
    trust = sorted(str(p.relative_to(ws.paths.trust_store))
                   for p in ws.paths.trust_store.rglob("*.pem"))
    return (digest(ws), ws.store.scalar("PRAGMA integrity_check"), ws.store.hlc.last, trust)


def refused(receiver, path, match, **kw):
    before = snapshot(receiver)
    with pytest.raises(BundleError, match=match):
        import_bundle(receiver, path, trust=True, **kw)
    assert snapshot(receiver) == before


def bundle_with(ws, tmp_path, change, name="h.sibundle"):
    path = tmp_path / name
    export_bundle(ws, path, kind="full")
    entries = read_entries(path)
    change(entries)
    return write_entries(tmp_path / f"x-{name}", resign(entries, ws.device_key))


def set_school(entries, **fields):
    rows = records(entries, "schools")
    rows[0].update(fields)
    entries["records/schools.ndjson"] = (json.dumps(rows[0], ensure_ascii=False) + "\n").encode()


def future_rev(ws, hours: float) -> str:
    return str(Timestamp(ws.store.clock.ms() + int(hours * HOUR), 0, ws.profile.device_id))


# -- finding 4: revs -------------------------------------------------------------------------
def test_a_rev_far_in_the_future_is_refused_naming_device_and_time(ws, office, school_id,
                                                                   tmp_path):
    rev = str(Timestamp(9_999_999_999_999, 0, ws.profile.device_id))      # year 2286
    path = bundle_with(ws, tmp_path, lambda e: set_school(e, rev=rev))
    refused(office, path, f"device 张督学 \\({ws.profile.device_id}\\) holds a rev dated "
                          "2286-11-20T17:46:39Z .* more than 24 h ahead")


def test_the_local_clock_never_adopts_a_refused_rev(ws, office, school_id, tmp_path):
    path = bundle_with(ws, tmp_path, lambda e: set_school(e, rev=future_rev(ws, 24 * 400)))
    with pytest.raises(BundleError):
        import_bundle(office, path, trust=True)
    schools.add_school(office, name="新校")
    newest = office.store.query("select max(rev) as r from schools")[0]["r"]
    assert Timestamp.parse(newest).ms <= office.store.clock.ms() + 1000


def test_a_future_base_rev_or_ancestry_is_refused_too(ws, office, school_id, tmp_path):
    far = future_rev(ws, 48)
    path = bundle_with(ws, tmp_path, lambda e: set_school(e, ancestry=[far]))
    refused(office, path, "more than 24 h ahead")


def test_the_horizon_is_configurable(ws, office, school_id, tmp_path):
    path = bundle_with(ws, tmp_path, lambda e: set_school(e, rev=future_rev(ws, 30)))
    refused(office, path, "30 h|more than 24 h ahead")
    assert import_bundle(office, path, trust=True, horizon_hours=48)["status"] == "imported"


def test_the_cli_names_the_horizon_refusal_in_one_line(ws, office, school_id, tmp_path, capsys):
    path = bundle_with(ws, tmp_path, lambda e: set_school(e, rev=future_rev(ws, 30)))
    code = main(["--home", str(office.paths.home), "import", str(path), "--trust"])
    err = capsys.readouterr().err
    assert code == 1 and "ahead of this device's clock" in err and len(err.splitlines()) == 1
    code = main(["--home", str(office.paths.home), "import", str(path), "--trust",
                 "--rev-horizon", "48"])
    assert code == 0


@pytest.mark.parametrize("bad", ["99999.00000.{d}", "1800000000000.0.{d}",
                                 "01800000000000.00000.{d}", "1800000000000.00000.{d}\n",
                                 "1800000000000.000001.{d}", "１８00000000000.00000.{d}"])
def test_a_rev_of_another_shape_is_refused(ws, office, school_id, tmp_path, bad):
    path = bundle_with(ws, tmp_path, lambda e: set_school(
        e, rev=bad.format(d=ws.profile.device_id)))
    refused(office, path, "is not a rev")


def test_a_rev_made_by_another_device_than_the_record_says_is_refused(ws, office, school_id,
                                                                      tmp_path):
    path = bundle_with(ws, tmp_path, lambda e: set_school(
        e, rev=str(Timestamp(ws.store.clock.ms(), 0, "someone-else"))))
    refused(office, path, "was not made by the record's device")


def test_a_base_rev_not_older_than_the_rev_is_refused(ws, office, school_id, tmp_path):
    def change(entries):
        row = records(entries, "schools")[0]
        set_school(entries, base_rev=row["rev"])
    refused(office, bundle_with(ws, tmp_path, change), "is not older than")


def test_changes_since_the_last_export_survive_a_poisoned_mark(ws, office, school_id, tmp_path):
    send(ws, office, tmp_path)
    for n, poisoned in enumerate(("9999999999999.99999.x", "99999.00000.x", "garbage")):
        with ws.store.atomic():
            ws.store.set_setting(LAST_EXPORT, poisoned)
        schools.edit_school(ws, school_id, phone=f"0571-{n}")
        result = send(ws, office, tmp_path)
        assert result["tables"]["schools"]["updated"] == 1, poisoned
        assert office.store.get("schools", school_id)["phone"] == f"0571-{n}"


def test_changes_after_an_import_still_travel(ws, office, school_id, tmp_path):
    send(ws, office, tmp_path)
    send(office, ws, tmp_path, kind="full")
    schools.edit_school(ws, school_id, phone="110")
    assert send(ws, office, tmp_path)["tables"]["schools"]["updated"] == 1


# -- finding 5: certificates -------------------------------------------------------------------
def _name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_cert(cn, *, issuer=None, ca=False, usage=True, basic=True):
    """(key, cert): self-signed unless `issuer` = (key, cert) is given."""
    key = rsa.generate_private_key(65537, 2048)
    sign_key, issuer_name = (issuer[0], issuer[1].subject) if issuer else (key, _name(cn))
    now = dt.datetime.now(dt.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(issuer_name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1))
               .not_valid_after(now + dt.timedelta(days=30)))
    if basic:
        builder = builder.add_extension(x509.BasicConstraints(ca=ca, path_length=None), True)
    if usage:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
            encipher_only=False, decipher_only=False), True)
    return key, builder.sign(sign_key, hashes.SHA256())


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def with_certificates(ws, tmp_path, certs, name="c.sibundle"):
    def change(entries):
        for old in [n for n in entries if n.startswith("certificates/")]:
            del entries[old]
        for n, cert in enumerate(certs):
            entries[f"certificates/{n:064x}.pem"] = pem(cert)
    return bundle_with(ws, tmp_path, change, name)


def test_a_ca_certificate_in_a_bundle_is_refused(ws, office, school_id, tmp_path):
    _, ca = make_cert("张督学", ca=True)
    refused(office, with_certificates(ws, tmp_path, [ca]), "is a CA certificate")


def test_more_than_the_senders_own_certificate_is_refused(ws, office, school_id, tmp_path):
    certs = [make_cert("张督学")[1], make_cert("张督学")[1]]
    refused(office, with_certificates(ws, tmp_path, certs), "carries 2 certificates")


def test_a_certificate_in_another_persons_name_is_refused(ws, office, school_id, tmp_path):
    refused(office, with_certificates(ws, tmp_path, [make_cert("区教育局长")[1]]),
            "is not the sender")


def test_a_certificate_without_basic_constraints_or_usage_is_refused(ws, office, school_id,
                                                                     tmp_path):
    refused(office, with_certificates(ws, tmp_path, [make_cert("张督学", basic=False)[1]]),
            "basicConstraints")
    refused(office, with_certificates(ws, tmp_path, [make_cert("张督学", usage=False)[1]],
                                      name="u.sibundle"), "no key usage")


def _report_signed_by(ws, mini_inspection, tmp_path, key, cert):
    from app.reports.service import make_report
    from app.reports.signing import sign_pdf
    from app.security.keys import write_private
    key_path, cert_path = tmp_path / "k.pem", tmp_path / "c.pem"
    write_private(key_path, key.private_bytes(serialization.Encoding.PEM,
                                              serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
    cert_path.write_bytes(pem(cert))
    pdf = make_report(ws, mini_inspection, sign=False).pdf
    return sign_pdf(pdf, key_path, cert_path, signer_name="某人")


def _trusted(office, pdf) -> bool:
    from app.reports.verify import verify_bytes
    [check] = verify_bytes(office, pdf).signatures
    return check.trusted


def test_a_leaf_of_a_ca_a_peer_delivered_earlier_is_not_trusted(ws, office, mini_inspection,
                                                                tmp_path):
    ca = make_cert("假区督导室", ca=True)
    # An older version installed certificates from bundles under their SHA-256 name.
    (office.paths.trust_store / f"{'ab' * 32}.pem").write_bytes(pem(ca[1]))
    pdf = _report_signed_by(ws, mini_inspection, tmp_path, *make_cert("王某", issuer=ca))
    assert not _trusted(office, pdf)
    (tmp_path / "ca.pem").write_bytes(pem(ca[1]))
    main(["--home", str(office.paths.home), "trust", "add", str(tmp_path / "ca.pem")])
    assert _trusted(office, pdf)                   # the same CA, chosen by the user: trusted


def test_a_peer_leaf_is_trusted_as_itself_but_never_as_an_issuer(ws, office, mini_inspection,
                                                                 tmp_path):
    send(ws, office, tmp_path)                     # delivers ws's own leaf certificate
    own_key = ws.signing_key()
    own_cert = x509.load_pem_x509_certificate(ws.signing_identity()[1].read_bytes())
    genuine = _report_signed_by(ws, mini_inspection, tmp_path, own_key, own_cert)
    assert _trusted(office, genuine)
    issued = make_cert("王某", issuer=(own_key, own_cert))
    assert not _trusted(office, _report_signed_by(ws, mini_inspection, tmp_path, *issued))
