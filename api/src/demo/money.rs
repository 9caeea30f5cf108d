//! The demo's money steps, through the same use cases as `POST /v1/cases/{id}/payments`,
//! `…/direct-payments` and `…/payment-plans`: allocated by the case's law, judged by the plan's
//! rules, with their postings, timeline and events.

use chrono::{Days, NaiveDateTime};
use rust_decimal::Decimal;
use solvo_app::arrangements::input::{NewPlan, PlanFrequency};
use solvo_app::arrangements::judge::judge;
use solvo_app::arrangements::plans::agree;
use solvo_app::payments::{NewPayment, PaymentMethod, ReceivedBy, record};
use solvo_app::principal::{Actor, Principal};
use solvo_domain::allocation::Component;
use solvo_domain::identity::{OrganisationKind, Role};
use solvo_domain::money::Money;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;

use super::DemoError;
use super::people::CreditorPeople;
use super::story::Step;
use solvo_app::AppError;

/// Whether `step` moves money or a plan: then [`apply`] does it, not a bare command.
pub(super) fn is_money(step: Step) -> bool {
    matches!(
        step,
        Step::AgreePlan
            | Step::AgreeShortPlan
            | Step::DefaultPlan
            | Step::PartPayment
            | Step::DirectPayment
    )
}

/// What one money step needs.
pub(super) struct MoneyTurn<'a> {
    /// The agency.
    pub agency_id: &'a str,
    /// The case's creditor.
    pub creditor: &'a CreditorPeople,
    /// The case before the step.
    pub case: CaseRow,
    /// Principal owed now.
    pub principal: Money,
    /// When the step happens.
    pub at: NaiveDateTime,
    /// When the demo is seeded.
    pub now: NaiveDateTime,
}

/// Does `step` on the case; returns the case after it.
///
/// # Errors
/// [`DemoError::Failed`] when a use case refuses.
pub(super) fn apply(
    conn: &mut AnyConnection,
    step: Step,
    turn: MoneyTurn<'_>,
    rates: &RateTables,
) -> Result<CaseRow, DemoError> {
    let case_id = turn.case.id.clone();
    let fail = |err: AppError| DemoError::Failed(format!("case {case_id}: {err}"));
    let collector = collector(&turn.case, turn.agency_id)?;
    let case = match step {
        Step::PartPayment => {
            // A third of the principal, as debtors in amicable collection often pay first.
            let third = Money::rounded(
                turn.principal.amount() / Decimal::from(3),
                turn.principal.currency(),
            );
            let payment = payment(third, turn.at);
            record(
                conn,
                &collector,
                &case_id,
                ReceivedBy::Agency,
                &payment,
                rates,
                turn.at,
            )
            .map_err(fail)?
            .case
        }
        Step::DirectPayment => {
            let creditor = creditor_admin(turn.creditor);
            let payment = payment(turn.principal, turn.at);
            record(
                conn,
                &creditor,
                &case_id,
                ReceivedBy::Creditor,
                &payment,
                rates,
                turn.at,
            )
            .map_err(fail)?
            .case
        }
        Step::AgreePlan => {
            let first = turn.now.date() + Days::new(7);
            agree(
                conn,
                &collector,
                &case_id,
                &plan(6, first, None),
                rates,
                turn.at,
            )
            .map_err(fail)?
            .case
        }
        Step::AgreeShortPlan => {
            agree(
                conn,
                &collector,
                &case_id,
                &plan(3, turn.at.date(), Some(0)),
                rates,
                turn.at,
            )
            .map_err(fail)?
            .case
        }
        Step::DefaultPlan => judge(conn, turn.case, turn.at.date(), turn.at).map_err(fail)?,
        _ => turn.case,
    };
    Ok(case)
}

fn payment(amount: Money, at: NaiveDateTime) -> NewPayment {
    NewPayment {
        amount: amount.amount_string(),
        currency: None,
        value_date: at.date(),
        method: PaymentMethod::BankTransfer,
        bank_reference: Some(format!("DEMO-{}", at.format("%Y%m%d"))),
        payer: None,
        invoice_number: None,
        creditor_consents_to_designation: false,
        // Where the law leaves the order open, the usual one; it agrees with every law's.
        allocation_order: Some(vec![
            Component::Costs,
            Component::Interest,
            Component::Principal,
        ]),
    }
}

fn plan(count: u32, first: chrono::NaiveDate, grace_days: Option<u32>) -> NewPlan {
    NewPlan {
        instalment_count: Some(count),
        first_due_date: Some(first),
        frequency: Some(PlanFrequency::Monthly),
        instalments: None,
        total: None,
        currency: None,
        grace_days,
    }
}

/// The case's collector, as the principal a request of theirs would carry.
fn collector(case: &CaseRow, agency_id: &str) -> Result<Principal, DemoError> {
    let id = case
        .collector_id
        .clone()
        .ok_or_else(|| DemoError::Failed(format!("case {} has no collector", case.id)))?;
    Ok(person(
        agency_id,
        OrganisationKind::Agency,
        Role::Collector,
        id,
    ))
}

fn creditor_admin(creditor: &CreditorPeople) -> Principal {
    person(
        &creditor.organisation_id,
        OrganisationKind::Creditor,
        Role::CreditorAdmin,
        creditor.admin_id.clone(),
    )
}

fn person(organisation_id: &str, kind: OrganisationKind, role: Role, id: String) -> Principal {
    Principal {
        organisation_id: organisation_id.to_owned(),
        organisation_kind: kind,
        role,
        actor: Actor::User {
            id,
            email: String::new(),
            session_id: "demo".to_owned(),
        },
    }
}
