//! Quotes: what placing a claim would cost the creditor and what the law adds to it, ahead of
//! placement.
//!
//! The request is checked into domain values once ([`CreateQuote::parse`]); the route is
//! domestic when the debtor's country is the creditor organisation's; fees are priced with the
//! house default schedule (`solvo_domain::fees::quote`) and the statutory figures per invoice
//! (interest, fixed compensation, collection costs, prescription) come from the domain. A figure
//! a rule does not give is absent with a [`QuoteGap`] saying why, never guessed.
//!
//! The body served is stored with the fee schedule, so a read answers exactly what the create
//! did and a case placed with the quote keeps the terms the creditor saw. How the body looks is
//! the API's: [`create`] takes the rendering as a function.

mod claim;
mod input;
mod pricing;
mod store;

pub use claim::{
    QuoteCollectionCosts, QuoteCompensation, QuoteCompensationLine, QuoteGap, QuoteInterest,
    QuoteInterestLine, QuoteInvoiceEstimate, QuotePrescription, Statutory,
};
pub use input::{CreateQuote, MAX_QUOTE_INVOICES, ParsedInvoice, ParsedQuote, QuoteInvoiceInput};
pub use pricing::{PricedQuote, QuoteRoute, VALIDITY_DAYS, price};
pub use store::{create, get};
