//! Access codes and portal sessions: staff issue a code for the letter (shown once; a new one
//! ends the old and its sessions); the reference and code open a session reaching the case and
//! the debtor's other open cases with that creditor; a wrong code and an unknown reference
//! answer alike; guesses are throttled per reference and per address; a portal token reaches
//! nothing outside `/v1/portal/`, and no staff credential reaches into it.

use serde_json::{Value, json};

use super::{debtor_token, issue_code, open_session};
use crate::both_backends;
use crate::helpers::{
    ApiKeyRequest, Backend, CaseRequest, DebtorRequest, InvoiceRequest, TestApp, TestUser,
    assert_problem, assert_throttled, body, spawn_app,
};

both_backends!(
    a_code_is_issued_once_and_opens_a_session_in_the_debtors_language,
    a_new_code_ends_the_old_one_and_its_sessions,
    a_wrong_code_and_an_unknown_reference_answer_alike,
    guesses_are_throttled_per_address_and_per_reference,
    a_session_reaches_the_debtors_cases_with_that_creditor_only,
    a_portal_token_reaches_nothing_outside_the_portal,
    who_may_issue_a_code,
    errors_read_in_the_debtors_language_with_the_same_code,
);

/// The alphabet of ISO 11649-style readable codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.
const ALPHABET: &str = "34679ACDEFGHJKMNPQRTWXY";

struct Scene {
    app: TestApp,
    member: TestUser,
    collector: TestUser,
    case: Value,
}

async fn scene(backend: Backend) -> Scene {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme Supplies BV").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let collector = app.create_covering_collector().await;
    let case = app.place_case(&member.token, "P-1").await;
    Scene {
        app,
        member,
        collector,
        case,
    }
}

fn id(value: &Value) -> &str {
    value["id"].as_str().unwrap()
}

async fn a_code_is_issued_once_and_opens_a_session_in_the_debtors_language(backend: Backend) {
    let Scene { app, case, .. } = scene(backend).await;
    let response = app
        .post(
            &format!("/v1/cases/{}/debtor-access", id(&case)),
            &app.admin_token,
            &json!({}),
        )
        .await;
    assert_eq!(response.status(), 201);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let letter = body(response).await;
    let reference = letter["reference"].as_str().unwrap();
    assert_eq!(
        reference.replace(' ', ""),
        case["rf_reference"].as_str().unwrap().replace(' ', ""),
        "the letter carries the case's RF reference"
    );
    let code = letter["access_code"].as_str().unwrap();
    let groups: Vec<&str> = code.split('-').collect();
    assert_eq!(groups.len(), 3, "{code}");
    for group in &groups {
        assert_eq!(group.len(), 4, "{code}");
        assert!(group.chars().all(|c| ALPHABET.contains(c)), "{code}");
    }
    assert!(letter["issued_at"].as_str().unwrap().ends_with('Z'));

    // The debtor types the code as they read it: lower case, without dashes, reference unspaced.
    let typed = code.replace('-', "").to_lowercase();
    let response = open_session(&app, "127.0.0.1", &reference.replace(' ', ""), &typed, None).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let session = body(response).await;
    assert_eq!(session["token_type"], "Bearer");
    assert_eq!(session["expires_in"], 3600);
    assert_eq!(session["case_id"], id(&case));
    assert_eq!(
        session["language"], "de",
        "the debtor's preferred language on file"
    );
    let french = open_session(&app, "127.0.0.1", reference, code, Some("fr-BE, en;q=0.5")).await;
    assert_eq!(body(french).await["language"], "fr", "Accept-Language wins");

    let token = session["access_token"].as_str().unwrap();
    let listed = app.get("/v1/portal/cases", token).await;
    assert_eq!(listed.status(), 200);
    assert_eq!(listed.headers()["content-language"], "de");
    let listed = body(listed).await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    let entry = &listed["data"][0];
    assert_eq!(entry["id"], id(&case));
    assert_eq!(entry["reference"], reference);
    assert_eq!(entry["creditor"], "Acme Supplies BV");
    assert_eq!(entry["state"]["status"], "open");
    assert!(
        entry["state"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Der unten genannte Betrag ist fällig"),
        "{entry}"
    );
    assert_eq!(entry["outstanding"]["currency"], "EUR");

    // The code is on the timeline as issued, never in clear.
    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline", id(&case)),
            &app.admin_token,
        )
        .await,
    )
    .await;
    let text = timeline.to_string();
    assert!(text.contains("debtor_access_issued"), "{text}");
    assert!(!text.contains(&code.replace('-', "")), "{text}");
    assert!(!text.contains(code), "{text}");
}

async fn a_new_code_ends_the_old_one_and_its_sessions(backend: Backend) {
    let Scene { app, case, .. } = scene(backend).await;
    let first = issue_code(&app, id(&case)).await;
    let old_token = debtor_token(&app, &first).await;
    assert_eq!(app.get("/v1/portal/cases", &old_token).await.status(), 200);

    let second = issue_code(&app, id(&case)).await;
    assert_ne!(first["access_code"], second["access_code"]);
    let refused = open_session(
        &app,
        "127.0.0.1",
        first["reference"].as_str().unwrap(),
        first["access_code"].as_str().unwrap(),
        None,
    )
    .await;
    assert_eq!(
        assert_problem(refused, 401).await["code"],
        "unauthenticated"
    );
    let revoked = app.get("/v1/portal/cases", &old_token).await;
    assert_eq!(
        assert_problem(revoked, 401).await["code"],
        "token_revoked",
        "the old code's session ended with it"
    );
    let new_token = debtor_token(&app, &second).await;
    assert_eq!(app.get("/v1/portal/cases", &new_token).await.status(), 200);
}

async fn a_wrong_code_and_an_unknown_reference_answer_alike(backend: Backend) {
    let Scene {
        app, member, case, ..
    } = scene(backend).await;
    let letter = issue_code(&app, id(&case)).await;
    let reference = letter["reference"].as_str().unwrap().to_owned();
    let code = letter["access_code"].as_str().unwrap().to_owned();
    // A case of the same creditor that has no code yet.
    let uncoded = app.place_case(&member.token, "P-2").await;
    let uncoded_reference = uncoded["rf_reference"].as_str().unwrap().to_owned();
    let attempts = [
        (reference.as_str(), "ACDE-FGHJ-KMNP"),
        // ISO 11649's own example: a valid RF reference that no case has.
        ("RF18 5390 0754 7034", code.as_str()),
        ("RF00 0000 0000", "ACDE-FGHJ-KMNP"),
        (uncoded_reference.as_str(), code.as_str()),
    ];
    let mut answers = Vec::new();
    for (host, (reference, code)) in attempts.into_iter().enumerate() {
        let source = format!("127.0.1.{}", host + 1);
        let response = open_session(&app, &source, reference, code, None).await;
        let problem = assert_problem(response, 401).await;
        answers.push(json!({
            "code": problem["code"],
            "detail": problem["detail"],
            "title": problem["title"],
        }));
    }
    assert_eq!(answers[0]["code"], "unauthenticated");
    for (index, answer) in answers.iter().enumerate().skip(1) {
        assert_eq!(
            &answers[0], answer,
            "attempt {index} answers like a wrong code"
        );
    }
}

async fn guesses_are_throttled_per_address_and_per_reference(backend: Backend) {
    let Scene { app, case, .. } = scene(backend).await;
    let letter = issue_code(&app, id(&case)).await;
    let reference = letter["reference"].as_str().unwrap();
    let code = letter["access_code"].as_str().unwrap();
    // Three free failures from one address, then that address waits, even with the right code.
    for _ in 0..3 {
        let wrong = open_session(&app, "127.0.0.2", reference, "ACDE-FGHJ-KMNP", None).await;
        assert_problem(wrong, 401).await;
    }
    let held = open_session(&app, "127.0.0.2", reference, code, None).await;
    assert_throttled(held).await;
    // Written with dashes or dots it is the same reference, counted as one.
    let dashed = reference.replace(' ', "-");
    assert_throttled(open_session(&app, "127.0.0.2", &dashed, code, None).await).await;

    // Guessing the one reference from many addresses: past its ten free failures, a failing
    // address waits even on its first try at this reference, so the code cannot be sprayed.
    for host in 3..12 {
        let source = format!("127.0.0.{host}");
        let wrong = open_session(&app, &source, reference, "ACDE-FGHJ-KMNP", None).await;
        assert_problem(wrong, 401).await;
    }
    // 127.0.0.3 failed once: free for the pair, not for the reference's twelve failures.
    let sprayed = open_session(&app, "127.0.0.3", reference, "ACDE-FGHJ-KMNP", None).await;
    assert_throttled(sprayed).await;
    // The debtor at a clean address still gets in: failing on purpose keeps nobody out.
    let debtor = open_session(&app, "127.0.0.40", reference, code, None).await;
    assert_eq!(debtor.status(), 200, "the debtor from a clean address");
}

async fn a_session_reaches_the_debtors_cases_with_that_creditor_only(backend: Backend) {
    let Scene {
        app, member, case, ..
    } = scene(backend).await;
    // The same debtor (same VAT id) on a second case of the creditor; another creditor's case
    // of the same business, and another debtor of this creditor.
    let second = app.place_case(&member.token, "P-2").await;
    assert_eq!(
        second["debtor_id"], case["debtor_id"],
        "the debtor is matched"
    );
    let other_creditor = app.create_creditor("Initech").await;
    let other_member = app.create_user(&other_creditor, "creditor_member").await;
    let elsewhere = app.place_case(&other_member.token, "I-1").await;
    let stranger = app
        .post(
            "/v1/cases",
            &member.token,
            &CaseRequest::new("P-3")
                .debtor(DebtorRequest::company("Umbrella SARL", "FR").vat_id("FR40303265045"))
                .invoice(InvoiceRequest::new("P-3-1", "250.00", "2026-02-04")),
        )
        .await;
    assert_eq!(stranger.status(), 201);
    let stranger = body(stranger).await;

    let token = debtor_token(&app, &issue_code(&app, id(&case)).await).await;
    let listed = body(app.get("/v1/portal/cases", &token).await).await;
    let ids: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [id(&case), id(&second)],
        "oldest first, this creditor's only"
    );
    assert!(!ids.contains(&id(&elsewhere)));
    assert!(!ids.contains(&id(&stranger)));
}

async fn a_portal_token_reaches_nothing_outside_the_portal(backend: Backend) {
    let Scene {
        app, member, case, ..
    } = scene(backend).await;
    let token = debtor_token(&app, &issue_code(&app, id(&case)).await).await;
    for path in [
        "/v1/me".to_owned(),
        "/v1/cases".to_owned(),
        format!("/v1/cases/{}", id(&case)),
        format!("/v1/cases/{}/balance", id(&case)),
    ] {
        let problem = assert_problem(app.get(&path, &token).await, 403).await;
        assert_eq!(problem["code"], "forbidden", "{path}");
    }
    let issued = app
        .post(
            &format!("/v1/cases/{}/debtor-access", id(&case)),
            &token,
            &json!({}),
        )
        .await;
    assert_problem(issued, 403).await;

    // And no staff credential is a portal session.
    let key = body(
        app.post("/v1/api-keys", &app.admin_token, &ApiKeyRequest::new("ERP"))
            .await,
    )
    .await;
    for staff in [
        app.admin_token.clone(),
        member.token.clone(),
        key["secret"].as_str().unwrap().to_owned(),
    ] {
        let refused = app.get("/v1/portal/cases", &staff).await;
        assert_eq!(assert_problem(refused, 401).await["code"], "token_invalid");
    }
    let anonymous = app
        .client
        .get(app.url("/v1/portal/cases"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(anonymous, 401).await["code"],
        "unauthenticated"
    );
}

async fn who_may_issue_a_code(backend: Backend) {
    let Scene {
        app,
        member,
        collector,
        case,
    } = scene(backend).await;
    let path = format!("/v1/cases/{}/debtor-access", id(&case));
    // The collector of the case issues codes for their letters.
    assert_eq!(
        app.post(&path, &collector.token, &json!({})).await.status(),
        201
    );
    // The creditor does not: the agency writes to the debtor.
    let refused = app.post(&path, &member.token, &json!({})).await;
    assert_eq!(assert_problem(refused, 403).await["code"], "forbidden");
    // A collector whose book does not hold the case does not see it.
    let agency = app.agency_id().await;
    let other = app.create_user(&agency, "collector").await;
    let unseen = app.post(&path, &other.token, &json!({})).await;
    assert_problem(unseen, 404).await;
    let missing = app
        .post(
            "/v1/cases/cas_00000000000000000000000000000000/debtor-access",
            &app.admin_token,
            &json!({}),
        )
        .await;
    assert_problem(missing, 404).await;
}

async fn errors_read_in_the_debtors_language_with_the_same_code(backend: Backend) {
    let Scene { app, case, .. } = scene(backend).await;
    let letter = issue_code(&app, id(&case)).await;
    let reference = letter["reference"].as_str().unwrap();
    let wrong = open_session(
        &app,
        "127.0.0.1",
        reference,
        "ACDE-FGHJ-KMNP",
        Some("de-DE"),
    )
    .await;
    assert_eq!(wrong.headers()["content-language"], "de");
    let problem = assert_problem(wrong, 401).await;
    assert_eq!(
        problem["code"], "unauthenticated",
        "clients branch on the same code"
    );
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("Referenz und Zugangscode passen nicht zusammen."),
        "{problem}"
    );

    let token = debtor_token(&app, &letter).await;
    let missing = app
        .client
        .get(app.url("/v1/portal/cases/cas_00000000000000000000000000000000"))
        .bearer_auth(&token)
        .header("accept-language", "nl-BE, fr;q=0.8")
        .send()
        .await
        .unwrap();
    let problem = assert_problem(missing, 404).await;
    assert_eq!(problem["code"], "not_found");
    assert_eq!(
        problem["detail"],
        "Hier is niets voor u. Controleer de link of ga terug naar uw dossiers."
    );
    // Without Accept-Language, a session answers in the debtor's preferred language (German).
    let preferred = app
        .get(
            "/v1/portal/cases/cas_00000000000000000000000000000000",
            &token,
        )
        .await;
    assert_eq!(preferred.headers()["content-language"], "de");
    assert!(
        assert_problem(preferred, 404).await["detail"]
            .as_str()
            .unwrap()
            .starts_with("Hier ist nichts für Sie.")
    );
    // No session at all is not a wrong code.
    let anonymous = app
        .client
        .get(app.url("/v1/portal/cases"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(anonymous, 401).await["detail"],
        "Connectez-vous d'abord avec la référence et le code d'accès de votre courrier."
    );
    // English keeps the precise detail; staff endpoints are never translated.
    let english = open_session(&app, "127.0.0.2", reference, "ACDE-FGHJ-KMNP", None).await;
    let problem = assert_problem(english, 401).await;
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("The reference and access code do not match.")
    );
    let staff = app
        .client
        .get(app.url("/v1/cases/cas_00000000000000000000000000000000"))
        .bearer_auth(&app.admin_token)
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(staff, 404).await["detail"],
        "The resource does not exist."
    );
}
