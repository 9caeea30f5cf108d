//! HTTP routes, one module per resource. [`configure`] registers every documented handler;
//! utoipa-actix-web refuses a handler without `#[utoipa::path]` at compile time.

pub mod api_keys;
pub mod arrangements;
pub mod auth;
pub mod bank_reconciliation;
pub mod cases;
pub mod collection;
pub mod collectors;
pub mod complaints;
pub mod data_requests;
pub mod debtors;
pub mod disputes;
pub mod documents;
pub mod fee_invoices;
pub mod format;
pub mod health;
pub mod jobs;
pub mod jwks;
pub mod legal;
pub mod me;
pub mod messages;
pub mod methods;
pub mod metrics;
pub mod organisations;
pub mod pagination;
pub mod payments;
pub mod portal;
pub mod psp;
pub mod quotes;
pub mod reference;
pub mod remittances;
pub mod test_clock;
pub mod users;
pub mod webhooks;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every route of the API.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::live)
        .service(health::ready)
        .service(metrics::metrics)
        .service(jobs::list_jobs)
        .service(auth::create_token)
        .service(auth::refresh_session)
        .service(auth::logout)
        .service(auth::reset_password)
        .service(jwks::get_jwks)
        .service(me::get_me)
        .service(me::change_password)
        .service(organisations::create_organisation)
        .service(organisations::list_organisations)
        .service(organisations::get_organisation)
        .service(users::create_user)
        .service(users::list_users)
        .service(users::get_user)
        .service(users::update_user)
        .service(users::issue_password_reset)
        .service(api_keys::create_api_key)
        .service(api_keys::list_api_keys)
        .service(api_keys::get_api_key)
        .service(api_keys::revoke_api_key)
        .service(collectors::put_coverage)
        .service(collectors::get_coverage)
        .service(debtors::create_debtor)
        .service(debtors::list_debtors)
        .service(debtors::get_debtor)
        .service(debtors::update_debtor)
        .service(test_clock::get_test_clock)
        .service(test_clock::move_test_clock);
    cases::configure(cfg);
    reference::configure(cfg);
    quotes::configure(cfg);
    messages::configure(cfg);
    documents::configure(cfg);
    payments::configure(cfg);
    arrangements::configure(cfg);
    disputes::configure(cfg);
    collection::configure(cfg);
    remittances::configure(cfg);
    fee_invoices::configure(cfg);
    webhooks::configure(cfg);
    legal::configure(cfg);
    portal::configure(cfg);
    psp::configure(cfg);
    bank_reconciliation::configure(cfg);
    complaints::configure(cfg);
    data_requests::configure(cfg);
}

#[cfg(test)]
mod layering {
    use std::path::Path;

    /// Every `.rs` file under `dir`, with its text.
    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// Routes extract, call one use case and render (docs/architecture.md): storage is the use
    /// cases' business, so no route names the storage crate or its query builder.
    #[test]
    fn no_route_reaches_past_the_use_cases_to_storage() {
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes"),
            &mut files,
        );
        assert!(files.len() > 50, "the routes were found: {}", files.len());
        // Spelt in two halves so that this file does not name them itself.
        let storage = [concat!("solvo_", "persistence"), concat!("die", "sel")];
        let offending: Vec<&str> = files
            .iter()
            .filter(|(_, text)| storage.iter().any(|name| text.contains(name)))
            .map(|(path, _)| path.as_str())
            .collect();
        assert!(offending.is_empty(), "{offending:#?}");
    }
}
