//! Case use cases, independent of HTTP: placement (shared by single, bulk and CSV intake),
//! assignment, balances from the ledger, and transitions through the domain state machine with
//! their timeline events. Handlers in `routes::cases` translate HTTP to these and back.

pub mod assignment;
pub mod balance;
pub mod batch;
pub mod csv_import;
pub mod events;
pub mod fee_terms;
pub mod fees;
pub mod input;
pub mod placement;
pub mod plan;
pub mod transition;
