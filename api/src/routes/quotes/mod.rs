//! `/v1/quotes`: what placing a claim would cost the creditor and what the law adds to it, ahead
//! of placement.
//!
//! - [`create_quote`] checks the request ([`CreateQuote`]) and calls `solvo_app::quotes::create`,
//!   which resolves the route, prices the fees with the house default schedule and computes the
//!   statutory figures per invoice; this module renders them (`view::quote_view`) and the
//!   served body is stored with the fee schedule; [`get_quote`] answers the same body.
//!
//! Decisions: interest runs from the day after each due date up to and including `as_of`; lines
//! are half-open like the domain's and the case balance's (`from` counted, `to` the first day
//! not counted), so the last line of an invoice ends on the day after `as_of`. Figures that a rule does not give are `null`
//! with a reason in `gaps`. The route is domestic when the debtor's country is the creditor
//! organisation's country.

mod handlers;
mod view;

use utoipa_actix_web::service_config::ServiceConfig;

pub use handlers::{create_quote, get_quote};

/// Registers this module's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_quote).service(get_quote);
}
