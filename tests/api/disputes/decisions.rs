//! Deciding a dispute once: rejected returns the case where it was, a whole-claim dispute upheld
//! closes it `dispute_upheld`, a partial one upheld credits exactly its amount and returns it.

use serde_json::{Value, json};

use super::{
    balance, case_of, invalid_fields, raise, raised, resolve, resolved, scene, timeline_kinds,
};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};

both_backends!(
    a_rejected_dispute_returns_the_case_to_its_state,
    a_whole_claim_dispute_upheld_closes_the_case_dispute_upheld,
    a_partial_dispute_upheld_credits_exactly_the_amount_and_returns_the_case,
);

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
