//! Reversing a payment that bounced or was charged back: its postings negated on their own
//! dates, never deleted, so the ledger reads as if the money had never arrived (a returned
//! transfer discharges nothing) and what it had settled is owed again, with its interest.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::case::{CaseState, Command, Facts, Outcome};
use solvo_domain::ledger::Account;
use solvo_domain::ledger::reversal_postings;
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::ledger::{self as postings_repo, PostingRow};
use solvo_persistence::repositories::payments::{self, Reversal};
use solvo_persistence::repositories::{case_events, invoices};
use solvo_persistence::{AnyConnection, PersistenceError};

use super::input::{NewReversal, ReceivedBy};
use super::record::rows_of;
use super::view::{PaymentRecord, invoice_numbers};
use crate::arrangements::judge::judge;
use crate::cases::access::visible_case;
use crate::cases::balance::{self, posting_of, terms_of};
use crate::cases::events::{ActorRef, event};
use crate::cases::timeline_kind::Activity;
use crate::cases::transition::{Extras, apply_command, state_of};
use crate::error::AppError;
use crate::money::{detail_json, to_minor};
use crate::principal::Principal;

/// A reversed payment and the case after it (reopened when the payment had closed it
/// `paid_in_full` and something is owed again).
#[derive(Debug, Clone)]
pub struct Reversed {
    /// The payment, now reversed.
    pub payment: PaymentRecord,
    /// The case after the reversal.
    pub case: CaseRow,
}

/// Reverses payment `payment_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission, or for a creditor reversing money the agency
/// received; [`AppError::NotFound`] for a payment the caller may not see;
/// [`AppError::Conflict`] when it is already reversed; [`AppError::Validation`] without a reason.
pub fn reverse(
    conn: &mut AnyConnection,
    caller: &Principal,
    payment_id: &str,
    input: &NewReversal,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Reversed, AppError> {
    caller.require(Permission::ReversePayments)?;
    let payment = payments::find(conn, caller.tenant_scope(), payment_id)?;
    let case = visible_case(conn, caller, &payment.case_id)?;
    if !caller.role.is_agency_staff()
        && ReceivedBy::parse(&payment.received_by) != Some(ReceivedBy::Creditor)
    {
        return Err(AppError::Forbidden(
            "A creditor reverses only the direct payments it reported; the agency reverses money \
             on its own account."
                .into(),
        ));
    }
    let reason = input.reason()?;
    cases::lock_for_change(conn, &case.id, now)?;
    let reversal = Reversal {
        reversed_at: now,
        reversal_reason: reason.clone(),
        reversed_by: caller.actor_id().to_owned(),
    };
    payments::reverse(conn, &payment.id, &reversal).map_err(|err| match err {
        PersistenceError::Conflict(_) => {
            AppError::Conflict("The payment is already reversed.".into())
        }
        other => other.into(),
    })?;
    let case = cases::find(conn, None, &case.id)?;
    let terms = terms_of(&case)?;
    let own = postings_repo::of_payment(conn, &payment.id)?;
    let domain = own
        .iter()
        .map(|row| posting_of(row, terms.currency))
        .collect::<Result<Vec<_>, _>>()?;
    refuse_if_credit_refunded(conn, &case, &own, rates, now)?;
    let description = format!("Reversal of payment {}: {reason}", payment.id);
    let undo = rows_of(
        &reversal_postings(&domain, &description),
        &case,
        &payment.id,
        now,
    )?;
    postings_repo::insert_all(conn, &undo)?;
    let payment = payments::find(conn, None, &payment.id)?;
    let amount = Money::from_minor(payment.amount_minor, payment.currency);
    let actor = ActorRef::from(caller);
    let detail = json!({
        "payment_id": payment.id,
        "amount": detail_json(amount),
        "reason": reason,
    });
    let state = state_of(&case)?;
    let entry = event(
        &case.id,
        &actor,
        Activity::PaymentReversed.into(),
        (Some(state.name().as_str()), Some(state.name().as_str())),
        &detail,
        now,
    );
    case_events::insert_all(conn, std::slice::from_ref(&entry))?;
    crate::events::outbox::from_timeline(conn, &case, &[entry])?;
    let case = reopen_if_owed(conn, &case, state, &actor, &reason, rates, now)?;
    // Without this money an active plan may now be in default.
    let case = judge(conn, case, now.date(), now)?;
    let invoice_rows = invoices::of_case(conn, &case.id)?;
    let mut all: Vec<&PostingRow> = own.iter().collect();
    all.extend(undo.iter());
    Ok(Reversed {
        payment: PaymentRecord::assemble(payment, &all, &invoice_numbers(&invoice_rows))?,
        case,
    })
}

/// A case the payment had closed `paid_in_full` is reopened when the reversal leaves something
/// owed: the claim is open again and someone must work it.
fn reopen_if_owed(
    conn: &mut AnyConnection,
    case: &CaseRow,
    state: CaseState,
    actor: &ActorRef,
    reason: &str,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    if state.outcome() != Some(Outcome::PaidInFull) {
        return Ok(case.clone());
    }
    let owed = balance::load(conn, case, rates, now.date())?;
    if !owed.outstanding.is_positive() {
        return Ok(case.clone());
    }
    apply_command(
        conn,
        case,
        &Command::Reopen {
            reason: format!("A payment was reversed: {reason}"),
        },
        &Facts::owing(owed.outstanding),
        actor,
        Extras::default(),
        now,
    )
}

/// A reversal takes back the credit the payment left as well as what it paid; when that credit
/// has been refunded since, taking it back would leave the debtor's credit negative (money
/// returned twice). The reversal is refused until the refund is recovered.
fn refuse_if_credit_refunded(
    conn: &mut AnyConnection,
    case: &CaseRow,
    own: &[PostingRow],
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let left: i64 = own
        .iter()
        .filter(|posting| posting.account == Account::Unapplied && posting.amount_minor < 0)
        .map(|posting| -posting.amount_minor)
        .sum();
    if left == 0 {
        return Ok(());
    }
    let held = to_minor(
        balance::load(conn, case, rates, now.date())?.unapplied,
        "unapplied",
    )?;
    if left > held {
        let currency = case.currency;
        return Err(AppError::CreditRefunded(format!(
            "This payment left {} {currency} of credit, and only {} {currency} is still held: the \
             rest was refunded. Reversing it would return money twice; recover the refund first.",
            Money::from_minor(left, currency).amount_string(),
            Money::from_minor(held, currency).amount_string(),
        )));
    }
    Ok(())
}
