//! Webhook endpoints and their deliveries (`docs/webhooks.md`): registering where a creditor's
//! events go, rotating the secret that signs them, and the life of each delivery attempt from
//! queued to answered; the HTTP client that sends them is the api's delivery worker.

pub mod deliveries;
pub mod destination;
pub mod endpoints;
pub mod input;
pub mod subscription;

pub use destination::WebhookConfig;
pub use solvo_persistence::repositories::webhook_deliveries::DeliveryRow;
pub use solvo_persistence::repositories::webhook_endpoints::EndpointRow;
