//! Which event types an endpoint receives: every type, or the ones it named.

use solvo_domain::webhook::EventType;
use solvo_persistence::repositories::webhook_endpoints::EndpointRow;

use crate::error::AppError;

/// An endpoint's subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscription {
    /// Every type of the catalogue, also those added later.
    All,
    /// These types.
    Only(Vec<EventType>),
}

impl Subscription {
    /// The stored subscription of `endpoint`.
    ///
    /// # Errors
    /// [`AppError::Corrupt`] for an unreadable list.
    pub fn of(endpoint: &EndpointRow) -> Result<Self, AppError> {
        let Some(stored) = &endpoint.event_types else {
            return Ok(Self::All);
        };
        let names: Vec<String> = serde_json::from_str(stored)
            .map_err(|err| AppError::corrupt("webhook_endpoint", &endpoint.id, err))?;
        names
            .iter()
            .map(|name| {
                EventType::parse(name).ok_or_else(|| {
                    AppError::corrupt(
                        "webhook_endpoint",
                        &endpoint.id,
                        format!("event type {name}"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self::Only)
    }

    /// Whether it covers `kind`.
    #[must_use]
    pub fn covers(&self, kind: EventType) -> bool {
        match self {
            Self::All => true,
            Self::Only(kinds) => kinds.contains(&kind),
        }
    }

    /// The stored form: `None` for all, else a JSON array.
    #[must_use]
    pub fn stored(&self) -> Option<String> {
        match self {
            Self::All => None,
            Self::Only(kinds) => Some(
                serde_json::Value::from(kinds.iter().map(|kind| kind.as_str()).collect::<Vec<_>>())
                    .to_string(),
            ),
        }
    }

    /// The names, as views show them (`None` for all).
    #[must_use]
    pub fn names(&self) -> Option<Vec<String>> {
        match self {
            Self::All => None,
            Self::Only(kinds) => Some(kinds.iter().map(|kind| kind.as_str().to_owned()).collect()),
        }
    }
}
