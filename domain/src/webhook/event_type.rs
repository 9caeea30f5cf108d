//! The catalogue of event types a creditor can subscribe to. Each names the resource and what
//! happened to it, full-stop delimited as the Standard Webhooks payload structure recommends.

use serde::{Deserialize, Serialize};

/// Defines the catalogue once: the variant, its wire name and what it tells a subscriber.
macro_rules! catalogue {
    ($($(#[$meta:meta])* $variant:ident => $text:literal,)+) => {
        /// A type of event in the outbox, the feed and webhook deliveries.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum EventType { $($(#[$meta])* #[serde(rename = $text)] $variant,)+ }

        impl EventType {
            /// Every type, in catalogue order.
            pub const ALL: &'static [EventType] = &[$(EventType::$variant,)+];

            /// The wire name, e.g. `payment.received`.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(EventType::$variant => $text,)+ }
            }
        }
    };
}

catalogue! {
    /// A case was placed (singly, in bulk or from a CSV file).
    CaseCreated => "case.created",
    /// A case moved from one state to another.
    CaseStateChanged => "case.state_changed",
    /// A collector was assigned or the case reassigned.
    CaseAssigned => "case.assigned",
    /// A case was closed, with its outcome.
    CaseClosed => "case.closed",
    /// Money arrived on a case: the payment confirmation, with its allocation and what is
    /// still outstanding.
    PaymentReceived => "payment.received",
    /// A payment was reversed (returned by the bank, recorded in error).
    PaymentReversed => "payment.reversed",
    /// The debtor promised to pay an amount by a day.
    PromiseCreated => "promise.created",
    /// Payments covered a promise by its day.
    PromiseKept => "promise.kept",
    /// A promise's day passed without payments covering it.
    PromiseBroken => "promise.broken",
    /// A payment plan was agreed.
    PaymentPlanAgreed => "payment_plan.agreed",
    /// The debtor defaulted on a payment plan.
    PaymentPlanDefaulted => "payment_plan.defaulted",
    /// The debtor disputes the claim.
    DisputeRaised => "dispute.raised",
    /// A dispute was decided.
    DisputeResolved => "dispute.resolved",
    /// Legal action was proposed: the creditor's decision is needed.
    LegalDecisionRequested => "legal.decision_requested",
    /// A remittance statement was made for the creditor.
    RemittanceCreated => "remittance.created",
    /// A fee invoice or credit note was issued to the creditor.
    FeeInvoiceIssued => "fee_invoice.issued",
    /// A message was posted on a case.
    MessageCreated => "message.created",
    /// A document was added to a case.
    DocumentAdded => "document.added",
    /// A case's claim comes close to prescription (limitation).
    PrescriptionWarning => "prescription.warning",
    /// An endpoint was disabled after failing for five days or answering 410 Gone; told to the
    /// organisation's other endpoints and the feed.
    WebhookEndpointDisabled => "webhook_endpoint.disabled",
    /// Sent by `POST /v1/webhook-endpoints/{id}/test` only, to the one endpoint.
    WebhookTest => "webhook.test",
}

impl EventType {
    /// Reads a wire name; `None` for anything else.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|kind| kind.as_str() == raw)
    }

    /// The types an endpoint may subscribe to: every type but the test ping, which goes to the
    /// endpoint that asked for it whatever it subscribed to.
    pub fn subscribable() -> impl Iterator<Item = Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|kind| *kind != Self::WebhookTest)
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::EventType;

    #[test]
    fn every_name_reads_back_and_the_catalogue_is_the_agreed_one() {
        for kind in EventType::ALL {
            assert_eq!(EventType::parse(kind.as_str()), Some(*kind));
        }
        let names: Vec<&str> = EventType::subscribable().map(EventType::as_str).collect();
        assert_eq!(
            names,
            [
                "case.created",
                "case.state_changed",
                "case.assigned",
                "case.closed",
                "payment.received",
                "payment.reversed",
                "promise.created",
                "promise.kept",
                "promise.broken",
                "payment_plan.agreed",
                "payment_plan.defaulted",
                "dispute.raised",
                "dispute.resolved",
                "legal.decision_requested",
                "remittance.created",
                "fee_invoice.issued",
                "message.created",
                "document.added",
                "prescription.warning",
                "webhook_endpoint.disabled",
            ]
        );
        assert_eq!(EventType::parse("case.Created"), None);
    }
}
