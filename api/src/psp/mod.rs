//! Payment providers: the adapter the portal's card payments go through, and its Stripe
//! implementation ([`stripe`]). A provider opens a hosted checkout for a pending card payment
//! and later tells, by a signed webhook event, that the money was taken; the use cases are
//! `solvo_app::card_payments`.

pub mod stripe;

use std::future::Future;

use chrono::{DateTime, Utc};
use solvo_app::card_payments::ProviderPayment;
use solvo_domain::money::Money;

/// A checkout to open for a pending card payment.
#[derive(Debug, Clone)]
pub struct CheckoutRequest {
    /// The card payment (`cpy_…`): the provider's events name it.
    pub card_payment_id: String,
    /// The case paid (the provider's `client_reference_id`).
    pub case_id: String,
    /// What to take.
    pub amount: Money,
    /// The line the debtor sees at the checkout.
    pub description: String,
    /// Where the provider sends the debtor after paying.
    pub success_url: String,
    /// Where it sends a debtor who gives up.
    pub cancel_url: String,
}

/// An opened checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkout {
    /// The provider's id of it.
    pub session_id: String,
    /// Where the debtor pays.
    pub url: String,
}

/// What a provider's webhook event means here.
#[derive(Debug, Clone)]
pub enum ProviderEvent {
    /// Money was taken for a card payment.
    Paid(ProviderPayment),
    /// The checkout ended without payment (expired, or a delayed payment failed).
    Unpaid {
        /// The event's id.
        event_id: String,
        /// Its type.
        event_type: String,
        /// The card payment it names.
        card_payment_id: String,
    },
    /// Anything else: acknowledged, nothing to do.
    Other {
        /// Its type.
        #[expect(
            dead_code,
            reason = "read only through Debug, in the log of an ignored event"
        )]
        event_type: String,
    },
}

/// Why a checkout was not opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckoutRefused {
    /// The provider takes no card payment of this size in this currency (its minimum or maximum
    /// charge); the debtor can pay another amount. The text is the provider's own.
    #[error("{0}")]
    AmountOutOfRange(String),
    /// The provider could not be reached, or refused for another reason; nothing was charged.
    #[error("{0}")]
    Unavailable(String),
}

/// Why a webhook request is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventRefused {
    /// The signature does not verify.
    #[error("{0}")]
    Signature(String),
    /// Signed, but not an event this adapter reads.
    #[error("{0}")]
    Malformed(String),
}

/// A payment provider.
pub trait PaymentProvider {
    /// Its name, stored with each card payment and event.
    fn name(&self) -> &'static str;

    /// Opens a hosted checkout.
    fn create_checkout(
        &self,
        request: &CheckoutRequest,
    ) -> impl Future<Output = Result<Checkout, CheckoutRefused>> + Send;

    /// Verifies and reads a webhook request (its signature header and raw body) at `now`.
    ///
    /// # Errors
    /// [`EventRefused`].
    fn read_event(
        &self,
        signature: Option<&str>,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<ProviderEvent, EventRefused>;
}
