//! A plan's instalments: from a count, a first due date and a frequency, or given one by one.
//! Amounts are whole minor units that add up exactly to the agreed total: equal instalments,
//! the remainder on the last, so no cent is created or lost by the split.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::money::{Money, MoneyError};

/// The most instalments a plan may have: ten years of monthly payments.
pub const MAX_INSTALMENTS: u32 = 120;

/// How often an instalment falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// Every 7 days.
    Weekly,
    /// The same day each month (the month's last day where it is shorter).
    Monthly,
    /// The same day every three months.
    Quarterly,
}

impl Frequency {
    /// The `snake_case` name, as stored and served.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::Monthly => "monthly",
            Self::Quarterly => "quarterly",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Weekly, Self::Monthly, Self::Quarterly]
            .into_iter()
            .find(|frequency| frequency.as_str() == raw)
    }

    /// The due date of instalment `index` (0 for the first). Counted from the first date each
    /// time, so a plan starting on 31 January falls due on 28 February and then 31 March, not
    /// on the 28th ever after.
    fn due_date(self, first: NaiveDate, index: u32) -> Option<NaiveDate> {
        match self {
            Self::Weekly => first.checked_add_days(Days::new(7 * u64::from(index))),
            Self::Monthly => first.checked_add_months(Months::new(index)),
            Self::Quarterly => first.checked_add_months(Months::new(3 * index)),
        }
    }
}

/// One instalment of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instalment {
    /// 1 for the first.
    pub number: u32,
    /// The day it falls due.
    pub due_date: NaiveDate,
    /// How much.
    pub amount: Money,
}

/// Why a schedule cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// Zero instalments, or more than [`MAX_INSTALMENTS`].
    #[error("a plan has 1 to {MAX_INSTALMENTS} instalments, not {0}")]
    Count(usize),
    /// The total is zero or negative.
    #[error("the total of a plan must be positive")]
    NotPositive,
    /// So many instalments of so little that one would be zero.
    #[error("{count} instalments of {total} leave an instalment of nothing")]
    TooSmall {
        /// The instalments asked for.
        count: u32,
        /// The total.
        total: Money,
    },
    /// An explicit instalment is not positive.
    #[error("instalment {0} is not a positive amount")]
    InstalmentNotPositive(u32),
    /// Explicit due dates must each come after the one before.
    #[error("instalment {0} is not due after the one before it")]
    DatesOutOfOrder(u32),
    /// Explicit instalments that do not add up to the total.
    #[error("the instalments add up to {sum}, not the total {total}")]
    SumDiffers {
        /// What they add up to.
        sum: Money,
        /// The agreed total.
        total: Money,
    },
    /// A date beyond the calendar.
    #[error("instalment dates run past the calendar")]
    DateOutOfRange,
    /// Amounts in another currency, or beyond 64-bit minor units.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// `count` instalments of `total` from `first_due` at `frequency`: equal amounts in minor units,
/// the remainder of the division on the last.
///
/// # Errors
/// [`ScheduleError`] for a count out of range, a total that is not positive or too small to
/// split, or a date past the calendar.
pub fn schedule(
    total: Money,
    count: u32,
    first_due: NaiveDate,
    frequency: Frequency,
) -> Result<Vec<Instalment>, ScheduleError> {
    if count == 0 || count > MAX_INSTALMENTS {
        return Err(ScheduleError::Count(count as usize));
    }
    if !total.is_positive() {
        return Err(ScheduleError::NotPositive);
    }
    let currency = total.currency();
    let minor = total.to_minor()?;
    let each = minor / i64::from(count);
    if each == 0 {
        return Err(ScheduleError::TooSmall { count, total });
    }
    let last = minor - each * i64::from(count - 1);
    (0..count)
        .map(|index| {
            let due_date = frequency
                .due_date(first_due, index)
                .ok_or(ScheduleError::DateOutOfRange)?;
            let amount = if index + 1 == count { last } else { each };
            Ok(Instalment {
                number: index + 1,
                due_date,
                amount: Money::from_minor(amount, currency),
            })
        })
        .collect()
}

/// Instalments given one by one as `(due_date, amount)`: each positive, each due after the one
/// before, adding up exactly to `total`.
///
/// # Errors
/// [`ScheduleError`] naming the first instalment that breaks a rule, or the sum.
pub fn explicit_schedule(
    total: Money,
    given: &[(NaiveDate, Money)],
) -> Result<Vec<Instalment>, ScheduleError> {
    if given.is_empty() || given.len() > MAX_INSTALMENTS as usize {
        return Err(ScheduleError::Count(given.len()));
    }
    if !total.is_positive() {
        return Err(ScheduleError::NotPositive);
    }
    let mut sum = Money::zero(total.currency());
    let mut instalments = Vec::with_capacity(given.len());
    let mut previous: Option<NaiveDate> = None;
    for (number, (due_date, amount)) in (1..).zip(given) {
        if !amount.is_positive() {
            return Err(ScheduleError::InstalmentNotPositive(number));
        }
        if previous.is_some_and(|before| *due_date <= before) {
            return Err(ScheduleError::DatesOutOfOrder(number));
        }
        previous = Some(*due_date);
        sum = sum.checked_add(*amount)?;
        instalments.push(Instalment {
            number,
            due_date: *due_date,
            amount: *amount,
        });
    }
    if sum != total {
        return Err(ScheduleError::SumDiffers { sum, total });
    }
    Ok(instalments)
}
