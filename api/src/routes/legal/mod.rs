//! The legal path: proposing legal action with an assessment and the creditor's decision on it
//! (`/v1/cases/{id}/legal-assessment`, `/v1/cases/{id}/legal-decision`), then the steps in court
//! and in insolvency (`/v1/cases/{id}/legal-steps`).

mod assessment;
mod decision;
mod steps;
mod view;

pub use assessment::{create_legal_assessment, get_legal_assessment};
pub use decision::create_legal_decision;
pub use steps::{create_legal_step, list_legal_steps};

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the legal-path routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_legal_assessment)
        .service(get_legal_assessment)
        .service(create_legal_decision)
        .service(create_legal_step)
        .service(list_legal_steps);
}
