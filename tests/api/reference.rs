//! Reference data: jurisdictions with their rules, reference rates and the case state machine,
//! readable by any authenticated caller.

use reqwest::Method;
use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app};

both_backends!(
    reference_data_needs_credentials,
    jurisdictions_are_listed_with_a_summary_of_each_rule,
    a_jurisdiction_record_carries_every_rule_with_its_legal_basis,
    reference_rates_list_each_embedded_series_with_sources,
    the_case_state_machine_is_served_as_data,
);

/// A creditor viewer: the least privileged role that logs in, which must still read reference data.
async fn viewer_token(app: &TestApp) -> String {
    let creditor = app.create_creditor("Acme").await;
    app.create_user(&creditor, "creditor_viewer").await.token
}

async fn reference_data_needs_credentials(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in [
        "/v1/jurisdictions",
        "/v1/jurisdictions/DE",
        "/v1/reference-rates",
        "/v1/case-states",
    ] {
        let response = app.request(Method::GET, path, None, None).await;
        assert_problem(response, 401).await;
    }
}

async fn jurisdictions_are_listed_with_a_summary_of_each_rule(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = viewer_token(&app).await;

    // 62 jurisdictions: the default page of 50, then the rest after its cursor.
    let page = body(app.get("/v1/jurisdictions", &token).await).await;
    let mut data = page["data"].as_array().unwrap().clone();
    assert_eq!(data.len(), 50);
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = body(
        app.get(&format!("/v1/jurisdictions?cursor={cursor}"), &token)
            .await,
    )
    .await;
    data.extend(rest["data"].as_array().unwrap().iter().cloned());
    assert!(rest["next_cursor"].is_null());
    assert_eq!(data.len(), 62);
    let all = body(app.get("/v1/jurisdictions?limit=500", &token).await).await;
    assert_eq!(all["data"].as_array().unwrap().len(), 62);
    assert!(all["next_cursor"].is_null());
    let germany = data.iter().find(|j| j["code"] == "DE").unwrap();
    assert_eq!(germany["name"], "Germany");
    assert_eq!(germany["country"], "DE");
    assert_eq!(germany["currency"], "EUR");
    assert_eq!(germany["languages"], serde_json::json!(["de"]));
    assert_eq!(germany["rules"]["interest"]["availability"], "available");
    let interest = &germany["rules"]["interest"]["rules"][0];
    assert!(
        interest["summary"]
            .as_str()
            .unwrap()
            .contains("+ 9 percentage points")
    );
    assert!(
        interest["legal_basis"]
            .as_str()
            .unwrap()
            .contains("BGB s.288(2)")
    );
    let new_york = data.iter().find(|j| j["code"] == "US-NY").unwrap();
    assert_eq!(
        new_york["rules"]["interest"]["availability"],
        "not_available"
    );
    assert!(
        !new_york["rules"]["interest"]["gaps"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // Paging follows the list convention, in code order.
    let first = body(app.get("/v1/jurisdictions?limit=5", &token).await).await;
    let codes: Vec<&str> = first["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 5);
    assert!(codes.windows(2).all(|pair| pair[0] < pair[1]));
    let cursor = first["next_cursor"].as_str().unwrap();
    assert_eq!(cursor, codes[4]);
    let second = body(
        app.get(
            &format!("/v1/jurisdictions?limit=5&cursor={cursor}"),
            &token,
        )
        .await,
    )
    .await;
    assert!(second["data"][0]["code"].as_str().unwrap() > cursor);
    assert_problem(app.get("/v1/jurisdictions?limit=0", &token).await, 422).await;

    let united_states = body(app.get("/v1/jurisdictions?country=us", &token).await).await;
    let codes: Vec<&str> = united_states["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["US-CA", "US-FL", "US-IL", "US-NY", "US-TX"]);
    let bad = assert_problem(app.get("/v1/jurisdictions?country=XX", &token).await, 422).await;
    assert_eq!(bad["errors"][0]["field"], "country");
}

async fn a_jurisdiction_record_carries_every_rule_with_its_legal_basis(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = viewer_token(&app).await;

    let germany = body(app.get("/v1/jurisdictions/de", &token).await).await;
    assert_eq!(germany["code"], "DE");
    assert_eq!(germany["interest"][0]["rate"]["series"], "de_basiszinssatz");
    assert_eq!(germany["interest"][0]["rate"]["margin_percent"], "9");
    assert!(
        germany["interest"][0]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("BGB")
    );
    assert_eq!(
        germany["recovery_compensation"][0]["schedule"]["amount"]["amount"],
        "40"
    );
    assert!(
        germany["recovery_compensation"][0]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("s.288(5)")
    );
    assert_eq!(
        germany["collection_costs"]["basis"]["kind"],
        "reasonable_costs"
    );
    assert_eq!(germany["prescription"][0]["period_years"], 3);
    assert_eq!(
        germany["prescription"][0]["start"],
        "end_of_year_of_due_date"
    );
    assert!(
        germany["allocation"]["legal_basis"]
            .as_str()
            .unwrap()
            .contains("BGB")
    );
    assert!(
        germany["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|gap| gap["topic"].is_string() && gap["reason"].is_string())
    );

    // `GB` alone is England and Wales; the record says so in its code.
    let england = body(app.get("/v1/jurisdictions/GB", &token).await).await;
    assert_eq!(england["code"], "GB-ENG");
    assert_eq!(england["country"], "GB");
    assert_eq!(england["subdivision"], "ENG");
    let scotland = body(app.get("/v1/jurisdictions/gb-sct", &token).await).await;
    assert_eq!(scotland["code"], "GB-SCT");

    // An absent rule is "not available" with its reason, never an invented "none".
    let new_york = body(app.get("/v1/jurisdictions/US-NY", &token).await).await;
    assert_eq!(new_york["interest"], serde_json::json!([]));
    assert_eq!(
        new_york["rules"]["interest"]["availability"],
        "not_available"
    );
    assert!(
        new_york["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|gap| gap["topic"] == "interest")
    );

    let missing = assert_problem(app.get("/v1/jurisdictions/XX", &token).await, 404).await;
    for code in ["US", "DE-XYZ", "not-a-code"] {
        let problem = assert_problem(
            app.get(&format!("/v1/jurisdictions/{code}"), &token).await,
            404,
        )
        .await;
        assert_eq!(problem, missing, "{code} answers like any unknown code");
    }
}

async fn reference_rates_list_each_embedded_series_with_sources(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = viewer_token(&app).await;

    let all = body(app.get("/v1/reference-rates", &token).await).await;
    let ids: Vec<&str> = all["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["series"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![
            "at_basiszinssatz",
            "boe_bank_rate",
            "cz_cnb_repo_rate",
            "de_basiszinssatz",
            "dk_nationalbank_lending_rate",
            "ecb_main_refinancing",
            "hu_mnb_base_rate",
            "nl_wettelijke_handelsrente",
            "no_forsinkelsesrente",
            "pl_nbp_reference_rate",
            "se_riksbank_reference_rate",
            "za_prescribed_rate"
        ]
    );

    let german = body(
        app.get("/v1/reference-rates?series=de_basiszinssatz", &token)
            .await,
    )
    .await;
    let series = &german["data"][0];
    assert_eq!(german["data"].as_array().unwrap().len(), 1);
    assert_eq!(series["used_by"], serde_json::json!(["DE"]));
    let entries = series["entries"].as_array().unwrap();
    let rate_on = |day: &str| {
        entries
            .iter()
            .find(|e| e["effective_from"] == day)
            .map(|e| e["rate_percent"].clone())
    };
    assert_eq!(rate_on("2025-01-01"), Some(Value::from("2.27")));
    assert_eq!(rate_on("2025-07-01"), Some(Value::from("1.27")));
    assert!(
        entries
            .iter()
            .all(|e| !e["source"].as_str().unwrap().is_empty())
    );
    assert!(
        series["confirmed_through"].as_str().unwrap()
            <= series["carried_forward_through"].as_str().unwrap()
    );

    // The Danish series is shipped as its 24 half-year fixings, 2012-01-01 to 2023-07-01.
    let danish = body(
        app.get(
            "/v1/reference-rates?series=dk_nationalbank_lending_rate",
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(danish["data"][0]["entries"].as_array().unwrap().len(), 24);
    let not_shipped = body(
        app.get("/v1/reference-rates?series=fi_reference_rate", &token)
            .await,
    )
    .await;
    assert_eq!(not_shipped["data"], serde_json::json!([]));
    let unknown = assert_problem(
        app.get("/v1/reference-rates?series=libor", &token).await,
        422,
    )
    .await;
    assert_eq!(unknown["errors"][0]["field"], "series");
}

async fn the_case_state_machine_is_served_as_data(backend: Backend) {
    let app = spawn_app(backend).await;
    let agency = app.agency_id().await;
    let collector = app.create_user(&agency, "collector").await;

    let machine = body(app.get("/v1/case-states", &collector.token).await).await;
    assert_eq!(machine["initial"], "submitted");
    let states: Vec<&str> = machine["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        states,
        vec![
            "submitted",
            "assessment",
            "amicable",
            "payment_plan",
            "disputed",
            "paused",
            "pre_legal",
            "legal",
            "insolvency",
            "closed"
        ]
    );
    assert_eq!(machine["outcomes"].as_array().unwrap().len(), 8);
    assert!(
        machine["commands"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| !c["description"].as_str().unwrap().is_empty())
    );
    let closed = machine["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "closed")
        .unwrap();
    assert_eq!(closed["commands"], serde_json::json!(["reopen"]));
    assert_eq!(closed["carries"], "outcome");

    let transitions = machine["transitions"].as_array().unwrap();
    let approve = transitions
        .iter()
        .find(|t| t["from"] == "pre_legal" && t["command"] == "approve_legal")
        .unwrap();
    assert_eq!(approve["to"], serde_json::json!(["legal"]));
    assert!(approve["guard"].as_str().unwrap().contains("cost estimate"));
    let start = transitions
        .iter()
        .find(|t| t["from"] == "assessment" && t["command"] == "start_amicable")
        .unwrap();
    assert!(
        start["guard"].is_null(),
        "no guard is null, not an empty string"
    );
    assert!(
        !transitions
            .iter()
            .any(|t| t["from"] == "legal" && t["command"] == "approve_legal")
    );
}
