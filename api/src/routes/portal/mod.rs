//! The debtor portal's HTTP face: staff issue a case's access code for the letter
//! ([`access`]), and a debtor opens a session with the reference and code printed on it
//! ([`session`]); a debtor asks for a payment plan ([`plans`]) or says they paid already
//! ([`already_paid`]), and the collector answers. Everything a debtor reaches lives under `/v1/portal/` and takes a
//! [`crate::auth::debtor::DebtorCaller`]; the rules are `solvo_app::portal`.

pub mod access;
pub mod already_paid;
pub mod card;
pub mod cases;
pub mod complaints;
pub mod data_requests;
pub mod disputes;
pub mod documents;
pub mod messages;
pub mod payment;
pub mod plans;
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
        .service(card::list_card_payments)
        .service(plans::create_portal_plan_request)
        .service(plans::list_portal_plan_requests)
        .service(plans::respond_to_plan_counter)
        .service(plans::list_plan_requests)
        .service(plans::decide_plan_request)
        .service(plans::get_plan_limits)
        .service(plans::set_plan_limits)
        .service(already_paid::create_already_paid_claim)
        .service(already_paid::list_already_paid_claims)
        .service(already_paid::list_staff_already_paid_claims)
        .service(already_paid::decide_already_paid_claim)
        .service(documents::create_portal_document)
        .service(documents::list_portal_documents)
        .service(disputes::create_portal_dispute)
        .service(disputes::list_portal_disputes)
        .service(messages::create_portal_message)
        .service(messages::list_portal_messages)
        .service(messages::create_debtor_message)
        .service(messages::list_debtor_messages)
        .service(complaints::create_portal_complaint)
        .service(complaints::list_portal_complaints)
        .service(data_requests::create_portal_data_request)
        .service(data_requests::list_portal_data_requests)
        .service(data_requests::export_portal_data_request);
}
