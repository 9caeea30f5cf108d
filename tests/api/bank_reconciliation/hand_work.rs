//! The hand work on what the matching left: a person matches, splits, unmatches and ignores.

use serde_json::json;

use super::{
    COLLECTION_IBAN, detail, entry, import, listed, payer, payments_of, statement, text,
    unstructured, with_collection_account,
};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app_with};

both_backends!(a_person_matches_splits_unmatches_and_ignores,);

async fn a_person_matches_splits_unmatches_and_ignores(backend: Backend) {
    let app = spawn_app_with(backend, with_collection_account).await;
    let creditor = app.create_creditor("Hand GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let a = app.place_case(&member.token, "HAND-1").await;
    let b = app.place_case(&member.token, "HAND-2").await;
    let xml = statement(
        "STMT-HAND",
        COLLECTION_IBAN,
        "",
        &[
            entry(
                "300.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&format!(
                    "{}{}",
                    payer("Somebody Else", "NL91ABNA0417164300"),
                    unstructured(&["Thank you"])
                ))],
            ),
            // An invoice number and the debtor's name.
            entry(
                "120.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&format!(
                    "{}{}",
                    payer("GLOBEX GMBH", "DE44500105175407324931"),
                    unstructured(&["Invoice HAND-1-INV-1"])
                ))],
            ),
            // The creditor's case reference, but from someone who is not the debtor.
            entry(
                "50.00",
                "EUR",
                "CRDT",
                "BOOK",
                &[detail(&format!(
                    "{}{}",
                    payer("Initech AG", "NL91ABNA0417164300"),
                    unstructured(&["HAND-2"])
                ))],
            ),
            entry(
                "20.00",
                "EUR",
                "DBIT",
                "BOOK",
                &[detail(&unstructured(&["Account fee"]))],
            ),
        ],
    );
    let response = import(&app, &app.admin_token, &xml, None).await;
    assert_eq!(response.status(), 201);
    let tx = body(response).await["transactions"]
        .as_array()
        .unwrap()
        .clone();
    let status: Vec<&str> = tx.iter().map(|t| text(&t["status"])).collect();
    assert_eq!(status, ["unmatched", "matched", "unmatched", "unmatched"]);
    assert_eq!(tx[1]["match_method"], "reference_and_debtor");
    assert_eq!(tx[1]["case_id"], a["id"]);
    assert!(text(&tx[2]["status_reason"]).contains(text(&b["id"])));
    let id = |n: usize| text(&tx[n]["id"]).to_owned();
    let action = |n: usize, what: &str| format!("/v1/bank-transactions/{}/{what}", id(n));

    let short = app
        .post(
            &action(2, "match"),
            &app.admin_token,
            &json!({"splits": [{"case_id": a["id"], "amount": "10.00"}, {"case_id": b["id"], "amount": "10.00"}]}),
        )
        .await;
    let problem = assert_problem(short, 422).await;
    assert_eq!(problem["errors"][0]["code"], "does_not_add_up");
    let unknown = app
        .post(
            &action(2, "match"),
            &app.admin_token,
            &json!({"case_id": "case_missing"}),
        )
        .await;
    assert_eq!(
        assert_problem(unknown, 422).await["errors"][0]["code"],
        "unknown_case"
    );
    let debit = app
        .post(
            &action(3, "match"),
            &app.admin_token,
            &json!({"case_id": a["id"]}),
        )
        .await;
    assert_problem(debit, 409).await;

    let split = app
        .post(
            &action(0, "match"),
            &app.admin_token,
            &json!({"splits": [{"case_id": a["id"], "amount": "100.00"}, {"case_id": b["id"], "amount": "200.00"}]}),
        )
        .await;
    assert_eq!(split.status(), 200);
    let split = body(split).await;
    assert_eq!(split["status"], "matched");
    assert_eq!(split["match_method"], "manual");
    assert!(split["case_id"].is_null(), "two cases: see matches");
    let parts: Vec<(&str, &str)> = split["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (text(&m["case_id"]), text(&m["amount"]["amount"])))
        .collect();
    assert_eq!(
        parts,
        [(text(&a["id"]), "100.00"), (text(&b["id"]), "200.00")]
    );
    let paid_a: Vec<String> = payments_of(&app, &member.token, text(&a["id"]))
        .await
        .iter()
        .map(|p| text(&p["amount"]["amount"]).to_owned())
        .collect();
    assert_eq!(paid_a, ["120.00", "100.00"]);
    assert_eq!(
        payments_of(&app, &member.token, text(&b["id"])).await[0]["amount"]["amount"],
        "200.00"
    );

    let undone = app
        .post(
            &action(0, "unmatch"),
            &app.admin_token,
            &json!({"reason": "Split the wrong way"}),
        )
        .await;
    assert_eq!(undone.status(), 200);
    let undone = body(undone).await;
    assert_eq!(undone["status"], "unmatched");
    assert_eq!(undone["matches"], json!([]));
    assert_eq!(undone["status_reason"], "Split the wrong way");
    let paid_b = payments_of(&app, &member.token, text(&b["id"])).await;
    assert_eq!(paid_b[0]["status"], "reversed");
    assert!(text(&paid_b[0]["reversal"]["reason"]).contains("Split the wrong way"));
    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline", text(&b["id"])),
            &member.token,
        )
        .await,
    )
    .await;
    let kinds: Vec<&str> = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| text(&event["kind"]))
        .collect();
    assert!(
        kinds.ends_with(&[
            "record_payment",
            "bank_transaction_matched",
            "payment_reversed",
            "bank_transaction_unmatched"
        ]),
        "{kinds:?}"
    );

    let blank = app
        .post(
            &action(3, "ignore"),
            &app.admin_token,
            &json!({"reason": " "}),
        )
        .await;
    assert_problem(blank, 422).await;
    let ignored = app
        .post(
            &action(3, "ignore"),
            &app.admin_token,
            &json!({"reason": "The bank's account fee"}),
        )
        .await;
    assert_eq!(ignored.status(), 200);
    assert_eq!(body(ignored).await["status"], "ignored");
    let ignored = listed(&app, "ignored").await;
    assert_eq!(ignored.len(), 1);
    assert_eq!(ignored[0]["id"], id(3).as_str());
    let matched = app
        .post(
            &action(1, "ignore"),
            &app.admin_token,
            &json!({"reason": "no"}),
        )
        .await;
    assert_problem(matched, 409).await;

    let bogus = app
        .get("/v1/bank-transactions?status=bogus", &app.admin_token)
        .await;
    assert_problem(bogus, 422).await;
    let creditors = app.get("/v1/bank-transactions", &member.token).await;
    assert_problem(creditors, 403).await;
    let missing = app
        .get("/v1/bank-transactions/btx_missing", &app.admin_token)
        .await;
    assert_problem(missing, 404).await;
    let one = body(
        app.get(
            &format!("/v1/bank-transactions/{}", id(1)),
            &app.admin_token,
        )
        .await,
    )
    .await;
    assert_eq!(one["payment_id"], tx[1]["payment_id"]);
}
