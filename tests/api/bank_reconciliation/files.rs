//! Whole files: the real statements of three banks read to the cent, and a file that is not
//! understood refused with nothing kept.

use serde_json::{Value, json};

use super::{
    COLLECTION_IBAN, detail, entry, import, listed, payments_of, statement, structured, text,
    with_collection_account,
};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app, spawn_app_with};

both_backends!(
    real_statements_of_three_banks_are_read_whole,
    a_file_that_is_not_understood_is_refused_and_nothing_is_kept,
);

/// Reads a real bank sample from `../shared/samples/camt/` beside the repository; CI lays the
/// folder there, so a missing one fails the test.
fn sample(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/samples/camt")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|err| {
        panic!(
            "the bank sample {} must be there (../shared/samples/camt/ from the repository \
             root): {err}",
            path.display()
        )
    })
}

/// An amount string such as `"921.00"` in cents.
fn cents(amount: &Value) -> i64 {
    let (whole, fraction) = text(amount).split_once('.').unwrap();
    whole.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
}

/// What the transactions move the balance by, in cents.
fn net(transactions: &[Value]) -> i64 {
    transactions
        .iter()
        .map(|tx| match text(&tx["direction"]) {
            "credit" => cents(&tx["amount"]["amount"]),
            _ => -cents(&tx["amount"]["amount"]),
        })
        .sum()
}

async fn real_statements_of_three_banks_are_read_whole(backend: Backend) {
    let app = spawn_app(backend).await;
    // (file, entries, transaction details (an entry without details counts as one), opening and
    // closing balance in cents as the file states them; None where it gives no opening).
    let samples = [
        (
            "04_abnamro_nl_camt053v02_13types_return_reject.xml",
            13,
            29,
            Some(100_001),
            10_001,
        ),
        (
            "06_nordea_fi_camt053v02_rf_ustrd.xml",
            6,
            6,
            Some(20_050),
            880_050,
        ),
        ("11_wise_camt053v10_othr_account.xml", 1, 1, None, 60_680),
    ];
    for (file, entries, details, opening, closing) in samples {
        let response = import(&app, &app.admin_token, &sample(file), None).await;
        let status = response.status();
        let imported = body(response).await;
        assert_eq!(status, 201, "{file}: {imported}");
        assert_eq!(imported["entry_count"], entries, "{file}");
        let tx = imported["transactions"].as_array().unwrap();
        assert_eq!(tx.len(), details, "{file}");
        assert_eq!(cents(&imported["closing_balance"]["amount"]), closing);
        match opening {
            Some(opening) => {
                assert_eq!(cents(&imported["opening_balance"]["amount"]), opening);
                assert_eq!(
                    net(tx),
                    closing - opening,
                    "{file}: every cent accounted for"
                );
            }
            None => assert!(imported["opening_balance"].is_null()),
        }
        // No configured collection account and no case placed: nothing is booked.
        assert_eq!(imported["collection_account"], false, "{file}");
        assert!(tx.iter().all(|t| t["status"] != "matched"), "{file}");
    }
    let abn = listed(&app, "review").await;
    // The SDD reject and return of the ABN AMRO file are returns with nothing to return.
    assert_eq!(abn.len(), 2, "{abn:?}");
    assert!(abn.iter().all(|t| t["direction"] == "debit"));
    let wise = listed(&app, "unmatched")
        .await
        .into_iter()
        .find(|t| t["bank_reference"] == "Test Buchung")
        .unwrap();
    assert_eq!(
        wise["amount"],
        json!({"amount": "195.86", "currency": "USD"})
    );
    assert_eq!(wise["booking_date"], "2023-06-21");
}

async fn a_file_that_is_not_understood_is_refused_and_nothing_is_kept(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Refusal GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let case = app.place_case(&member.token, "REFUSE-1").await;
    let paying = entry(
        "10.00",
        "EUR",
        "CRDT",
        "BOOK",
        &[detail(&structured(text(&case["rf_reference"])))],
    );

    let csv = import(&app, &app.admin_token, "amount;reference\n10.00;RF18", None).await;
    assert_eq!(assert_problem(csv, 400).await["code"], "not_xml");

    let other = statement("S-2", COLLECTION_IBAN, "", std::slice::from_ref(&paying))
        .replace("camt.053.001.08", "camt.053.001.11");
    let problem = assert_problem(import(&app, &app.admin_token, &other, None).await, 422).await;
    assert_eq!(problem["code"], "statement_unreadable");
    assert_eq!(problem["element"], "Document");

    // The first entry pays the case, the second has no sign: the whole file is refused.
    let unsigned =
        entry("5.00", "EUR", "CRDT", "BOOK", &[]).replace("<CdtDbtInd>CRDT</CdtDbtInd>", "");
    let half = statement("S-3", COLLECTION_IBAN, "", &[paying.clone(), unsigned]);
    let problem = assert_problem(import(&app, &app.admin_token, &half, None).await, 422).await;
    assert_eq!(problem["code"], "statement_unreadable");
    assert_eq!(problem["element"], "Ntry[2]/CdtDbtInd");

    let entity = format!(
        r#"<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY x "RF18">]>{}"#,
        statement("S-4", COLLECTION_IBAN, "", std::slice::from_ref(&paying))
            .trim_start_matches(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
    );
    let problem = assert_problem(import(&app, &app.admin_token, &entity, None).await, 422).await;
    assert_eq!(problem["element"], "!DOCTYPE");

    let as_json = app
        .client
        .post(app.url("/v1/bank-statements"))
        .bearer_auth(&app.admin_token)
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem(as_json, 415).await;
    let good = statement("S-5", COLLECTION_IBAN, "", std::slice::from_ref(&paying));
    assert_problem(import(&app, &admin.token, &good, None).await, 403).await;

    assert!(
        payments_of(&app, &member.token, text(&case["id"]))
            .await
            .is_empty()
    );
    for status in ["matched", "unmatched", "review", "ignored"] {
        assert!(listed(&app, status).await.is_empty(), "{status}");
    }
}
