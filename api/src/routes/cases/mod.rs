//! `/v1/cases`: placement, tracking, balances, instructions, timeline and assignment.

mod assignment;
mod bulk;
mod create;
mod import;
mod instructions;
mod read;
pub mod view;

pub use assignment::put_assignment;
pub use bulk::create_cases_bulk;
pub use create::create_case;
pub use import::{get_import_template, import_cases};
pub use instructions::create_instruction;
pub use read::{EventActor, get_balance, get_case, get_timeline, list_cases};

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the case routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_case)
        .service(create_cases_bulk)
        .service(import_cases)
        .service(get_import_template)
        .service(list_cases)
        .service(get_case)
        .service(get_balance)
        .service(get_timeline)
        .service(create_instruction)
        .service(put_assignment);
}
