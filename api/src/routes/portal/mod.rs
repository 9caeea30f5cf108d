//! The debtor portal's HTTP face: staff issue a case's access code for the letter
//! ([`access`]), and a debtor opens a session with the reference and code printed on it
//! ([`session`]). Everything a debtor reaches lives under `/v1/portal/` and takes a
//! [`crate::auth::debtor::DebtorCaller`]; the rules are `solvo_app::portal`.

pub mod access;
pub mod card;
pub mod cases;
pub mod payment;
pub mod qr;
pub mod session;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the portal routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(access::issue_debtor_access)
        .service(session::open_portal_session)
        .service(cases::list_portal_cases)
        .service(cases::get_portal_case)
        .service(payment::get_payment_instructions)
        .service(payment::get_payment_qr_png)
        .service(payment::get_payment_qr_svg)
        .service(card::create_card_payment)
        .service(card::list_card_payments);
}
