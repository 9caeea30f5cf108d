"""A creditor's first hour, through the client openapi-python-client generates from
openapi/openapi.json: if the document is wrong, the generated client is, and this fails.

Run by .ci/clients with the generated package `solvo_client` on PYTHONPATH, against a fresh
server whose agency administrator was bootstrapped:

    python3 clients/python/scenario.py BASE_URL ADMIN_EMAIL   (password in SOLVO_PASSWORD)
"""

import datetime
import hashlib
import io
import json
import os
import sys
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar

from solvo_client import AuthenticatedClient, Client, models
from solvo_client.api.collaboration import create_document, download_document
from solvo_client.api.identity import create_organisation, create_token, create_user
from solvo_client.api.intake import create_case, import_cases
from solvo_client.api.tracking import create_case_instruction, get_case_balance
from solvo_client.models import (
    AddressInput,
    BalanceView,
    CaseView,
    CreateDocumentBody,
    CreateOrganisation,
    CountryCodeName,
    CreateUser,
    CurrencyCode,
    DateFormat,
    DebtorInput,
    Delimiter,
    Document,
    DocumentKind,
    ErrorCode,
    ImportCasesFilesBody,
    ImportResponse,
    InstructionRequest,
    InstructionType,
    InvoiceInput,
    ItemStatus,
    LineEnding,
    Organisation,
    OrganisationKindName,
    PlaceCase,
    Problem,
    RoleName,
    TextEncoding,
    TokenRequest,
    User,
)
from solvo_client.types import UNSET, File, Response

T = TypeVar("T")

DOCUMENT = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"


class ScenarioFailure(Exception):
    """A step answered otherwise than the document promises."""


def check(condition: bool, what: str) -> None:
    if not condition:
        raise ScenarioFailure(what)


def exact(value: Any, where: str) -> None:
    """Fails on any field the server sent that the document does not declare (the generated
    models keep those in `additional_properties` instead of refusing them), and on a field sent
    as `null` that the document calls optional: the server sends such a field every time, and a
    strictly typed client must then handle its absence for nothing (TypeScript's `T | null |
    undefined`)."""
    extra = getattr(value, "additional_properties", None)
    if extra:
        raise ScenarioFailure(f"{where}: fields not in the document: {sorted(extra)}")
    for field in getattr(type(value), "__attrs_attrs__", ()):
        if field.name == "additional_properties":
            continue
        member = getattr(value, field.name)
        if member is None and field.default is UNSET:
            raise ScenarioFailure(
                f"{where}.{field.name}: sent as null, yet optional in the document"
            )
        exact(member, f"{where}.{field.name}")
    if isinstance(value, list):
        for index, item in enumerate(value):
            exact(item, f"{where}[{index}]")


def expect(response: Response[Any], status: HTTPStatus, kind: type[T], step: str) -> T:
    """The parsed body of `response`, which must have `status` and parse as `kind`."""
    if response.status_code != status:
        raise ScenarioFailure(
            f"{step}: expected {status.value}, got {response.status_code.value}: "
            f"{response.content[:300]!r}"
        )
    parsed = response.parsed
    if not isinstance(parsed, kind):
        raise ScenarioFailure(f"{step}: expected a {kind.__name__}, the client returned {parsed!r}")
    exact(parsed, step)
    return parsed


def login(base_url: str, email: str, password: str) -> AuthenticatedClient:
    response = create_token.sync_detailed(
        client=Client(base_url=base_url), body=TokenRequest(email=email, password=password)
    )
    if response.status_code != HTTPStatus.OK or response.parsed is None:
        raise ScenarioFailure(f"login as {email}: {response.status_code.value}")
    token = getattr(response.parsed, "access_token", None)
    check(
        isinstance(token, str) and token.count(".") == 2, f"login as {email}: no JWT in {token!r}"
    )
    return AuthenticatedClient(base_url=base_url, token=str(token))


# A one-page PDF: the upload checks the bytes against the declared type.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# As a German clerk's Excel saves it ("CSV", not "CSV UTF-8"): Windows-1252, `;`, decimal comma,
# thousands dots, a euro sign, dates with dots; two invoices of one case and one of another.
CSV = (
    "creditor_reference;debtor_legal_name;debtor_country;debtor_vat_id;debtor_registration_number;"
    "currency;invoice_number;issue_date;due_date;amount\r\n"
    "PY-CSV-1;Initech GmbH;DE;DE811569869;;EUR;PY-CSV-INV-1;05.01.2026;04.02.2026;1.250,00 €\r\n"
    "PY-CSV-1;Initech GmbH;DE;DE811569869;;EUR;PY-CSV-INV-2;05.02.2026;07.03.2026;99,50\r\n"
    "PY-CSV-2;Hooli GmbH;DE;;HRB 86786;EUR;PY-CSV-INV-3;10.02.2026;12.03.2026;300,00\r\n"
).encode("cp1252")


def every_enum_member_generated() -> None:
    """openapi-python-client names an enum's members after its values without their punctuation
    and keeps only one of two that end up alike, without a warning; the client then refuses an
    answer holding the other. `x-enum-varnames` in the document names them apart."""
    document = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    for name, schema in document["components"]["schemas"].items():
        values = schema.get("enum")
        if schema.get("type") != "string" or not values:
            continue
        generated = getattr(models, name, None)
        check(generated is not None, f"enum {name} not generated")
        missing = set(values) - {member.value for member in generated}
        check(not missing, f"enum {name} lost {sorted(missing)} in the client")


def main(base_url: str, admin_email: str, password: str) -> None:
    every_enum_member_generated()
    admin = login(base_url, admin_email, password)

    organisation = expect(
        create_organisation.sync_detailed(
            client=admin,
            body=CreateOrganisation(
                name="Python Client GmbH",
                kind=OrganisationKindName.CREDITOR,
                country=CountryCodeName.DE,
            ),
        ),
        HTTPStatus.CREATED,
        Organisation,
        "create organisation",
    )
    check(
        organisation.kind == OrganisationKindName.CREDITOR, f"organisation kind {organisation.kind}"
    )
    check(organisation.id.startswith("org_"), f"organisation id {organisation.id}")

    creditor_email = "finance@python-client.example"
    user = expect(
        create_user.sync_detailed(
            client=admin,
            body=CreateUser(
                email=creditor_email,
                password=password,
                role=RoleName.CREDITOR_ADMIN,
                organisation_id=organisation.id,
            ),
        ),
        HTTPStatus.CREATED,
        User,
        "create user",
    )
    check(user.organisation_id == organisation.id, f"user of {user.organisation_id}")
    check(user.role == RoleName.CREDITOR_ADMIN, f"user role {user.role}")

    creditor = login(base_url, creditor_email, password)

    placement = PlaceCase(
        debtor=DebtorInput(
            legal_name="Globex GmbH",
            vat_id="DE123456789",
            country=CountryCodeName.DE,
            address=AddressInput(line1="Hauptstraße 1", postal_code="10115", city="Berlin"),
            preferred_language="de",
        ),
        currency=CurrencyCode.EUR,
        creditor_reference="PY-0001",
        invoices=[
            InvoiceInput(
                number="PY-INV-1",
                issue_date=datetime.date(2026, 1, 5),
                due_date=datetime.date(2026, 2, 4),
                amount="1250.00",
            ),
            InvoiceInput(
                number="PY-INV-2",
                issue_date=datetime.date(2026, 2, 5),
                due_date=datetime.date(2026, 3, 7),
                amount="830.40",
            ),
        ],
    )
    case = expect(
        create_case.sync_detailed(client=creditor, body=placement, idempotency_key="py-0001"),
        HTTPStatus.CREATED,
        CaseView,
        "place case",
    )
    check(case.organisation_id == organisation.id, f"case of {case.organisation_id}")
    check(case.jurisdiction == "DE", f"case jurisdiction {case.jurisdiction}")
    check(len(case.invoices) == 2, f"case invoices {case.invoices}")
    check("pause" in case.allowed_instructions, f"allowed {case.allowed_instructions}")

    # The same reference again, without the idempotency key: a problem body with its code.
    duplicate = expect(
        create_case.sync_detailed(client=creditor, body=placement),
        HTTPStatus.CONFLICT,
        Problem,
        "place the same case again",
    )
    check(duplicate.code == ErrorCode.DUPLICATE_CASE, f"problem code {duplicate.code}")
    check(duplicate.existing_case_id == case.id, f"existing case {duplicate.existing_case_id}")

    imported = expect(
        import_cases.sync_detailed(
            client=creditor,
            body=ImportCasesFilesBody(
                file=File(payload=io.BytesIO(CSV), file_name="cases.csv", mime_type="text/csv")
            ),
        ),
        HTTPStatus.OK,
        ImportResponse,
        "import CSV",
    )
    summary = imported.summary
    check(
        (summary.rows, summary.cases_created, summary.rows_created, summary.rows_rejected)
        == (3, 2, 3, 0),
        f"import summary {summary}: {[(row.row, row.errors) for row in imported.results]}",
    )
    check(
        [row.status for row in imported.results] == [ItemStatus.CREATED] * 3,
        f"import rows {imported.results}",
    )
    how = imported.format_
    check(
        (how.encoding, how.delimiter, how.line_ending, how.date_formats.issue_date)
        == (TextEncoding.WINDOWS_1252, Delimiter(";"), LineEnding.CRLF, DateFormat("DD.MM.YYYY")),
        f"import read as {how}",
    )
    check(
        [row.row for row in imported.results] == [2, 3, 4],
        f"row numbers {[row.row for row in imported.results]}",
    )

    balance = expect(
        get_case_balance.sync_detailed(case.id, client=creditor, as_of=datetime.date(2026, 6, 30)),
        HTTPStatus.OK,
        BalanceView,
        "read balance",
    )
    check(balance.as_of == datetime.date(2026, 6, 30), f"balance as of {balance.as_of}")
    check(
        (balance.principal.amount, balance.principal.currency) == ("2080.40", "EUR"),
        f"principal {balance.principal}",
    )
    check(balance.compensation.amount == "80.00", f"compensation {balance.compensation}")
    check(balance.interest.total.amount not in ("0", "0.00"), f"interest {balance.interest.total}")

    document = expect(
        create_document.sync_detailed(
            case.id,
            client=creditor,
            body=CreateDocumentBody(
                file=File(
                    payload=io.BytesIO(PDF),
                    file_name="invoice PY-INV-1.pdf",
                    mime_type="application/pdf",
                ),
                kind=DocumentKind.INVOICE,
            ),
        ),
        HTTPStatus.CREATED,
        Document,
        "upload document",
    )
    sha256 = hashlib.sha256(PDF).hexdigest()
    check(document.sha256 == sha256, f"document sha256 {document.sha256}")
    check(document.size_bytes == len(PDF), f"document size {document.size_bytes}")
    check(document.content_type == "application/pdf", f"document type {document.content_type}")

    download = download_document.sync_detailed(case.id, document.id, client=creditor)
    content = expect(download, HTTPStatus.OK, File, "download document")
    check(content.payload.read() == PDF, "the downloaded bytes differ from the uploaded ones")
    check(download.headers.get("etag") == f'"{sha256}"', f"ETag {download.headers.get('etag')}")

    resume_on = datetime.date.today() + datetime.timedelta(days=30)
    paused = expect(
        create_case_instruction.sync_detailed(
            case.id,
            client=creditor,
            body=InstructionRequest(
                type_=InstructionType.PAUSE,
                reason="Negotiating a new contract",
                resume_on=resume_on,
            ),
        ),
        HTTPStatus.OK,
        CaseView,
        "pause case",
    )
    check(paused.state == "paused", f"state after pause {paused.state}")
    check(paused.resume_on == resume_on, f"resume_on {paused.resume_on}")
    check("pause" not in paused.allowed_instructions, f"allowed {paused.allowed_instructions}")

    print("python client scenario: 11 steps passed")


if __name__ == "__main__":
    if len(sys.argv) != 3 or "SOLVO_PASSWORD" not in os.environ:
        sys.exit(__doc__)
    try:
        main(sys.argv[1], sys.argv[2], os.environ["SOLVO_PASSWORD"])
    except ScenarioFailure as failure:
        sys.exit(f"python client scenario failed: {failure}")
