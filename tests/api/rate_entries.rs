//! Reference rates the agency enters after a release: they close the interest gap of a balance on
//! every node, survive a restart, follow the rate rules, are for the agency administrator only,
//! and the readiness check and metrics warn before a series runs out.

use std::time::Duration;

use chrono::NaiveDate;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app};
use crate::test_clock::{move_clock, spawn_with_test_clock};

both_backends!(
    an_entered_basiszinssatz_closes_the_gap_of_a_german_balance_on_every_node,
    entries_follow_the_rate_rules_and_only_the_agency_admin_may_add_them,
    readiness_warns_about_series_running_out_and_metrics_count_their_days,
);

const ENTRIES: &str = "/v1/reference-rates/de_basiszinssatz/entries";

/// The value for 2026-H2. 1.27 % (the 2026-H1 value carried on) is made up for the test, NOT the
/// Bundesbank's published figure.
fn second_half_of_2026() -> Value {
    json!({"effective_date": "2026-07-01", "rate": "1.27", "source": "test"})
}

/// The value for 2027-H1. 1.52 % is made up for the test, NOT a real Basiszinssatz.
fn first_half_of_2027() -> Value {
    json!({"effective_date": "2027-01-01", "rate": "1.52", "source": "test"})
}

async fn get_at(app: &TestApp, address: &str, path: &str, token: &str) -> Value {
    let response = app
        .client
        .get(format!("{address}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{address}{path}");
    response.json().await.unwrap()
}

async fn an_entered_basiszinssatz_closes_the_gap_of_a_german_balance_on_every_node(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    // A second node of the installation, running before the rates are entered; its scheduler
    // reloads the rates every second.
    let other_node = app
        .start_node(|config| config.scheduler_interval_seconds = 1)
        .await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "ACME-1").await;
    let balance_path = format!(
        "/v1/cases/{}/balance?as_of=2027-03-31",
        case["id"].as_str().unwrap()
    );

    // EUR 1,000.00 due 2026-02-04; BGB s.288(2): Basiszinssatz + 9 points, fixed per half-year
    // (BGB s.247). The embedded data knows the Basiszinssatz through 2026-12-31 only.
    let before = body(app.get(&balance_path, &member.token).await).await;
    let gaps = before["interest"]["gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1, "{before}");
    assert!(
        gaps[0].as_str().unwrap().contains("2027-01-01"),
        "{}",
        gaps[0]
    );
    // 2026-02-05..2026-07-01 confirmed and 2026-07-01..2027-01-01 carried forward (provisional).
    let lines = before["interest"]["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 2, "{before}");
    assert_eq!(lines[1]["provisional"], true);
    assert_eq!(lines[1]["to"], "2027-01-01");

    // The domain takes each half-year in turn, so 2026-H2 goes in before 2027-H1.
    let response = app
        .post(ENTRIES, &app.admin_token, &second_half_of_2026())
        .await;
    assert_eq!(response.status(), 201);
    let response = app
        .client
        .post(app.url(ENTRIES))
        .bearer_auth(&app.admin_token)
        .header("idempotency-key", "basiszins-2027-h1")
        .json(&first_half_of_2027())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(
        response.headers()["location"],
        "/v1/reference-rates?series=de_basiszinssatz"
    );
    let entry = body(response).await;
    assert!(entry["id"].as_str().unwrap().starts_with("rte_"));
    assert_eq!(entry["series"], "de_basiszinssatz");
    assert_eq!(entry["effective_date"], "2027-01-01");
    assert_eq!(entry["rate"], "1.52");
    assert_eq!(entry["source"], "test");
    let replay = app
        .client
        .post(app.url(ENTRIES))
        .bearer_auth(&app.admin_token)
        .header("idempotency-key", "basiszins-2027-h1")
        .json(&first_half_of_2027())
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 201);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(body(replay).await["id"], entry["id"]);

    // By hand, 1000.00 x rate x days / 36,500, each line rounded to the cent:
    // - 2026-02-05..2027-01-01, 330 days at 1.27 + 9 = 10.27 % (2026-H1 and the entered 2026-H2
    //   have the same rate and are both confirmed now, so they form one line):
    //   3389.1 / 36.5 = 92.852 -> 92.85;
    // - 2027-01-01..2027-04-01, 90 days at 1.52 + 9 = 10.52 %: 946.8 / 36.5 = 25.9397 -> 25.94.
    // Interest 118.79; outstanding 1000.00 + 118.79 + 40.00 (BGB s.288(5)) = 1158.79.
    let check = |after: &Value| {
        assert_eq!(after["interest"]["gaps"], json!([]), "{after}");
        let lines = after["interest"]["lines"].as_array().unwrap();
        assert_eq!(lines.len(), 2, "{after}");
        let last = &lines[1];
        assert_eq!(
            (
                last["from"].as_str(),
                last["to"].as_str(),
                last["days"].as_i64(),
                last["rate"].as_str(),
                last["amount"]["amount"].as_str(),
                last["provisional"].as_bool(),
            ),
            (
                Some("2027-01-01"),
                Some("2027-04-01"),
                Some(90),
                Some("10.52"),
                Some("25.94"),
                Some(false)
            )
        );
        assert!(last["legal_basis"].as_str().unwrap().contains("288"));
        assert_eq!(
            (
                lines[0]["from"].as_str(),
                lines[0]["days"].as_i64(),
                lines[0]["rate"].as_str(),
                lines[0]["amount"]["amount"].as_str(),
                lines[0]["provisional"].as_bool(),
            ),
            (
                Some("2026-02-05"),
                Some(330),
                Some("10.27"),
                Some("92.85"),
                Some(false)
            )
        );
        assert_eq!(after["interest"]["total"]["amount"], "118.79");
        assert_eq!(after["outstanding"]["amount"], "1158.79");
    };
    check(&body(app.get(&balance_path, &member.token).await).await);

    // The same date again is refused: stored rates are only appended.
    let again = assert_problem(
        app.post(ENTRIES, &app.admin_token, &first_half_of_2027())
            .await,
        422,
    )
    .await;
    assert_eq!(again["errors"][0]["field"], "effective_date");
    assert_eq!(again["errors"][0]["code"], "not_after_known");

    // The other node picks the entries up within its scheduler interval.
    let mut seen = json!(null);
    for _ in 0..50 {
        seen = get_at(&app, &other_node, &balance_path, &member.token).await;
        if seen["interest"]["gaps"] == json!([]) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    check(&seen);

    // A node started afterwards (a restart) loads them from the database.
    let restarted = app.start_node(|_| {}).await;
    check(&get_at(&app, &restarted, &balance_path, &member.token).await);
    let listing = get_at(
        &app,
        &restarted,
        "/v1/reference-rates?series=de_basiszinssatz",
        &member.token,
    )
    .await;
    let series = &listing["data"][0];
    assert_eq!(series["carried_forward_through"], "2027-06-30");
    let entries = series["entries"].as_array().unwrap();
    let last = entries.last().unwrap();
    assert_eq!(last["effective_from"], "2027-01-01");
    assert_eq!(last["rate_percent"], "1.52");
    assert_eq!(last["source"], "test");
    assert_eq!(last["added_by_agency"], true);
    assert!(last["added_at"].is_string());
    let shipped = entries
        .iter()
        .find(|e| e["effective_from"] == "2026-01-01")
        .unwrap();
    assert_eq!(shipped["added_by_agency"], false);
    assert!(shipped["added_at"].is_null());
}

async fn entries_follow_the_rate_rules_and_only_the_agency_admin_may_add_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let creditor_admin = app.create_user(&creditor, "creditor_admin").await;
    let collector = app.create_user(&app.agency_id().await, "collector").await;

    let anonymous = app
        .request(Method::POST, ENTRIES, None, Some(&second_half_of_2026()))
        .await;
    assert_problem(anonymous, 401).await;
    for token in [&creditor_admin.token, &collector.token] {
        assert_problem(app.post(ENTRIES, token, &second_half_of_2026()).await, 403).await;
    }
    assert_problem(
        app.post(
            "/v1/reference-rates/libor/entries",
            &app.admin_token,
            &second_half_of_2026(),
        )
        .await,
        404,
    )
    .await;

    // Each refusal names the field and what to change.
    let refused = [
        (first_half_of_2027(), "effective_date", "skips_half_year"),
        (
            json!({"effective_date": "2026-08-01", "rate": "1.27", "source": "test"}),
            "effective_date",
            "not_half_year_start",
        ),
        (
            json!({"effective_date": "2026-07-01", "rate": "127", "source": "test"}),
            "rate",
            "rate_out_of_range",
        ),
        (
            json!({"effective_date": "2026-07-01", "rate": "1,27", "source": "test"}),
            "rate",
            "invalid_rate",
        ),
        (
            json!({"effective_date": "2026-07-01", "rate": "1.27", "source": " "}),
            "source",
            "required",
        ),
    ];
    for (entry, field, code) in refused {
        let problem = assert_problem(app.post(ENTRIES, &app.admin_token, &entry).await, 422).await;
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{problem}");
        assert!(!problem["errors"][0]["message"].as_str().unwrap().is_empty());
    }
    // Nothing was stored: the next half-year is still open.
    assert_eq!(
        app.post(ENTRIES, &app.admin_token, &second_half_of_2026())
            .await
            .status(),
        201
    );
}

async fn readiness_warns_about_series_running_out_and_metrics_count_their_days(backend: Backend) {
    // On 2030-01-01 every series in use has run out: no embedded history reaches past 2027.
    let app = spawn_with_test_clock(backend).await;
    move_clock(&app, NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()).await;

    let ready = app
        .client
        .get(app.url("/health/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200, "warnings never make a node unready");
    let ready = body(ready).await;
    let warned: Vec<&str> = ready["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|warning| warning["series"].as_str().unwrap())
        .collect();
    // Every series an interest rule of a jurisdiction reads, in the order the API lists series;
    // the Finnish reference rate is read by none (Korkolaki s.12 defines it from the ECB rate, which
    // the Finnish rule reads directly).
    assert_eq!(
        warned,
        [
            "ecb_main_refinancing",
            "de_basiszinssatz",
            "boe_bank_rate",
            "nl_wettelijke_handelsrente",
            "at_basiszinssatz",
            "dk_nationalbank_lending_rate",
            "se_riksbank_reference_rate",
            "no_forsinkelsesrente",
            "pl_nbp_reference_rate",
            "cz_cnb_repo_rate",
            "hu_mnb_base_rate",
            "za_prescribed_rate",
        ]
    );
    let warning = |series: &str| {
        ready["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|warning| warning["series"] == series)
            .unwrap()
            .clone()
    };
    // The German series is known through 2026-H2, so it runs out on 2027-01-01 (BGB s.247(2)
    // publishes each half-year's value); the Danish fixings stop with 2023-H2, so that series
    // ran out on 2024-01-01.
    let german = warning("de_basiszinssatz");
    assert_eq!(german["runs_out_on"], "2027-01-01");
    assert!(german["message"].as_str().unwrap().contains("/entries"));
    let danish = warning("dk_nationalbank_lending_rate");
    assert_eq!(danish["runs_out_on"], "2024-01-01");
    assert!(danish["message"].as_str().unwrap().contains("/entries"));

    let text = app
        .get("/metrics", &app.admin_token)
        .await
        .text()
        .await
        .unwrap();
    // 2027-01-01 to 2030-01-01: 365 + 366 (2028) + 365 days, counted as days left below zero.
    assert!(
        text.contains(r#"solvo_reference_rate_days_left{series="de_basiszinssatz"} -1096"#),
        "{text}"
    );
}
