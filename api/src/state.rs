//! What every handler can reach through `web::Data<AppState>`.

use std::sync::Arc;

use solvo_domain::rates::RateTables;

use crate::auth::JwtKeys;
use crate::auth::throttle::LoginThrottle;
use solvo_app::Db;

/// Token lifetimes, from the settings.
#[derive(Debug, Clone, Copy)]
pub struct TokenLifetimes {
    /// Access token lifetime in seconds (at most 900).
    pub access_seconds: i64,
    /// Refresh token lifetime in seconds.
    pub refresh_seconds: i64,
}

/// Shared application state.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// JWT signing and verification.
    pub jwt: JwtKeys,
    /// Token lifetimes.
    pub lifetimes: TokenLifetimes,
    /// Reference-rate histories for interest, parsed once at start-up.
    pub rates: Arc<RateTables>,
    /// Failed logins per email.
    pub login_throttle: Arc<LoginThrottle>,
}
