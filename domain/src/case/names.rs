//! The names of states, commands and outcomes, as `snake_case` strings on the wire and in rows.

use serde::{Deserialize, Serialize};

/// Defines a fieldless `snake_case` enum with `ALL`, `as_str`, `parse` and `Display`, so the three name
/// lists cannot drift from their string forms.
macro_rules! names {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(
            feature = "storage",
            derive(diesel::AsExpression, diesel::FromSqlRow),
            diesel(sql_type = diesel::sql_types::Text)
        )]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The `snake_case` name, as serialised.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)+ }
            }

            /// The value whose name is `raw`, exactly as [`Self::as_str`] spells it.
            #[must_use]
            pub fn parse(raw: &str) -> Option<Self> {
                match raw { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

names! {
    /// The name of a case state, without the data some states carry.
    StateName {
        /// Placed by the creditor, not yet assigned.
        Submitted => "submitted",
        /// Assigned to a collector who checks the claim and the debtor.
        Assessment => "assessment",
        /// Amicable collection: letters, calls, e-mails.
        Amicable => "amicable",
        /// The debtor pays by agreed instalments.
        PaymentPlan => "payment_plan",
        /// The debtor contests the claim; collection waits for the resolution.
        Disputed => "disputed",
        /// On hold at the creditor's or agency's request.
        Paused => "paused",
        /// Legal action assessed, awaiting the creditor's decision.
        PreLegal => "pre_legal",
        /// Court or enforcement proceedings with the creditor's approval.
        Legal => "legal",
        /// The debtor is in insolvency proceedings; claims are filed with the administrator.
        Insolvency => "insolvency",
        /// Finished, with an outcome.
        Closed => "closed",
    }
}

names! {
    /// The name of a command, without its data.
    CommandName {
        /// Assign or reassign the collector.
        Assign => "assign",
        /// Start amicable collection after assessment.
        StartAmicable => "start_amicable",
        /// Record an agreed payment plan.
        AgreePaymentPlan => "agree_payment_plan",
        /// Record that the debtor defaulted on the plan.
        DefaultPaymentPlan => "default_payment_plan",
        /// End the plan without a default (cancelled, or paid off with a balance left).
        EndPaymentPlan => "end_payment_plan",
        /// Record the debtor's dispute.
        RaiseDispute => "raise_dispute",
        /// Resolve the dispute: upheld, upheld in part or rejected.
        ResolveDispute => "resolve_dispute",
        /// Put the case on hold.
        Pause => "pause",
        /// Take the case off hold.
        Resume => "resume",
        /// Propose legal action with an assessment.
        EscalatePreLegal => "escalate_pre_legal",
        /// The creditor approves legal action.
        ApproveLegal => "approve_legal",
        /// The creditor declines legal action.
        DeclineLegal => "decline_legal",
        /// Record the debtor's insolvency.
        DeclareInsolvency => "declare_insolvency",
        /// Record a payment received.
        RecordPayment => "record_payment",
        /// Close with an outcome.
        Close => "close",
        /// The creditor withdraws the case.
        Withdraw => "withdraw",
        /// Reopen a closed case.
        Reopen => "reopen",
    }
}

names! {
    /// How a closed case ended.
    Outcome {
        /// The whole balance was recovered.
        PaidInFull => "paid_in_full",
        /// Part was recovered; the rest is written off.
        PartiallyPaid => "partially_paid",
        /// The creditor withdrew the case.
        Withdrawn => "withdrawn",
        /// Nothing more can be recovered.
        Uncollectable => "uncollectable",
        /// The debtor's dispute was upheld.
        DisputeUpheld => "dispute_upheld",
        /// The claim is time-barred.
        Prescribed => "prescribed",
        /// Ended with the debtor's insolvency.
        Insolvent => "insolvent",
        /// The debtor paid the creditor directly.
        PaidDirect => "paid_direct",
    }
}
