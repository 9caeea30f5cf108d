//! The reference-rate series that statutory interest rules refer to.

use serde::Serialize;

/// A published reference rate, named by the institution that sets it.
///
/// A series is data (effective date, rate); how a law reads it (which day fixes the rate for
/// which period, what margin is added) belongs to the interest rule, not to the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateSeries {
    /// ECB rate on its main refinancing operations (fixed rate since 2008-10-15).
    EcbMainRefinancing,
    /// German Basiszinssatz under BGB s.247, published by the Bundesbank for each half-year.
    DeBasiszinssatz,
    /// Bank of England Bank Rate (the "official dealing rate" of the UK rate orders).
    BoeBankRate,
    /// Dutch wettelijke handelsrente (BW 6:119a, 6:120(2)): already includes the 8 pp margin.
    NlWettelijkeHandelsrente,
    /// Austrian Basiszinssatz published by the Oesterreichische Nationalbank (not the German value):
    /// it follows the ECB main refinancing rate in steps of at least 0.5 pp (1. Euro-JuBeG Art. I
    /// s.1).
    AtBasiszinssatz,
    /// Danmarks Nationalbank official lending rate (udlånsrenten), as in force on each 1 January
    /// and 1 July: Renteloven s.5(1) reads only those days, and only those fixings are shipped, so
    /// the series is half-yearly here although the Nationalbank changes the rate on any day.
    DkNationalbankLendingRate,
    /// Sveriges Riksbank reference rate (Räntelagen s.9): fixed for each calendar half-year as the
    /// policy rate at the end of the previous one, rounded up to the next half point.
    SeRiksbankReferenceRate,
    /// Norwegian forsinkelsesrente (Forsinkelsesrenteloven s.3), fixed by Finansdepartementet by
    /// regulation for each half-year: Norges Bank's policy rate on 1 January / 1 July plus at least
    /// 8 pp, so it already includes the margin.
    NoForsinkelsesrente,
    /// Finnish reference rate set half-yearly by Suomen Pankki.
    FiReferenceRate,
    /// Narodowy Bank Polski reference rate.
    PlNbpReferenceRate,
    /// Česká národní banka two-week repo rate.
    CzCnbRepoRate,
    /// Magyar Nemzeti Bank base rate.
    HuMnbBaseRate,
    /// South African prescribed rate of interest (repo + 3.5, effective from the first day of the
    /// second month after a repo change) as published under the Prescribed Rate of Interest Act.
    ZaPrescribedRate,
}

/// How a series' values are published, which decides what a new entry may be and when the
/// series runs out (see `RateTables::runs_out_on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// One value for each calendar half-year, taking effect on 1 January and 1 July and published
    /// even when unchanged (DE BGB s.247(1); NL BW 6:120(2); FI Korkolaki s.12; SE Räntelagen
    /// s.9; NO Forsinkelsesrenteloven s.3, a regulation for every half-year; DK Renteloven s.5(1),
    /// the lending rate in force on 1 January / 1 July). Every half-year has its own entry.
    HalfYearly,
    /// A new value whenever the institution decides one, on any day; between decisions the last
    /// one stands.
    OnDecision,
}

impl RateSeries {
    /// How this series is published. Series not known to be half-yearly are treated as
    /// [`Cadence::OnDecision`], the reading that accepts any effective date and warns earliest.
    #[must_use]
    pub fn cadence(self) -> Cadence {
        match self {
            RateSeries::DeBasiszinssatz
            | RateSeries::NlWettelijkeHandelsrente
            | RateSeries::FiReferenceRate
            | RateSeries::SeRiksbankReferenceRate
            | RateSeries::NoForsinkelsesrente
            | RateSeries::DkNationalbankLendingRate => Cadence::HalfYearly,
            _ => Cadence::OnDecision,
        }
    }

    /// Every series, in declaration order.
    pub const ALL: [RateSeries; 13] = [
        RateSeries::EcbMainRefinancing,
        RateSeries::DeBasiszinssatz,
        RateSeries::BoeBankRate,
        RateSeries::NlWettelijkeHandelsrente,
        RateSeries::AtBasiszinssatz,
        RateSeries::DkNationalbankLendingRate,
        RateSeries::SeRiksbankReferenceRate,
        RateSeries::NoForsinkelsesrente,
        RateSeries::FiReferenceRate,
        RateSeries::PlNbpReferenceRate,
        RateSeries::CzCnbRepoRate,
        RateSeries::HuMnbBaseRate,
        RateSeries::ZaPrescribedRate,
    ];

    /// The stable identifier used on the wire and in logs (`"ecb_main_refinancing"`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            RateSeries::EcbMainRefinancing => "ecb_main_refinancing",
            RateSeries::DeBasiszinssatz => "de_basiszinssatz",
            RateSeries::BoeBankRate => "boe_bank_rate",
            RateSeries::NlWettelijkeHandelsrente => "nl_wettelijke_handelsrente",
            RateSeries::AtBasiszinssatz => "at_basiszinssatz",
            RateSeries::DkNationalbankLendingRate => "dk_nationalbank_lending_rate",
            RateSeries::SeRiksbankReferenceRate => "se_riksbank_reference_rate",
            RateSeries::NoForsinkelsesrente => "no_forsinkelsesrente",
            RateSeries::FiReferenceRate => "fi_reference_rate",
            RateSeries::PlNbpReferenceRate => "pl_nbp_reference_rate",
            RateSeries::CzCnbRepoRate => "cz_cnb_repo_rate",
            RateSeries::HuMnbBaseRate => "hu_mnb_base_rate",
            RateSeries::ZaPrescribedRate => "za_prescribed_rate",
        }
    }

    /// The series for an identifier from [`RateSeries::id`], if there is one.
    #[must_use]
    pub fn from_id(id: &str) -> Option<RateSeries> {
        RateSeries::ALL.into_iter().find(|series| series.id() == id)
    }

    /// A human-readable name for documents and API answers.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            RateSeries::EcbMainRefinancing => "ECB main refinancing operations rate",
            RateSeries::DeBasiszinssatz => "Basiszinssatz (BGB s.247), Deutsche Bundesbank",
            RateSeries::BoeBankRate => "Bank of England Bank Rate",
            RateSeries::NlWettelijkeHandelsrente => "Wettelijke handelsrente (BW 6:119a)",
            RateSeries::AtBasiszinssatz => "Basiszinssatz, Oesterreichische Nationalbank",
            RateSeries::DkNationalbankLendingRate => "Danmarks Nationalbank official lending rate",
            RateSeries::SeRiksbankReferenceRate => "Sveriges Riksbank reference rate",
            RateSeries::NoForsinkelsesrente => "Forsinkelsesrente (Forsinkelsesrenteloven s.3)",
            RateSeries::FiReferenceRate => "Suomen Pankki reference rate",
            RateSeries::PlNbpReferenceRate => "Narodowy Bank Polski reference rate",
            RateSeries::CzCnbRepoRate => "Česká národní banka repo rate",
            RateSeries::HuMnbBaseRate => "Magyar Nemzeti Bank base rate",
            RateSeries::ZaPrescribedRate => "South African prescribed rate of interest",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_round_trips_through_its_id() {
        for series in RateSeries::ALL {
            assert_eq!(RateSeries::from_id(series.id()), Some(series));
        }
        assert_eq!(RateSeries::from_id("libor"), None);
    }
}
