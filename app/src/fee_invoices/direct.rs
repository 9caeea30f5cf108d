//! The commission on payments the debtor made to the creditor directly: nothing was withheld
//! from them, so the fee invoice bills it. Each case is charged as a remittance charges it
//! (`crate::remittances::commission`): a line per new payment with the commission it adds, a
//! line giving back the commission of each billed payment reversed since, and on the case's
//! last line whatever makes everything charged equal the commission on what stands counted.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use solvo_domain::fees::RecoveredAmount;
use solvo_domain::money::{Currency, Money};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::fee_invoices::{self, reversal_item};
use solvo_persistence::repositories::payments::PaymentRow;
use solvo_persistence::repositories::remittances;

use crate::error::AppError;
use crate::money::to_minor;
use crate::remittances::commission::{self, CaseTerms};

/// A direct-payment line before it is numbered.
pub(super) struct DirectLine {
    /// The case.
    pub case: CaseRow,
    /// The payment, or its reversal's key.
    pub item: String,
    /// What the line says.
    pub description: String,
    /// Commission, minor units.
    pub net_minor: i64,
}

/// The direct-payment lines for `creditor_id` in `currency`: payments value-dated by the period
/// and reversals made before `until`.
pub(super) fn lines(
    conn: &mut AnyConnection,
    creditor_id: &str,
    creditor_country: &str,
    currency: Currency,
    period_end: chrono::NaiveDate,
    until: NaiveDateTime,
) -> Result<Vec<DirectLine>, AppError> {
    let fresh =
        fee_invoices::unbilled_direct_payments(conn, creditor_id, currency.code(), period_end)?;
    let reversed = fee_invoices::reversed_since_billed(conn, creditor_id, currency.code(), until)?;
    let mut by_case: BTreeMap<String, (Vec<&PaymentRow>, Vec<&PaymentRow>)> = BTreeMap::new();
    for payment in &fresh {
        by_case
            .entry(payment.case_id.clone())
            .or_default()
            .0
            .push(payment);
    }
    for payment in &reversed {
        by_case
            .entry(payment.case_id.clone())
            .or_default()
            .1
            .push(payment);
    }
    let mut out = Vec::new();
    for (case_id, (fresh, reversed)) in by_case {
        let case = cases::find(conn, None, &case_id)?;
        out.extend(case_lines(
            conn,
            &case,
            creditor_country,
            currency,
            &fresh,
            &reversed,
        )?);
    }
    Ok(out)
}

fn case_lines(
    conn: &mut AnyConnection,
    case: &CaseRow,
    creditor_country: &str,
    currency: Currency,
    fresh: &[&PaymentRow],
    reversed: &[&PaymentRow],
) -> Result<Vec<DirectLine>, AppError> {
    let terms = CaseTerms::load(conn, case, creditor_country, currency)?;
    let fresh: Vec<&PaymentRow> = if terms.charges_direct_payments() {
        fresh.to_vec()
    } else {
        Vec::new()
    };
    let reversed_now: BTreeSet<&str> = reversed.iter().map(|p| p.id.as_str()).collect();
    let earlier = remittances::lines_of_cases(conn, std::slice::from_ref(&case.id))?;
    let earlier: Vec<_> = earlier.iter().collect();
    let remitted = commission::remitted(conn, &terms, &earlier, &BTreeSet::new())?;
    let billed_lines = commission::direct_lines(conn, &case.id)?;
    let billed = commission::billed_direct(conn, &terms, &billed_lines, &reversed_now)?;
    let mut recovered: Vec<RecoveredAmount> = remitted.recovered;
    recovered.extend(billed.recovered);
    let rule = terms.commission();
    let fail = |err: solvo_domain::fees::FeeError| terms.corrupt(err);
    let splits = terms.splits(conn, &fresh)?;
    let label = format!("case {} ({})", case.case_number, case.creditor_reference);
    let mut lines = Vec::new();
    for payment in &fresh {
        let (_, this) = splits
            .get(&payment.id)
            .cloned()
            .ok_or_else(|| terms.corrupt("payment split missing"))?;
        let added = rule.increment(&recovered, &this).map_err(fail)?;
        recovered.extend(this);
        let amount = Money::from_minor(payment.amount_minor, currency);
        lines.push(DirectLine {
            case: case.clone(),
            item: payment.id.clone(),
            description: format!(
                "Commission on a payment of {} {} made to you directly on {}, {label}",
                currency.code(),
                amount.amount_string(),
                payment.value_date
            ),
            net_minor: to_minor(added, "commission")?,
        });
    }
    for payment in reversed {
        let charged: i64 = billed_lines
            .iter()
            .filter(|line| line.item == payment.id)
            .map(|line| line.net_minor)
            .sum();
        lines.push(DirectLine {
            case: case.clone(),
            item: reversal_item(&payment.id),
            description: format!(
                "Commission given back: the direct payment of {} {} on {} was reversed, {label}",
                currency.code(),
                Money::from_minor(payment.amount_minor, currency).amount_string(),
                payment.value_date
            ),
            net_minor: -charged,
        });
    }
    let charged = remitted.charged_minor
        + billed.charged_minor
        + lines
            .iter()
            .map(|line| i128::from(line.net_minor))
            .sum::<i128>();
    let due = i128::from(to_minor(
        rule.on(&recovered).map_err(fail)?.total,
        "commission",
    )?);
    if let Some(last) = lines.last_mut()
        && due != charged
    {
        let adjustment = i64::try_from(due - charged).map_err(|err| terms.corrupt(err))?;
        last.net_minor = last
            .net_minor
            .checked_add(adjustment)
            .ok_or_else(|| terms.corrupt("commission overflow"))?;
    }
    Ok(lines)
}
