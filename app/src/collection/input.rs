//! Assessments and activities as a collector records them, and their checks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};
use crate::payments::input::text;

/// Longest text field of an assessment or activity.
pub const MAX_TEXT_CHARS: usize = 4_000;
/// Longest expected timeline ("6 to 8 weeks, then pre-legal").
pub const MAX_TIMELINE_CHARS: usize = 200;

/// The debtor's solvency as the collector found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Solvency {
    /// Trading normally, able to pay.
    Good,
    /// Signs of difficulty (late filings, other collections).
    Doubtful,
    /// Unlikely to pay in full.
    Poor,
    /// Not established yet.
    Unknown,
}

impl Solvency {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Good => "good",
            Self::Doubtful => "doubtful",
            Self::Poor => "poor",
            Self::Unknown => "unknown",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Good, Self::Doubtful, Self::Poor, Self::Unknown]
            .into_iter()
            .find(|solvency| solvency.as_str() == raw)
    }
}

/// What the collector found out about the debtor.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewFindings {
    /// Solvency.
    pub solvency: Solvency,
    /// Whether the debtor was reached at the contact details given.
    pub reachable: bool,
    /// Anything else (register entries, other creditors, the debtor's account of the debt), up
    /// to 4,000 characters.
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
}

/// The recovery strategy the creditor receives.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAssessment {
    /// The recommended approach, up to 4,000 characters.
    #[schema(
        example = "Amicable: two letters and calls; a payment plan is likely acceptable",
        min_length = 1,
        max_length = 4000
    )]
    pub approach: String,
    /// The expected timeline, up to 200 characters.
    #[schema(example = "6 to 8 weeks", min_length = 1, max_length = 200)]
    pub expected_timeline: String,
    /// The cost structure the creditor should expect (commission, costs recoverable from the
    /// debtor), up to 4,000 characters.
    #[schema(
        example = "15 % success commission; EUR 40 compensation recoverable per invoice",
        min_length = 1,
        max_length = 4000
    )]
    pub cost_structure: String,
    /// What was found out about the debtor.
    pub findings: NewFindings,
}

/// An assessment whose texts are trimmed and within bounds.
#[derive(Debug, Clone)]
pub struct ValidAssessment {
    /// Approach.
    pub approach: String,
    /// Timeline.
    pub expected_timeline: String,
    /// Cost structure.
    pub cost_structure: String,
    /// Solvency.
    pub solvency: Solvency,
    /// Reached.
    pub reachable: bool,
    /// Notes.
    pub notes: Option<String>,
}

impl NewAssessment {
    /// Checks every text; all field errors at once.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each blank or too long field.
    pub fn validate_all(&self) -> Result<ValidAssessment, AppError> {
        let mut errors = Vec::new();
        let approach = required(&self.approach, "approach", MAX_TEXT_CHARS, &mut errors);
        let timeline = required(
            &self.expected_timeline,
            "expected_timeline",
            MAX_TIMELINE_CHARS,
            &mut errors,
        );
        let costs = required(
            &self.cost_structure,
            "cost_structure",
            MAX_TEXT_CHARS,
            &mut errors,
        );
        let notes = text(
            self.findings.notes.as_deref(),
            "findings.notes",
            MAX_TEXT_CHARS,
            &mut errors,
        );
        match (approach, timeline, costs) {
            (Some(approach), Some(expected_timeline), Some(cost_structure))
                if errors.is_empty() =>
            {
                Ok(ValidAssessment {
                    approach,
                    expected_timeline,
                    cost_structure,
                    solvency: self.findings.solvency,
                    reachable: self.findings.reachable,
                    notes,
                })
            }
            _ => Err(AppError::Validation(errors)),
        }
    }
}

/// How the collector tried to reach the debtor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// A call.
    Phone,
    /// An email.
    Email,
    /// A letter.
    Letter,
    /// A fax.
    Fax,
    /// A visit in person.
    Visit,
    /// A trace of a debtor who cannot be found (registers, databases).
    Trace,
}

impl Channel {
    /// Every channel.
    pub const ALL: [Channel; 6] = [
        Self::Phone,
        Self::Email,
        Self::Letter,
        Self::Fax,
        Self::Visit,
        Self::Trace,
    ];

    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Letter => "letter",
            Self::Fax => "fax",
            Self::Visit => "visit",
            Self::Trace => "trace",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|channel| channel.as_str() == raw)
    }
}

/// What came of a contact attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActivityOutcome {
    /// The debtor was spoken to.
    Reached,
    /// Nobody answered.
    NotReached,
    /// A message was left.
    LeftMessage,
    /// The number, address or mailbox is not the debtor's.
    WrongContact,
    /// A letter, email or fax went out.
    Sent,
    /// It came back undelivered.
    Returned,
    /// A trace found the debtor.
    Found,
    /// A trace found nothing.
    NotFound,
}

impl ActivityOutcome {
    /// Every outcome.
    pub const ALL: [ActivityOutcome; 8] = [
        Self::Reached,
        Self::NotReached,
        Self::LeftMessage,
        Self::WrongContact,
        Self::Sent,
        Self::Returned,
        Self::Found,
        Self::NotFound,
    ];

    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reached => "reached",
            Self::NotReached => "not_reached",
            Self::LeftMessage => "left_message",
            Self::WrongContact => "wrong_contact",
            Self::Sent => "sent",
            Self::Returned => "returned",
            Self::Found => "found",
            Self::NotFound => "not_found",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|outcome| outcome.as_str() == raw)
    }
}

/// A contact attempt to log.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewActivity {
    /// How.
    pub channel: Channel,
    /// What came of it.
    pub outcome: ActivityOutcome,
    /// What was said or done, up to 4,000 characters.
    #[schema(
        example = "Spoke to the bookkeeper; the invoice is approved for payment",
        max_length = 4000
    )]
    pub notes: Option<String>,
    /// When to act next (today or later); the case shows in the work queue from that day.
    /// Leave out to clear the case's next action.
    #[schema(example = "2027-01-20")]
    pub next_action_on: Option<NaiveDate>,
}

impl NewActivity {
    /// The notes trimmed, checked with the date against today.
    ///
    /// # Errors
    /// [`AppError::Validation`] for notes too long or a next action in the past.
    pub fn validate_for(&self, today: NaiveDate) -> Result<Option<String>, AppError> {
        let mut errors = Vec::new();
        let notes = text(self.notes.as_deref(), "notes", MAX_TEXT_CHARS, &mut errors);
        if self.next_action_on.is_some_and(|day| day < today) {
            errors.push(FieldError::new(
                "next_action_on",
                "in_past",
                format!("The next action is today ({today}) or later."),
            ));
        }
        if errors.is_empty() {
            Ok(notes)
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

/// A required text: trimmed, not blank, at most `max` characters.
fn required(raw: &str, field: &str, max: usize, errors: &mut Vec<FieldError>) -> Option<String> {
    let before = errors.len();
    let value = text(Some(raw), field, max, errors);
    if value.is_none() && errors.len() == before {
        errors.push(FieldError::new(
            field,
            "blank",
            format!("Give the {field}."),
        ));
    }
    value
}
