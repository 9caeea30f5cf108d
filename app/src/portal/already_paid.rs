//! A debtor says they paid already: the day, the amount, the bank's reference and a proof they
//! uploaded through the portal (a document of the case, under the intake document rules). The
//! case is flagged for the collector and contact is held for [`HOLD_DAYS`] days: the case's next
//! action moves to the end of the hold, so the work queue (which shows a case from its next
//! action's day) leaves it alone meanwhile. The collector confirms the claim, which records it
//! as a direct payment through the ordinary payment use case, or rejects it with a reason the
//! debtor reads.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use serde_json::json;
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_domain::portal::language::Language;
use solvo_domain::portal::wording::Refusal;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::page::{Page, PageRequest};
/// A stored already-paid claim, as the views read it.
pub use solvo_persistence::repositories::portal_requests::ClaimRow;
use solvo_persistence::repositories::portal_requests::{self, ClaimDecision};
use utoipa::ToSchema;
use validator::Validate;

use super::Debtor;
use super::plans::staff_scope;
use super::scope::case_in_scope;
use crate::cases::access::visible_case;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::cases::transition::state_of;
use crate::error::{AppError, FieldError};
use crate::money::{check_case_currency, detail_json, parse_amount, to_minor};
use crate::payments::input::{required_reason, text};
use crate::payments::{self, NewPayment, PaymentMethod, ReceivedBy, Recorded};
use crate::principal::Principal;

/// Days collection contact is held after a claim: long enough for a transfer the debtor made to
/// show on a statement and for the creditor to check its own account.
pub const HOLD_DAYS: u64 = 10;
/// How far back a claimed payment may lie: older money would long have been booked.
pub const MAX_CLAIM_AGE_DAYS: u64 = 366;
/// Longest bank reference, as on a SEPA transfer.
pub const MAX_BANK_REFERENCE_CHARS: usize = 140;

/// A debtor's claim to have paid.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": "1040.00", "paid_on": "2030-01-03", "bank_reference": "NOTPROVIDED-20300103-4711", "document_id": "doc_0193b7c4a1e07a3c9d2f5e6b8a1c4d70"}))]
pub struct NewClaim {
    /// The day the money left the debtor's account: not after today, at most 366 days ago.
    #[schema(example = "2030-01-03")]
    pub paid_on: NaiveDate,
    /// How much, a positive decimal string in the case currency.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "1040.00"
    )]
    pub amount: String,
    /// The currency, if given; it must be the case's.
    #[schema(value_type = Option<crate::wire_names::CurrencyCode>, example = "EUR")]
    pub currency: Option<String>,
    /// The bank's reference of the transfer, 1 to 140 characters.
    #[schema(example = "NOTPROVIDED-20300103-4711", max_length = 140)]
    pub bank_reference: String,
    /// The proof: a document the debtor uploaded to this case with
    /// `POST /v1/portal/cases/{id}/documents`.
    #[schema(example = "doc_…")]
    pub document_id: String,
}

/// The debtor claims to have paid case `case_id`.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope; [`AppError::PortalRefused`] on a closed
/// case or while another claim is checked; [`AppError::Validation`] naming each bad field (a
/// document that is not the debtor's upload on this case is `document_id`).
pub fn claim(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    input: &NewClaim,
    language: Language,
    now: NaiveDateTime,
) -> Result<ClaimRow, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    if matches!(
        state_of(&case)?,
        solvo_domain::case::CaseState::Closed { .. }
    ) {
        return Err(refused(Refusal::Closed, language));
    }
    if portal_requests::claims_of_case(conn, &case.id)?
        .iter()
        .any(|row| row.status == "pending")
    {
        return Err(refused(Refusal::ClaimPending, language));
    }
    let principal = debtor.principal();
    let today = now.date();
    let currency = case.currency;
    let mut errors = Vec::new();
    check_case_currency(input.currency.as_deref(), currency, &mut errors);
    let amount = parse_amount(&input.amount, currency, "amount", false)
        .map_err(|err| errors.push(err))
        .ok();
    let earliest = today
        .checked_sub_days(Days::new(MAX_CLAIM_AGE_DAYS))
        .unwrap_or(NaiveDate::MIN);
    if input.paid_on > today {
        errors.push(FieldError::new(
            "paid_on",
            "in_future",
            format!("A payment made is dated today ({today}) or earlier."),
        ));
    } else if input.paid_on < earliest {
        errors.push(FieldError::new(
            "paid_on",
            "too_old",
            format!("A payment from before {earliest} would have been booked long since; write to your collector."),
        ));
    }
    let reference = text(
        Some(&input.bank_reference),
        "bank_reference",
        MAX_BANK_REFERENCE_CHARS,
        &mut errors,
    );
    if reference.is_none() && !errors.iter().any(|e| e.field == "bank_reference") {
        errors.push(FieldError::new(
            "bank_reference",
            "required",
            "The bank's reference of the transfer is required.",
        ));
    }
    // Only the debtor's own upload proves their payment: a staff document of the case is not
    // theirs to cite (the one rule of `super::documents`).
    if super::documents::own_document(conn, debtor, &case.id, input.document_id.trim())?.is_none() {
        errors.push(FieldError::new(
            "document_id",
            "unknown_document",
            "Upload the proof to this case with POST /v1/portal/cases/{id}/documents first.",
        ));
    }
    let (Some(amount), Some(reference), true) = (amount, reference, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let hold_until = today
        .checked_add_days(Days::new(HOLD_DAYS))
        .unwrap_or(NaiveDate::MAX);
    let row = ClaimRow {
        id: new_id("apc"),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        debtor_id: debtor.debtor_id.clone(),
        paid_on: input.paid_on,
        amount_minor: to_minor(amount, "amount")?,
        currency: case.currency,
        bank_reference: reference,
        document_id: input.document_id.clone(),
        status: "pending".to_owned(),
        hold_until,
        reject_reason: None,
        payment_id: None,
        decided_by: None,
        decided_at: None,
        created_at: now,
    };
    portal_requests::insert_claim(conn, &row)?;
    // The hold: the case leaves the work queue until the day after it, unless its next action
    // lies later anyway.
    if case.next_action_on.is_none_or(|day| day < hold_until) {
        cases::set_next_action(conn, &case.id, Some(hold_until))?;
    }
    record_activity(
        conn,
        &case,
        &ActorRef::from(&principal),
        Activity::AlreadyPaidClaimed,
        &json!({
            "claim_id": row.id,
            "paid_on": row.paid_on,
            "amount": detail_json(amount),
            "bank_reference": row.bank_reference,
            "document_id": row.document_id,
            "contact_held_until": hold_until,
        }),
        now,
    )?;
    Ok(row)
}

fn refused(refusal: Refusal, language: Language) -> AppError {
    AppError::PortalRefused {
        reason: refusal.as_str(),
        detail: refusal.text(language).to_owned(),
    }
}

/// The claims on case `case_id`, oldest first, as the debtor sees them.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope.
pub fn of_case(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
) -> Result<Vec<ClaimRow>, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    Ok(portal_requests::claims_of_case(conn, &case.id)?)
}

/// The collector's decision on a claim.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(tag = "decision", rename_all = "snake_case", deny_unknown_fields)]
#[schema(example = json!({"decision": "reject", "reason": "No such transfer reached the creditor's account"}))]
pub enum ClaimDecisionInput {
    /// The money arrived with the creditor: record it as a direct payment on the day claimed.
    Confirm,
    /// It did not; the debtor reads the reason.
    Reject {
        /// Why, up to 1,000 characters.
        #[schema(
            example = "No such transfer reached the creditor's account",
            max_length = 1000
        )]
        reason: String,
    },
}

/// A claim decided, and for a confirmation the payment recorded.
#[derive(Debug, Clone)]
pub struct ClaimDecided {
    /// The claim as it is now.
    pub claim: ClaimRow,
    /// The direct payment, for a confirmation.
    pub recorded: Option<Recorded>,
}

/// The collector decides claim `claim_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `work_cases` (and, to confirm, `report_direct_payments`);
/// [`AppError::NotFound`] for a claim on a case the caller may not see; [`AppError::Conflict`]
/// when it was decided; the payment use case's refusals on confirmation (a closed case).
pub fn decide(
    conn: &mut AnyConnection,
    caller: &Principal,
    claim_id: &str,
    decision: &ClaimDecisionInput,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<ClaimDecided, AppError> {
    caller.require(Permission::WorkCases)?;
    let claim = portal_requests::find_claim(conn, claim_id)?;
    let case = visible_case(conn, caller, &claim.case_id)?;
    if claim.status != "pending" {
        return Err(AppError::Conflict(format!(
            "The claim is {} already; a claim is decided once.",
            claim.status
        )));
    }
    let amount = Money::from_minor(claim.amount_minor, claim.currency);
    let (decision, recorded) = match decision {
        ClaimDecisionInput::Confirm => {
            let payment = NewPayment {
                amount: amount.amount_string(),
                currency: Some(claim.currency.code().to_owned()),
                value_date: claim.paid_on,
                method: PaymentMethod::BankTransfer,
                bank_reference: Some(claim.bank_reference.clone()),
                payer: None,
                invoice_number: None,
                creditor_consents_to_designation: false,
                allocation_order: None,
            };
            let recorded = payments::record(
                conn,
                caller,
                &case.id,
                ReceivedBy::Creditor,
                &payment,
                rates,
                now,
            )?;
            let decision = ClaimDecision {
                status: "confirmed".to_owned(),
                reject_reason: None,
                payment_id: Some(recorded.payment.row.id.clone()),
                decided_by: caller.actor_id().to_owned(),
                decided_at: now,
            };
            (decision, Some(recorded))
        }
        ClaimDecisionInput::Reject { reason } => {
            let reason = required_reason(reason)?;
            cases::lock_for_change(conn, &case.id, now)?;
            let decision = ClaimDecision {
                status: "rejected".to_owned(),
                reject_reason: Some(reason),
                payment_id: None,
                decided_by: caller.actor_id().to_owned(),
                decided_at: now,
            };
            (decision, None)
        }
    };
    if !portal_requests::decide_claim(conn, &claim.id, &decision)? {
        return Err(AppError::StaleVersion);
    }
    let case = cases::find(conn, None, &case.id)?;
    if decision.status == "rejected" {
        release_hold(conn, &case, &claim, now)?;
    }
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        if decision.status == "confirmed" {
            Activity::AlreadyPaidConfirmed
        } else {
            Activity::AlreadyPaidRejected
        },
        &json!({
            "claim_id": claim.id,
            "payment_id": decision.payment_id,
            "reason": decision.reject_reason,
        }),
        now,
    )?;
    Ok(ClaimDecided {
        claim: portal_requests::find_claim(conn, &claim.id)?,
        recorded,
    })
}

/// A rejected claim ends the hold it set: the case is due again today, unless an activity set
/// another next action since.
fn release_hold(
    conn: &mut AnyConnection,
    case: &CaseRow,
    claim: &ClaimRow,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    if case.next_action_on == Some(claim.hold_until) {
        cases::set_next_action(conn, &case.id, Some(now.date()))?;
    }
    Ok(())
}

/// One page of the claims on the caller's cases, in `status` if given, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] without `work_cases`.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<ClaimRow>, AppError> {
    caller.require(Permission::WorkCases)?;
    let Some(scope) = staff_scope(caller) else {
        return Ok(Page {
            items: Vec::new(),
            next_cursor: None,
        });
    };
    Ok(portal_requests::claims_in_scope(conn, scope, status, page)?)
}

// Every field is checked by the use case, against the case; nothing is left for the derive.
impl Validate for ClaimDecisionInput {
    fn validate(&self) -> Result<(), validator::ValidationErrors> {
        Ok(())
    }
}
