//! Jurisdictions: the B2B collection rules of each country or subdivision, with their legal basis.
//!
//! Use [`JurisdictionCode::parse`] on input, [`find`] to get the [`Jurisdiction`] record (or
//! [`all`] to list them), and hand its rules to the computing modules: `interest_rule_for` to
//! `interest::statutory_interest`, `allocation` to `allocation::allocate`, `prescription` to
//! `prescription::deadline`, `compensation_for` and `collection_costs` for fees on a case. Every
//! type here is `Serialize`, so the API can return a record as it is.
//!
//! The data lives in `data/`, one reviewed file per jurisdiction. A rule no primary source
//! confirms is absent and listed in the record's `gaps`; the API must present an absent
//! rule as "not available", never as "none".

pub mod choice;
mod code;
mod collection_costs;
mod compensation;
mod data;
mod model;

#[cfg(test)]
mod added_tests;
#[cfg(test)]
mod amounts_tests;
#[cfg(test)]
mod readme;
#[cfg(test)]
mod tests;

pub use code::{JurisdictionCode, JurisdictionCodeError};
pub use collection_costs::{CollectionCostBasis, CollectionCostRule, CostScale, ScaleTier};
pub use compensation::{
    BandLimit, CompensationBand, CompensationError, CompensationSchedule, CompensationUnit,
    RecoveryCompensation, StatutoryAmount,
};
pub use model::{Gap, Jurisdiction, RuleTopic};

/// Every jurisdiction Solvo has rules for, ordered by code.
#[must_use]
pub fn all() -> &'static [Jurisdiction] {
    &data::ALL
}

/// The jurisdiction with `code`, if Solvo has rules for it.
#[must_use]
pub fn find(code: JurisdictionCode) -> Option<&'static Jurisdiction> {
    data::ALL
        .iter()
        .find(|jurisdiction| jurisdiction.code == code)
}

/// The jurisdiction a bare country code stands for: `GB` gives `GB-ENG`, a country without
/// subdivisions in the data gives itself, and `US`, `CA` and `AU`, whose law differs by state or
/// province, give `None`, as does a country Solvo has no rules for. Case-insensitive.
#[must_use]
pub fn default_for_country(country: &str) -> Option<JurisdictionCode> {
    let code = JurisdictionCode::parse(country).ok()?;
    if code.country() != country.trim().to_ascii_uppercase() {
        return None;
    }
    find(code).map(|jurisdiction| jurisdiction.code)
}
