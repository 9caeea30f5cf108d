//! What a timeline event records: the placement, a command of the case state machine, or
//! something that happened on the case without changing its state. One list, so the OpenAPI
//! document's enum (`TimelineKindName`) names every kind the timeline can show.

use solvo_domain::case::CommandName;

/// The kind of a timeline event, stored and answered as [`TimelineKind::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineKind {
    /// The case was placed.
    Placed,
    /// A command of the state machine (`assign`, `pause`, `record_payment`, ...).
    Command(CommandName),
    /// A happening without a change of state.
    Activity(Activity),
}

/// Something that happened on a case without changing its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    /// A collector logged a contact attempt.
    ActivityLogged,
    /// The debtor promised to pay.
    PromiseMade,
    /// Payments covered a promise by its day.
    PromiseKept,
    /// A promise's day passed uncovered.
    PromiseBroken,
    /// The case left `disputed` without a decision on the dispute.
    DisputeLapsed,
    /// Every instalment of a plan was paid.
    PaymentPlanCompleted,
    /// An instalment of a plan went unpaid past its grace.
    PaymentPlanDefaulted,
    /// A plan was cancelled.
    PaymentPlanCancelled,
    /// The debtor asked for a payment plan in the portal.
    PaymentPlanRequested,
    /// The collector accepted a debtor's plan request.
    PaymentPlanRequestAccepted,
    /// The collector answered a plan request with other terms.
    PaymentPlanRequestCountered,
    /// The collector declined a plan request.
    PaymentPlanRequestDeclined,
    /// The debtor accepted the collector's other terms.
    PaymentPlanCounterAccepted,
    /// The debtor declined the collector's other terms.
    PaymentPlanCounterDeclined,
    /// Money was passed on to the creditor.
    Remitted,
    /// Money was paid back to the debtor.
    Refund,
    /// A payment was reversed (a bounce, a chargeback).
    PaymentReversed,
    /// A step of the legal route was recorded.
    LegalStep,
    /// The earliest claim prescribes soon, or has prescribed.
    PrescriptionWarning,
    /// A creditor or the agency posted a message.
    MessagePosted,
    /// The debtor posted a message in the portal.
    DebtorMessagePosted,
    /// A document was uploaded.
    DocumentUploaded,
    /// A bank transaction paid into the case.
    BankTransactionMatched,
    /// A bank transaction once matched to the case was taken off it.
    BankTransactionUnmatched,
    /// A bank debit returned a payment of the case.
    BankTransactionReturned,
    /// The debtor started a card payment.
    CardPaymentStarted,
    /// A card payment was taken, but not as asked; the agency reviews it.
    CardPaymentReview,
    /// An access code for the portal was issued for the debtor's letter.
    DebtorAccessIssued,
    /// The debtor made a data protection request.
    DataRequestReceived,
    /// A data protection request was answered.
    DataRequestCompleted,
    /// The debtor said they had paid already.
    AlreadyPaidClaimed,
    /// The agency confirmed a claim to have paid.
    AlreadyPaidConfirmed,
    /// The agency rejected a claim to have paid.
    AlreadyPaidRejected,
}

impl Activity {
    /// Every activity, in the order above.
    pub const ALL: [Self; 33] = [
        Self::ActivityLogged,
        Self::PromiseMade,
        Self::PromiseKept,
        Self::PromiseBroken,
        Self::DisputeLapsed,
        Self::PaymentPlanCompleted,
        Self::PaymentPlanDefaulted,
        Self::PaymentPlanCancelled,
        Self::PaymentPlanRequested,
        Self::PaymentPlanRequestAccepted,
        Self::PaymentPlanRequestCountered,
        Self::PaymentPlanRequestDeclined,
        Self::PaymentPlanCounterAccepted,
        Self::PaymentPlanCounterDeclined,
        Self::Remitted,
        Self::Refund,
        Self::PaymentReversed,
        Self::LegalStep,
        Self::PrescriptionWarning,
        Self::MessagePosted,
        Self::DebtorMessagePosted,
        Self::DocumentUploaded,
        Self::BankTransactionMatched,
        Self::BankTransactionUnmatched,
        Self::BankTransactionReturned,
        Self::CardPaymentStarted,
        Self::CardPaymentReview,
        Self::DebtorAccessIssued,
        Self::DataRequestReceived,
        Self::DataRequestCompleted,
        Self::AlreadyPaidClaimed,
        Self::AlreadyPaidConfirmed,
        Self::AlreadyPaidRejected,
    ];

    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ActivityLogged => "activity_logged",
            Self::PromiseMade => "promise_made",
            Self::PromiseKept => "promise_kept",
            Self::PromiseBroken => "promise_broken",
            Self::DisputeLapsed => "dispute_lapsed",
            Self::PaymentPlanCompleted => "payment_plan_completed",
            Self::PaymentPlanDefaulted => "payment_plan_defaulted",
            Self::PaymentPlanCancelled => "payment_plan_cancelled",
            Self::PaymentPlanRequested => "payment_plan_requested",
            Self::PaymentPlanRequestAccepted => "payment_plan_request_accepted",
            Self::PaymentPlanRequestCountered => "payment_plan_request_countered",
            Self::PaymentPlanRequestDeclined => "payment_plan_request_declined",
            Self::PaymentPlanCounterAccepted => "payment_plan_counter_accepted",
            Self::PaymentPlanCounterDeclined => "payment_plan_counter_declined",
            Self::Remitted => "remitted",
            Self::Refund => "refund",
            Self::PaymentReversed => "payment_reversed",
            Self::LegalStep => "legal_step",
            Self::PrescriptionWarning => "prescription_warning",
            Self::MessagePosted => "message_posted",
            Self::DebtorMessagePosted => "debtor_message_posted",
            Self::DocumentUploaded => "document_uploaded",
            Self::BankTransactionMatched => "bank_transaction_matched",
            Self::BankTransactionUnmatched => "bank_transaction_unmatched",
            Self::BankTransactionReturned => "bank_transaction_returned",
            Self::CardPaymentStarted => "card_payment_started",
            Self::CardPaymentReview => "card_payment_review",
            Self::DebtorAccessIssued => "debtor_access_issued",
            Self::DataRequestReceived => "data_request_received",
            Self::DataRequestCompleted => "data_request_completed",
            Self::AlreadyPaidClaimed => "already_paid_claimed",
            Self::AlreadyPaidConfirmed => "already_paid_confirmed",
            Self::AlreadyPaidRejected => "already_paid_rejected",
        }
    }
}

impl TimelineKind {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Placed => "placed",
            Self::Command(command) => command.as_str(),
            Self::Activity(activity) => activity.as_str(),
        }
    }

    /// Every name a timeline event can have: `placed`, each command, each activity.
    pub fn names() -> impl Iterator<Item = &'static str> {
        std::iter::once(Self::Placed.as_str())
            .chain(CommandName::ALL.iter().map(|command| command.as_str()))
            .chain(Activity::ALL.iter().map(|activity| activity.as_str()))
    }
}

impl From<Activity> for TimelineKind {
    fn from(activity: Activity) -> Self {
        Self::Activity(activity)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::TimelineKind;

    #[test]
    fn no_two_kinds_share_a_name() {
        let names: Vec<&str> = TimelineKind::names().collect();
        let distinct: HashSet<&str> = names.iter().copied().collect();
        assert_eq!(names.len(), distinct.len(), "{names:?}");
        assert!(names.contains(&"payment_plan_defaulted"));
        assert!(names.contains(&"record_payment"));
    }
}
