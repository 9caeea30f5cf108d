//! Matching by hand what the automatic matching left: a credit posted on one case or split over
//! several, a match undone (its payments reversed), a transaction set aside with a reason. Each
//! is one transaction; the payments go through the payment use cases, so they are on the cases'
//! timelines and in the webhook events (`payment.received`, `payment.reversed`).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::json;
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_domain::reconciliation::MatchMethod;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::bank_reconciliation::{
    self as repo, BankTransactionRow, MatchRow, StatusChange,
};
use solvo_persistence::repositories::payments as payment_rows;
use utoipa::ToSchema;
use validator::Validate;

use super::matching::{amount_of, minor, on_timeline};
use super::read::{TransactionRecord, TransactionStatus, get};
use crate::cases::access::visible_case;
use crate::cases::timeline_kind::Activity;
use crate::error::{AppError, FieldError};
use crate::money::{detail_json, parse_amount};
use crate::payments::input::{MAX_BANK_REFERENCE_CHARS, MAX_PAYER_CHARS, required_reason};
use crate::payments::{self, NewPayment, NewReversal, PaymentMethod, ReceivedBy};
use crate::principal::Principal;

/// Most cases one transaction is split over.
pub const MAX_SPLITS: usize = 50;

/// One part of a split.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchSplit {
    /// The case this part pays.
    pub case_id: String,
    /// The part, a positive decimal string in the transaction's currency.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "250.00"
    )]
    pub amount: String,
}

/// What a credit pays: one case (`case_id`), or several (`splits`, whose amounts add up to the
/// transaction's).
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"case_id": "cas_0193b7c4a1e07a3c9d2f5e6b8a1c4d70"}))]
pub struct NewMatch {
    /// The case the whole amount pays.
    pub case_id: Option<String>,
    /// Or the cases it pays, each with its part.
    pub splits: Option<Vec<MatchSplit>>,
}

/// Why a match is undone or a transaction set aside.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Paid twice by the debtor's bank; returned to the payer"}))]
pub struct NewReason {
    /// Why, up to 1,000 characters.
    #[schema(
        example = "Paid twice by the debtor's bank; returned to the payer",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

fn reload(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<TransactionRecord, AppError> {
    get(conn, caller, id)
}

fn change(
    conn: &mut AnyConnection,
    caller: &Principal,
    row: &BankTransactionRow,
    status: TransactionStatus,
    method: Option<MatchMethod>,
    reason: Option<String>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    repo::set_status(
        conn,
        &row.id,
        &StatusChange {
            status: status.as_str().to_owned(),
            match_method: method.map(|method| method.as_str().to_owned()),
            status_reason: reason,
            candidate_case_id: None,
            reverses_transaction_id: None,
            updated_by: Some(caller.actor_id().to_owned()),
            updated_at: now,
        },
    )?;
    Ok(())
}

/// Posts credit `id` on the case, or split over the cases, `input` names.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission; [`AppError::NotFound`] for another
/// organisation's transaction; [`AppError::Conflict`] for a debit, a transaction already matched
/// or not booked; [`AppError::Validation`] for an unknown case, a case in another currency (an
/// amount is never converted), or splits that do not add up; what the payment use case refuses.
pub fn match_transaction(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    input: &NewMatch,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<TransactionRecord, AppError> {
    caller.require(Permission::ReconcileBankTransactions)?;
    let row = repo::find(conn, &caller.organisation_id, id)?;
    if row.direction != "credit" {
        return Err(AppError::Conflict(
            "Only a credit pays a case; a return is matched with the credit it returns.".into(),
        ));
    }
    if row.status == TransactionStatus::Matched.as_str() {
        return Err(AppError::Conflict(
            "The transaction is matched already; unmatch it first.".into(),
        ));
    }
    if row.entry_status != "BOOK" {
        return Err(AppError::Conflict(format!(
            "The bank has not booked this entry (status {}); match its booking.",
            row.entry_status
        )));
    }
    let Some(value_date) = row.value_date.or(row.booking_date) else {
        return Err(AppError::Conflict(
            "The entry has neither a value date nor a booking date.".into(),
        ));
    };
    let total = amount_of(&row);
    let parts = parts_of(input, total)?;
    let mut made = Vec::new();
    for (index, (case_id, amount)) in parts.iter().enumerate() {
        let field = if input.splits.is_some() {
            format!("splits[{index}].case_id")
        } else {
            "case_id".to_owned()
        };
        let case = visible_case(conn, caller, case_id).map_err(|err| match err {
            AppError::NotFound => AppError::invalid(
                field.clone(),
                "unknown_case",
                format!("There is no case `{case_id}`."),
            ),
            other => other,
        })?;
        if case.currency != row.currency {
            return Err(AppError::Validation(vec![FieldError::new(
                field,
                "currency_differs",
                format!(
                    "The payment is in {} and the case in {}: an amount is never converted.",
                    row.currency, case.currency
                ),
            )]));
        }
        let recorded = payments::record(
            conn,
            caller,
            &case.id,
            ReceivedBy::Agency,
            &NewPayment {
                amount: amount.amount_string(),
                currency: Some(row.currency.code().to_owned()),
                value_date,
                method: PaymentMethod::BankTransfer,
                bank_reference: row
                    .bank_reference
                    .as_deref()
                    .or(row.end_to_end_id.as_deref())
                    .map(|text| text.chars().take(MAX_BANK_REFERENCE_CHARS).collect()),
                payer: row
                    .counterparty_name
                    .as_deref()
                    .map(|name| name.chars().take(MAX_PAYER_CHARS).collect()),
                invoice_number: None,
                creditor_consents_to_designation: false,
                allocation_order: None,
            },
            rates,
            now,
        )?;
        on_timeline(
            conn,
            caller,
            &recorded.case,
            Activity::BankTransactionMatched,
            &json!({
                "bank_transaction_id": row.id,
                "bank_statement_id": row.bank_statement_id,
                "match_method": MatchMethod::Manual.as_str(),
                "payment_id": recorded.payment.row.id,
                "amount": detail_json(*amount),
            }),
            now,
        )?;
        made.push(MatchRow {
            id: new_id("btm"),
            bank_transaction_id: row.id.clone(),
            case_id: case.id.clone(),
            payment_id: Some(recorded.payment.row.id.clone()),
            amount_minor: minor(*amount)?,
            currency: row.currency,
            created_at: now,
        });
    }
    repo::insert_matches(conn, &made)?;
    change(
        conn,
        caller,
        &row,
        TransactionStatus::Matched,
        Some(MatchMethod::Manual),
        None,
        now,
    )?;
    reload(conn, caller, &row.id)
}

/// The cases a credit is posted on and the amount to each: the whole to `case_id`, or the
/// `splits`, which must add up to it exactly.
fn parts_of(input: &NewMatch, total: Money) -> Result<Vec<(String, Money)>, AppError> {
    match (&input.case_id, &input.splits) {
        (Some(case_id), None) => Ok(vec![(case_id.clone(), total)]),
        (None, Some(splits)) if !splits.is_empty() && splits.len() <= MAX_SPLITS => {
            let mut errors = Vec::new();
            let mut parts = Vec::new();
            for (index, split) in splits.iter().enumerate() {
                match parse_amount(
                    &split.amount,
                    total.currency(),
                    &format!("splits[{index}].amount"),
                    false,
                ) {
                    Ok(amount) => parts.push((split.case_id.clone(), amount)),
                    Err(err) => errors.push(err),
                }
            }
            if !errors.is_empty() {
                return Err(AppError::Validation(errors));
            }
            let sum = Money::checked_sum(parts.iter().map(|(_, amount)| *amount), total.currency())
                .map_err(|err| AppError::invalid("splits", "invalid_amount", err.to_string()))?;
            if sum != total {
                return Err(AppError::invalid(
                    "splits",
                    "does_not_add_up",
                    format!(
                        "The parts add up to {}, the transaction is {}: every cent goes somewhere.",
                        sum.amount_string(),
                        total.amount_string()
                    ),
                ));
            }
            Ok(parts)
        }
        _ => Err(AppError::invalid(
            "case_id",
            "one_of",
            format!("Give `case_id`, or `splits` with 1 to {MAX_SPLITS} parts; not both."),
        )),
    }
}

/// Undoes the match of credit `id`: its payments are reversed (on their cases' timelines) and
/// it is unmatched again.
///
/// # Errors
/// [`AppError::Forbidden`], [`AppError::NotFound`]; [`AppError::Conflict`] when it is not
/// matched, or is a return (a reversal is final); [`AppError::Validation`] without a reason;
/// what the reversal refuses (credit refunded since).
pub fn unmatch(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    input: &NewReason,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<TransactionRecord, AppError> {
    caller.require(Permission::ReconcileBankTransactions)?;
    let row = repo::find(conn, &caller.organisation_id, id)?;
    let reason = required_reason(&input.reason)?;
    if row.status != TransactionStatus::Matched.as_str() {
        return Err(AppError::Conflict("The transaction is not matched.".into()));
    }
    if row.match_method.as_deref() == Some(MatchMethod::Return.as_str()) {
        return Err(AppError::Conflict(
            "A return reversed its payment, and a reversal is final: record the payment again \
             if the return was wrong."
                .into(),
        ));
    }
    for found in repo::matches_of(conn, std::slice::from_ref(&row.id))? {
        let Some(payment_id) = found.payment_id else {
            continue;
        };
        if payment_rows::find(conn, None, &payment_id)?
            .reversed_at
            .is_some()
        {
            continue;
        }
        let reversed = payments::reverse(
            conn,
            caller,
            &payment_id,
            &NewReversal {
                reason: format!("Unmatched from bank transaction {}: {reason}", row.id)
                    .chars()
                    .take(1_000)
                    .collect(),
            },
            rates,
            now,
        )?;
        on_timeline(
            conn,
            caller,
            &reversed.case,
            Activity::BankTransactionUnmatched,
            &json!({
                "bank_transaction_id": row.id,
                "payment_id": payment_id,
                "reason": reason,
            }),
            now,
        )?;
    }
    repo::delete_matches(conn, &row.id)?;
    change(
        conn,
        caller,
        &row,
        TransactionStatus::Unmatched,
        None,
        Some(reason),
        now,
    )?;
    reload(conn, caller, &row.id)
}

/// Sets transaction `id` aside with a reason (an outgoing transfer, a fee, money that is not
/// the creditors').
///
/// # Errors
/// [`AppError::Forbidden`], [`AppError::NotFound`]; [`AppError::Conflict`] when it is matched
/// (unmatch it first); [`AppError::Validation`] without a reason.
pub fn ignore(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    input: &NewReason,
    now: NaiveDateTime,
) -> Result<TransactionRecord, AppError> {
    caller.require(Permission::ReconcileBankTransactions)?;
    let row = repo::find(conn, &caller.organisation_id, id)?;
    let reason = required_reason(&input.reason)?;
    if row.status == TransactionStatus::Matched.as_str() {
        return Err(AppError::Conflict(
            "The transaction is matched; unmatch it first.".into(),
        ));
    }
    change(
        conn,
        caller,
        &row,
        TransactionStatus::Ignored,
        None,
        Some(reason),
        now,
    )?;
    reload(conn, caller, &row.id)
}
