//! Stripe: Checkout Sessions over its REST API (`POST /v1/checkout/sessions`, form-encoded,
//! the secret key as a bearer token, the card payment's id as `Idempotency-Key` so that a
//! retried request opens one session), and its webhook events, verified as Stripe documents
//! (`solvo_domain::card::stripe_signature`).
//!
//! The session carries `client_reference_id` = the case and `metadata[solvo_payment_id]` = the
//! card payment, so `checkout.session.completed` names what it paid. A session completed with
//! `payment_status` `paid` took the money; one completed `unpaid` (a delayed method) waits for
//! `checkout.session.async_payment_succeeded`; `checkout.session.expired` and
//! `checkout.session.async_payment_failed` end the card payment unpaid.

use chrono::{DateTime, Utc};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use solvo_app::card_payments::ProviderPayment;
use solvo_domain::card::stripe_signature::{self, DEFAULT_TOLERANCE_SECONDS};

use super::{
    Checkout, CheckoutRefused, CheckoutRequest, EventRefused, PaymentProvider, ProviderEvent,
};

/// The provider's name in stored rows.
pub const NAME: &str = "stripe";

/// Stripe, configured.
#[derive(Debug, Clone)]
pub struct Stripe {
    secret_key: SecretString,
    webhook_secret: SecretString,
    api_base: String,
    client: reqwest::Client,
}

impl Stripe {
    /// Stripe with these keys at `api_base` (`https://api.stripe.com`, or a test double).
    ///
    /// # Errors
    /// When the HTTP client cannot be built.
    pub fn new(
        secret_key: SecretString,
        webhook_secret: SecretString,
        api_base: &str,
    ) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            .build()?;
        Ok(Self {
            secret_key,
            webhook_secret,
            api_base: api_base.trim_end_matches('/').to_owned(),
            client,
        })
    }
}

#[derive(Debug, Deserialize)]
struct SessionCreated {
    id: String,
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
struct StripeError {
    error: StripeErrorBody,
}

#[derive(Debug, Deserialize)]
struct StripeErrorBody {
    message: Option<String>,
    /// A short string from Stripe's list of error codes, where it has one
    /// (<https://docs.stripe.com/error-codes>).
    code: Option<String>,
}

/// What a refused Checkout Session means: an amount below or above what Stripe charges in the
/// currency (`amount_too_small`, `amount_too_large`) is the debtor's to change; anything else is
/// the provider's.
fn refusal(status: reqwest::StatusCode, text: &str) -> CheckoutRefused {
    let error = serde_json::from_str::<StripeError>(text)
        .ok()
        .map(|error| error.error);
    let message = error
        .as_ref()
        .and_then(|error| error.message.clone())
        .unwrap_or_default();
    match error.as_ref().and_then(|error| error.code.as_deref()) {
        Some("amount_too_small" | "amount_too_large") => CheckoutRefused::AmountOutOfRange(message),
        _ => CheckoutRefused::Unavailable(
            format!("Stripe answered {status} {message}")
                .trim()
                .to_owned(),
        ),
    }
}

impl PaymentProvider for Stripe {
    fn name(&self) -> &'static str {
        NAME
    }

    async fn create_checkout(
        &self,
        request: &CheckoutRequest,
    ) -> Result<Checkout, CheckoutRefused> {
        let unavailable = CheckoutRefused::Unavailable;
        let unit_amount = request
            .amount
            .to_minor()
            .map_err(|err| unavailable(err.to_string()))?
            .to_string();
        let currency = request.amount.currency().code().to_lowercase();
        let form = [
            ("mode", "payment"),
            ("line_items[0][quantity]", "1"),
            ("line_items[0][price_data][currency]", &currency),
            ("line_items[0][price_data][unit_amount]", &unit_amount),
            (
                "line_items[0][price_data][product_data][name]",
                &request.description,
            ),
            ("client_reference_id", &request.case_id),
            ("metadata[solvo_payment_id]", &request.card_payment_id),
            (
                "payment_intent_data[metadata][solvo_payment_id]",
                &request.card_payment_id,
            ),
            ("success_url", &request.success_url),
            ("cancel_url", &request.cancel_url),
        ];
        let response = self
            .client
            .post(format!("{}/v1/checkout/sessions", self.api_base))
            .bearer_auth(self.secret_key.expose_secret())
            .header("Idempotency-Key", &request.card_payment_id)
            .form(&form)
            .send()
            .await
            .map_err(|err| unavailable(format!("Stripe could not be reached ({err})")))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|err| unavailable(format!("Stripe's answer could not be read ({err})")))?;
        if !status.is_success() {
            return Err(refusal(status, &text));
        }
        let session: SessionCreated = serde_json::from_str(&text).map_err(|err| {
            unavailable(format!("Stripe's answer is not a Checkout Session ({err})"))
        })?;
        let url = session
            .url
            .ok_or_else(|| unavailable("Stripe's Checkout Session has no url".to_owned()))?;
        Ok(Checkout {
            session_id: session.id,
            url,
        })
    }

    fn read_event(
        &self,
        signature: Option<&str>,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ProviderEvent, EventRefused> {
        let header = signature
            .ok_or_else(|| EventRefused::Signature("no Stripe-Signature header".to_owned()))?;
        stripe_signature::verify(
            header,
            body,
            self.webhook_secret.expose_secret(),
            now.timestamp(),
            DEFAULT_TOLERANCE_SECONDS,
        )
        .map_err(|err| EventRefused::Signature(err.to_string()))?;
        let event: Event = serde_json::from_slice(body)
            .map_err(|err| EventRefused::Malformed(format!("not a Stripe event: {err}")))?;
        Ok(event.meaning(now))
    }
}

/// The parts of a Stripe event read here.
#[derive(Debug, Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    created: i64,
    data: EventData,
}

#[derive(Debug, Deserialize)]
struct EventData {
    object: serde_json::Value,
}

#[derive(Debug, Deserialize)]
struct Session {
    id: String,
    amount_total: Option<i64>,
    currency: Option<String>,
    payment_status: Option<String>,
    payment_intent: Option<String>,
    #[serde(default)]
    metadata: std::collections::HashMap<String, String>,
}

impl Event {
    fn meaning(self, now: DateTime<Utc>) -> ProviderEvent {
        let other = |event_type: String| ProviderEvent::Other { event_type };
        let paid_kind = match self.kind.as_str() {
            "checkout.session.completed" | "checkout.session.async_payment_succeeded" => true,
            "checkout.session.expired" | "checkout.session.async_payment_failed" => false,
            _ => return other(self.kind),
        };
        let Ok(session) = serde_json::from_value::<Session>(self.data.object) else {
            return other(self.kind);
        };
        // Not ours: a session of another integration on the same Stripe account.
        let Some(card_payment_id) = session.metadata.get("solvo_payment_id").cloned() else {
            return other(self.kind);
        };
        if !paid_kind {
            return ProviderEvent::Unpaid {
                event_id: self.id,
                event_type: self.kind,
                card_payment_id,
            };
        }
        // Completed but not yet paid (a delayed method): wait for async_payment_succeeded.
        let (Some(amount_minor), Some(currency), Some("paid")) = (
            session.amount_total,
            session.currency,
            session.payment_status.as_deref(),
        ) else {
            return other(self.kind);
        };
        let paid_on = DateTime::from_timestamp(self.created, 0)
            .map_or_else(|| now.date_naive(), |at| at.date_naive());
        ProviderEvent::Paid(ProviderPayment {
            provider: NAME,
            event_id: self.id,
            event_type: self.kind,
            card_payment_id,
            session_id: session.id,
            amount_minor,
            currency,
            provider_reference: session.payment_intent,
            paid_on,
        })
    }
}
