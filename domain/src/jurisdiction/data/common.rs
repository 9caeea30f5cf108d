//! Building blocks shared by the data modules, so each jurisdiction file reads like its statute.
//! Everything here is `const`: the data is checked when the crate compiles.

// The types every data module spells out, re-exported so each file needs one `use`.
pub(super) use crate::allocation::{AllocationOrder, AllocationRule, InvoiceOrder};
pub(super) use crate::interest::{
    Applicability, Compounding, ContractualRatePolicy, DayCount, InterestRule, RateFixing,
    RateFormula, RateRounding, ReferenceDay,
};
pub(super) use crate::jurisdiction::{
    BandLimit, CollectionCostBasis, CollectionCostRule, CompensationBand, CompensationSchedule,
    CompensationUnit, CostScale, RecoveryCompensation, ScaleTier, StatutoryAmount,
};
pub(super) use crate::jurisdiction::{Gap, Jurisdiction, JurisdictionCode, RuleTopic};
pub(super) use crate::money::Currency;
pub(super) use crate::prescription::{
    EventEffect, EventEffects, PrescriptionRule, PrescriptionStart,
};
pub(super) use crate::rates::RateSeries;
pub(super) use chrono::NaiveDate;
pub(super) use rust_decimal::Decimal;

/// A calendar date; an invalid literal fails the build.
pub(super) const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(day) => day,
        None => panic!("invalid date in jurisdiction data"),
    }
}

/// A non-negative decimal `mantissa x 10^-scale`: `dec(92, 1)` is 9.2.
pub(super) const fn dec(mantissa: u32, scale: u32) -> Decimal {
    Decimal::from_parts(mantissa, 0, 0, false, scale)
}

/// A whole amount in a currency.
pub(super) const fn amount(units: u32, currency: Currency) -> StatutoryAmount {
    StatutoryAmount {
        amount: dec(units, 0),
        currency,
    }
}

/// A new period of `years` from the event.
pub(super) const fn restart(years: u32, legal_basis: &'static str) -> EventEffect {
    EventEffect::Restart { years, legal_basis }
}

/// The claim is brought.
pub(super) const fn halt(legal_basis: &'static str) -> EventEffect {
    EventEffect::Halt { legal_basis }
}

/// The law denies the event an effect.
pub(super) const fn no_effect(legal_basis: &'static str) -> EventEffect {
    EventEffect::NoEffect { legal_basis }
}

/// No source establishes the effect.
pub(super) const UNKNOWN: EventEffect = EventEffect::NotEstablished;

/// Effects where only the court filing is established: the filing brings the claim.
pub(super) const fn only_filing(filing_basis: &'static str) -> EventEffects {
    EventEffects {
        written_acknowledgement: UNKNOWN,
        oral_acknowledgement: UNKNOWN,
        part_payment: UNKNOWN,
        written_demand: UNKNOWN,
        court_filing: halt(filing_basis),
        judgment: UNKNOWN,
    }
}

/// The Directive's definition of statutory interest as simple interest, cited for EU and EEA
/// transpositions whose own text on compounding was not verified.
pub(super) const DIRECTIVE_SIMPLE_NOTE: &str = "Simple interest: Directive 2011/7/EU art. 2(6) defines statutory interest for late payment as simple interest; national compounding by agreement or court order is not modelled.";

/// Statutory interest as reference series + margin, simple, actual/365, replaced by an agreed rate.
pub(super) const fn reference_rule(
    series: RateSeries,
    margin_percent: Decimal,
    fixing: RateFixing,
    applies_to: Applicability,
    legal_basis: &'static str,
    note: &'static str,
) -> InterestRule {
    InterestRule {
        rate: RateFormula::Reference {
            series,
            margin_percent,
            fixing,
            rounding: RateRounding::None,
        },
        compounding: Compounding::Simple,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::Replaces,
        applies_to,
        legal_basis,
        note,
    }
}

/// A fixed statutory rate, simple, actual/365, replaced by an agreed rate.
pub(super) const fn fixed_rule(
    rate_percent: Decimal,
    known_from: Option<NaiveDate>,
    known_until: Option<NaiveDate>,
    legal_basis: &'static str,
    note: &'static str,
) -> InterestRule {
    InterestRule {
        rate: RateFormula::Fixed {
            rate_percent,
            known_from,
            known_until,
        },
        compounding: Compounding::Simple,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::Replaces,
        applies_to: Applicability::ALWAYS,
        legal_basis,
        note,
    }
}

/// The reference rate of each half-year, read on 1 January / 1 July.
pub(super) const HALF_YEARLY_FIRST_DAY: RateFixing = RateFixing::HalfYearly {
    reference_day: ReferenceDay::FirstDayOfHalfYear,
};

/// The reference rate of each half-year, read on 31 December / 30 June.
pub(super) const HALF_YEARLY_DAY_BEFORE: RateFixing = RateFixing::HalfYearly {
    reference_day: ReferenceDay::LastDayBeforeHalfYear,
};

/// Claims whose relevant date is on or after `from`.
pub(super) const fn from_date(from: NaiveDate, date_tested: &'static str) -> Applicability {
    Applicability {
        from: Some(from),
        until: None,
        date_tested,
    }
}

/// Claims whose relevant date is on or before `until`.
pub(super) const fn until_date(until: NaiveDate, date_tested: &'static str) -> Applicability {
    Applicability {
        from: None,
        until: Some(until),
        date_tested,
    }
}

/// A flat compensation per late payment (the Directive's reading, CJEU C-78/22).
pub(super) const fn flat_per_payment(
    amount: StatutoryAmount,
    valid_from: Option<NaiveDate>,
    legal_basis: &'static str,
    note: &'static str,
) -> RecoveryCompensation {
    RecoveryCompensation {
        schedule: CompensationSchedule::Flat { amount },
        unit: CompensationUnit::PerLatePayment,
        valid_from,
        valid_until: None,
        legal_basis,
        note,
    }
}

/// A statutory figure in euro.
pub(super) const fn eur(units: u32) -> StatutoryAmount {
    amount(units, Currency::EUR)
}

/// A prescription rule counted from the due date, without year-end shift or long stop.
pub(super) const fn from_due_date(
    applies_to: &'static str,
    period_years: u32,
    effects: EventEffects,
    legal_basis: &'static str,
    note: &'static str,
) -> PrescriptionRule {
    PrescriptionRule {
        applies_to,
        period_years,
        start: PrescriptionStart::DueDate,
        ends_at_year_end: false,
        long_stop_years: None,
        long_stop_moves_with_restart: false,
        effects,
        legal_basis,
        note,
    }
}

/// A gap on a topic.
pub(super) const fn gap(topic: RuleTopic, reason: &'static str) -> Gap {
    Gap { topic, reason }
}

/// Band limits of the UK s.5A compensation: under GBP 1,000; under GBP 10,000; above.
pub(super) const UK_BANDS: [CompensationBand; 3] = [
    CompensationBand {
        up_to: Some(BandLimit {
            amount: dec(1000, 0),
            inclusive: false,
        }),
        amount: amount(40, Currency::GBP),
    },
    CompensationBand {
        up_to: Some(BandLimit {
            amount: dec(10_000, 0),
            inclusive: false,
        }),
        amount: amount(70, Currency::GBP),
    },
    CompensationBand {
        up_to: None,
        amount: amount(100, Currency::GBP),
    },
];
