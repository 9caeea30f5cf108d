//! What the agency charges the creditor: introduction fee, success commission, surcharges,
//! minimum, withdrawal fee, legal costs passed through, VAT.
//!
//! - [`FeeSchedule`] is the price list agreed with a creditor; [`FeeSchedule::default_for`] gives
//!   the house default. It is plain serde data so the API can store it as JSON, and every
//!   calculation checks it first ([`FeeSchedule::validate`]).
//! - [`quote`] prices a prospective placement ahead of time; [`commission`] prices an actual
//!   recovery; [`withdrawal_fee`] and [`legal_costs`] price the contingent items. All return
//!   [`FeeComponent`]s that carry a one-line explanation a creditor can check by hand.
//!
//! Commission tiers are **marginal**: each rate applies only to the slice of the recovered amount
//! inside its band, like income tax, so recovering one more cent never lowers the fee and there is
//! no cliff at a band edge. Rounding happens once per component through [`Money::rounded`]
//! (the rule in `crate::money::rounding`), never per tier.
//!
//! [`Money::rounded`]: crate::money::Money::rounded

mod commission;
mod component;
mod contingent;
mod defaults;
mod error;
mod parts;
mod percent;
mod quote;
mod schedule;
mod validate;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod quote_tests;
#[cfg(test)]
mod schedule_tests;
#[cfg(test)]
mod tests;

pub use commission::{Commission, RecoveredAmount, commission};
pub use component::{FeeComponent, FeeKind};
pub use contingent::{legal_costs, withdrawal_fee};
pub use error::FeeError;
pub use quote::{Quote, QuoteInvoice, QuoteRequest, quote};
pub use schedule::{AgeSurcharge, CommissionTier, FeeSchedule, Scope, WithdrawalTerms};
