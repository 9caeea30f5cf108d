//! How a jurisdiction's statutory late-payment interest is defined: the rate formula, which day
//! fixes the reference rate for which period, compounding and day count.

use crate::rates::RateSeries;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// A statutory interest rule, as written in a jurisdiction's data module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InterestRule {
    /// How the yearly rate is obtained.
    pub rate: RateFormula,
    /// Whether unpaid interest is added to the base.
    pub compounding: Compounding,
    /// How days are turned into a fraction of a year.
    pub day_count: DayCount,
    /// What an agreed (contractual) rate does to the statutory one.
    pub contractual_rate: ContractualRatePolicy,
    /// Which claims the rule governs, by date.
    pub applies_to: Applicability,
    /// Statute and article, as cited in the reference material.
    pub legal_basis: &'static str,
    /// What the encoding approximates or leaves out, in a sentence or two.
    pub note: &'static str,
}

/// The yearly rate of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RateFormula {
    /// A published reference rate plus a margin in percentage points.
    Reference {
        /// The published series.
        series: RateSeries,
        /// Percentage points added to the reference rate (`9` for DE, `8` for most of the EU).
        margin_percent: Decimal,
        /// Which day's reference rate applies to which period.
        fixing: RateFixing,
        /// Rounding of reference + margin that the statute prescribes.
        rounding: RateRounding,
    },
    /// A rate fixed by statute for defaults that begin over `known_from..=known_until`, applying
    /// for the whole default: the rate in force when the default began governs it to the end,
    /// whatever later revisions say (JP Civil Code art. 419(1), whose art. 404 rate is revised
    /// every three years). A default that begins outside the span has no known rate at all.
    Fixed {
        /// The rate in percent per year.
        rate_percent: Decimal,
        /// First day a default can begin and bear this rate, if the source gives one.
        known_from: Option<NaiveDate>,
        /// Last day a default can begin and bear this rate, if the rate may be revised.
        known_until: Option<NaiveDate>,
    },
}

/// Which reference-rate observation applies to which days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RateFixing {
    /// Each calendar half-year (1 Jan – 30 Jun, 1 Jul – 31 Dec) bears the reference rate read on
    /// `reference_day` of that half-year, so a running debt changes rate on 1 January and 1 July
    /// (DE BGB s.247/288, FR L441-10, NL 6:120).
    HalfYearly {
        /// The observation day of each half-year.
        reference_day: ReferenceDay,
    },
    /// One rate for the whole life of the debt, read on `reference_day` of the half-year in which
    /// interest starts to run (GB SI 2002/1675 art. 4; CZ NV 351/2013 s.2).
    FixedAtStart {
        /// The observation day.
        reference_day: ReferenceDay,
    },
    /// The rate read on `reference_day` of the half-year that contains the due date (the day
    /// before interest starts), for the days of that half-year only. For a statute whose text was
    /// not read, where the readings found (one rate for the whole debt, or a new rate each
    /// half-year) agree only there (IE, S.I. No. 580/2012): a later day has no established rate
    /// and is a gap, and so is every day of a debt due on a half-year's last day (30 June,
    /// 31 December), whose interest starts in the next half-year.
    DueHalfYearOnly {
        /// The observation day.
        reference_day: ReferenceDay,
    },
}

/// The day on which the reference rate is observed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceDay {
    /// The rate in force on 1 January / 1 July.
    FirstDayOfHalfYear,
    /// The rate in force on 31 December / 30 June, i.e. the most recent operation before the
    /// half-year starts (GB "immediately before"; ES, NL "most recent … before the first day").
    LastDayBeforeHalfYear,
    /// The rate in force on the first day interest runs (SK creditor's option; ZA). Only
    /// meaningful with [`RateFixing::FixedAtStart`].
    DayInterestStarts,
}

/// Rounding of the rate itself, before it is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RateRounding {
    /// The rate is used as computed.
    None,
    /// Rounded up to the next half percentage point (BE law of 2 August 2002, art. 5; FI Korkolaki
    /// s.12, which rounds the reference rate before its whole-point margin is added).
    UpToHalfPoint,
}

/// Whether interest bears interest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compounding {
    /// Simple interest on the outstanding principal.
    Simple,
    /// After each full year of interest the year's interest is added to the base
    /// (NL BW 6:119a with 6:119(2)). Years are counted from the first day interest runs.
    Yearly,
}

/// How a period's days become a fraction of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayCount {
    /// Actual days over 365, also in leap years. None of the statutes in the reference material
    /// prescribes a day count for a yearly ("per annum") rate; actual/365 is the plain reading and
    /// the one a debtor can reproduce, so every rule uses it until a source says otherwise for a
    /// jurisdiction (EE practice, for example, is described as amount x rate x days / 365). An
    /// official text confirms it only for the UK and Ireland; what was searched for the others is
    /// recorded in `docs/law.md`, "Conventions shared by every jurisdiction".
    #[serde(rename = "actual_365_fixed")]
    Actual365Fixed,
}

/// What a contractual rate does to the statutory rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractualRatePolicy {
    /// An agreed rate replaces the statutory one.
    Replaces,
    /// The statutory rate is a floor: an agreed rate applies only when it is higher
    /// (CH OR Art. 104(1)–(2)).
    StatutoryIsMinimum,
}

/// The claims a rule governs, by the date its statute looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Applicability {
    /// First date covered, if any.
    pub from: Option<NaiveDate>,
    /// Last date covered, if any.
    pub until: Option<NaiveDate>,
    /// Which date is compared, in words ("date the obligation arose", "date of the contract").
    pub date_tested: &'static str,
}

impl Applicability {
    /// Every claim, whatever its date.
    pub const ALWAYS: Applicability = Applicability {
        from: None,
        until: None,
        date_tested: "any date",
    };

    /// Whether a claim with this date falls under the rule.
    #[must_use]
    pub fn covers(&self, claim_date: NaiveDate) -> bool {
        self.from.is_none_or(|from| claim_date >= from)
            && self.until.is_none_or(|until| claim_date <= until)
    }
}
