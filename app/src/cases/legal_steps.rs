//! The legal path, step by step: what happens in court once the creditor approved legal action
//! (filings, hearings, judgments with the amount and costs awarded, enforcement) and in the
//! debtor's insolvency (the proceedings, the claim lodged). Costs a judgment awards are owed by
//! the debtor: they are posted to the case's ledger on the oldest invoice, so a payment pays
//! them in the jurisdiction's order like any other costs. A dividend is recorded as a payment.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;
use solvo_domain::case::StateName;
use solvo_domain::ledger::Account;
use solvo_domain::money::{Currency, Money};
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases;
use solvo_persistence::repositories::invoices;
use solvo_persistence::repositories::ledger::{self, PostingRow};
use solvo_persistence::repositories::legal_steps;
pub use solvo_persistence::repositories::legal_steps::LegalStepRow;
use solvo_persistence::repositories::page::{Page, PageRequest};
use utoipa::ToSchema;
use validator::Validate;

use super::access::visible_case;
use super::balance::terms_of;
use super::events::{ActorRef, record_activity};
use super::input::MAX_INVOICE_MINOR;
use crate::cases::timeline_kind::Activity;
use crate::error::{AppError, FieldError};
use crate::money::{check_case_currency, detail_json, parse_amount, to_minor};
use crate::payments::input::text;
use crate::principal::Principal;

/// Longest court, reference or administrator name.
const MAX_NAME_CHARS: usize = 200;
/// Longest notes.
const MAX_NOTES_CHARS: usize = 4_000;

/// What kind of step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegalStepKind {
    /// The claim was filed with the court (`court` required).
    Filing,
    /// A hearing was held or is set (its date may be ahead).
    Hearing,
    /// The court gave judgment: `amount` awarded (required), `costs_awarded` if any.
    Judgment,
    /// An enforcement step (bailiff, garnishment).
    Enforcement,
    /// Insolvency proceedings were opened (`court` required; `reference`, `administrator`).
    InsolvencyProceedings,
    /// The claim was lodged in the insolvency (`amount` lodged required).
    ClaimLodged,
}

impl LegalStepKind {
    /// Every kind.
    pub const ALL: [LegalStepKind; 6] = [
        Self::Filing,
        Self::Hearing,
        Self::Judgment,
        Self::Enforcement,
        Self::InsolvencyProceedings,
        Self::ClaimLodged,
    ];

    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Filing => "filing",
            Self::Hearing => "hearing",
            Self::Judgment => "judgment",
            Self::Enforcement => "enforcement",
            Self::InsolvencyProceedings => "insolvency_proceedings",
            Self::ClaimLodged => "claim_lodged",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }

    /// The case state the step belongs to.
    fn state(self) -> StateName {
        match self {
            Self::InsolvencyProceedings | Self::ClaimLodged => StateName::Insolvency,
            _ => StateName::Legal,
        }
    }
}

/// A step to record.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "filing", "occurred_on": "2027-03-15"}))]
pub struct NewLegalStep {
    /// What happened.
    pub kind: LegalStepKind,
    /// When: today or before (a hearing may be set ahead).
    #[schema(example = "2027-03-15")]
    pub occurred_on: NaiveDate,
    /// The court, up to 200 characters.
    #[schema(example = "Amtsgericht Berlin-Mitte", max_length = 200)]
    pub court: Option<String>,
    /// The court's or the proceedings' reference, up to 200 characters.
    #[schema(example = "12 C 345/27", max_length = 200)]
    pub reference: Option<String>,
    /// The insolvency administrator, up to 200 characters.
    #[schema(max_length = 200)]
    pub administrator: Option<String>,
    /// Notes, up to 4,000 characters.
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
    /// A judgment's award, or the claim lodged: a decimal string in the case currency.
    #[schema(example = "1072.64")]
    pub amount: Option<String>,
    /// Costs a judgment awarded against the debtor: a decimal string in the case currency.
    #[schema(example = "184.50")]
    pub costs_awarded: Option<String>,
    /// The currency of the amounts, if given; it must be the case's.
    #[schema(value_type = Option<crate::wire_names::CurrencyCode>, example = "EUR")]
    pub currency: Option<String>,
}

/// Records `input` on case `case_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `work_cases`; [`AppError::NotFound`]; a validation error for
/// bad fields; [`AppError::Conflict`] when the case is not in the step's stage (`legal`, or
/// `insolvency` for insolvency steps).
pub fn record(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewLegalStep,
    now: NaiveDateTime,
) -> Result<LegalStepRow, AppError> {
    caller.require(Permission::WorkCases)?;
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    if case.state != input.kind.state() {
        return Err(AppError::Conflict(format!(
            "A `{}` step is recorded while the case is `{}`; it is `{}`.",
            input.kind.as_str(),
            input.kind.state(),
            case.state
        )));
    }
    let currency = terms_of(&case)?.currency;
    let step = checked(input, currency, now.date())?;
    let row = LegalStepRow {
        id: new_id("lgs"),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        kind: input.kind.as_str().to_owned(),
        occurred_on: input.occurred_on,
        court: step.court,
        reference: step.reference,
        administrator: step.administrator,
        notes: step.notes,
        amount_minor: step
            .amount
            .map(|money| to_minor(money, "amount"))
            .transpose()?,
        costs_awarded_minor: step
            .costs
            .map(|money| to_minor(money, "costs_awarded"))
            .transpose()?,
        currency: case.currency,
        recorded_by: caller.actor_id().to_owned(),
        created_at: now,
    };
    legal_steps::insert(conn, &row)?;
    if matches!(input.kind, LegalStepKind::Filing | LegalStepKind::Judgment) {
        // A filing halts prescription and a judgment may start a period of its own: the
        // stored deadline the scheduler warns of is worked out again now.
        let invoices = invoices::of_case(conn, &case.id)?;
        let events = super::prescription::events_of(conn, &case.id)?;
        let deadline =
            super::prescription::summarise(&case, &invoices, &events, now.date()).deadline;
        solvo_persistence::repositories::cases::set_prescription(conn, &case.id, deadline, now)?;
    }
    if let (Some(costs), Some(minor)) = (step.costs, row.costs_awarded_minor) {
        let first = invoices::of_case(conn, &case.id)?
            .into_iter()
            .min_by_key(|invoice| (invoice.due_date, invoice.id.clone()))
            .ok_or_else(|| AppError::corrupt("case", &case.id, "a case without invoices"))?;
        let posting = PostingRow {
            id: new_id("pst"),
            case_id: case.id.clone(),
            invoice_id: Some(first.id),
            account: Account::Costs,
            amount_minor: minor,
            currency: case.currency,
            effective_date: input.occurred_on,
            description: format!("Costs awarded by judgment {}: {costs}", row.id),
            created_at: now,
            payment_id: None,
        };
        ledger::insert_all(conn, &[posting])?;
    }
    let detail = json!({
        "legal_step_id": row.id,
        "kind": row.kind,
        "occurred_on": row.occurred_on,
        "amount": step.amount.map(detail_json),
        "costs_awarded": step.costs.map(detail_json),
    });
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        Activity::LegalStep,
        &detail,
        now,
    )?;
    Ok(row)
}

/// The free texts and amounts of a step, each checked against what its kind needs.
struct Checked {
    court: Option<String>,
    reference: Option<String>,
    administrator: Option<String>,
    notes: Option<String>,
    amount: Option<Money>,
    costs: Option<Money>,
}

/// Checks every field of `input` at once.
fn checked(
    input: &NewLegalStep,
    currency: Currency,
    today: NaiveDate,
) -> Result<Checked, AppError> {
    let mut errors = Vec::new();
    check_case_currency(input.currency.as_deref(), currency, &mut errors);
    if input.occurred_on > today && input.kind != LegalStepKind::Hearing {
        errors.push(FieldError::new(
            "occurred_on",
            "in_future",
            format!("Only a hearing is recorded ahead; this step happened by today ({today})."),
        ));
    }
    let court = text(input.court.as_deref(), "court", MAX_NAME_CHARS, &mut errors);
    let reference = text(
        input.reference.as_deref(),
        "reference",
        MAX_NAME_CHARS,
        &mut errors,
    );
    let administrator = text(
        input.administrator.as_deref(),
        "administrator",
        MAX_NAME_CHARS,
        &mut errors,
    );
    let notes = text(
        input.notes.as_deref(),
        "notes",
        MAX_NOTES_CHARS,
        &mut errors,
    );
    let amount = optional_amount(input.amount.as_deref(), currency, "amount", &mut errors);
    let costs = optional_amount(
        input.costs_awarded.as_deref(),
        currency,
        "costs_awarded",
        &mut errors,
    );
    let needs_court = matches!(
        input.kind,
        LegalStepKind::Filing | LegalStepKind::InsolvencyProceedings
    );
    if needs_court && court.is_none() {
        errors.push(FieldError::new("court", "required", "Name the court."));
    }
    let needs_amount = matches!(
        input.kind,
        LegalStepKind::Judgment | LegalStepKind::ClaimLodged
    );
    if needs_amount && amount.is_none() && input.amount.is_none() {
        errors.push(FieldError::new("amount", "required", "Give the amount."));
    }
    if !needs_amount && input.amount.is_some() {
        errors.push(FieldError::new(
            "amount",
            "not_for_this_step",
            "Only a judgment or a lodged claim has an amount.",
        ));
    }
    if input.kind != LegalStepKind::Judgment && input.costs_awarded.is_some() {
        errors.push(FieldError::new(
            "costs_awarded",
            "not_for_this_step",
            "Only a judgment awards costs.",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(Checked {
        court,
        reference,
        administrator,
        notes,
        amount,
        costs,
    })
}

/// One page of the legal steps of case `case_id`, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] for debtors; [`AppError::NotFound`].
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<LegalStepRow>, AppError> {
    caller.require(Permission::ReadCaseConversation)?;
    let case = visible_case(conn, caller, case_id)?;
    Ok(legal_steps::of_case(conn, &case.id, page)?)
}

/// An optional positive amount, at most what one invoice may be.
fn optional_amount(
    raw: Option<&str>,
    currency: solvo_domain::money::Currency,
    field: &str,
    errors: &mut Vec<FieldError>,
) -> Option<Money> {
    let money = raw.and_then(|raw| {
        parse_amount(raw, currency, field, false)
            .map_err(|err| errors.push(err))
            .ok()
    })?;
    if money
        .to_minor()
        .is_ok_and(|minor| minor <= MAX_INVOICE_MINOR)
    {
        Some(money)
    } else {
        errors.push(FieldError::new(
            field,
            "too_large",
            "The amount is larger than any claim.",
        ));
        None
    }
}
