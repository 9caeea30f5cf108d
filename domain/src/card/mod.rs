//! Paying by card through a payment provider: the rules that need no network. The provider's
//! webhook signature ([`stripe_signature`]) is checked here, as a pure function of the header,
//! the raw body, the secret and the time.

pub mod stripe_signature;
