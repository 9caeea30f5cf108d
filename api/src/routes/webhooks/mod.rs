//! Webhooks and the event feed: `POST/GET/PATCH/DELETE /v1/webhook-endpoints`, the secret's
//! rotation, an endpoint's deliveries with retry, replay and test, and `GET /v1/events`.
//! The delivery itself is `crate::workers::webhooks`; the rules `docs/webhooks.md` describes.

mod deliveries;
mod endpoints;
mod feed;
mod view;

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers the webhook and event routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(endpoints::create_webhook_endpoint)
        .service(endpoints::list_webhook_endpoints)
        .service(endpoints::get_webhook_endpoint)
        .service(endpoints::update_webhook_endpoint)
        .service(endpoints::delete_webhook_endpoint)
        .service(endpoints::rotate_webhook_secret)
        .service(deliveries::list_webhook_deliveries)
        .service(deliveries::retry_webhook_delivery)
        .service(deliveries::replay_webhook_events)
        .service(deliveries::test_webhook_endpoint)
        .service(feed::list_events);
}
