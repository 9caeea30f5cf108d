//! Fee invoices: the agency bills a creditor the fees posted on its cases, the commission its
//! remittances withheld and the commission on payments made to it directly, with the VAT its
//! country and VAT number call for; numbers run without gaps; a credit note cancels an invoice
//! and the next invoice bills the same items again; the PDF opens in a PDF reader.

use chrono::Utc;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app};
use crate::payments::{parties, pay, place, transfer};

both_backends!(
    an_invoice_bills_fees_withheld_and_direct_commission_and_a_credit_note_reissues_it,
    direct_payments_count_toward_the_commission_a_remittance_charges,
    a_creditor_in_the_agencys_country_pays_its_vat,
    billing_details_are_validated_and_scoped,
    two_invoices_at_once_bill_an_item_once_and_leave_no_gap,
);

fn today() -> String {
    Utc::now().date_naive().to_string()
}

async fn set_billing(app: &TestApp, token: &str, organisation: &str, details: &Value) {
    let response = app
        .put(
            &format!("/v1/organisations/{organisation}/billing"),
            token,
            details,
        )
        .await;
    let status = response.status();
    let stored = body(response).await;
    assert_eq!(status, 200, "{stored}");
}

/// The agency (NL, 21 %) and `creditor` with `vat_id` get billing details.
async fn billing(app: &TestApp, creditor: &str, vat_id: Option<&str>) {
    let agency = app.agency_id().await;
    set_billing(
        app,
        &app.admin_token,
        &agency,
        &json!({"legal_name": "Test Agency B.V.", "address_lines": ["Keizersgracht 1", "1015 CJ Amsterdam"],
                "vat_id": "NL123456789B01", "vat_rate": "21"}),
    )
    .await;
    set_billing(
        app,
        &app.admin_token,
        creditor,
        &json!({"legal_name": "Łódź Trading GmbH", "address_lines": ["Hauptstraße 5", "10115 Berlin"],
                "vat_id": vat_id}),
    )
    .await;
}

async fn issue(app: &TestApp, creditor: &str) -> reqwest::Response {
    app.post(
        "/v1/fee-invoices",
        &app.admin_token,
        &json!({"organisation_id": creditor, "currency": "EUR", "period_end": today()}),
    )
    .await
}

async fn issued(app: &TestApp, creditor: &str) -> Value {
    let response = issue(app, creditor).await;
    let status = response.status();
    let invoice = body(response).await;
    assert_eq!(status, 201, "{invoice}");
    invoice
}

/// `(source, net)` of each line.
fn lines(invoice: &Value) -> Vec<(String, String)> {
    invoice["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| {
            (
                line["source"].as_str().unwrap().to_owned(),
                line["net"]["amount"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn line(source: &str, net: &str) -> (String, String) {
    (source.to_owned(), net.to_owned())
}

/// `(net, vat, total, withheld, amount_due)`.
fn figures(invoice: &Value) -> [&str; 5] {
    ["net", "vat", "total", "withheld", "amount_due"]
        .map(|field| invoice[field]["amount"].as_str().unwrap())
}

async fn direct(app: &TestApp, token: &str, case: &str, amount: &str) {
    let response = app
        .post(
            &format!("/v1/cases/{case}/direct-payments"),
            token,
            &transfer(amount, "2026-06-01"),
        )
        .await;
    assert_eq!(response.status(), 201);
}

async fn remit(app: &TestApp, creditor: &str) -> Value {
    let response = app
        .post(
            "/v1/remittances",
            &app.admin_token,
            &json!({"organisation_id": creditor, "currency": "EUR", "period_end": today()}),
        )
        .await;
    assert_eq!(response.status(), 201);
    body(response).await
}

async fn an_invoice_bills_fees_withheld_and_direct_commission_and_a_credit_note_reissues_it(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Invoice GmbH").await;
    let creditor = who.member.organisation_id.clone();
    billing(&app, &creditor, Some("DE123456789")).await;
    let case = place(
        &app,
        &who.member.token,
        "FIN-1",
        "DE",
        &[("F-1", "2025-11-03", "1000.00")],
    )
    .await;
    // As in the remittance test: 500.00 on 2026-06-01 pays 40.00 compensation, 58.81 interest
    // and 401.19 principal; the invoice is more than 365 days overdue at placement, so the
    // house schedule charges 15 + 5 = 20 %: 92.00 on the creditor's 460.00, withheld.
    pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("500.00", "2026-06-01"),
    )
    .await;
    let remittance = remit(&app, &creditor).await;
    assert_eq!(remittance["commission"]["amount"], "92.00");
    // 300.00 paid to the creditor directly goes to principal: 20 % of 300.00 = 60.00, billed.
    direct(&app, &who.member.token, &case, "300.00").await;

    let invoice = issued(&app, &creditor).await;
    let year = &today()[..4];
    assert_eq!(invoice["number"], format!("INV-{year}-000001"));
    assert_eq!(invoice["kind"], "invoice");
    // The house introduction fee, 25.00, posted at placement; the withheld 92.00; 60.00.
    assert_eq!(
        lines(&invoice),
        [
            line("case_fee", "25.00"),
            line("remittance_commission", "92.00"),
            line("direct_payment_commission", "60.00"),
        ]
    );
    // NL agency, DE creditor with a VAT number: reverse charge (Directive 2006/112/EC,
    // Articles 44 and 196), no VAT. Net 177.00; 92.00 was withheld: 85.00 due.
    assert_eq!(invoice["vat_treatment"], "reverse_charge");
    assert_eq!(
        figures(&invoice),
        ["177.00", "0.00", "177.00", "92.00", "85.00"]
    );
    assert!(
        invoice["vat_note"]
            .as_str()
            .unwrap()
            .contains("Article 196")
    );
    assert_eq!(invoice["buyer"]["legal_name"], "Łódź Trading GmbH");
    assert_eq!(invoice["seller"]["vat_id"], "NL123456789B01");

    let again = issue(&app, &creditor).await;
    let problem = assert_problem(again, 422).await;
    assert_eq!(problem["errors"][0]["code"], "nothing_to_invoice");

    // The PDF opens in a PDF reader and says what the JSON says.
    let id = invoice["id"].as_str().unwrap();
    let pdf = app
        .get(
            &format!("/v1/fee-invoices/{id}?format=pdf"),
            &who.member.token,
        )
        .await;
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).unwrap();
    for expected in [
        format!("INV-{year}-000001"),
        "Łódź Trading GmbH".to_owned(),
        "Test Agency B.V.".to_owned(),
        "DE123456789".to_owned(),
        "Reverse charge".to_owned(),
        "177.00".to_owned(),
        "85.00".to_owned(),
    ] {
        assert!(text.contains(&expected), "{expected} missing from: {text}");
    }

    // A credit note cancels it, negated; the next invoice bills the same items again, numbered
    // on from the last, so neither series has a gap.
    let note = app
        .post(
            &format!("/v1/fee-invoices/{id}/credit-note"),
            &app.admin_token,
            &json!({"reason": "Billed to the wrong address."}),
        )
        .await;
    assert_eq!(note.status(), 201);
    let note = body(note).await;
    assert_eq!(note["kind"], "credit_note");
    assert_eq!(note["number"], format!("CRN-{year}-000001"));
    assert_eq!(note["credits_id"], id);
    assert_eq!(
        figures(&note),
        ["-177.00", "0.00", "-177.00", "-92.00", "-85.00"]
    );
    let credited = body(
        app.get(&format!("/v1/fee-invoices/{id}"), &who.admin.token)
            .await,
    )
    .await;
    assert_eq!(credited["credited_by"], note["id"]);
    let twice = app
        .post(
            &format!("/v1/fee-invoices/{id}/credit-note"),
            &app.admin_token,
            &json!({"reason": "Again."}),
        )
        .await;
    assert_eq!(assert_problem(twice, 409).await["code"], "invoice_credited");
    let of_note = app
        .post(
            &format!(
                "/v1/fee-invoices/{}/credit-note",
                note["id"].as_str().unwrap()
            ),
            &app.admin_token,
            &json!({"reason": "A credit note of a credit note."}),
        )
        .await;
    assert_eq!(
        assert_problem(of_note, 409).await["code"],
        "invoice_credited"
    );

    let reissued = issued(&app, &creditor).await;
    assert_eq!(reissued["number"], format!("INV-{year}-000002"));
    assert_eq!(lines(&reissued), lines(&invoice));
    assert_eq!(figures(&reissued), figures(&invoice));

    // The creditor's users read their own; another creditor finds nothing; collectors and the
    // creditor cannot issue.
    let listed = body(app.get("/v1/fee-invoices", &who.member.token).await).await;
    let numbers: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers.len(), 3);
    let other = app.create_creditor("Other GmbH").await;
    let stranger = app.create_user(&other, "creditor_admin").await;
    assert_problem(
        app.get(&format!("/v1/fee-invoices/{id}"), &stranger.token)
            .await,
        404,
    )
    .await;
    assert_problem(
        app.get(
            &format!("/v1/fee-invoices/{id}?format=pdf"),
            &stranger.token,
        )
        .await,
        404,
    )
    .await;
    let by_creditor = app
        .post(
            "/v1/fee-invoices",
            &who.admin.token,
            &json!({"organisation_id": creditor, "currency": "EUR", "period_end": today()}),
        )
        .await;
    assert_problem(by_creditor, 403).await;
    assert_problem(
        app.get(&format!("/v1/fee-invoices/{id}"), &who.collector.token)
            .await,
        403,
    )
    .await;
    let bad_format = app
        .get(
            &format!("/v1/fee-invoices/{id}?format=docx"),
            &who.member.token,
        )
        .await;
    assert_problem(bad_format, 422).await;
}

async fn direct_payments_count_toward_the_commission_a_remittance_charges(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Minimum GmbH").await;
    let creditor = who.member.organisation_id.clone();
    billing(&app, &creditor, Some("DE123456789")).await;
    let case = place(
        &app,
        &who.member.token,
        "FIN-2",
        "DE",
        &[("F-2", "2025-11-03", "1000.00")],
    )
    .await;
    // 100.00 paid to the creditor directly on 2026-06-01 pays 40.00 compensation, 58.81
    // interest and 1.19 principal: the creditor's part is 60.00, 20 % is 12.00, below the
    // house minimum of 50.00 once anything is recovered: 50.00.
    direct(&app, &who.member.token, &case, "100.00").await;
    let invoice = issued(&app, &creditor).await;
    assert_eq!(
        lines(&invoice),
        [
            line("case_fee", "25.00"),
            line("direct_payment_commission", "50.00")
        ]
    );
    // 200.00 then reaches the agency: the case has recovered 60.00 + 200.00 = 260.00, 20 % of
    // which is 52.00; 50.00 was billed, so the remittance withholds 2.00 (not the minimum
    // again, as it would if it ignored the direct payment).
    pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("200.00", "2026-06-01"),
    )
    .await;
    let remittance = remit(&app, &creditor).await;
    assert_eq!(remittance["commission"]["amount"], "2.00");
    assert_eq!(remittance["net"]["amount"], "198.00");
}

async fn a_creditor_in_the_agencys_country_pays_its_vat(backend: Backend) {
    let app = spawn_app(backend).await;
    let created = app
        .post(
            "/v1/organisations",
            &app.admin_token,
            &json!({"name": "Haven B.V.", "kind": "creditor", "country": "NL"}),
        )
        .await;
    let creditor = body(created).await["id"].as_str().unwrap().to_owned();
    let member = app.create_user(&creditor, "creditor_member").await;
    billing(&app, &creditor, Some("NL999999999B01")).await;
    place(
        &app,
        &member.token,
        "FIN-3",
        "NL",
        &[("F-3", "2026-09-01", "800.00")],
    )
    .await;
    // The introduction fee alone: 25.00 net, 21 % VAT = 5.25, 30.25 due.
    let invoice = issued(&app, &creditor).await;
    assert_eq!(invoice["vat_treatment"], "standard");
    assert_eq!(invoice["vat_rate"], "21");
    assert_eq!(
        figures(&invoice),
        ["25.00", "5.25", "30.25", "0.00", "30.25"]
    );
    assert!(invoice["vat_note"].is_null());
}

async fn billing_details_are_validated_and_scoped(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Details GmbH").await;
    let creditor = who.member.organisation_id.clone();
    place(
        &app,
        &who.member.token,
        "FIN-4",
        "DE",
        &[("F-4", "2026-09-01", "800.00")],
    )
    .await;
    // Without details nothing can be invoiced, and the error says where to set them.
    let missing = issue(&app, &creditor).await;
    let problem = assert_problem(missing, 422).await;
    assert_eq!(problem["errors"][0]["code"], "billing_details_missing");

    // A creditor's administrator sets its own, without a VAT rate (the agency's alone).
    let with_rate = app
        .put(
            &format!("/v1/organisations/{creditor}/billing"),
            &who.admin.token,
            &json!({"legal_name": "Details GmbH", "address_lines": ["Ring 1", "50667 Köln"], "vat_rate": "19"}),
        )
        .await;
    let problem = assert_problem(with_rate, 422).await;
    assert_eq!(problem["errors"][0]["code"], "not_the_supplier");
    set_billing(
        &app,
        &who.admin.token,
        &creditor,
        &json!({"legal_name": "Details GmbH", "address_lines": ["Ring 1", "50667 Köln"], "vat_id": "de 123 456 789"}),
    )
    .await;
    let read = body(
        app.get(
            &format!("/v1/organisations/{creditor}/billing"),
            &who.member.token,
        )
        .await,
    )
    .await;
    assert_eq!(read["vat_id"], "DE123456789");
    assert_eq!(read["address_lines"], json!(["Ring 1", "50667 Köln"]));
    assert_eq!(read["country"], "DE");

    let bad = app
        .put(
            &format!("/v1/organisations/{}/billing", app.agency_id().await),
            &app.admin_token,
            &json!({"legal_name": " ", "address_lines": [], "vat_id": "X", "vat_rate": "19.123"}),
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["legal_name", "address_lines", "vat_id", "vat_rate"]
    );

    // Another creditor's details are not there for them; members may not set them.
    let other = app.create_creditor("Other GmbH").await;
    let stranger = app.create_user(&other, "creditor_admin").await;
    assert_problem(
        app.get(
            &format!("/v1/organisations/{creditor}/billing"),
            &stranger.token,
        )
        .await,
        404,
    )
    .await;
    let foreign = app
        .put(
            &format!("/v1/organisations/{creditor}/billing"),
            &stranger.token,
            &json!({"legal_name": "Hijack", "address_lines": ["x"]}),
        )
        .await;
    assert_problem(foreign, 404).await;
    let member = app
        .put(
            &format!("/v1/organisations/{creditor}/billing"),
            &who.member.token,
            &json!({"legal_name": "Details GmbH", "address_lines": ["Ring 1"]}),
        )
        .await;
    assert_problem(member, 403).await;

    // The agency has details but no VAT rate yet: the invoice says so.
    set_billing(
        &app,
        &app.admin_token,
        &app.agency_id().await,
        &json!({"legal_name": "Test Agency B.V.", "address_lines": ["Keizersgracht 1"]}),
    )
    .await;
    let no_rate = issue(&app, &creditor).await;
    let problem = assert_problem(no_rate, 422).await;
    assert_eq!(problem["errors"][0]["code"], "vat_rate_missing");
}

async fn two_invoices_at_once_bill_an_item_once_and_leave_no_gap(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Race GmbH").await;
    let creditor = who.member.organisation_id.clone();
    billing(&app, &creditor, Some("DE123456789")).await;
    place(
        &app,
        &who.member.token,
        "FIN-5",
        "DE",
        &[("F-5", "2026-09-01", "800.00")],
    )
    .await;

    let (a, b) = tokio::join!(issue(&app, &creditor), issue(&app, &creditor));
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort_unstable();
    assert!(
        statuses == [201, 409] || statuses == [201, 422],
        "one invoice bills the fee, the other finds it billed: {statuses:?}"
    );
    let listed = body(app.get("/v1/fee-invoices", &app.admin_token).await).await;
    let data = listed["data"].as_array().unwrap();
    assert_eq!(data.len(), 1);
    assert_eq!(data[0]["number"], format!("INV-{}-000001", &today()[..4]));
}
