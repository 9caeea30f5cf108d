//! The debtor portal's HTTP face: staff issue a case's access code for the letter
//! ([`access`]), and a debtor opens a session with the reference and code printed on it
//! ([`session`]). Everything a debtor reaches lives under `/v1/portal/` and takes a
//! [`crate::auth::debtor::DebtorCaller`]; the rules are `solvo_app::portal`.

pub mod access;
pub mod cases;
pub mod complaints;
pub mod data_requests;
pub mod disputes;
pub mod documents;
pub mod messages;
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
