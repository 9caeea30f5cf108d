//! Disputes: raised on a case (which moves to `disputed`), decided once. A rejected dispute
//! returns the case where it was; a whole-claim dispute upheld closes it `dispute_upheld`; a
//! partial one upheld credits the principal and returns the case. Refusals, permissions and
//! tenancy. The test clock starts on a fixed day (2030-01-07), so balances are stable.

use serde_json::{Value, json};

use crate::arrangements::{START, day};
use crate::both_backends;
use crate::cases::start_amicable;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, GLOBEX, InstructionRequest, InvoiceRequest, TestApp,
    TestUser, assert_problem, body,
};
use crate::test_clock::{move_clock, spawn_with_test_clock};

both_backends!(
    a_rejected_dispute_returns_the_case_to_its_state,
    a_whole_claim_dispute_upheld_closes_the_case_dispute_upheld,
    a_partial_dispute_upheld_credits_exactly_the_amount_and_returns_the_case,
    disputes_that_break_a_rule_are_refused,
    who_may_raise_read_and_resolve_disputes,
    a_dispute_lapses_when_its_case_is_withdrawn_undecided,
);

/// A sandbox on [`START`] with a creditor (its admin, member and viewer) that placed one
/// German case of 1,000.00 (invoice 2029-9, due 2029-11-01) in `amicable`, worked by a
/// collector covering every country.
struct Scene {
    app: TestApp,
    admin: TestUser,
    member: TestUser,
    viewer: TestUser,
    collector: TestUser,
    case: String,
}

async fn scene(backend: Backend) -> Scene {
    let app = spawn_with_test_clock(backend).await;
    move_clock(&app, day(START)).await;
    let creditor = app.create_creditor("Acme").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    let collector = app.create_covering_collector().await;
    let placed = app
        .post(
            "/v1/cases",
            &member.token,
            &CaseRequest::new("DSP-1")
                .debtor(DebtorRequest::company(GLOBEX, "DE").registration_number("HRB 1"))
                .invoice(
                    InvoiceRequest::new("2029-9", "1000.00", "2029-11-01").issued("2029-10-01"),
                ),
        )
        .await;
    assert_eq!(placed.status(), 201);
    let case = body(placed).await["id"].as_str().unwrap().to_owned();
    start_amicable(&app, &case).await;
    Scene {
        app,
        admin,
        member,
        viewer,
        collector,
        case,
    }
}

async fn raise(scene: &Scene, token: &str, dispute: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/cases/{}/disputes", scene.case),
            token,
            dispute,
        )
        .await
}

async fn raised(scene: &Scene, dispute: &Value) -> Value {
    let response = raise(scene, &scene.member.token, dispute).await;
    let status = response.status();
    let dispute = body(response).await;
    assert_eq!(status, 201, "{dispute}");
    dispute
}

async fn resolve(scene: &Scene, token: &str, id: &str, decision: &Value) -> reqwest::Response {
    scene
        .app
        .post(&format!("/v1/disputes/{id}/resolution"), token, decision)
        .await
}

async fn resolved(scene: &Scene, id: &str, decision: &Value) -> Value {
    let response = resolve(scene, &scene.admin.token, id, decision).await;
    let status = response.status();
    let dispute = body(response).await;
    assert_eq!(status, 200, "{dispute}");
    dispute
}

async fn case_of(scene: &Scene) -> Value {
    body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await
}

async fn balance(scene: &Scene) -> Value {
    body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/balance", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await
}

async fn timeline_kinds(scene: &Scene) -> Vec<String> {
    let page = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/timeline?limit=500", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["kind"].as_str().unwrap().to_owned())
        .collect()
}

fn invalid_fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn a_rejected_dispute_returns_the_case_to_its_state(backend: Backend) {
    let scene = scene(backend).await;
    assert_eq!(case_of(&scene).await["state"], "amicable");
    let request =
        json!({"category": "goods_not_received", "text": "  The pallet never arrived.  "});
    let first = scene
        .app
        .client
        .post(scene.app.url(&format!("/v1/cases/{}/disputes", scene.case)))
        .bearer_auth(&scene.member.token)
        .header("Idempotency-Key", "dispute-1")
        .json(&request)
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 201);
    let dispute = body(first).await;
    assert_eq!(dispute["case_state"], "disputed");
    assert_eq!(dispute["status"], "open");
    assert_eq!(dispute["category"], "goods_not_received");
    assert_eq!(dispute["text"], "The pallet never arrived.");
    assert_eq!(dispute["disputed_amount"], Value::Null, "the whole claim");
    assert_eq!(dispute["resolution"], Value::Null);
    let id = dispute["id"].as_str().unwrap().to_owned();
    let replay = scene
        .app
        .client
        .post(scene.app.url(&format!("/v1/cases/{}/disputes", scene.case)))
        .bearer_auth(&scene.member.token)
        .header("Idempotency-Key", "dispute-1")
        .json(&request)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 201);
    assert_eq!(
        body(replay).await["id"],
        id.as_str(),
        "replayed, not raised twice"
    );

    // Disputed: a second dispute is refused by the state machine, and so is a payment plan.
    let again = raise(&scene, &scene.member.token, &request).await;
    let problem = assert_problem(again, 409).await;
    assert_eq!(problem["code"], "transition_refused");
    assert_eq!(problem["state"], "disputed");
    let plan = scene
        .app
        .post(
            &format!("/v1/cases/{}/payment-plans", scene.case),
            &scene.collector.token,
            &json!({"instalment_count": 2, "first_due_date": "2030-02-01", "frequency": "monthly"}),
        )
        .await;
    assert_eq!(
        assert_problem(plan, 409).await["code"],
        "transition_refused"
    );
    // Contact about the dispute is still logged.
    let activity = scene
        .app
        .post(
            &format!("/v1/cases/{}/activities", scene.case),
            &scene.collector.token,
            &json!({"channel": "phone", "outcome": "reached", "notes": "Asked for the delivery note."}),
        )
        .await;
    assert_eq!(activity.status(), 201, "{}", body(activity).await);

    let decided = resolved(
        &scene,
        &id,
        &json!({"outcome": "rejected", "reasons": "Delivery note signed by the debtor."}),
    )
    .await;
    assert_eq!(decided["case_state"], "amicable", "back where it was");
    assert_eq!(decided["status"], "rejected");
    assert_eq!(decided["resolution"]["outcome"], "rejected");
    assert_eq!(
        decided["resolution"]["reasons"],
        "Delivery note signed by the debtor."
    );
    assert_eq!(
        decided["resolution"]["resolved_by"],
        scene.admin.id.as_str()
    );
    assert_eq!(case_of(&scene).await["state"], "amicable");

    // Decided once.
    let twice = resolve(
        &scene,
        &scene.admin.token,
        &id,
        &json!({"outcome": "upheld", "reasons": "Changed my mind."}),
    )
    .await;
    assert_eq!(assert_problem(twice, 409).await["code"], "dispute_resolved");

    let kinds = timeline_kinds(&scene).await;
    assert!(kinds.contains(&"raise_dispute".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"resolve_dispute".to_owned()), "{kinds:?}");
    let listed = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/disputes", scene.case),
                &scene.viewer.token,
            )
            .await,
    )
    .await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    assert_eq!(listed["data"][0]["status"], "rejected");
}

async fn a_whole_claim_dispute_upheld_closes_the_case_dispute_upheld(backend: Backend) {
    let scene = scene(backend).await;
    let dispute = raised(
        &scene,
        &json!({"category": "not_our_debt", "text": "We never ordered from Acme."}),
    )
    .await;
    let id = dispute["id"].as_str().unwrap();
    let member_decides = resolve(
        &scene,
        &scene.member.token,
        id,
        &json!({"outcome": "upheld", "reasons": "x"}),
    )
    .await;
    assert_eq!(
        assert_problem(member_decides, 403).await["code"],
        "forbidden"
    );
    let credit_on_whole = resolve(
        &scene,
        &scene.admin.token,
        id,
        &json!({"outcome": "upheld", "reasons": "Wrong debtor.", "credited_amount": "10.00"}),
    )
    .await;
    let problem = assert_problem(credit_on_whole, 422).await;
    assert_eq!(
        invalid_fields(&problem),
        [("credited_amount".to_owned(), "not_allowed".to_owned())]
    );

    let decided = resolved(
        &scene,
        id,
        &json!({"outcome": "upheld", "reasons": "The order was placed by another company."}),
    )
    .await;
    assert_eq!(decided["case_state"], "closed");
    assert_eq!(decided["status"], "upheld");
    assert_eq!(decided["resolution"]["credited_amount"], Value::Null);
    let case = case_of(&scene).await;
    assert_eq!(case["state"], "closed");
    assert_eq!(case["outcome"], "dispute_upheld");

    // Nothing more can be disputed on a closed case.
    let closed = raise(
        &scene,
        &scene.member.token,
        &json!({"category": "other", "text": "Again."}),
    )
    .await;
    assert_eq!(assert_problem(closed, 409).await["code"], "case_closed");
}

async fn a_partial_dispute_upheld_credits_exactly_the_amount_and_returns_the_case(
    backend: Backend,
) {
    let scene = scene(backend).await;
    // Worked by hand: invoice 2029-9 of 1,000.00 plus the EUR 40.00 recovery compensation
    // (BGB s.288(5)) is 1,040.00. No Basiszinssatz is published for 2029-2030 yet, so no
    // statutory interest is computed (an interest gap) and the balance is 1,040.00 on every day.
    let before = balance(&scene).await;
    assert_eq!(before["outstanding"]["amount"], "1040.00", "{before}");
    let dispute = raised(
        &scene,
        &json!({
            "category": "defective_goods",
            "text": "A third of the pallets were broken.",
            "disputed_amount": "300.00",
            "currency": "EUR",
            "invoice_numbers": ["2029-9"],
        }),
    )
    .await;
    assert_eq!(dispute["disputed_amount"]["amount"], "300.00");
    assert_eq!(dispute["invoice_numbers"], json!(["2029-9"]));
    let id = dispute["id"].as_str().unwrap();
    let too_much = resolve(
        &scene,
        &scene.admin.token,
        id,
        &json!({"outcome": "upheld", "reasons": "Broken pallets.", "credited_amount": "1000.01"}),
    )
    .await;
    let problem = assert_problem(too_much, 422).await;
    assert_eq!(
        invalid_fields(&problem),
        [("credited_amount".to_owned(), "above_principal".to_owned())]
    );

    let decided = resolved(
        &scene,
        id,
        &json!({"outcome": "upheld", "reasons": "Broken pallets, 250.00 agreed.", "credited_amount": "250.00"}),
    )
    .await;
    assert_eq!(decided["case_state"], "amicable", "back where it was");
    assert_eq!(decided["status"], "upheld");
    assert_eq!(decided["resolution"]["credited_amount"]["amount"], "250.00");
    // 1,040.00 - 250.00 = 790.00: the principal falls from 1,000.00 to 750.00, the compensation
    // stays 40.00.
    let after = balance(&scene).await;
    assert_eq!(after["outstanding"]["amount"], "790.00", "{after}");
    assert_eq!(after["principal"]["amount"], "750.00", "{after}");
    assert_eq!(case_of(&scene).await["state"], "amicable");
}

async fn disputes_that_break_a_rule_are_refused(backend: Backend) {
    let scene = scene(backend).await;
    let refused = |dispute: Value| {
        let scene = &scene;
        async move {
            let response = raise(scene, &scene.member.token, &dispute).await;
            assert_problem(response, 422).await
        }
    };
    let bad_category = refused(json!({"category": "bad_weather", "text": "Rain."})).await;
    assert_eq!(bad_category["code"], "validation_failed");
    assert_eq!(
        invalid_fields(&bad_category)[0].0,
        "category",
        "{bad_category}"
    );
    let blank = refused(json!({"category": "other", "text": "   "})).await;
    assert_eq!(
        invalid_fields(&blank),
        [("text".to_owned(), "blank".to_owned())]
    );
    let long = refused(json!({"category": "other", "text": "x".repeat(4_001)})).await;
    assert_eq!(
        invalid_fields(&long),
        [("text".to_owned(), "too_long".to_owned())]
    );
    let unknown_document = refused(
        json!({"category": "other", "text": "See attached.", "document_ids": ["doc_missing"]}),
    )
    .await;
    assert_eq!(
        invalid_fields(&unknown_document),
        [("document_ids[0]".to_owned(), "unknown_document".to_owned())]
    );
    let unknown_invoice = refused(
        json!({"category": "wrong_amount", "text": "Wrong.", "invoice_numbers": ["NOPE-1"]}),
    )
    .await;
    assert_eq!(
        invalid_fields(&unknown_invoice),
        [(
            "invoice_numbers[0]".to_owned(),
            "unknown_invoice".to_owned()
        )]
    );
    // The case owes 1,040.00 (see the partial scenario).
    let above = refused(
        json!({"category": "wrong_amount", "text": "Too much.", "disputed_amount": "1040.01"}),
    )
    .await;
    assert_eq!(
        invalid_fields(&above),
        [("disputed_amount".to_owned(), "above_balance".to_owned())]
    );
    let not_positive = refused(
        json!({"category": "wrong_amount", "text": "Too much.", "disputed_amount": "0.00"}),
    )
    .await;
    assert_eq!(
        invalid_fields(&not_positive),
        [("disputed_amount".to_owned(), "not_positive".to_owned())]
    );
    let currency = refused(json!({
        "category": "wrong_amount", "text": "Too much.", "disputed_amount": "100.00", "currency": "USD"
    }))
    .await;
    assert_eq!(
        invalid_fields(&currency),
        [("currency".to_owned(), "not_case_currency".to_owned())]
    );
    assert_eq!(case_of(&scene).await["state"], "amicable", "nothing raised");

    let dispute = raised(&scene, &json!({"category": "other", "text": "Unclear."})).await;
    let blank_reasons = resolve(
        &scene,
        &scene.admin.token,
        dispute["id"].as_str().unwrap(),
        &json!({"outcome": "rejected", "reasons": " "}),
    )
    .await;
    assert_eq!(
        invalid_fields(&assert_problem(blank_reasons, 422).await),
        [("reasons".to_owned(), "blank".to_owned())]
    );
}

async fn who_may_raise_read_and_resolve_disputes(backend: Backend) {
    let scene = scene(backend).await;
    let request = json!({"category": "already_paid", "text": "Paid in December."});
    let viewer = raise(&scene, &scene.viewer.token, &request).await;
    assert_eq!(assert_problem(viewer, 403).await["code"], "forbidden");
    let other_creditor = scene.app.create_creditor("Other").await;
    let stranger = scene
        .app
        .create_user(&other_creditor, "creditor_admin")
        .await;
    let foreign = raise(&scene, &stranger.token, &request).await;
    assert_eq!(assert_problem(foreign, 404).await["code"], "not_found");
    let agency = scene.app.agency_id().await;
    let unassigned = scene.app.create_user(&agency, "collector").await;
    let not_in_book = raise(&scene, &unassigned.token, &request).await;
    assert_eq!(assert_problem(not_in_book, 404).await["code"], "not_found");

    // The collector working the case records it.
    let response = raise(&scene, &scene.collector.token, &request).await;
    assert_eq!(response.status(), 201);
    let id = body(response).await["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/disputes/{id}");
    for (who, token, status) in [
        ("viewer", &scene.viewer.token, 200),
        ("collector", &scene.collector.token, 200),
        ("another tenant", &stranger.token, 404),
        ("an unassigned collector", &unassigned.token, 404),
    ] {
        assert_eq!(
            scene.app.get(&path, token).await.status(),
            status,
            "{who} reads the dispute"
        );
    }
    let listed = scene
        .app
        .get(
            &format!("/v1/cases/{}/disputes", scene.case),
            &stranger.token,
        )
        .await;
    assert_eq!(listed.status(), 404);
    for (who, token, status) in [
        ("another tenant", &stranger.token, 404),
        ("an unassigned collector", &unassigned.token, 403),
        ("the collector", &scene.collector.token, 403),
        ("the viewer", &scene.viewer.token, 403),
    ] {
        let response = resolve(
            &scene,
            token,
            &id,
            &json!({"outcome": "rejected", "reasons": "No."}),
        )
        .await;
        assert_eq!(response.status(), status, "{who} resolves");
    }
    // The agency administrator may decide as well as the creditor's.
    let response = resolve(
        &scene,
        &scene.app.admin_token,
        &id,
        &json!({"outcome": "rejected", "reasons": "Payment not found."}),
    )
    .await;
    assert_eq!(response.status(), 200);
}

async fn a_dispute_lapses_when_its_case_is_withdrawn_undecided(backend: Backend) {
    let scene = scene(backend).await;
    let dispute = raised(
        &scene,
        &json!({"category": "goods_not_received", "text": "Nothing was delivered."}),
    )
    .await;
    let id = dispute["id"].as_str().unwrap();
    let withdraw = InstructionRequest::withdraw("Settled between the parties");
    let withdrawn = scene
        .app
        .post(
            &format!("/v1/cases/{}/instructions", scene.case),
            &scene.admin.token,
            &withdraw,
        )
        .await;
    assert_eq!(withdrawn.status(), 200);
    let seen = body(
        scene
            .app
            .get(&format!("/v1/disputes/{id}"), &scene.member.token)
            .await,
    )
    .await;
    assert_eq!(seen["status"], "lapsed", "{seen}");
    let resolution = json!({"outcome": "rejected", "reasons": "Too late"});
    let late = scene
        .app
        .post(
            &format!("/v1/disputes/{id}/resolution"),
            &scene.admin.token,
            &resolution,
        )
        .await;
    assert_eq!(assert_problem(late, 409).await["code"], "dispute_resolved");
}
