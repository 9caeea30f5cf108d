//! Card payments a debtor starts in the portal, paid at a payment provider's hosted checkout
//! (Stripe Checkout), and recorded when the provider's signed event says the money arrived.
//!
//! Three steps, because the provider is called over the network and a database transaction
//! must not wait on it: [`begin`] stores a pending card payment (checked against what the case
//! owes); the api calls the provider and [`attach`] keeps its checkout session (or [`failed`]
//! says it could not be reached); [`complete`] records the payment once per provider event,
//! allocated like any other payment, when the provider's amount and currency are exactly what
//! was asked. Anything else goes to `review` for a person, never recorded on a guess.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::Connection;
use serde_json::json;
use solvo_domain::identity::{OrganisationKind, Role};
use solvo_domain::money::Money;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
pub use solvo_persistence::repositories::card_payments::CardPaymentRow;
use solvo_persistence::repositories::card_payments::{self, Finish};
use solvo_persistence::repositories::organisations;

use crate::cases::balance;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::money::{parse_amount, to_minor};
use crate::payments::input::{NewPayment, PaymentMethod, ReceivedBy};
use crate::payments::record;
use crate::portal::Debtor;
use crate::portal::scope::case_in_scope;
use crate::principal::{Actor, Principal};

/// A pending card payment of `amount` (a decimal string in the case currency) on case
/// `case_id`, to be paid at `provider`, with the case's printed RF reference for the checkout.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope; [`AppError::CaseClosed`]; a validation
/// error of `amount` when it does not parse, is not positive or is more than the case owes
/// today.
pub fn begin(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    amount: &str,
    provider: &str,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<(CardPaymentRow, String), AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    if matches!(
        crate::cases::transition::state_of(&case)?,
        solvo_domain::case::CaseState::Closed { .. }
    ) {
        return Err(AppError::CaseClosed);
    }
    let owed = balance::load(conn, &case, rates, now.date())?.outstanding;
    let amount = parse_amount(amount, owed.currency(), "amount", false)
        .map_err(|err| AppError::Validation(vec![err]))?;
    // A checkout still open may yet be paid: two tabs must not pay the debt twice.
    let pending_minor: i64 = card_payments::of_case(conn, &case.id)?
        .iter()
        .filter(|card| card.status == "pending")
        .map(|card| card.amount_minor)
        .sum();
    let open = owed
        .checked_sub(Money::from_minor(pending_minor, case.currency))
        .unwrap_or(owed);
    if amount.amount() > open.amount() {
        return Err(AppError::invalid(
            "amount",
            "more_than_owed",
            format!(
                "The case owes {} {} today, less card payments still open; pay at most {}.",
                owed.amount_string(),
                owed.currency().code(),
                open.amount_string()
            ),
        ));
    }
    let row = CardPaymentRow {
        id: new_id("cpy"),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        debtor_id: debtor.debtor_id.clone(),
        provider: provider.to_owned(),
        amount_minor: to_minor(amount, "amount")?,
        currency: case.currency,
        status: "pending".to_owned(),
        checkout_session_id: None,
        checkout_url: None,
        payment_id: None,
        provider_reference: None,
        detail: None,
        created_at: now,
        completed_at: None,
    };
    card_payments::insert(conn, &row)?;
    record_activity(
        conn,
        &case,
        &ActorRef::from(&debtor.principal()),
        Activity::CardPaymentStarted,
        &json!({"card_payment_id": row.id, "amount": crate::money::detail_json(amount)}),
        now,
    )?;
    Ok((row, crate::portal::read::printed_reference(&case)))
}

/// Keeps the provider's checkout session of a pending card payment.
///
/// # Errors
/// Database errors only.
pub fn attach(
    conn: &mut AnyConnection,
    id: &str,
    session_id: &str,
    url: &str,
) -> Result<CardPaymentRow, AppError> {
    card_payments::attach_session(conn, id, session_id, url)?;
    Ok(card_payments::find(conn, id)?)
}

/// Ends a card payment the provider did not take (unreachable, refused the session).
///
/// # Errors
/// Database errors only.
pub fn failed(
    conn: &mut AnyConnection,
    id: &str,
    why: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let outcome = Finish {
        detail: Some(why),
        ..Finish::default()
    };
    card_payments::finish(conn, id, "failed", outcome, now)?;
    Ok(())
}

/// The card payments of a case the session reaches, newest first.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope.
pub fn of_case(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
) -> Result<Vec<CardPaymentRow>, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    Ok(card_payments::of_case(conn, &case.id)?)
}

/// What the provider says was paid, read from its signed event.
#[derive(Debug, Clone)]
pub struct ProviderPayment {
    /// The provider (`stripe`).
    pub provider: &'static str,
    /// The event's id: each is acted on once.
    pub event_id: String,
    /// The event's type.
    pub event_type: String,
    /// The card payment it names (`metadata[solvo_payment_id]`).
    pub card_payment_id: String,
    /// The checkout session it is about.
    pub session_id: String,
    /// What was paid, in minor units of `currency`.
    pub amount_minor: i64,
    /// ISO 4217, in any case (Stripe writes it lower case).
    pub currency: String,
    /// The provider's id of the money movement (Stripe's payment intent).
    pub provider_reference: Option<String>,
    /// The day the money was taken.
    pub paid_on: NaiveDate,
}

/// What became of a provider event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Completion {
    /// The payment was recorded: its id.
    Recorded(String),
    /// The checkout ended unpaid; the card payment is `failed`.
    Ended,
    /// The event was acted on before (the provider sends again until it hears 2xx).
    Duplicate,
    /// The card payment was finished before, or names none of ours.
    Ignored,
    /// The event does not agree with the card payment, or the case refused the payment: kept
    /// for a person, nothing recorded.
    Review(String),
}

/// Records the payment `paid` describes, once per provider event.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for unreadable stored rows.
pub fn complete(
    conn: &mut AnyConnection,
    paid: &ProviderPayment,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Completion, AppError> {
    if !card_payments::first_delivery(conn, paid.provider, &paid.event_id, &paid.event_type, now)? {
        return Ok(Completion::Duplicate);
    }
    let card = match card_payments::find(conn, &paid.card_payment_id) {
        Ok(card) if card.provider == paid.provider && card.status == "pending" => card,
        Ok(_) | Err(solvo_persistence::PersistenceError::NotFound) => {
            // Money taken for a payment that is finished or not ours: worth a look.
            tracing::warn!(
                event = %paid.event_id,
                card_payment = %paid.card_payment_id,
                "a paid provider event names no pending card payment"
            );
            return Ok(Completion::Ignored);
        }
        Err(err) => return Err(err.into()),
    };
    if let Some(why) = disagreement(&card, paid) {
        let outcome = Finish {
            provider_reference: paid.provider_reference.as_deref(),
            detail: Some(&why),
            ..Finish::default()
        };
        card_payments::finish(conn, &card.id, "review", outcome, now)?;
        note_review(conn, &card, &why, now)?;
        return Ok(Completion::Review(why));
    }
    let caller = provider_principal(conn, paid.provider)?;
    let amount = Money::from_minor(card.amount_minor, card.currency);
    let input = NewPayment {
        amount: amount.amount_string(),
        currency: Some(card.currency.code().to_owned()),
        value_date: paid.paid_on.min(now.date()),
        method: PaymentMethod::Card,
        bank_reference: paid.provider_reference.clone(),
        payer: None,
        invoice_number: None,
        creditor_consents_to_designation: false,
        allocation_order: None,
    };
    // A savepoint: when the case refuses the payment (closed meanwhile, an allocation the law
    // leaves open), the card payment goes to review and the event is still acknowledged.
    let recorded = conn.transaction(|conn| {
        record::record(
            conn,
            &caller,
            &card.case_id,
            ReceivedBy::Agency,
            &input,
            rates,
            now,
        )
    });
    match recorded {
        Ok(recorded) => {
            let payment_id = recorded.payment.row.id;
            let outcome = Finish {
                payment_id: Some(&payment_id),
                provider_reference: paid.provider_reference.as_deref(),
                detail: None,
            };
            // Another event for the same card payment may have finished it meanwhile (READ
            // COMMITTED on PostgreSQL): then this transaction, payment and all, rolls back.
            if !card_payments::finish(conn, &card.id, "succeeded", outcome, now)? {
                return Err(AppError::Conflict(
                    "The card payment was finished by another event meanwhile.".into(),
                ));
            }
            Ok(Completion::Recorded(payment_id))
        }
        Err(
            err @ (AppError::Validation(_)
            | AppError::TransitionRefused(_)
            | AppError::CaseClosed
            | AppError::NotFound),
        ) => {
            let why = format!("The case refused the payment: {err}");
            let outcome = Finish {
                provider_reference: paid.provider_reference.as_deref(),
                detail: Some(&why),
                ..Finish::default()
            };
            card_payments::finish(conn, &card.id, "review", outcome, now)?;
            note_review(conn, &card, &why, now)?;
            Ok(Completion::Review(why))
        }
        Err(err) => Err(err),
    }
}

/// Ends a card payment whose checkout ended unpaid (expired, or a delayed payment failed),
/// once per provider event.
///
/// # Errors
/// Database errors only.
pub fn unpaid(
    conn: &mut AnyConnection,
    provider: &'static str,
    event_id: &str,
    event_type: &str,
    card_payment_id: &str,
    now: NaiveDateTime,
) -> Result<Completion, AppError> {
    if !card_payments::first_delivery(conn, provider, event_id, event_type, now)? {
        return Ok(Completion::Duplicate);
    }
    let why = format!("The checkout ended unpaid ({event_type}).");
    let outcome = Finish {
        detail: Some(&why),
        ..Finish::default()
    };
    if card_payments::finish(conn, card_payment_id, "failed", outcome, now)? {
        Ok(Completion::Ended)
    } else {
        Ok(Completion::Ignored)
    }
}

/// Puts a card payment kept for review on its case's timeline, where the collector and the
/// agency see it: money may have been taken that is not on the ledger.
fn note_review(
    conn: &mut AnyConnection,
    card: &CardPaymentRow,
    why: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let case = solvo_persistence::repositories::cases::find(conn, None, &card.case_id)?;
    record_activity(
        conn,
        &case,
        &ActorRef::system(),
        Activity::CardPaymentReview,
        &json!({"card_payment_id": card.id, "reason": why}),
        now,
    )
}

/// Why the provider's event does not describe the payment asked for, if it does not.
fn disagreement(card: &CardPaymentRow, paid: &ProviderPayment) -> Option<String> {
    if card.checkout_session_id.as_deref() != Some(paid.session_id.as_str()) {
        return Some(format!(
            "The event is about checkout session {}, not this payment's.",
            paid.session_id
        ));
    }
    if !paid.currency.eq_ignore_ascii_case(card.currency.code())
        || paid.amount_minor != card.amount_minor
    {
        let asked = Money::from_minor(card.amount_minor, card.currency).amount_string();
        return Some(format!(
            "The provider took {} minor units of {}; {asked} {} was asked.",
            paid.amount_minor,
            paid.currency.to_uppercase(),
            card.currency
        ));
    }
    None
}

/// The provider acting for the agency, which receives card payments into its account.
fn provider_principal(
    conn: &mut AnyConnection,
    provider: &'static str,
) -> Result<Principal, AppError> {
    let agency = organisations::find_agency(conn)?
        .ok_or_else(|| AppError::internal("no agency: card payments need one to receive them"))?;
    Ok(Principal {
        organisation_id: agency.id,
        organisation_kind: OrganisationKind::Agency,
        role: Role::AgencyAdmin,
        actor: Actor::Provider { name: provider },
    })
}

/// The money of a stored card payment.
///
/// # Errors
/// [`AppError::Internal`] for a corrupt stored currency.
#[must_use]
pub fn amount_of(card: &CardPaymentRow) -> Money {
    Money::from_minor(card.amount_minor, card.currency)
}
