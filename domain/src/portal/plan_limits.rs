//! What a creditor accepts from a debtor without a collector looking: a plan the debtor asks for
//! in the portal is agreed at once when it keeps to every limit, and queued for the collector
//! otherwise. The limits bound the creditor's risk three ways: how many instalments, how small
//! one may be (fewer, larger payments are worth more than many token ones) and how long the plan
//! runs (the last due date).

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

use crate::arrangement::Instalment;
use crate::money::{Currency, Money};

/// A creditor's limits. The smallest instalment is an amount in one currency: a case in another
/// currency gets the agency's default smallest instalment in its own currency, since no
/// exchange rate is applied to a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanLimits {
    /// Most instalments.
    pub max_instalments: u32,
    /// Smallest instalment.
    pub min_instalment: Money,
    /// The last instalment falls due at most this many months after the request.
    pub max_duration_months: u32,
}

/// The agency's defaults: 12 monthly instalments, none under 25.00 in the case's currency (for a
/// currency without minor units, 25), the last at most 12 months after the request.
pub const DEFAULT_MAX_INSTALMENTS: u32 = 12;
/// See [`DEFAULT_MAX_INSTALMENTS`]: 25 major units.
pub const DEFAULT_MIN_INSTALMENT_MAJOR: i64 = 25;
/// See [`DEFAULT_MAX_INSTALMENTS`].
pub const DEFAULT_MAX_DURATION_MONTHS: u32 = 12;
/// The most instalments a creditor may allow: the same bound as any plan.
pub const MAX_ALLOWED_INSTALMENTS: u32 = crate::arrangement::MAX_INSTALMENTS;
/// The longest a creditor may let a portal plan run: ten years, as any plan.
pub const MAX_ALLOWED_DURATION_MONTHS: u32 = 120;

impl PlanLimits {
    /// The agency's defaults for a case in `currency`.
    #[must_use]
    pub fn agency_defaults(currency: Currency) -> Self {
        Self {
            max_instalments: DEFAULT_MAX_INSTALMENTS,
            min_instalment: Money::rounded(Decimal::from(DEFAULT_MIN_INSTALMENT_MAJOR), currency),
            max_duration_months: DEFAULT_MAX_DURATION_MONTHS,
        }
    }

    /// These limits as they apply to a case in `currency`: a smallest instalment in another
    /// currency gives way to the agency default in the case's.
    #[must_use]
    pub fn for_currency(self, currency: Currency) -> Self {
        if self.min_instalment.currency() == currency {
            self
        } else {
            Self {
                min_instalment: Self::agency_defaults(currency).min_instalment,
                ..self
            }
        }
    }
}

/// A limit a schedule goes beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// More instalments than allowed.
    TooManyInstalments,
    /// An instalment smaller than allowed.
    InstalmentTooSmall,
    /// The last instalment falls due too late.
    TooLong,
}

impl Exceeded {
    /// The stable name, as stored and served.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TooManyInstalments => "too_many_instalments",
            Self::InstalmentTooSmall => "instalment_too_small",
            Self::TooLong => "too_long",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [
            Self::TooManyInstalments,
            Self::InstalmentTooSmall,
            Self::TooLong,
        ]
        .into_iter()
        .find(|exceeded| exceeded.as_str() == raw)
    }
}

/// Every limit the `schedule` asked for on `requested_on` goes beyond; empty when it is within
/// all of them. The smallest instalment is the smallest of the schedule (equal instalments put
/// the remainder on the last, which is the larger).
#[must_use]
pub fn exceeded(
    limits: &PlanLimits,
    schedule: &[Instalment],
    requested_on: NaiveDate,
) -> Vec<Exceeded> {
    let mut over = Vec::new();
    let count = u32::try_from(schedule.len()).unwrap_or(u32::MAX);
    if count > limits.max_instalments {
        over.push(Exceeded::TooManyInstalments);
    }
    let smallest = schedule.iter().map(|i| i.amount.amount()).min();
    if smallest.is_some_and(|smallest| smallest < limits.min_instalment.amount()) {
        over.push(Exceeded::InstalmentTooSmall);
    }
    let latest = requested_on.checked_add_months(Months::new(limits.max_duration_months));
    let last = schedule.last().map(|i| i.due_date);
    if let (Some(last), Some(latest)) = (last, latest)
        && last > latest
    {
        over.push(Exceeded::TooLong);
    }
    over
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arrangement::{Frequency, schedule};
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn eur(amount: Decimal) -> Money {
        Money::new(amount, Currency::EUR).unwrap()
    }

    #[test]
    fn the_agency_defaults_are_twelve_instalments_of_at_least_25_within_a_year() {
        let limits = PlanLimits::agency_defaults(Currency::EUR);
        assert_eq!(limits.max_instalments, 12);
        assert_eq!(limits.min_instalment, eur(dec!(25.00)));
        assert_eq!(limits.max_duration_months, 12);
    }

    #[test]
    fn twelve_monthly_instalments_from_next_month_are_within_the_defaults() {
        // 1,040.00 in 12: eleven of 86.66 and a last of 86.74, the last due 2030-12-01, within
        // a year of 2030-01-07.
        let plan = schedule(eur(dec!(1040.00)), 12, day(2030, 2, 1), Frequency::Monthly).unwrap();
        let limits = PlanLimits::agency_defaults(Currency::EUR);
        assert!(exceeded(&limits, &plan, day(2030, 1, 7)).is_empty());
    }

    #[test]
    fn each_limit_is_named_when_gone_beyond() {
        // 13 instalments of 100.00 / 13 = 7.69: too many and too small; the 13th is due
        // 2031-02-01, more than 12 months after 2030-01-07.
        let plan = schedule(eur(dec!(100.00)), 13, day(2030, 2, 1), Frequency::Monthly).unwrap();
        let limits = PlanLimits::agency_defaults(Currency::EUR);
        assert_eq!(
            exceeded(&limits, &plan, day(2030, 1, 7)),
            [
                Exceeded::TooManyInstalments,
                Exceeded::InstalmentTooSmall,
                Exceeded::TooLong
            ]
        );
        // Three instalments, but the first only in a year: too long alone.
        let late = schedule(eur(dec!(900.00)), 3, day(2030, 12, 7), Frequency::Monthly).unwrap();
        assert_eq!(
            exceeded(&limits, &late, day(2030, 1, 7)),
            [Exceeded::TooLong]
        );
        // The last day of the year is still within it.
        let edge = schedule(eur(dec!(900.00)), 1, day(2031, 1, 7), Frequency::Monthly).unwrap();
        assert!(exceeded(&limits, &edge, day(2030, 1, 7)).is_empty());
    }

    #[test]
    fn a_smallest_instalment_in_another_currency_gives_way_to_the_default() {
        let limits = PlanLimits {
            max_instalments: 6,
            min_instalment: eur(dec!(100)),
            max_duration_months: 6,
        };
        let in_chf = limits.for_currency(Currency::CHF);
        assert_eq!(
            in_chf.min_instalment,
            Money::new(dec!(25), Currency::CHF).unwrap()
        );
        assert_eq!(in_chf.max_instalments, 6);
        assert_eq!(limits.for_currency(Currency::EUR), limits);
    }

    #[test]
    fn every_exceeded_name_reads_back() {
        for exceeded in [
            Exceeded::TooManyInstalments,
            Exceeded::InstalmentTooSmall,
            Exceeded::TooLong,
        ] {
            assert_eq!(Exceeded::parse(exceeded.as_str()), Some(exceeded));
        }
    }
}
