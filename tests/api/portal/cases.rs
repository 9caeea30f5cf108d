//! What a debtor sees of a case: interest line by line with its rate, days and legal basis in
//! plain words (figures from the statute by hand), compensation with its basis, the payments
//! that stand, the collector's name and languages, the state in the debtor's words and
//! language; nothing internal; another debtor's case answers like a missing one.

use serde_json::{Value, json};

use super::{debtor_token, issue_code};
use crate::arrangements::{START, day};
use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, InvoiceRequest, PaymentRequest, TestApp, assert_problem,
    body,
};
use crate::test_clock::{move_clock, spawn_with_test_clock};

both_backends!(
    a_case_shows_what_is_owed_and_why_in_the_debtors_language,
    payments_that_stand_are_shown_and_nothing_internal_is,
    another_debtors_case_is_not_found,
);

struct Scene {
    app: TestApp,
    member_token: String,
    collector_token: String,
    case: String,
    token: String,
}

/// On 2030-01-07 (a test clock only moves forward, so a fixed day after today): a German case of 1,000.00 (invoice P-1-INV-1 due 2026-02-04) worked by
/// Katrin Vogel, who covers Germany and Austria; its debtor holds a portal session.
async fn scene(backend: Backend) -> Scene {
    let app = spawn_with_test_clock(backend).await;
    move_clock(&app, day(START)).await;
    let agency = app.agency_id().await;
    let created = app
        .post(
            "/v1/users",
            &app.admin_token,
            &json!({
                "email": "katrin.vogel@agency.example",
                "password": "a long enough password 1",
                "role": "collector",
                "organisation_id": agency,
                "name": "Katrin Vogel",
            }),
        )
        .await;
    assert_eq!(created.status(), 201);
    let collector = body(created).await;
    assert_eq!(collector["name"], "Katrin Vogel");
    let coverage = app
        .put(
            &format!("/v1/collectors/{}/coverage", collector["id"].as_str().unwrap()),
            &app.admin_token,
            &json!({"areas": [{"country": "DE", "language": "*"}, {"country": "AT", "language": "*"}]}),
        )
        .await;
    assert_eq!(coverage.status(), 200);
    let collector_token = app
        .login("katrin.vogel@agency.example", "a long enough password 1")
        .await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let creditor = app.create_creditor("Acme Supplies BV").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "P-1").await;
    assert_eq!(
        case["collector_id"], collector["id"],
        "assigned by coverage"
    );
    let case = case["id"].as_str().unwrap().to_owned();
    let token = debtor_token(&app, &issue_code(&app, &case).await).await;
    Scene {
        app,
        member_token: member.token,
        collector_token,
        case,
        token,
    }
}

async fn portal_case(app: &TestApp, token: &str, case: &str, language: &str) -> Value {
    let response = app
        .client
        .get(app.url(&format!("/v1/portal/cases/{case}")))
        .bearer_auth(token)
        .header("accept-language", language)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-language"], language);
    body(response).await
}

async fn a_case_shows_what_is_owed_and_why_in_the_debtors_language(backend: Backend) {
    let Scene {
        app, case, token, ..
    } = scene(backend).await;
    let view = portal_case(&app, &token, &case, "en").await;
    assert_eq!(view["id"], case.as_str());
    assert_eq!(view["creditor"], "Acme Supplies BV");
    assert_eq!(view["as_of"], START);
    assert_eq!(view["invoices"][0]["number"], "P-1-INV-1");
    assert_eq!(view["invoices"][0]["amount"]["amount"], "1000.00");
    assert_eq!(view["principal"]["amount"], "1000.00");

    // Due 2026-02-04: interest from 2026-02-05. BGB s.288(2): Basiszinssatz 1.27 % for
    // 2026-H1 (BGB s.247, published by the Bundesbank) + 9 points = 10.27 %; the first line is
    // the half-year to 2026-06-30, 146 days: 1000.00 x 10.27 % x 146 / 365 = 41.08.
    let lines = view["interest"]["lines"].as_array().unwrap();
    let line = &lines[0];
    assert_eq!(line["from"], "2026-02-05");
    assert_eq!(
        line["to"], "2026-06-30",
        "the last interest day, as a debtor counts"
    );
    assert_eq!(line["days"], 146);
    assert_eq!(line["rate"], "10.27");
    assert_eq!(line["amount"]["amount"], "41.08");
    assert_eq!(line["provisional"], false);
    let basis = line["legal_basis"].as_str().unwrap();
    assert!(basis.contains("BGB s.288(2)"), "{basis}");
    assert_eq!(
        line["explanation"],
        format!(
            "10.27% a year on 1000.00 EUR for 146 days, 2026-02-05 to 2026-06-30. Legal basis: {basis}."
        )
    );
    // Past the last published Basiszinssatz the rate is carried for a while, and said to be;
    // the days after that are not charged yet, and the debtor is told which.
    let last = lines.last().unwrap();
    assert_eq!(last["provisional"], true);
    assert!(
        last["explanation"]
            .as_str()
            .unwrap()
            .ends_with("the last published one is used until it is."),
        "{last}"
    );
    let after_last = chrono::NaiveDate::parse_from_str(last["to"].as_str().unwrap(), "%Y-%m-%d")
        .unwrap()
        .succ_opt()
        .unwrap();
    assert_eq!(
        view["interest"]["not_included"],
        json!([format!(
            "Invoice P-1-INV-1: interest from {after_last} to {START} is not included yet; the reference rate for those days is not published."
        )])
    );
    // BGB s.288(5): EUR 40 flat from a business debtor in default.
    assert_eq!(view["compensation"]["amount"]["amount"], "40.00");
    let compensation_basis = view["compensation"]["legal_basis"].as_str().unwrap();
    assert!(
        compensation_basis.starts_with("BGB s.288(5)"),
        "{compensation_basis}"
    );
    assert!(
        view["compensation"]["explanation"]
            .as_str()
            .unwrap()
            .ends_with(&format!("Legal basis: {compensation_basis}."))
    );
    assert_eq!(view["costs"]["amount"]["amount"], "0.00");
    assert_eq!(view["costs"]["legal_basis"], Value::Null, "nothing charged");
    let interest_lines: rust_decimal::Decimal = lines
        .iter()
        .map(|line| {
            line["amount"]["amount"]
                .as_str()
                .unwrap()
                .parse::<rust_decimal::Decimal>()
                .unwrap()
        })
        .sum();
    assert_eq!(
        view["interest"]["total"]["amount"]
            .as_str()
            .unwrap()
            .parse::<rust_decimal::Decimal>()
            .unwrap(),
        interest_lines,
        "the lines add up to the total"
    );
    assert_eq!(
        view["outstanding"]["amount"]
            .as_str()
            .unwrap()
            .parse::<rust_decimal::Decimal>()
            .unwrap(),
        rust_decimal::Decimal::new(104_000, 2) + interest_lines,
        "1000.00 + 40.00 + the interest"
    );
    assert_eq!(view["paid"]["amount"], "0.00");
    assert_eq!(
        view["collector"],
        json!({"name": "Katrin Vogel", "languages": ["de"]})
    );
    assert_eq!(view["state"]["status"], "open");

    let german = portal_case(&app, &token, &case, "de").await;
    assert_eq!(
        german["interest"]["lines"][0]["explanation"],
        format!(
            "10.27 % pro Jahr auf 1000.00 EUR für 146 Tage, 2026-02-05 bis 2026-06-30. Rechtsgrundlage: {basis}."
        )
    );
    assert!(
        german["state"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Der unten genannte Betrag")
    );
    let dutch = portal_case(&app, &token, &case, "nl").await;
    assert!(
        dutch["interest"]["lines"][0]["explanation"]
            .as_str()
            .unwrap()
            .starts_with("10.27% per jaar over 1000.00 EUR gedurende 146 dagen")
    );
    let french = portal_case(&app, &token, &case, "fr").await;
    assert!(
        french["compensation"]["explanation"]
            .as_str()
            .unwrap()
            .starts_with("Une indemnité forfaitaire")
    );
}

async fn payments_that_stand_are_shown_and_nothing_internal_is(backend: Backend) {
    let Scene {
        app,
        member_token,
        collector_token,
        case,
        token,
    } = scene(backend).await;
    let pay = |amount: &'static str, day: &'static str| {
        let (app, case, collector_token) = (&app, &case, &collector_token);
        async move {
            let response = app
                .post(
                    &format!("/v1/cases/{case}/payments"),
                    collector_token,
                    &PaymentRequest::transfer(amount, day),
                )
                .await;
            assert_eq!(response.status(), 201);
            body(response).await
        }
    };
    let before = portal_case(&app, &token, &case, "en").await;
    pay("100.00", "2029-12-01").await;
    let bounced = pay("55.00", "2029-12-10").await;
    let reversed = app
        .post(
            &format!("/v1/payments/{}/reversal", bounced["id"].as_str().unwrap()),
            &app.admin_token,
            &json!({"reason": "Returned by the bank: account closed"}),
        )
        .await;
    assert_eq!(reversed.status(), 200);
    let secret = "Creditor to collector: do not settle below 900";
    let message = app
        .post(
            &format!("/v1/cases/{case}/messages"),
            &member_token,
            &json!({"body": secret}),
        )
        .await;
    assert_eq!(message.status(), 201);

    let view = portal_case(&app, &token, &case, "en").await;
    assert_eq!(view["paid"]["amount"], "100.00");
    assert_eq!(
        view["payments"],
        json!([{"value_date": "2029-12-01", "amount": {"amount": "100.00", "currency": "EUR"}, "method": "bank_transfer"}]),
        "the reversed payment is not shown as paid"
    );
    let amount = |key: &str| -> rust_decimal::Decimal {
        let value = if key == "interest" {
            &view[key]["total"]
        } else if key == "compensation" || key == "costs" {
            &view[key]["amount"]
        } else {
            &view[key]
        };
        value["amount"].as_str().unwrap().parse().unwrap()
    };
    assert_eq!(
        amount("outstanding"),
        amount("principal") + amount("interest") + amount("compensation") + amount("costs"),
        "what is outstanding is what the lines add up to"
    );
    // Interest is priced only to the last published rate (2026), before both payments, so the
    // one that stands lowers what is owed by exactly its amount.
    let outstanding_before: rust_decimal::Decimal = before["outstanding"]["amount"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(
        amount("outstanding"),
        outstanding_before - rust_decimal::Decimal::new(10_000, 2)
    );
    let text = view.to_string();
    assert!(!text.contains(secret), "no creditor message");
    for internal in [
        "notes",
        "fee",
        "version",
        "collector_id",
        "activities",
        "messages",
        "quote",
        "next_action",
    ] {
        assert!(
            !text.contains(&format!("\"{internal}")),
            "no internal field {internal}: {text}"
        );
    }
    let listed = body(app.get("/v1/portal/cases", &token).await)
        .await
        .to_string();
    assert!(!listed.contains(secret));
}

async fn another_debtors_case_is_not_found(backend: Backend) {
    let Scene {
        app,
        member_token,
        token,
        ..
    } = scene(backend).await;
    let stranger = app
        .post(
            "/v1/cases",
            &member_token,
            &CaseRequest::new("P-9")
                .debtor(DebtorRequest::company("Umbrella SARL", "FR").vat_id("FR40303265045"))
                .invoice(InvoiceRequest::new("P-9-1", "250.00", "2026-02-04")),
        )
        .await;
    assert_eq!(stranger.status(), 201);
    let stranger = body(stranger).await["id"].as_str().unwrap().to_owned();
    let unseen = app
        .get(&format!("/v1/portal/cases/{stranger}"), &token)
        .await;
    let unseen = assert_problem(unseen, 404).await;
    let missing = app
        .get(
            "/v1/portal/cases/cas_00000000000000000000000000000000",
            &token,
        )
        .await;
    let missing = assert_problem(missing, 404).await;
    assert_eq!(unseen["detail"], missing["detail"]);
    assert_eq!(unseen["code"], missing["code"]);
}
