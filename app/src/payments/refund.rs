//! Refunding credit held for a debtor: an overpayment goes back by an explicit posting, never by
//! editing the payment. Only what is held can be refunded (`solvo_domain::ledger::refund_postings`).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::json;
use solvo_domain::ledger::Account;
use solvo_domain::ledger::{RefundError, refund_postings};
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::ledger::{self as postings_repo, PostingRow};
use solvo_persistence::repositories::page::{Page, PageRequest};
use solvo_persistence::repositories::refunds;
pub use solvo_persistence::repositories::refunds::RefundRow;
use solvo_persistence::repositories::{cases, payments};
use utoipa::ToSchema;
use validator::Validate;

use super::input::{MAX_BANK_REFERENCE_CHARS, PaymentMethod, required_reason, text};
use crate::cases::access::visible_case;
use crate::cases::balance::{self, terms_of};
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::{AppError, FieldError};
use crate::money::{check_case_currency, detail_json, parse_amount, to_minor};
use crate::principal::Principal;

/// A refund of held credit.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": "127.36", "method": "bank_transfer", "reason": "Overpayment returned to the debtor"}))]
pub struct NewRefund {
    /// The amount, a positive decimal string, at most the credit the agency holds: `unapplied` on
    /// the balance less what direct payments left (the creditor holds that).
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "127.36"
    )]
    pub amount: String,
    /// The currency, if given; it must be the case's.
    #[schema(value_type = Option<crate::wire_names::CurrencyCode>, example = "EUR")]
    pub currency: Option<String>,
    /// How the money goes back.
    pub method: PaymentMethod,
    /// The outgoing transfer's reference, up to 140 characters.
    #[schema(example = "REFUND-2027-001", max_length = 140)]
    pub reference: Option<String>,
    /// Why, required, up to 1,000 characters.
    #[schema(
        example = "Overpayment returned to the debtor",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

/// Refunds `input` out of the credit held on case `case_id`, today.
///
/// # Errors
/// [`AppError::Forbidden`] without `refund_credit`; [`AppError::NotFound`];
/// [`AppError::Validation`] for bad fields or more than is held.
pub fn refund(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewRefund,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<RefundRow, AppError> {
    caller.require(Permission::RefundCredit)?;
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    let currency = terms_of(&case)?.currency;
    let mut errors = Vec::new();
    check_case_currency(input.currency.as_deref(), currency, &mut errors);
    let amount = parse_amount(&input.amount, currency, "amount", false)
        .map_err(|err| errors.push(err))
        .ok();
    let reference = text(
        input.reference.as_deref(),
        "reference",
        MAX_BANK_REFERENCE_CHARS,
        &mut errors,
    );
    let reason = required_reason(&input.reason)
        .map_err(|err| {
            if let AppError::Validation(mut more) = err {
                errors.append(&mut more);
            }
        })
        .ok();
    let (Some(amount), Some(reason)) = (amount, reason) else {
        return Err(AppError::Validation(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let held = balance::load(conn, &case, rates, now.date())?.unapplied;
    let theirs = creditors_credit(conn, &case.id, currency)?;
    // What the creditor was paid directly is the creditor's to give back, not the agency's.
    let refundable = held
        .checked_sub(theirs)
        .and_then(|left| left.max(Money::zero(currency)))
        .map_err(|err| AppError::corrupt("case", &case.id, err))?;
    let refund_id = new_id("rfd");
    let postings = refund_postings(
        amount,
        refundable,
        now.date(),
        &format!("Refund {refund_id}: {reason}"),
    )
    .map_err(|err| match err {
        RefundError::MoreThanHeld { held, .. } => AppError::Validation(vec![FieldError::new(
            "amount",
            "more_than_held",
            format!(
                "Only {held} of the credit held on this case is the agency's to refund; \
                 {theirs} was paid directly to the creditor."
            ),
        )]),
        other => AppError::invalid("amount", "not_refundable", other.to_string()),
    })?;
    let rows = postings
        .iter()
        .map(|posting| {
            Ok(PostingRow {
                id: new_id("pst"),
                case_id: case.id.clone(),
                invoice_id: None,
                account: posting.account,
                amount_minor: to_minor(posting.amount, "amount")?,
                currency: case.currency,
                effective_date: posting.effective_date,
                description: posting.description.clone(),
                created_at: now,
                payment_id: None,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    postings_repo::insert_all(conn, &rows)?;
    let row = RefundRow {
        id: refund_id,
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        amount_minor: to_minor(amount, "amount")?,
        currency: case.currency,
        method: input.method.as_str().to_owned(),
        reference,
        reason,
        refunded_by: caller.actor_id().to_owned(),
        created_at: now,
    };
    refunds::insert(conn, &row)?;
    let detail = json!({"refund_id": row.id, "amount": detail_json(amount), "method": row.method});
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        Activity::Refund,
        &detail,
        now,
    )?;
    Ok(row)
}

/// One page of the refunds of case `case_id`, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_payments`; [`AppError::NotFound`].
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<RefundRow>, AppError> {
    caller.require(Permission::ReadPayments)?;
    let case = visible_case(conn, caller, case_id)?;
    Ok(refunds::of_case(conn, &case.id, page)?)
}

/// The credit left by the case's standing direct payments: money the creditor holds.
fn creditors_credit(
    conn: &mut AnyConnection,
    case_id: &str,
    currency: solvo_domain::money::Currency,
) -> Result<Money, AppError> {
    let direct = payments::standing_received_by(conn, case_id, "creditor")?;
    let minor: i64 = postings_repo::of_payments(conn, &direct)?
        .iter()
        .filter(|posting| posting.account == Account::Unapplied && posting.amount_minor < 0)
        .map(|posting| -posting.amount_minor)
        .sum();
    Ok(Money::from_minor(minor, currency))
}
