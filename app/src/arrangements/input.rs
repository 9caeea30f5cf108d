//! Promises and plans as a client records them, and their checks against the case.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use solvo_domain::arrangement::{
    Frequency, Instalment, MAX_INSTALMENTS, ScheduleError, explicit_schedule, schedule,
};
use solvo_domain::money::{Currency, Money};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};
use crate::money::{check_case_currency, parse_amount};
use crate::payments::input::{MAX_REASON_CHARS, required_reason, text};

/// The furthest ahead a promise may fall due: a promise is a short commitment; anything longer
/// is a payment plan.
pub const MAX_PROMISE_DAYS: u64 = 366;
/// The longest grace period a plan may have.
pub const MAX_GRACE_DAYS: u32 = 90;
/// The furthest ahead an instalment may fall due: ten years (3,653 days), the longest plan.
pub const MAX_PLAN_DAYS: u64 = 3_653;

/// A debtor's promise to pay `amount` by `due_date`.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": "250.00", "due_date": "2027-01-15"}))]
pub struct NewPromise {
    /// The amount promised, a positive decimal string in the case currency.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "250.00"
    )]
    pub amount: String,
    /// The currency, if given; it must be the case's.
    #[schema(value_type = Option<crate::wire_names::CurrencyCode>, example = "EUR")]
    pub currency: Option<String>,
    /// The day by which the money is promised: today or later, at most 366 days ahead. Payments
    /// recorded from now on and value-dated by this day keep it; it is broken the day after
    /// otherwise.
    #[schema(example = "2027-01-15")]
    pub due_date: NaiveDate,
    /// What the debtor said, up to 1,000 characters.
    #[schema(
        example = "Will pay after the customer's transfer on Friday",
        max_length = 1000
    )]
    pub note: Option<String>,
}

/// A promise whose fields passed their checks.
#[derive(Debug, Clone)]
pub struct ValidPromise {
    /// The amount in the case currency.
    pub amount: Money,
    /// The day promised.
    pub due_date: NaiveDate,
    /// The note, trimmed.
    pub note: Option<String>,
}

impl NewPromise {
    /// Checks every field against the case currency and today; all field errors at once.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each bad field.
    pub fn validate_for(
        &self,
        currency: Currency,
        today: NaiveDate,
    ) -> Result<ValidPromise, AppError> {
        let mut errors = Vec::new();
        check_case_currency(self.currency.as_deref(), currency, &mut errors);
        let amount = parse_amount(&self.amount, currency, "amount", false)
            .map_err(|err| errors.push(err))
            .ok();
        let latest = today
            .checked_add_days(Days::new(MAX_PROMISE_DAYS))
            .unwrap_or(NaiveDate::MAX);
        if self.due_date < today {
            errors.push(FieldError::new(
                "due_date",
                "in_past",
                format!("A promise falls due today ({today}) or later."),
            ));
        } else if self.due_date > latest {
            errors.push(FieldError::new(
                "due_date",
                "too_far",
                format!("A promise falls due by {latest}; agree a payment plan for longer."),
            ));
        }
        let note = text(self.note.as_deref(), "note", MAX_REASON_CHARS, &mut errors);
        match amount {
            Some(amount) if errors.is_empty() => Ok(ValidPromise {
                amount,
                due_date: self.due_date,
                note,
            }),
            _ => Err(AppError::Validation(errors)),
        }
    }
}

/// How often a plan's instalments fall due, as the API names it
/// (`solvo_domain::arrangement::Frequency`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlanFrequency {
    /// Every 7 days.
    Weekly,
    /// The same day each month (the month's last day where it is shorter).
    Monthly,
    /// The same day every three months.
    Quarterly,
}

impl From<PlanFrequency> for Frequency {
    fn from(frequency: PlanFrequency) -> Self {
        match frequency {
            PlanFrequency::Weekly => Self::Weekly,
            PlanFrequency::Monthly => Self::Monthly,
            PlanFrequency::Quarterly => Self::Quarterly,
        }
    }
}

impl From<Frequency> for PlanFrequency {
    fn from(frequency: Frequency) -> Self {
        match frequency {
            Frequency::Weekly => Self::Weekly,
            Frequency::Monthly => Self::Monthly,
            Frequency::Quarterly => Self::Quarterly,
        }
    }
}

/// One instalment given explicitly.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInstalment {
    /// The day it falls due.
    #[schema(example = "2027-02-01")]
    pub due_date: NaiveDate,
    /// How much, a positive decimal string in the case currency.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "100.00"
    )]
    pub amount: String,
}

/// A payment plan agreed with the debtor: `instalment_count` instalments from `first_due_date`
/// at `frequency`, or the `instalments` one by one.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"total": "1200.00", "currency": "EUR", "instalment_count": 3, "first_due_date": "2027-02-01", "grace_days": 7}))]
pub struct NewPlan {
    /// How many instalments (1 to 120), with `first_due_date` and `frequency`.
    #[schema(example = 3, minimum = 1, maximum = 120)]
    pub instalment_count: Option<u32>,
    /// When the first falls due: today or later.
    #[schema(example = "2027-02-01")]
    pub first_due_date: Option<NaiveDate>,
    /// How often they fall due.
    pub frequency: Option<PlanFrequency>,
    /// The instalments one by one, instead of count, first date and frequency: each due after
    /// the one before, adding up to `total`.
    pub instalments: Option<Vec<NewInstalment>>,
    /// The agreed total, a positive decimal string in the case currency; by default what the
    /// case owes today (for explicit instalments: their sum).
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "1200.00"
    )]
    pub total: Option<String>,
    /// The currency, if given; it must be the case's.
    #[schema(value_type = Option<crate::wire_names::CurrencyCode>, example = "EUR")]
    pub currency: Option<String>,
    /// Days after an instalment's due date before a shortfall defaults the plan (0 to 90); by
    /// default the creditor's setting (7 days unless set otherwise).
    #[schema(example = 7, minimum = 0, maximum = 90)]
    pub grace_days: Option<u32>,
}

/// A plan whose fields passed their checks: its instalments and grace period.
#[derive(Debug, Clone)]
pub struct ValidPlan {
    /// The agreed total.
    pub total: Money,
    /// `None` for instalments given one by one.
    pub frequency: Option<Frequency>,
    /// The schedule.
    pub instalments: Vec<Instalment>,
    /// The grace period, if the request set one.
    pub grace_days: Option<u32>,
}

impl NewPlan {
    /// Checks the plan against the case currency, what the case owes now and today.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each bad field.
    pub fn validate_for(
        &self,
        currency: Currency,
        owed: Money,
        today: NaiveDate,
    ) -> Result<ValidPlan, AppError> {
        let mut errors = Vec::new();
        check_case_currency(self.currency.as_deref(), currency, &mut errors);
        let total = match &self.total {
            Some(raw) => parse_amount(raw, currency, "total", false)
                .map_err(|err| errors.push(err))
                .ok(),
            None => None,
        };
        if let Some(days) = self.grace_days
            && days > MAX_GRACE_DAYS
        {
            errors.push(FieldError::new(
                "grace_days",
                "out_of_range",
                format!("A grace period is 0 to {MAX_GRACE_DAYS} days."),
            ));
        }
        let planned = match (
            &self.instalments,
            self.instalment_count,
            self.first_due_date,
            self.frequency,
        ) {
            (Some(given), None, None, None) => {
                Self::explicit(given, total, currency, today, &mut errors)
            }
            (None, Some(count), Some(first), Some(frequency)) => self.generated(
                count,
                first,
                frequency.into(),
                total,
                owed,
                today,
                &mut errors,
            ),
            _ => {
                errors.push(FieldError::new(
                    "instalments",
                    "schedule_required",
                    "Give either instalment_count, first_due_date and frequency, or instalments.",
                ));
                None
            }
        };
        match planned {
            Some((total, instalments)) if errors.is_empty() => Ok(ValidPlan {
                total,
                frequency: self.frequency.map(Frequency::from),
                instalments,
                grace_days: self.grace_days,
            }),
            _ => Err(AppError::Validation(errors)),
        }
    }

    /// The schedule from count, first date and frequency.
    #[expect(
        clippy::too_many_arguments,
        reason = "one private step of validate_for"
    )]
    fn generated(
        &self,
        count: u32,
        first: NaiveDate,
        frequency: Frequency,
        total: Option<Money>,
        owed: Money,
        today: NaiveDate,
        errors: &mut Vec<FieldError>,
    ) -> Option<(Money, Vec<Instalment>)> {
        if first < today {
            errors.push(FieldError::new(
                "first_due_date",
                "in_past",
                format!("The first instalment falls due today ({today}) or later."),
            ));
        }
        let latest = latest_due(today);
        if count == 0 || count > MAX_INSTALMENTS {
            errors.push(FieldError::new(
                "instalment_count",
                "out_of_range",
                format!("A plan has 1 to {MAX_INSTALMENTS} instalments."),
            ));
            return None;
        }
        let total = match total {
            Some(total) => total,
            None if owed.is_positive() => owed,
            None => {
                errors.push(FieldError::new(
                    "total",
                    "nothing_owed",
                    "The case owes nothing today; there is nothing to plan.",
                ));
                return None;
            }
        };
        if self.total.is_none() && !errors.is_empty() {
            return None;
        }
        let instalments = schedule(total, count, first, frequency)
            .map_err(|err| errors.push(schedule_error(&err)))
            .ok()?;
        if instalments
            .last()
            .is_some_and(|last| last.due_date > latest)
        {
            errors.push(FieldError::new(
                "instalment_count",
                "too_long",
                format!("The last instalment would fall due after {latest}; a plan runs at most ten years."),
            ));
            return None;
        }
        Some((total, instalments))
    }

    /// The schedule given one by one.
    fn explicit(
        given: &[NewInstalment],
        total: Option<Money>,
        currency: Currency,
        today: NaiveDate,
        errors: &mut Vec<FieldError>,
    ) -> Option<(Money, Vec<Instalment>)> {
        if given.is_empty() || given.len() > MAX_INSTALMENTS as usize {
            errors.push(FieldError::new(
                "instalments",
                "out_of_range",
                format!("A plan has 1 to {MAX_INSTALMENTS} instalments."),
            ));
            return None;
        }
        let latest = latest_due(today);
        let mut parsed = Vec::with_capacity(given.len());
        for (index, instalment) in given.iter().enumerate() {
            let field = format!("instalments[{index}].amount");
            match parse_amount(&instalment.amount, currency, &field, false) {
                Ok(amount) => parsed.push((instalment.due_date, amount)),
                Err(err) => errors.push(err),
            }
            if instalment.due_date < today {
                errors.push(FieldError::new(
                    format!("instalments[{index}].due_date"),
                    "in_past",
                    format!("Instalments fall due today ({today}) or later."),
                ));
            } else if instalment.due_date > latest {
                errors.push(FieldError::new(
                    format!("instalments[{index}].due_date"),
                    "too_far",
                    format!("Instalments fall due by {latest}; a plan runs at most ten years."),
                ));
            }
        }
        if !errors.is_empty() {
            return None;
        }
        let sum = Money::checked_sum(parsed.iter().map(|(_, amount)| *amount), currency)
            .map_err(|err| {
                errors.push(FieldError::new("instalments", "too_large", err.to_string()));
            })
            .ok()?;
        let total = total.unwrap_or(sum);
        explicit_schedule(total, &parsed)
            .map(|instalments| (total, instalments))
            .map_err(|err| errors.push(schedule_error(&err)))
            .ok()
    }
}

/// The last day an instalment of a plan agreed on `today` may fall due.
fn latest_due(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(Days::new(MAX_PLAN_DAYS))
        .unwrap_or(NaiveDate::MAX)
}

/// A schedule the domain refused, as the field a client fixes.
fn schedule_error(err: &ScheduleError) -> FieldError {
    let (field, code) = match err {
        ScheduleError::Count(_) => ("instalments".to_owned(), "out_of_range"),
        ScheduleError::NotPositive => ("total".to_owned(), "not_positive"),
        ScheduleError::TooSmall { .. } => ("instalment_count".to_owned(), "instalment_too_small"),
        ScheduleError::InstalmentNotPositive(n) => {
            (format!("instalments[{}].amount", n - 1), "not_positive")
        }
        ScheduleError::DatesOutOfOrder(n) => {
            (format!("instalments[{}].due_date", n - 1), "out_of_order")
        }
        ScheduleError::SumDiffers { .. } => ("total".to_owned(), "instalments_do_not_add_up"),
        ScheduleError::DateOutOfRange => ("first_due_date".to_owned(), "out_of_range"),
        ScheduleError::Money(_) => ("total".to_owned(), "too_large"),
    };
    FieldError::new(field, code, err.to_string())
}

/// Why a plan is cancelled.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Debtor asked to renegotiate after losing a customer"}))]
pub struct CancelPlan {
    /// Why, e.g. a new plan is being negotiated. Required, up to 1,000 characters.
    #[schema(
        example = "Debtor asked to renegotiate after losing a customer",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

impl CancelPlan {
    /// The reason, trimmed.
    ///
    /// # Errors
    /// [`AppError::Validation`] when blank or too long.
    pub fn reason(&self) -> Result<String, AppError> {
        required_reason(&self.reason)
    }
}
