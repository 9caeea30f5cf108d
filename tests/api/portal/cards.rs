//! Paying by card: a checkout opened at a Stripe test double that speaks Stripe's documented
//! wire format (form-encoded `POST /v1/checkout/sessions` with the secret key as bearer), and
//! Stripe events signed the way Stripe documents (HMAC-SHA256 of `{t}.{body}` with the endpoint
//! secret, hex, in `Stripe-Signature: t=…,v1=…`): accepted once, a replay ignored, a tampered or
//! stale one refused, one whose amount differs kept for review.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use super::{debtor_token, issue_code};
use crate::arrangements::{START, day};
use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app, spawn_app_with};
use crate::test_clock::move_clock;

both_backends!(
    a_card_payment_is_recorded_once_from_a_signed_completed_checkout,
    forged_stale_and_disagreeing_events_record_nothing,
    without_keys_card_payment_is_off_and_a_refused_checkout_charges_nothing,
);

const SECRET_KEY: &str = "sk_test_solvo_51Habc";
const WEBHOOK_SECRET: &str = "whsec_test_solvo_signing";
/// The amount the double refuses, as Stripe refuses a session it cannot create.
const REFUSED_AMOUNT: &str = "1313";
/// An amount below the double's minimum charge, refused as Stripe documents it: an
/// `invalid_request_error` with the code `amount_too_small` (<https://docs.stripe.com/error-codes>).
const TOO_SMALL_AMOUNT: &str = "30";

/// A Checkout Session request as the double received it.
#[derive(Debug, Clone)]
struct SessionRequest {
    authorization: String,
    idempotency_key: String,
    form: HashMap<String, String>,
}

type Seen = Arc<Mutex<Vec<SessionRequest>>>;

async fn create_session(
    seen: web::Data<Mutex<Vec<SessionRequest>>>,
    request: HttpRequest,
    form: web::Form<HashMap<String, String>>,
) -> HttpResponse {
    let header = |name: &str| {
        request
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let form = form.into_inner();
    let mut seen = seen.lock().unwrap();
    seen.push(SessionRequest {
        authorization: header("authorization"),
        idempotency_key: header("idempotency-key"),
        form: form.clone(),
    });
    if header("authorization") != format!("Bearer {SECRET_KEY}") {
        return HttpResponse::Unauthorized()
            .json(json!({"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}}));
    }
    if form
        .get("line_items[0][price_data][unit_amount]")
        .map(String::as_str)
        == Some(REFUSED_AMOUNT)
    {
        return HttpResponse::PaymentRequired()
            .json(json!({"error": {"type": "invalid_request_error", "message": "This account cannot take payments."}}));
    }
    if form
        .get("line_items[0][price_data][unit_amount]")
        .map(String::as_str)
        == Some(TOO_SMALL_AMOUNT)
    {
        return HttpResponse::BadRequest().json(json!({"error": {
            "type": "invalid_request_error",
            "code": "amount_too_small",
            "param": "line_items[0][price_data][unit_amount]",
            "message": "The Checkout Session's total amount due must add up to at least €0.50 eur",
        }}));
    }
    let id = format!("cs_test_{}", seen.len());
    HttpResponse::Ok().json(json!({
        "id": id,
        "object": "checkout.session",
        "url": format!("https://checkout.stripe.com/c/pay/{id}"),
        "payment_status": "unpaid",
        "status": "open",
    }))
}

/// Starts the Stripe double; returns its base URL and what it receives.
#[expect(
    clippy::unused_async,
    reason = "it spawns onto the running actix system, so only async code may call it"
)]
async fn stripe_double() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let shared = web::Data::from(Arc::clone(&seen));
    let server = HttpServer::new(move || {
        App::new()
            .app_data(shared.clone())
            .route("/v1/checkout/sessions", web::post().to(create_session))
    })
    .workers(1)
    .bind(("127.0.0.1", 0))
    .unwrap();
    let port = server.addrs()[0].port();
    tokio::spawn(server.run());
    (format!("http://127.0.0.1:{port}"), seen)
}

/// `Stripe-Signature` for `body` signed at `timestamp`, as Stripe's documentation describes.
fn stripe_signature(body: &str, timestamp: i64) -> String {
    signed_with(WEBHOOK_SECRET, body, timestamp)
}

/// `t=…,v1=` the hex HMAC-SHA256 of `{timestamp}.{body}` keyed with `secret`.
fn signed_with(secret: &str, body: &str, timestamp: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.{body}").as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .fold(String::new(), |mut hex, byte| {
            write!(hex, "{byte:02x}").unwrap();
            hex
        });
    format!("t={timestamp},v1={hex}")
}

fn unix_now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// A `checkout.session.completed` event as Stripe sends it (the fields read, and some others).
fn completed(
    event_id: &str,
    session_id: &str,
    card_payment: &str,
    case: &str,
    amount_total: i64,
) -> String {
    json!({
        "id": event_id,
        "object": "event",
        "api_version": "2024-06-20",
        "created": unix_now(),
        "livemode": false,
        "type": "checkout.session.completed",
        "data": {"object": {
            "id": session_id,
            "object": "checkout.session",
            "amount_total": amount_total,
            "currency": "eur",
            "client_reference_id": case,
            "metadata": {"solvo_payment_id": card_payment},
            "mode": "payment",
            "payment_intent": "pi_3Pabc123",
            "payment_status": "paid",
            "status": "complete",
        }},
    })
    .to_string()
}

async fn deliver(app: &TestApp, body: &str, signature: &str) -> reqwest::Response {
    app.client
        .post(app.url("/v1/psp/stripe/webhook"))
        .header("content-type", "application/json")
        .header("stripe-signature", signature)
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

struct Scene {
    app: TestApp,
    seen: Seen,
    case: String,
    token: String,
}

async fn scene(backend: Backend) -> Scene {
    let (base, seen) = stripe_double().await;
    let app = spawn_app_with(backend, |config| {
        config.test_clock = true;
        config.stripe_secret_key = Some(SECRET_KEY.to_owned().into());
        config.stripe_webhook_secret = Some(WEBHOOK_SECRET.to_owned().into());
        config.stripe_api_base = base;
        "https://pay.agency.example/portal/".clone_into(&mut config.portal_url);
    })
    .await;
    move_clock(&app, day(START)).await;
    let creditor = app.create_creditor("Acme Supplies BV").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "P-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = debtor_token(&app, &issue_code(&app, &case).await).await;
    Scene {
        app,
        seen,
        case,
        token,
    }
}

async fn start_card_payment(
    app: &TestApp,
    token: &str,
    case: &str,
    amount: &str,
) -> reqwest::Response {
    app.post(
        &format!("/v1/portal/cases/{case}/card-payments"),
        token,
        &json!({"amount": amount}),
    )
    .await
}

async fn payments_of(app: &TestApp, case: &str) -> Vec<Value> {
    body(
        app.get(&format!("/v1/cases/{case}/payments"), &app.admin_token)
            .await,
    )
    .await["data"]
        .as_array()
        .unwrap()
        .clone()
}

async fn a_card_payment_is_recorded_once_from_a_signed_completed_checkout(backend: Backend) {
    let Scene {
        app,
        seen,
        case,
        token,
    } = scene(backend).await;
    let started = start_card_payment(&app, &token, &case, "100.00").await;
    assert_eq!(started.status(), 201);
    let card = body(started).await;
    let card_id = card["id"].as_str().unwrap().to_owned();
    assert_eq!(card["status"], "pending");
    assert_eq!(
        card["amount"],
        json!({"amount": "100.00", "currency": "EUR"})
    );
    assert_eq!(
        card["checkout_url"],
        "https://checkout.stripe.com/c/pay/cs_test_1"
    );

    let request = seen.lock().unwrap()[0].clone();
    assert_eq!(request.authorization, format!("Bearer {SECRET_KEY}"));
    assert_eq!(
        request.idempotency_key, card_id,
        "a retried request opens one session"
    );
    let field = |name: &str| request.form.get(name).cloned().unwrap_or_default();
    assert_eq!(field("mode"), "payment");
    assert_eq!(field("line_items[0][price_data][currency]"), "eur");
    assert_eq!(
        field("line_items[0][price_data][unit_amount]"),
        "10000",
        "minor units"
    );
    assert_eq!(field("line_items[0][quantity]"), "1");
    assert_eq!(field("client_reference_id"), case);
    assert_eq!(field("metadata[solvo_payment_id]"), card_id);
    assert_eq!(
        field("success_url"),
        format!(
            "https://pay.agency.example/portal/cases/{case}?card_payment={card_id}&result=paid"
        )
    );
    assert!(
        field("line_items[0][price_data][product_data][name]").starts_with("Payment for case RF")
    );

    let event = completed("evt_1Pcompleted", "cs_test_1", &card_id, &case, 10_000);
    let signature = stripe_signature(&event, unix_now());
    let first = deliver(&app, &event, &signature).await;
    assert_eq!(first.status(), 200);
    let first = body(first).await;
    assert_eq!(first["outcome"], "recorded");
    let payment_id = first["payment_id"].as_str().unwrap().to_owned();

    // Stripe sends again until it hears 2xx, and may send twice anyway.
    let replay = body(deliver(&app, &event, &signature).await).await;
    assert_eq!(replay["outcome"], "duplicate");
    let payments = payments_of(&app, &case).await;
    assert_eq!(payments.len(), 1, "recorded once");
    assert_eq!(payments[0]["id"], payment_id.as_str());
    assert_eq!(payments[0]["method"], "card");
    assert_eq!(payments[0]["amount"]["amount"], "100.00");
    assert_eq!(payments[0]["bank_reference"], "pi_3Pabc123");
    assert_eq!(payments[0]["received_by"], "agency");

    let listed = body(
        app.get(&format!("/v1/portal/cases/{case}/card-payments"), &token)
            .await,
    )
    .await;
    assert_eq!(listed["data"][0]["status"], "succeeded");
    assert_eq!(listed["data"][0]["payment_id"], payment_id.as_str());
    let view = body(app.get(&format!("/v1/portal/cases/{case}"), &token).await).await;
    assert_eq!(view["paid"]["amount"], "100.00", "the debtor sees it paid");
}

async fn forged_stale_and_disagreeing_events_record_nothing(backend: Backend) {
    let Scene {
        app, case, token, ..
    } = scene(backend).await;
    let card = body(start_card_payment(&app, &token, &case, "50.00").await).await;
    let card_id = card["id"].as_str().unwrap().to_owned();
    let genuine = completed("evt_2", "cs_test_1", &card_id, &case, 5_000);
    let signature = stripe_signature(&genuine, unix_now());

    // The amount raised after signing.
    let tampered = genuine.replace("5000", "500000");
    assert_ne!(tampered, genuine);
    let refused = assert_problem(deliver(&app, &tampered, &signature).await, 400).await;
    assert_eq!(refused["code"], "signature_invalid");
    // Signed with another secret.
    let foreign_signature = signed_with("whsec_someone_else", &genuine, unix_now());
    let foreign = deliver(&app, &genuine, &foreign_signature).await;
    assert_eq!(
        assert_problem(foreign, 400).await["code"],
        "signature_invalid"
    );
    // A genuine request captured and replayed ten minutes later.
    let stale = deliver(
        &app,
        &genuine,
        &stripe_signature(&genuine, unix_now() - 600),
    )
    .await;
    assert_eq!(
        assert_problem(stale, 400).await["code"],
        "signature_invalid"
    );
    let unsigned = app
        .client
        .post(app.url("/v1/psp/stripe/webhook"))
        .body(genuine.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(unsigned, 400).await["code"],
        "signature_invalid"
    );
    assert!(
        payments_of(&app, &case).await.is_empty(),
        "nothing recorded"
    );

    // Genuine, but Stripe took 40.00 where 50.00 was asked: kept for review, not recorded.
    let short = completed("evt_3", "cs_test_1", &card_id, &case, 4_000);
    let answer = body(deliver(&app, &short, &stripe_signature(&short, unix_now())).await).await;
    assert_eq!(answer["outcome"], "review");
    assert!(payments_of(&app, &case).await.is_empty());
    let listed = body(
        app.get(&format!("/v1/portal/cases/{case}/card-payments"), &token)
            .await,
    )
    .await;
    assert_eq!(listed["data"][0]["status"], "review");
    // The genuine event after it finds the card payment finished: nothing more is recorded.
    let late = body(deliver(&app, &genuine, &signature).await).await;
    assert_eq!(late["outcome"], "ignored");
    assert!(payments_of(&app, &case).await.is_empty());
    // An event of another integration on the same Stripe account is acknowledged, not acted on.
    let foreign_session = json!({
        "id": "evt_4", "object": "event", "created": unix_now(), "type": "checkout.session.completed",
        "data": {"object": {"id": "cs_other", "amount_total": 100, "currency": "eur", "payment_status": "paid", "metadata": {}}}
    })
    .to_string();
    let other = body(
        deliver(
            &app,
            &foreign_session,
            &stripe_signature(&foreign_session, unix_now()),
        )
        .await,
    )
    .await;
    assert_eq!(other["outcome"], "ignored");
}

async fn without_keys_card_payment_is_off_and_a_refused_checkout_charges_nothing(backend: Backend) {
    let Scene {
        app, case, token, ..
    } = scene(backend).await;
    // More than the case owes.
    let too_much = assert_problem(
        start_card_payment(&app, &token, &case, "99999.00").await,
        422,
    )
    .await;
    assert_eq!(
        too_much["errors"][0]["code"], "more_than_owed",
        "{too_much}"
    );
    let zero = assert_problem(start_card_payment(&app, &token, &case, "0").await, 422).await;
    assert_eq!(zero["errors"][0]["field"], "amount");
    // Stripe refuses the session: 502, and the card payment is failed, nothing charged.
    let refused = assert_problem(start_card_payment(&app, &token, &case, "13.13").await, 502).await;
    assert_eq!(refused["code"], "payment_provider_unavailable");
    // In the debtor's language (German on file), and never the provider's own words.
    assert_eq!(
        refused["detail"],
        "Die Kartenzahlung konnte nicht gestartet werden; es wurde nichts abgebucht. Versuchen Sie es später erneut oder zahlen Sie per Überweisung."
    );
    let listed = body(
        app.get(&format!("/v1/portal/cases/{case}/card-payments"), &token)
            .await,
    )
    .await;
    assert_eq!(listed["data"][0]["status"], "failed");
    // Below the provider's minimum charge: the debtor's to change, so a 422 on `amount` (not a
    // 502 that says to try again later), in our words; nothing charged.
    let too_small =
        assert_problem(start_card_payment(&app, &token, &case, "0.30").await, 422).await;
    assert_eq!(too_small["errors"][0]["field"], "amount", "{too_small}");
    assert_eq!(
        too_small["errors"][0]["code"], "amount_out_of_range",
        "{too_small}"
    );
    assert!(
        !too_small.to_string().contains("0.50 eur"),
        "the provider's own words stay in the log: {too_small}"
    );
    let listed = body(
        app.get(&format!("/v1/portal/cases/{case}/card-payments"), &token)
            .await,
    )
    .await;
    assert_eq!(listed["data"][0]["status"], "failed");
    assert_eq!(listed["data"][0]["amount"]["amount"], "0.30", "{listed}");
    // A checkout still open counts against what is owed: a second tab cannot pay it twice.
    assert_eq!(
        start_card_payment(&app, &token, &case, "1000.00")
            .await
            .status(),
        201
    );
    let twice = assert_problem(start_card_payment(&app, &token, &case, "500.00").await, 422).await;
    assert_eq!(twice["errors"][0]["code"], "more_than_owed", "{twice}");

    let plain = spawn_app(app.backend).await;
    let creditor = plain.create_creditor("Acme").await;
    let member = plain.create_user(&creditor, "creditor_member").await;
    let other_case = plain.place_case(&member.token, "Q-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let other_token = debtor_token(&plain, &issue_code(&plain, &other_case).await).await;
    let off = assert_problem(
        start_card_payment(&plain, &other_token, &other_case, "10.00").await,
        409,
    )
    .await;
    assert_eq!(off["code"], "card_payments_off");
    let hook = plain
        .client
        .post(plain.url("/v1/psp/stripe/webhook"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem(hook, 404).await;
}
