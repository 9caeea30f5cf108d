//! Statutory interest over a period: cut the period where base or rate changes, price each piece,
//! compound where the law says so.

use super::fixing::{rate_cuts, statutory_rate};
use super::{
    BalanceSchedule, Compounding, ContractualRatePolicy, DayCount, InterestBreakdown,
    InterestError, InterestGap, InterestLine, InterestRule, MissingRate,
};
use crate::money::Money;
use crate::rates::RateTables;
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use std::collections::BTreeSet;

/// The longest period one computation accepts (100 years), a bound on every loop below.
pub const MAX_PERIOD_DAYS: i64 = 36_525;

/// Why a contractual rate applies, shown on the line.
const CONTRACTUAL_BASIS: &str = "contractual rate agreed by the parties";

/// The rate of one piece and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PieceRate {
    rate_percent: Decimal,
    provisional: bool,
    legal_basis: String,
}

/// A stretch of days with one principal and one rate, before amounts are computed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    from: NaiveDate,
    to: NaiveDate,
    principal: Money,
    /// Resolved for every piece so equal neighbours can merge, but an error only counts where
    /// money is owed: a day with nothing to bear interest needs no rate.
    rate: Result<PieceRate, InterestError>,
    /// True when a compounding year ends at `to`.
    year_ends: bool,
    /// Paid towards interest with value date `from` (only collected under compounding).
    interest_paid: Money,
}

/// Statutory interest on `balance` for the days `from <= d < to`.
///
/// `from` must be the first day interest runs (usually the day after the due date): rules that fix
/// the rate once (GB) read the reference for the half-year containing `from`, and yearly
/// compounding (NL) counts its years from `from`. A `contractual_rate` (percent per year) replaces
/// the statutory rate, or, where the statutory rate is a minimum (CH), applies only when higher.
///
/// The period is cut at every balance change, at every half-year start for half-yearly rules, and
/// at every compounding anniversary; adjacent pieces with equal base and rate are merged. Each line
/// is rounded once and the total is the sum of the rounded lines (see [`InterestBreakdown`]).
/// Compounding adds each completed year's interest still owed to the base (BW 6:119(2): "de over
/// dat jaar verschuldigde rente"): an amount the schedule records as paid towards interest
/// (`BalanceSchedule::with_interest_paid`) counts from its value date, first against interest
/// already added to the base in earlier years, which leaves the base at once, then against the
/// running year's interest, which is then not added. BW 6:44 ranks interest before principal but
/// does not rank one year's interest against another's; the older first gives the lower figure.
/// Under simple interest such payments change nothing. The lines still show the interest that
/// accrued; what was paid is the ledger's.
///
/// # Errors
/// [`InterestError`] when the period is inverted or too long, the contractual rate is negative, the
/// rule is inconsistent, a statutory rate before the gap comes out negative, or arithmetic fails;
/// never for a missing rate.
pub fn statutory_interest(
    rule: &InterestRule,
    rates: &RateTables,
    balance: &BalanceSchedule,
    from: NaiveDate,
    to: NaiveDate,
    contractual_rate: Option<Decimal>,
) -> Result<InterestBreakdown, InterestError> {
    if to < from {
        return Err(InterestError::InvertedPeriod { from, to });
    }
    let days = (to - from).num_days();
    if days > MAX_PERIOD_DAYS {
        return Err(InterestError::PeriodTooLong { days });
    }
    if contractual_rate.is_some_and(|rate| rate.is_sign_negative() && !rate.is_zero()) {
        return Err(InterestError::NegativeContractualRate);
    }
    let anniversaries = compounding_anniversaries(rule, from, to)?;
    let mut cuts: BTreeSet<NaiveDate> = BTreeSet::from([from, to]);
    cuts.extend(rate_cuts(rule, from, to)?);
    cuts.extend(anniversaries.iter().copied());
    let compounding = rule.compounding == Compounding::Yearly;
    if compounding {
        cuts.extend(
            balance
                .interest_paid()
                .iter()
                .map(|p| p.on)
                .filter(|on| *on > from && *on < to),
        );
    }
    cuts.extend(
        balance
            .changes()
            .iter()
            .map(|c| c.on)
            .filter(|on| *on > from && *on < to),
    );

    let cuts: Vec<NaiveDate> = cuts.into_iter().collect();
    let mut pieces: Vec<Piece> = Vec::with_capacity(cuts.len());
    for window in cuts.windows(2) {
        let (start, end) = (window[0], window[1]);
        let principal = balance.balance_on(start)?;
        let rate = piece_rate(rule, rates, from, start, contractual_rate);
        let interest_paid = if compounding {
            paid_on(balance, start)?
        } else {
            Money::zero(principal.currency())
        };
        let piece = Piece {
            from: start,
            to: end,
            principal,
            rate,
            year_ends: anniversaries.contains(&end),
            interest_paid,
        };
        merge_or_push(&mut pieces, piece);
    }
    price(rule, balance.opening(), &pieces)
}

/// What was paid towards interest with value date `day`.
fn paid_on(balance: &BalanceSchedule, day: NaiveDate) -> Result<Money, InterestError> {
    let currency = balance.opening().currency();
    Ok(Money::checked_sum(
        balance
            .interest_paid()
            .iter()
            .filter(|payment| payment.on == day)
            .map(|payment| payment.delta),
        currency,
    )?)
}

fn merge_or_push(pieces: &mut Vec<Piece>, piece: Piece) {
    if let Some(last) = pieces.last_mut()
        && !last.year_ends
        && piece.interest_paid.is_zero()
        && last.principal == piece.principal
        && last.rate == piece.rate
    {
        last.to = piece.to;
        last.year_ends = piece.year_ends;
        return;
    }
    pieces.push(piece);
}

fn piece_rate(
    rule: &InterestRule,
    rates: &RateTables,
    interest_start: NaiveDate,
    first: NaiveDate,
    contractual_rate: Option<Decimal>,
) -> Result<PieceRate, InterestError> {
    let contractual = |rate_percent| PieceRate {
        rate_percent,
        provisional: false,
        legal_basis: CONTRACTUAL_BASIS.to_owned(),
    };
    if let (Some(agreed), ContractualRatePolicy::Replaces) =
        (contractual_rate, rule.contractual_rate)
    {
        return Ok(contractual(agreed));
    }
    let statutory = statutory_rate(rule, rates, interest_start, first)?;
    match contractual_rate {
        Some(agreed) if agreed > statutory.rate_percent => Ok(contractual(agreed)),
        _ => Ok(PieceRate {
            rate_percent: statutory.rate_percent,
            provisional: statutory.provisional,
            legal_basis: rule.legal_basis.to_owned(),
        }),
    }
}

/// The ends of each full compounding year strictly inside the period.
fn compounding_anniversaries(
    rule: &InterestRule,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<NaiveDate>, InterestError> {
    if rule.compounding == Compounding::Simple {
        return Ok(Vec::new());
    }
    let mut anniversaries = Vec::new();
    // At most MAX_PERIOD_DAYS / 365 + 1 iterations, as the period length was checked.
    for years in 1u32.. {
        let anniversary = from
            .checked_add_months(Months::new(12 * years))
            .ok_or(InterestError::DateOutOfRange)?;
        if anniversary >= to {
            break;
        }
        anniversaries.push(anniversary);
    }
    Ok(anniversaries)
}

/// Prices the pieces in order until the first one that bears interest at an unknown rate; that
/// piece and everything after it that may bear interest become the gap.
fn price(
    rule: &InterestRule,
    opening: Money,
    pieces: &[Piece],
) -> Result<InterestBreakdown, InterestError> {
    let currency = opening.currency();
    // Interest added to the base in earlier years and not paid since, and the running year's
    // interest not paid so far.
    let mut capitalised = Money::zero(currency);
    let mut this_year = Money::zero(currency);
    let mut total = Money::zero(currency);
    let mut lines = Vec::with_capacity(pieces.len());
    let mut gap = None;
    for (index, piece) in pieces.iter().enumerate() {
        let left = pay_off(&mut capitalised, piece.interest_paid)?;
        pay_off(&mut this_year, left)?;
        let base = piece.principal.checked_add(capitalised)?;
        if !base.is_zero() {
            let rate = match &piece.rate {
                Ok(rate) => rate,
                Err(error) => match MissingRate::from_error(error) {
                    Some(reason) => {
                        gap = Some(gap_from(rule, piece, &pieces[index..], reason));
                        break;
                    }
                    None => return Err(error.clone()),
                },
            };
            let days = (piece.to - piece.from).num_days();
            let amount = Money::rounded(
                exact_interest(rule.day_count, base, rate.rate_percent, days)?,
                currency,
            );
            this_year = this_year.checked_add(amount)?;
            total = total.checked_add(amount)?;
            lines.push(InterestLine {
                from: piece.from,
                to: piece.to,
                days,
                base,
                rate_percent: rate.rate_percent,
                amount,
                legal_basis: rate.legal_basis.clone(),
                provisional: rate.provisional,
            });
        }
        if piece.year_ends {
            capitalised = capitalised.checked_add(this_year)?;
            this_year = Money::zero(currency);
        }
    }
    debug_assert_eq!(
        Money::checked_sum(lines.iter().map(|l| l.amount), currency).ok(),
        Some(total),
        "lines must add up to the total"
    );
    Ok(InterestBreakdown { lines, total, gap })
}

/// Takes `paid` off `owed` as far as it goes and returns what is left of `paid`.
fn pay_off(owed: &mut Money, paid: Money) -> Result<Money, InterestError> {
    let taken = paid.min(*owed)?;
    *owed = owed.checked_sub(taken)?;
    Ok(paid.checked_sub(taken)?)
}

/// The gap that starts with `first`, a piece bearing interest at an unknown rate, followed by the
/// pieces `rest` (which start with `first`).
///
/// Under simple interest a later day bears interest only if it has principal, so the gap ends with
/// the last piece that has some: days after a full payment are known to owe nothing. Under
/// compounding the unpriced interest would be added to the base at the next anniversary
/// (NL BW 6:119(2)), so the base of every later day is unknown and the gap runs to the end.
/// Later pieces whose rate is known are not priced either: for compounding their base is unknown,
/// and for simple interest one gap keeps the statement a known part followed by an unknown part.
fn gap_from(
    rule: &InterestRule,
    first: &Piece,
    rest: &[Piece],
    reason: MissingRate,
) -> InterestGap {
    let last = match rule.compounding {
        Compounding::Simple => rest.iter().rev().find(|piece| !piece.principal.is_zero()),
        Compounding::Yearly => rest.last(),
    }
    .unwrap_or(first);
    InterestGap {
        from: first.from,
        to: last.to,
        days: (last.to - first.from).num_days(),
        reason,
    }
}

/// base x rate / 100 x days / 365, unrounded. Multiplications come first so the only loss of
/// precision is the final division, which Decimal carries to 28 significant digits; rounding to
/// the currency happens in the caller through `Money::rounded`.
fn exact_interest(
    day_count: DayCount,
    base: Money,
    rate_percent: Decimal,
    days: i64,
) -> Result<Decimal, InterestError> {
    let denominator = match day_count {
        DayCount::Actual365Fixed => Decimal::from(36_500),
    };
    base.amount()
        .checked_mul(rate_percent)
        .and_then(|v| v.checked_mul(Decimal::from(days)))
        .and_then(|v| v.checked_div(denominator))
        .ok_or(InterestError::Overflow)
}
