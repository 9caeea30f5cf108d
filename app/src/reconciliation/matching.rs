//! The automatic matching of one imported transaction: a credit is tied to its case and posted
//! as a payment; a debit that returns a matched credit reverses that credit's payments.
//!
//! Each posting or reversal runs in a savepoint: when the payment use case refuses (a closed
//! case, an allocation the law leaves open), what it wrote is rolled back and the transaction
//! waits for review with the refusal as its reason, while the rest of the import goes on.

use chrono::NaiveDateTime;
use diesel::Connection;
use serde_json::json;
use solvo_domain::case::StateName;
use solvo_domain::identifiers::{CreditorReference, CreditorReferenceError};
use solvo_domain::money::Money;
use solvo_domain::rates::RateTables;
use solvo_domain::reconciliation::camt::{Direction, Transaction};
use solvo_domain::reconciliation::{MatchMethod, reference_words, rf_references_in, same_party};
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::bank_reconciliation::{
    self as repo, BankStatementRow, BankTransactionRow, MatchRow, StatusChange,
};
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::{debtors, payments as payment_rows};

use super::read::TransactionStatus;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::money::{detail_json, to_minor};
use crate::payments::input::{MAX_BANK_REFERENCE_CHARS, MAX_PAYER_CHARS};
use crate::payments::{self, NewPayment, NewReversal, PaymentMethod, ReceivedBy};
use crate::principal::Principal;

/// What every transaction of one import is matched with.
pub(super) struct Context<'a> {
    /// The importer, who posts the payments.
    pub caller: &'a Principal,
    /// The stored statement.
    pub statement: &'a BankStatementRow,
    /// Interest rates, for the allocation.
    pub rates: &'a RateTables,
    /// The import's time.
    pub now: NaiveDateTime,
}

/// What the references of a credit lead to.
enum Finding {
    /// One case, how, and the reference that named it.
    Case(Box<CaseRow>, MatchMethod, String),
    /// Several cases; the reason names them.
    Ambiguous(String),
    /// None; the reason, when there is one worth telling.
    Nothing(Option<String>),
}

/// Matches one stored transaction (`stored`, read as `parsed`) and records the outcome.
pub(super) fn settle(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    stored: &BankTransactionRow,
    parsed: &Transaction,
) -> Result<(), AppError> {
    if parsed.status != "BOOK" {
        let reason = format!(
            "The bank has not booked this entry (status {}); its booking comes on a later \
             statement and is matched then.",
            parsed.status
        );
        return set(
            conn,
            context,
            &stored.id,
            Outcome::new(TransactionStatus::Ignored).because(reason),
        );
    }
    match parsed.direction {
        Direction::Credit => credit(conn, context, stored, parsed),
        Direction::Debit => debit(conn, context, stored, parsed),
    }
}

/// A new status and what comes with it.
struct Outcome {
    status: TransactionStatus,
    method: Option<MatchMethod>,
    reason: Option<String>,
    candidate: Option<String>,
    reverses: Option<String>,
}

impl Outcome {
    fn new(status: TransactionStatus) -> Self {
        Self {
            status,
            method: None,
            reason: None,
            candidate: None,
            reverses: None,
        }
    }

    fn because(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    fn review(case: &CaseRow, reason: impl Into<String>) -> Self {
        Self {
            candidate: Some(case.id.clone()),
            ..Self::new(TransactionStatus::Review).because(reason)
        }
    }
}

fn set(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    id: &str,
    outcome: Outcome,
) -> Result<(), AppError> {
    repo::set_status(
        conn,
        id,
        &StatusChange {
            status: outcome.status.as_str().to_owned(),
            match_method: outcome.method.map(|method| method.as_str().to_owned()),
            status_reason: outcome.reason,
            candidate_case_id: outcome.candidate,
            reverses_transaction_id: outcome.reverses,
            updated_by: None,
            updated_at: context.now,
        },
    )?;
    Ok(())
}

fn credit(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    stored: &BankTransactionRow,
    parsed: &Transaction,
) -> Result<(), AppError> {
    match find_case(conn, context, parsed)? {
        Finding::Case(case, method, reference) => {
            let outcome = post(conn, context, stored, parsed, &case, method, &reference)?;
            set(conn, context, &stored.id, outcome)
        }
        Finding::Ambiguous(reason) => set(
            conn,
            context,
            &stored.id,
            Outcome::new(TransactionStatus::Review).because(reason),
        ),
        Finding::Nothing(Some(reason)) => set(
            conn,
            context,
            &stored.id,
            Outcome::new(TransactionStatus::Unmatched).because(reason),
        ),
        Finding::Nothing(None) => Ok(()),
    }
}

/// The case a credit's references name, in the order of [`MatchMethod`].
fn find_case(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    parsed: &Transaction,
) -> Result<Finding, AppError> {
    let mut distrusted: Vec<String> = Vec::new();
    for structured in &parsed.creditor_references {
        match CreditorReference::parse(&structured.reference) {
            Ok(reference) => {
                if let Some(case) = cases::find_by_rf_reference(conn, reference.as_str())? {
                    return Ok(Finding::Case(
                        Box::new(case),
                        MatchMethod::StructuredRf,
                        reference.as_str().to_owned(),
                    ));
                }
            }
            Err(CreditorReferenceError::BadCheckDigits) => {
                distrusted.push(structured.reference.clone());
            }
            Err(_) => {}
        }
    }
    let text = parsed.remittance_text.as_deref().unwrap_or_default();
    for reference in rf_references_in(text) {
        if let Some(case) = cases::find_by_rf_reference(conn, reference.as_str())? {
            return Ok(Finding::Case(
                Box::new(case),
                MatchMethod::TextRf,
                reference.as_str().to_owned(),
            ));
        }
    }
    let mut words = reference_words(text);
    for structured in &parsed.creditor_references {
        if !words.contains(&structured.reference) {
            words.push(structured.reference.clone());
        }
    }
    // An RF reference whose check digits fail is never trusted, not even as a plain word.
    words.retain(|word| {
        let bad = matches!(
            CreditorReference::parse(word),
            Err(CreditorReferenceError::BadCheckDigits)
        );
        if bad && !distrusted.contains(word) {
            distrusted.push(word.clone());
        }
        !bad
    });
    let distrust = (!distrusted.is_empty()).then(|| {
        format!(
            "{} fails the ISO 11649 check digits: a mistyped reference is never trusted.",
            distrusted.join(", ")
        )
    });
    if words.is_empty() {
        return Ok(Finding::Nothing(distrust));
    }
    let candidates = cases::with_reference_or_invoice_number(conn, &words)?;
    if candidates.is_empty() {
        return Ok(Finding::Nothing(distrust));
    }
    let mut confirmed = Vec::new();
    for case in &candidates {
        let debtor = debtors::find(conn, None, &case.debtor_id)?;
        let by_name = parsed
            .counterparty_name
            .as_deref()
            .is_some_and(|name| same_party(name, &debtor.legal_name));
        let by_account = match parsed.counterparty_iban.as_deref() {
            Some(iban) => {
                repo::debtor_paid_from(conn, &context.statement.organisation_id, &debtor.id, iban)?
            }
            None => false,
        };
        if by_name || by_account {
            confirmed.push(case.clone());
        }
    }
    let reference_of = |case: &CaseRow| {
        words
            .iter()
            .find(|word| **word == case.creditor_reference)
            .cloned()
            .unwrap_or_else(|| words.join(" "))
    };
    match confirmed.as_slice() {
        [one] => Ok(Finding::Case(
            Box::new(one.clone()),
            MatchMethod::ReferenceAndDebtor,
            reference_of(one),
        )),
        [] => Ok(Finding::Nothing(Some(format!(
            "A reference or invoice number of {} is in the payment, but the payer is neither the \
             debtor by name nor an account the debtor paid from before.",
            case_ids(&candidates)
        )))),
        several => Ok(Finding::Ambiguous(format!(
            "The payment's references and payer fit several cases: {}.",
            case_ids(several)
        ))),
    }
}

fn case_ids(found: &[CaseRow]) -> String {
    found
        .iter()
        .map(|case| case.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Posts the credit on `case`, or says why it waits for review.
fn post(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    stored: &BankTransactionRow,
    parsed: &Transaction,
    case: &CaseRow,
    method: MatchMethod,
    reference: &str,
) -> Result<Outcome, AppError> {
    if !context.statement.collection_account {
        return Ok(Outcome::review(
            case,
            "The statement's account is not a configured collection account \
             (SOLVO_COLLECTION_ACCOUNTS): check where the money is before matching it by hand.",
        ));
    }
    let currency = parsed.amount.currency();
    if currency != case.currency {
        return Ok(Outcome::review(
            case,
            format!(
                "The payment is in {currency} and the case in {}: an amount is never converted \
                 silently; book what it is worth by hand.",
                case.currency
            ),
        ));
    }
    if case.state == StateName::Closed {
        return Ok(Outcome::review(
            case,
            "The case is closed: decide whether to reopen it or to return the money.",
        ));
    }
    let Some(value_date) = parsed.value_date.or(parsed.booking_date) else {
        return Ok(Outcome::review(
            case,
            "The entry has neither a value date nor a booking date.",
        ));
    };
    let input = NewPayment {
        amount: parsed.amount.amount_string(),
        currency: Some(currency.code().to_owned()),
        value_date,
        method: PaymentMethod::BankTransfer,
        bank_reference: Some(clip(reference, MAX_BANK_REFERENCE_CHARS)),
        payer: parsed
            .counterparty_name
            .as_deref()
            .map(|name| clip(name, MAX_PAYER_CHARS)),
        invoice_number: None,
        creditor_consents_to_designation: false,
        allocation_order: None,
    };
    let posted = conn.transaction(|conn| {
        let recorded = payments::record(
            conn,
            context.caller,
            &case.id,
            ReceivedBy::Agency,
            &input,
            context.rates,
            context.now,
        )?;
        on_timeline(
            conn,
            context.caller,
            &recorded.case,
            Activity::BankTransactionMatched,
            &json!({
                "bank_transaction_id": stored.id,
                "bank_statement_id": context.statement.id,
                "statement_id": context.statement.statement_id,
                "match_method": method.as_str(),
                "payment_id": recorded.payment.row.id,
                "amount": detail_json(parsed.amount),
            }),
            context.now,
        )?;
        Ok::<_, AppError>(recorded)
    });
    match posted {
        Ok(recorded) => {
            repo::insert_matches(
                conn,
                &[MatchRow {
                    id: new_id("btm"),
                    bank_transaction_id: stored.id.clone(),
                    case_id: case.id.clone(),
                    payment_id: Some(recorded.payment.row.id.clone()),
                    amount_minor: stored.amount_minor,
                    currency: stored.currency,
                    created_at: context.now,
                }],
            )?;
            Ok(Outcome {
                method: Some(method),
                ..Outcome::new(TransactionStatus::Matched)
            })
        }
        Err(err) if fatal(&err) => Err(err),
        Err(err) => Ok(Outcome::review(case, describe(&err))),
    }
}

fn debit(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    stored: &BankTransactionRow,
    parsed: &Transaction,
) -> Result<(), AppError> {
    let flagged = !parsed.return_reasons.is_empty() || parsed.reversal;
    let Some(returned) = returned_credit(conn, context, stored, parsed, flagged)? else {
        if flagged {
            return set(
                conn,
                context,
                &stored.id,
                Outcome::new(TransactionStatus::Review).because(
                    "A return or reversal, and no matched credit of the same amount has its \
                     end-to-end id or its reference.",
                ),
            );
        }
        return Ok(());
    };
    let outcome = reverse(conn, context, stored, parsed, &returned)?;
    set(conn, context, &stored.id, outcome)
}

/// The matched credit a debit returns: one with its end-to-end id, or, for a debit the bank
/// marks as a return or reversal, one of the same amount on the case its RF reference names.
/// A credit whose payments are all reversed already is returned.
fn returned_credit(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    stored: &BankTransactionRow,
    parsed: &Transaction,
    flagged: bool,
) -> Result<Option<BankTransactionRow>, AppError> {
    let organisation = &context.statement.organisation_id;
    if let Some(end_to_end_id) = &parsed.end_to_end_id {
        for credit in repo::matched_credits_with_end_to_end_id(conn, organisation, end_to_end_id)? {
            if credit.amount_minor == stored.amount_minor
                && credit.currency == stored.currency
                && standing(conn, &credit)?
            {
                return Ok(Some(credit));
            }
        }
    }
    if !flagged {
        return Ok(None);
    }
    let mut references: Vec<CreditorReference> = parsed
        .creditor_references
        .iter()
        .filter_map(|structured| CreditorReference::parse(&structured.reference).ok())
        .collect();
    references.extend(rf_references_in(
        parsed.remittance_text.as_deref().unwrap_or_default(),
    ));
    for reference in references {
        let Some(case) = cases::find_by_rf_reference(conn, reference.as_str())? else {
            continue;
        };
        for credit in repo::matched_credits_of_case(
            conn,
            organisation,
            &case.id,
            stored.amount_minor,
            stored.currency,
        )? {
            if standing(conn, &credit)? {
                return Ok(Some(credit));
            }
        }
    }
    Ok(None)
}

/// Whether a matched credit still has a payment that is not reversed.
fn standing(conn: &mut AnyConnection, credit: &BankTransactionRow) -> Result<bool, AppError> {
    for found in repo::matches_of(conn, std::slice::from_ref(&credit.id))? {
        if let Some(payment_id) = &found.payment_id
            && payment_rows::find(conn, None, payment_id)?
                .reversed_at
                .is_none()
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Reverses the payments of `credit` for the return `stored`.
fn reverse(
    conn: &mut AnyConnection,
    context: &Context<'_>,
    stored: &BankTransactionRow,
    parsed: &Transaction,
    credit: &BankTransactionRow,
) -> Result<Outcome, AppError> {
    let matches = repo::matches_of(conn, std::slice::from_ref(&credit.id))?;
    let why = if parsed.return_reasons.is_empty() {
        "Reversed by the bank".to_owned()
    } else {
        format!(
            "Returned by the bank ({})",
            parsed.return_reasons.join(", ")
        )
    };
    let reason = format!(
        "{why}: bank transaction {} of statement {} returns {}.",
        stored.id, context.statement.statement_id, credit.id
    );
    let reversed = conn.transaction(|conn| {
        let mut made = Vec::new();
        for found in &matches {
            let Some(payment_id) = &found.payment_id else {
                continue;
            };
            if payment_rows::find(conn, None, payment_id)?
                .reversed_at
                .is_some()
            {
                continue;
            }
            let reversed = payments::reverse(
                conn,
                context.caller,
                payment_id,
                &NewReversal {
                    reason: reason.clone(),
                },
                context.rates,
                context.now,
            )?;
            on_timeline(
                conn,
                context.caller,
                &reversed.case,
                Activity::BankTransactionReturned,
                &json!({
                    "bank_transaction_id": stored.id,
                    "bank_statement_id": context.statement.id,
                    "statement_id": context.statement.statement_id,
                    "returned_transaction_id": credit.id,
                    "return_reasons": parsed.return_reasons,
                    "payment_id": payment_id,
                }),
                context.now,
            )?;
            made.push(MatchRow {
                id: new_id("btm"),
                bank_transaction_id: stored.id.clone(),
                case_id: found.case_id.clone(),
                payment_id: Some(payment_id.clone()),
                amount_minor: found.amount_minor,
                currency: found.currency,
                created_at: context.now,
            });
        }
        repo::insert_matches(conn, &made)?;
        Ok::<_, AppError>(made)
    });
    match reversed {
        Ok(_) => Ok(Outcome {
            method: Some(MatchMethod::Return),
            reverses: Some(credit.id.clone()),
            ..Outcome::new(TransactionStatus::Matched)
        }),
        Err(err) if fatal(&err) => Err(err),
        Err(err) => Ok(Outcome {
            candidate: matches.first().map(|found| found.case_id.clone()),
            reverses: Some(credit.id.clone()),
            ..Outcome::new(TransactionStatus::Review).because(describe(&err))
        }),
    }
}

/// Records on the case's timeline which bank transaction moved its money, so the case's story
/// leads back to the statement line.
pub(super) fn on_timeline(
    conn: &mut AnyConnection,
    caller: &Principal,
    case: &CaseRow,
    kind: Activity,
    detail: &serde_json::Value,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    record_activity(conn, case, &ActorRef::from(caller), kind, detail, now)
}

/// Failures that end the import rather than leave one transaction for review.
fn fatal(err: &AppError) -> bool {
    matches!(
        err,
        AppError::Unavailable
            | AppError::Busy(_)
            | AppError::Internal(_)
            | AppError::Corrupt { .. }
    )
}

/// A refusal of the payment use cases, as a reason a person can act on.
pub(super) fn describe(err: &AppError) -> String {
    match err {
        AppError::Validation(errors) => errors
            .iter()
            .map(|error| error.message.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        AppError::TransitionRefused(refused) => format!(
            "The case refuses a payment in state {}: {}.",
            refused.state, refused.reason
        ),
        AppError::Forbidden(why)
        | AppError::Conflict(why)
        | AppError::CreditRefunded(why)
        | AppError::ArrangementEnded(why) => why.clone(),
        other => other.to_string(),
    }
}

/// At most `max` characters of `text`.
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The amount of a stored transaction.
pub(super) fn amount_of(row: &BankTransactionRow) -> Money {
    Money::from_minor(row.amount_minor, row.currency)
}

/// Minor units of `money`.
pub(super) fn minor(money: Money) -> Result<i64, AppError> {
    to_minor(money, "amount")
}
