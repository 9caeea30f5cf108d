//! A remittance run: every payment the agency received for one creditor in one currency by the
//! period's end and never remitted, and every remitted payment reversed since, as the lines of
//! one statement, in one transaction.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDateTime, NaiveTime};
use serde_json::json;
use solvo_domain::fees::RecoveredAmount;
use solvo_domain::money::{Currency, Money};
use solvo_domain::permission::Permission;
use solvo_domain::remittance::{RemittanceLine, totals};
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::organisations;
use solvo_persistence::repositories::payments::PaymentRow;
use solvo_persistence::repositories::remittances::{self, LineRow, RemittanceRow};
use solvo_persistence::{AnyConnection, PersistenceError};

use super::commission::{self, CaseTerms};
use super::input::NewRemittance;
use super::read::{Statement, assemble, line_of};
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::money::{detail_json, to_minor};
use crate::principal::Principal;

/// Runs the remittance `input` asks for and stores its statement.
///
/// # Errors
/// [`AppError::Forbidden`] without `run_remittances`; [`AppError::Validation`] for an unknown
/// creditor, a bad currency or period, or nothing to remit; [`AppError::Conflict`] when another
/// run remitted one of the payments at the same moment.
pub fn run(
    conn: &mut AnyConnection,
    caller: &Principal,
    input: &NewRemittance,
    now: NaiveDateTime,
) -> Result<Statement, AppError> {
    caller.require(Permission::RunRemittances)?;
    let currency = input.validate_for(now.date())?;
    let creditor = match organisations::find(conn, &input.organisation_id) {
        Ok(organisation) if organisation.kind == "creditor" => organisation,
        Ok(_) | Err(PersistenceError::NotFound) => {
            return Err(AppError::invalid(
                "organisation_id",
                "not_a_creditor",
                "No creditor organisation has this id.",
            ));
        }
        Err(err) => return Err(err.into()),
    };
    let until = input
        .period_end
        .checked_add_days(Days::new(1))
        .unwrap_or(input.period_end)
        .and_time(NaiveTime::MIN);
    let fresh = remittances::unremitted(conn, &creditor.id, currency.code(), input.period_end)?;
    let reversed =
        remittances::reversed_since_remitted(conn, &creditor.id, currency.code(), until)?;
    if fresh.is_empty() && reversed.is_empty() {
        return Err(AppError::invalid(
            "period_end",
            "nothing_to_remit",
            "No payment received by this day is waiting to be remitted.",
        ));
    }
    let case_ids: BTreeSet<String> = fresh
        .iter()
        .chain(&reversed)
        .map(|payment| payment.case_id.clone())
        .collect();
    let case_ids: Vec<String> = case_ids.into_iter().collect();
    let earlier = remittances::lines_of_cases(conn, &case_ids)?;
    let remittance_id = new_id("rem");
    let mut lines: Vec<(LineRow, RemittanceLine)> = Vec::new();
    for case_id in &case_ids {
        let case = cases::find(conn, None, case_id)?;
        let work = CaseWork {
            fresh: fresh.iter().filter(|p| &p.case_id == case_id).collect(),
            reversed: reversed.iter().filter(|p| &p.case_id == case_id).collect(),
            earlier: earlier.iter().filter(|l| &l.case_id == case_id).collect(),
        };
        let case_lines = case_lines(conn, &case, &creditor.country, currency, &work)?;
        let rows: Vec<(LineRow, RemittanceLine)> = case_lines
            .into_iter()
            .map(|(payment, line)| Ok((line_row(&remittance_id, payment, &line)?, line)))
            .collect::<Result<_, AppError>>()?;
        let net = Money::checked_sum(
            rows.iter()
                .map(|(_, line)| line.net())
                .collect::<Result<Vec<_>, _>>()
                .map_err(|err| AppError::internal(err.to_string()))?,
            currency,
        )
        .map_err(|err| AppError::internal(err.to_string()))?;
        let detail =
            json!({"remittance_id": remittance_id, "lines": rows.len(), "net": detail_json(net)});
        record_activity(
            conn,
            &case,
            &ActorRef::from(caller),
            Activity::Remitted,
            &detail,
            now,
        )?;
        lines.extend(rows);
    }
    let domain: Vec<RemittanceLine> = lines.iter().map(|(_, line)| *line).collect();
    let sums = totals(&domain, currency).map_err(|err| AppError::internal(err.to_string()))?;
    let row = RemittanceRow {
        id: remittance_id,
        organisation_id: creditor.id.clone(),
        currency,
        period_end: input.period_end,
        collected_minor: to_minor(sums.collected, "collected")?,
        costs_minor: to_minor(sums.costs, "costs")?,
        unapplied_minor: to_minor(sums.unapplied, "unapplied")?,
        commission_minor: to_minor(sums.commission, "commission")?,
        net_minor: to_minor(sums.net, "net")?,
        created_by: caller.actor_id().to_owned(),
        created_at: now,
    };
    let rows: Vec<LineRow> = lines.into_iter().map(|(row, _)| row).collect();
    remittances::insert(conn, &row, &rows).map_err(|err| match err {
        PersistenceError::Conflict(_) => AppError::Conflict(
            "Another remittance run took some of these payments at the same moment; run again."
                .into(),
        ),
        other => other.into(),
    })?;
    crate::events::outbox::record(
        conn,
        &row.organisation_id,
        None,
        solvo_domain::webhook::EventType::RemittanceCreated,
        &crate::events::payload::RemittanceEventData::new(&row)?,
        now,
    )?;
    assemble(conn, row, rows)
}

/// What a run remits on one case, and what earlier runs remitted on it.
struct CaseWork<'a> {
    /// Payments never remitted.
    fresh: Vec<&'a PaymentRow>,
    /// Remitted payments reversed since.
    reversed: Vec<&'a PaymentRow>,
    /// Every line earlier runs wrote for the case.
    earlier: Vec<&'a LineRow>,
}

/// The lines of one case: a line per fresh payment with the commission it adds, the negation of
/// each reversed payment's line, and on the last line whatever makes the commission charged on
/// the case, over all runs and fee invoices, equal the commission on what now stands counted
/// (`super::commission`).
fn case_lines<'a>(
    conn: &mut AnyConnection,
    case: &CaseRow,
    creditor_country: &str,
    currency: Currency,
    work: &CaseWork<'a>,
) -> Result<Vec<(&'a PaymentRow, RemittanceLine)>, AppError> {
    let terms = CaseTerms::load(conn, case, creditor_country, currency)?;
    let commission = terms.commission();
    let reversed_now: BTreeSet<&str> = work.reversed.iter().map(|p| p.id.as_str()).collect();
    let remitted = commission::remitted(conn, &terms, &work.earlier, &reversed_now)?;
    let direct_lines = commission::direct_lines(conn, &case.id)?;
    let direct = commission::billed_direct(conn, &terms, &direct_lines, &BTreeSet::new())?;
    let mut recovered: Vec<RecoveredAmount> = remitted.recovered;
    recovered.extend(direct.recovered);
    let fail = |err: solvo_domain::fees::FeeError| terms.corrupt(err);
    let splits = terms.splits(conn, &work.fresh)?;
    let mut lines: Vec<(&'a PaymentRow, RemittanceLine)> = Vec::new();
    for payment in &work.fresh {
        let (parts, this) = splits
            .get(&payment.id)
            .cloned()
            .ok_or_else(|| terms.corrupt("payment split missing"))?;
        let added = commission.increment(&recovered, &this).map_err(fail)?;
        recovered.extend(this);
        lines.push((*payment, RemittanceLine::payment(parts, added)));
    }
    for payment in &work.reversed {
        let remitted = work
            .earlier
            .iter()
            .find(|line| line.kind == "payment" && line.payment_id == payment.id)
            .ok_or_else(|| AppError::corrupt("payment", &payment.id, "reversed line not found"))?;
        lines.push((
            *payment,
            RemittanceLine::reversal_of(&line_of(remitted, currency)?),
        ));
    }
    let charged = remitted.charged_minor
        + direct.charged_minor
        + lines
            .iter()
            .map(|(_, line)| to_minor(line.commission, "commission").map(i128::from))
            .sum::<Result<i128, AppError>>()?;
    let due = i128::from(to_minor(
        commission.on(&recovered).map_err(fail)?.total,
        "commission",
    )?);
    if let Some((_, last)) = lines.last_mut()
        && due != charged
    {
        let adjustment = i64::try_from(due - charged).map_err(|err| terms.corrupt(err))?;
        last.commission = last
            .commission
            .checked_add(Money::from_minor(adjustment, currency))
            .map_err(|err| terms.corrupt(err))?;
    }
    Ok(lines)
}

/// A line as stored.
fn line_row(
    remittance_id: &str,
    payment: &PaymentRow,
    line: &RemittanceLine,
) -> Result<LineRow, AppError> {
    let minor = |money: Money, field: &str| to_minor(money, field);
    let parts = line.parts;
    let net = line
        .net()
        .map_err(|err| AppError::internal(err.to_string()))?;
    Ok(LineRow {
        id: new_id("rml"),
        remittance_id: remittance_id.to_owned(),
        payment_id: payment.id.clone(),
        case_id: payment.case_id.clone(),
        kind: line.kind.as_str().to_owned(),
        value_date: payment.value_date,
        amount_minor: minor(parts.amount, "amount")?,
        principal_minor: minor(parts.principal, "principal")?,
        interest_minor: minor(parts.interest, "interest")?,
        costs_minor: minor(parts.costs, "costs")?,
        unapplied_minor: minor(parts.unapplied, "unapplied")?,
        commission_minor: minor(line.commission, "commission")?,
        net_minor: minor(net, "net")?,
    })
}
