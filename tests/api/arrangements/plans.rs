//! Payment plans: instalments that add up to the total, a missed instalment defaulting the plan
//! after its grace period, a plan paid off closing the case, cancellation and refusals.

use serde_json::{Value, json};

use super::{Scene, day, pay, scene, timeline};
use crate::both_backends;
use crate::cases::start_amicable;
use crate::helpers::{Backend, assert_problem, body};
use crate::test_clock::move_clock;

both_backends!(
    a_missed_instalment_defaults_the_plan_the_day_after_its_grace_period,
    a_plan_paid_off_with_the_balance_closes_the_case,
    a_cancelled_plan_returns_the_case_to_amicable_and_a_new_one_can_be_agreed,
    plans_that_break_a_rule_are_refused,
);

async fn agree(scene: &Scene, plan: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/cases/{}/payment-plans", scene.case),
            &scene.collector.token,
            plan,
        )
        .await
}

async fn agreed(scene: &Scene, plan: &Value) -> Value {
    let response = agree(scene, plan).await;
    let status = response.status();
    let plan = body(response).await;
    assert_eq!(status, 201, "{plan}");
    plan
}

async fn plan_of(scene: &Scene, id: &str) -> Value {
    let response = scene
        .app
        .get(
            &format!("/v1/cases/{}/payment-plans/{id}", scene.case),
            &scene.member.token,
        )
        .await;
    assert_eq!(response.status(), 200);
    body(response).await
}

/// What the case owes today, as a decimal string.
async fn outstanding(scene: &Scene) -> String {
    let balance = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/balance", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    balance["outstanding"]["amount"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn case_state(scene: &Scene) -> String {
    body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn instalments(plan: &Value) -> Vec<(String, String, String, String)> {
    plan["instalments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["due_date"].as_str().unwrap().to_owned(),
                i["amount"]["amount"].as_str().unwrap().to_owned(),
                i["paid"]["amount"].as_str().unwrap().to_owned(),
                i["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn row(due: &str, amount: &str, paid: &str, status: &str) -> (String, String, String, String) {
    (due.into(), amount.into(), paid.into(), status.into())
}

async fn a_missed_instalment_defaults_the_plan_the_day_after_its_grace_period(backend: Backend) {
    let scene = scene(backend).await;
    start_amicable(&scene.app, &scene.case).await;
    let plan = agreed(
        &scene,
        &json!({"instalment_count": 3, "first_due_date": "2030-02-01", "frequency": "monthly", "total": "900.00"}),
    )
    .await;
    assert_eq!(plan["case_state"], "payment_plan");
    assert_eq!(plan["status"], "active");
    assert_eq!(plan["grace_days"], 7, "the creditor's default grace period");
    assert_eq!(
        instalments(&plan),
        [
            row("2030-02-01", "300.00", "0.00", "unpaid"),
            row("2030-03-01", "300.00", "0.00", "unpaid"),
            row("2030-04-01", "300.00", "0.00", "unpaid"),
        ]
    );
    let id = plan["id"].as_str().unwrap();

    move_clock(&scene.app, day("2030-02-01")).await;
    pay(&scene, "300.00", "2030-02-01").await;
    move_clock(&scene.app, day("2030-03-05")).await;
    pay(&scene, "100.00", "2030-03-05").await;
    // The second instalment's grace runs through 8 March: still active on that day.
    move_clock(&scene.app, day("2030-03-08")).await;
    let on_the_last_day = plan_of(&scene, id).await;
    assert_eq!(on_the_last_day["status"], "active");
    assert_eq!(
        instalments(&on_the_last_day),
        [
            row("2030-02-01", "300.00", "300.00", "paid"),
            row("2030-03-01", "300.00", "100.00", "part_paid"),
            row("2030-04-01", "300.00", "0.00", "unpaid"),
        ]
    );
    assert_eq!(case_state(&scene).await, "payment_plan");

    let moved = move_clock(&scene.app, day("2030-03-09")).await;
    assert_eq!(moved["arrangements_reviewed"], 1);
    let defaulted = plan_of(&scene, id).await;
    assert_eq!(defaulted["status"], "defaulted");
    assert_eq!(defaulted["defaulted_instalment"], 2);
    assert_eq!(case_state(&scene).await, "amicable");
    let events = timeline(&scene).await;
    let tail: Vec<(&str, &str)> = events
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(|(kind, actor)| (kind.as_str(), actor.as_str()))
        .collect();
    assert_eq!(
        tail,
        [
            ("payment_plan_defaulted", "system"),
            ("default_payment_plan", "system")
        ]
    );

    let cancel = scene
        .app
        .post(
            &format!("/v1/cases/{}/payment-plans/{id}/cancel", scene.case),
            &scene.collector.token,
            &json!({"reason": "too late"}),
        )
        .await;
    assert_eq!(
        assert_problem(cancel, 409).await["code"],
        "arrangement_ended"
    );
}

async fn a_plan_paid_off_with_the_balance_closes_the_case(backend: Backend) {
    let scene = scene(backend).await;
    start_amicable(&scene.app, &scene.case).await;
    let owed = outstanding(&scene).await;
    // Two weekly instalments of what the case owes today; the total is not given.
    let plan = agreed(
        &scene,
        &json!({"instalment_count": 2, "first_due_date": "2030-01-07", "frequency": "weekly"}),
    )
    .await;
    assert_eq!(plan["total"]["amount"], owed.as_str());
    let cents = |amount: &str| amount.replace('.', "").parse::<i64>().unwrap();
    let sum: i64 = plan["instalments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| cents(i["amount"]["amount"].as_str().unwrap()))
        .sum();
    assert_eq!(
        sum,
        cents(&owed),
        "the instalments add up to the total to the cent"
    );
    let first = plan["instalments"][0]["amount"]["amount"]
        .as_str()
        .unwrap()
        .to_owned();
    let id = plan["id"].as_str().unwrap();
    pay(&scene, &first, "2030-01-07").await;

    move_clock(&scene.app, day("2030-01-14")).await;
    let rest = outstanding(&scene).await;
    let last = pay(&scene, &rest, "2030-01-14").await;
    assert_eq!(last["case_state"], "closed");
    assert_eq!(last["case_outcome"], "paid_in_full");
    let done = plan_of(&scene, id).await;
    assert_eq!(done["status"], "completed");
    assert!(
        instalments(&done)
            .iter()
            .all(|(_, _, _, status)| status == "paid"),
        "{done}"
    );
}

async fn a_cancelled_plan_returns_the_case_to_amicable_and_a_new_one_can_be_agreed(
    backend: Backend,
) {
    let scene = scene(backend).await;
    start_amicable(&scene.app, &scene.case).await;
    let explicit = json!({
        "instalments": [
            {"due_date": "2030-01-20", "amount": "100.00"},
            {"due_date": "2030-02-20", "amount": "400.00"}
        ]
    });
    let plan = agreed(&scene, &explicit).await;
    assert_eq!(
        plan["total"]["amount"], "500.00",
        "the sum of the instalments"
    );
    assert!(plan["frequency"].is_null());
    let id = plan["id"].as_str().unwrap();
    let second = agree(&scene, &explicit).await;
    assert_eq!(
        assert_problem(second, 409).await["code"],
        "transition_refused",
        "one plan at a time"
    );

    let cancel_path = format!("/v1/cases/{}/payment-plans/{id}/cancel", scene.case);
    let by_creditor = scene
        .app
        .post(&cancel_path, &scene.member.token, &json!({"reason": "x"}))
        .await;
    assert_problem(by_creditor, 403).await;
    let blank = scene
        .app
        .post(
            &cancel_path,
            &scene.collector.token,
            &json!({"reason": "  "}),
        )
        .await;
    assert_problem(blank, 422).await;
    let cancelled = scene
        .app
        .post(
            &cancel_path,
            &scene.collector.token,
            &json!({"reason": "Debtor lost a customer; renegotiating"}),
        )
        .await;
    assert_eq!(cancelled.status(), 200);
    let cancelled = body(cancelled).await;
    assert_eq!(cancelled["status"], "cancelled");
    assert_eq!(cancelled["case_state"], "amicable");
    assert_eq!(
        cancelled["cancel_reason"],
        "Debtor lost a customer; renegotiating"
    );
    let events = timeline(&scene).await;
    let tail: Vec<(&str, &str)> = events
        .iter()
        .rev()
        .take(2)
        .rev()
        .map(|(kind, actor)| (kind.as_str(), actor.as_str()))
        .collect();
    assert_eq!(
        tail,
        [
            ("payment_plan_cancelled", "user"),
            ("end_payment_plan", "user")
        ]
    );

    let again = agreed(&scene, &explicit).await;
    assert_eq!(again["status"], "active");
    let other = scene.app.place_case(&scene.member.token, "OTHER-1").await;
    let elsewhere = scene
        .app
        .get(
            &format!(
                "/v1/cases/{}/payment-plans/{id}",
                other["id"].as_str().unwrap()
            ),
            &scene.member.token,
        )
        .await;
    assert_problem(elsewhere, 404).await;
    let listed = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/payment-plans", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    let listed: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["cancelled", "active"]);
}

async fn plans_that_break_a_rule_are_refused(backend: Backend) {
    let scene = scene(backend).await;
    let generated =
        json!({"instalment_count": 3, "first_due_date": "2030-02-01", "frequency": "monthly"});
    let in_assessment = agree(&scene, &generated).await;
    assert_eq!(
        assert_problem(in_assessment, 409).await["code"],
        "transition_refused",
        "a plan is agreed in amicable or pre_legal"
    );
    start_amicable(&scene.app, &scene.case).await;
    let code_of = |problem: Value| {
        let error = &problem["errors"][0];
        (
            error["field"].as_str().unwrap().to_owned(),
            error["code"].as_str().unwrap().to_owned(),
        )
    };
    for (plan, field, code) in [
        (
            json!({"instalments": [{"due_date": "2030-02-01", "amount": "100.00"}], "total": "150.00"}),
            "total",
            "instalments_do_not_add_up",
        ),
        (
            json!({"instalments": [{"due_date": "2030-02-01", "amount": "100.00"}, {"due_date": "2030-01-20", "amount": "50.00"}]}),
            "instalments[1].due_date",
            "out_of_order",
        ),
        (
            json!({"instalment_count": 0, "first_due_date": "2030-02-01", "frequency": "monthly"}),
            "instalment_count",
            "out_of_range",
        ),
        (
            json!({"instalment_count": 3, "first_due_date": "2030-02-01", "frequency": "monthly", "total": "0.02"}),
            "instalment_count",
            "instalment_too_small",
        ),
        (
            json!({"instalment_count": 3, "first_due_date": "2030-01-06", "frequency": "monthly"}),
            "first_due_date",
            "in_past",
        ),
        (
            json!({"instalment_count": 3, "frequency": "monthly"}),
            "instalments",
            "schedule_required",
        ),
        (
            json!({"instalment_count": 3, "first_due_date": "2030-02-01", "frequency": "monthly", "grace_days": 91}),
            "grace_days",
            "out_of_range",
        ),
    ] {
        let refused = agree(&scene, &plan).await;
        let problem = assert_problem(refused, 422).await;
        assert_eq!(
            code_of(problem),
            (field.to_owned(), code.to_owned()),
            "{plan}"
        );
    }
    let yearly = agree(
        &scene,
        &json!({"instalment_count": 3, "first_due_date": "2030-02-01", "frequency": "yearly"}),
    )
    .await;
    assert_problem(yearly, 422).await;
    assert_eq!(case_state(&scene).await, "amicable", "nothing was agreed");
}
