//! `POST /v1/psp/stripe/webhook`: Stripe's events about the portal's card payments. The
//! signature is the credential; every verified event is answered 200 so that Stripe stops
//! sending it, whatever became of it (`outcome`).

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Serialize;
use solvo_app::card_payments::{self, Completion};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::psp::{EventRefused, PaymentProvider, ProviderEvent};
use crate::state::AppState;

/// Registers the payment provider routes.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(stripe_webhook);
}

/// What became of an event.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProviderEventOutcome {
    /// Always true: the event was verified and need not be sent again.
    pub received: bool,
    /// `recorded` (a payment on the case), `ended` (the card payment ended unpaid),
    /// `duplicate` (acted on before), `ignored` (nothing of ours, or finished before) or
    /// `review` (taken, but not as asked: kept for the agency).
    #[schema(value_type = ProviderEventOutcomeName, example = "recorded")]
    pub outcome: String,
    /// The payment recorded.
    pub payment_id: Option<String>,
}

/// Receives Stripe's webhook events (configure the endpoint in Stripe's dashboard with
/// `checkout.session.completed`, `checkout.session.async_payment_succeeded`,
/// `checkout.session.async_payment_failed` and `checkout.session.expired`). The
/// `Stripe-Signature` header is verified exactly as Stripe documents it: HMAC-SHA256 of
/// `{t}.{body}` with the endpoint's signing secret, any of several `v1` signatures, compared in
/// constant time, within five minutes of now. A completed checkout records its card payment's
/// payment once per event id when Stripe's `amount_total` and `currency` are what was asked.
#[utoipa::path(
    tag = "portal",
    operation_id = "stripe_webhook",
    request_body(content = String, content_type = "application/json", description = "The Stripe event, exactly as Stripe sent it", example = json!({
        "id": "evt_1Q2w3E4r5T6y7U8i",
        "object": "event",
        "type": "checkout.session.completed",
        "created": 1_767_225_600,
        "data": {"object": {"id": "cs_test_a1B2c3D4", "object": "checkout.session", "amount_total": 125_000, "currency": "eur", "payment_status": "paid", "client_reference_id": "case_01a2418538ae727588e011615b4c5fda", "metadata": {"solvo_payment_id": "cpy_01a2418538ae727588e011615b4c5fda"}}}
    })),
    params(("Stripe-Signature" = String, Header, description = "`t=<unix time>,v1=<hex HMAC-SHA256>[,v1=…]`")),
    responses(
        (status = 200, description = "Verified and acted on", body = ProviderEventOutcome),
        (status = 400, description = "The signature does not verify, is missing or stale (`signature_invalid`), or the signed body is not a Stripe event (`malformed_json`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "Card payment is switched off on this server", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/v1/psp/stripe/webhook")]
pub async fn stripe_webhook(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let provider = state
        .card_provider
        .clone()
        .ok_or(ApiError::NotFoundBecause(
            "Card payment is switched off on this server: no Stripe webhook is received.",
        ))?;
    let signature = request
        .headers()
        .get("stripe-signature")
        .and_then(|value| value.to_str().ok());
    // Signatures are checked against the system time, as sessions are: the test clock moves
    // case dates, and the provider signs with its own clock.
    let event = provider
        .read_event(signature, &body, solvo_app::clock::system_now().and_utc())
        .map_err(|refused| match refused {
            EventRefused::Signature(why) => ApiError::SignatureInvalid(why),
            EventRefused::Malformed(why) => ApiError::MalformedJson(why),
        })?;
    let rates = state.rates.current();
    let now = state.clock.now();
    let completion = state
        .db
        .write(move |conn| match event {
            ProviderEvent::Paid(paid) => card_payments::complete(conn, &paid, &rates, now),
            ProviderEvent::Unpaid {
                event_id,
                event_type,
                card_payment_id,
            } => card_payments::unpaid(
                conn,
                provider.name(),
                &event_id,
                &event_type,
                &card_payment_id,
                now,
            ),
            ProviderEvent::Other { .. } => Ok(Completion::Ignored),
        })
        .await?;
    let (outcome, payment_id) = match completion {
        Completion::Recorded(payment_id) => ("recorded", Some(payment_id)),
        Completion::Ended => ("ended", None),
        Completion::Duplicate => ("duplicate", None),
        Completion::Ignored => ("ignored", None),
        Completion::Review(why) => {
            tracing::warn!(%why, "a card payment needs review");
            ("review", None)
        }
    };
    Ok(HttpResponse::Ok().json(ProviderEventOutcome {
        received: true,
        outcome: outcome.to_owned(),
        payment_id,
    }))
}

crate::closed_sets::closed_set!(
    /// What came of a provider event.
    ProviderEventOutcomeName,
    "What came of a provider event.",
    ["recorded", "ended", "duplicate", "ignored", "review"]
);
