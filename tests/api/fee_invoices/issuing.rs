//! Issuing: fees, withheld and direct commission billed, a credit note and the reissue; direct
//! payments counting toward the commission; a creditor in the agency's country paying its VAT.

use serde_json::json;

use super::{billing, direct, figures, issue, issued, line, lines, remit, today};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app};
use crate::payments::{parties, pay, place, transfer};

both_backends!(
    an_invoice_bills_fees_withheld_and_direct_commission_and_a_credit_note_reissues_it,
    direct_payments_count_toward_the_commission_a_remittance_charges,
    a_creditor_in_the_agencys_country_pays_its_vat,
);

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
    // Its own download operation serves the same document, named by its number.
    let download = app
        .get(&format!("/v1/fee-invoices/{id}/pdf"), &who.member.token)
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(
        download.headers()["content-disposition"],
        format!("inline; filename=\"INV-{year}-000001.pdf\"").as_str()
    );
    assert_eq!(download.bytes().await.unwrap(), bytes);

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
    assert_problem(
        app.get(&format!("/v1/fee-invoices/{id}/pdf"), &stranger.token)
            .await,
        404,
    )
    .await;
    assert_problem(
        app.get(&format!("/v1/fee-invoices/{id}/pdf"), &who.collector.token)
            .await,
        403,
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
