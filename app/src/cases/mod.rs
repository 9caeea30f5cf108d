//! Case use cases: placement (shared by single, bulk and CSV intake), assignment, balances from
//! the ledger, instructions and transitions through the domain state machine with their
//! timeline events, the case list and the timeline, and the tenant scoping every case read
//! starts from.

pub mod access;
pub mod assignment;
pub mod balance;
pub mod batch;
pub mod csv_import;
pub mod events;
pub mod facts;
pub mod fee_terms;
pub mod fees;
pub mod input;
pub mod instructions;
pub mod intake;
pub mod legal_steps;
pub mod list;
pub mod placement;
pub mod plan;
pub mod prescription;
pub mod read;
pub mod resume;
pub mod timeline;
pub mod timeline_kind;
pub mod transition;
