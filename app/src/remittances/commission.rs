//! The success commission of one case across everything that charges it: remittance lines for
//! money the agency received, fee-invoice lines for money the creditor received directly.
//!
//! Both charge the same way: the commission on everything counted on the case (each payment
//! whose charge stands: remitted and not given back, or billed and not credited) minus
//! everything charged so far, so tiers stay marginal across the two and the total charged is
//! always the commission on what was counted. A run counts its own new payments and gives back
//! its own reversals, then charges the difference on its last line of the case.

use std::collections::{BTreeSet, HashMap};

use solvo_domain::fees::{FeeSchedule, RecoveredAmount, Scope};
use solvo_domain::money::Currency;
use solvo_domain::remittance::{CaseCommission, PaymentParts};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::fee_invoices::{self, FeeInvoiceLineRow};
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::ledger::{self, PostingRow};
use solvo_persistence::repositories::payments::{self, PaymentRow};
use solvo_persistence::repositories::remittances::LineRow;
use solvo_persistence::repositories::{debtors, fee_schedules};

use super::parts::split;
use crate::error::AppError;

/// A case's fee terms and invoices, read once per run.
pub(crate) struct CaseTerms {
    schedule: FeeSchedule,
    scope: Scope,
    placed_on: chrono::NaiveDate,
    invoices: Vec<InvoiceRow>,
    currency: Currency,
    case_id: String,
}

impl CaseTerms {
    /// Reads the terms of `case`, whose creditor is established in `creditor_country`.
    pub(crate) fn load(
        conn: &mut AnyConnection,
        case: &CaseRow,
        creditor_country: &str,
        currency: Currency,
    ) -> Result<Self, AppError> {
        let terms = fee_schedules::terms(conn, &case.fee_schedule_id)?;
        let schedule: FeeSchedule =
            serde_json::from_str(&terms).map_err(|err| AppError::corrupt("case", &case.id, err))?;
        let debtor = debtors::find(conn, None, &case.debtor_id)?;
        let scope = if debtor.country == creditor_country {
            Scope::Domestic
        } else {
            Scope::International
        };
        Ok(Self {
            schedule,
            scope,
            placed_on: case.created_at.date(),
            invoices: invoices::of_case(conn, &case.id)?,
            currency,
            case_id: case.id.clone(),
        })
    }

    /// The commission rule of the case.
    pub(crate) fn commission(&self) -> CaseCommission<'_> {
        CaseCommission {
            schedule: &self.schedule,
            scope: self.scope,
            placed_on: self.placed_on,
        }
    }

    /// Whether the fee schedule charges commission on money paid to the creditor directly.
    pub(crate) fn charges_direct_payments(&self) -> bool {
        self.schedule.commission_on_direct_payments
    }

    /// The split of each payment by its own postings, with the creditor's part by invoice.
    pub(crate) fn splits(
        &self,
        conn: &mut AnyConnection,
        payments: &[&PaymentRow],
    ) -> Result<HashMap<String, (PaymentParts, Vec<RecoveredAmount>)>, AppError> {
        let ids: Vec<String> = payments.iter().map(|payment| payment.id.clone()).collect();
        let postings = ledger::of_payments(conn, &ids)?;
        let invoices: HashMap<&str, &InvoiceRow> = self
            .invoices
            .iter()
            .map(|invoice| (invoice.id.as_str(), invoice))
            .collect();
        let mut out = HashMap::new();
        for payment in payments {
            let own: Vec<&PostingRow> = postings
                .iter()
                .filter(|posting| posting.payment_id.as_deref() == Some(payment.id.as_str()))
                .collect();
            out.insert(
                payment.id.clone(),
                split(payment, &own, &invoices, self.currency)?,
            );
        }
        Ok(out)
    }

    /// A corrupt-data error about the case.
    pub(crate) fn corrupt(&self, detail: impl ToString) -> AppError {
        AppError::corrupt("case", &self.case_id, detail)
    }
}

/// What stands counted and charged on a case.
#[derive(Debug, Default)]
pub(crate) struct Counted {
    /// The creditor's part, by invoice, of every payment counted.
    pub recovered: Vec<RecoveredAmount>,
    /// Commission charged so far, minor units.
    pub charged_minor: i128,
}

/// Payments the agency received and remitted on the case whose remittance stands, leaving out
/// `except` (payments a run is about to give back), and all commission remittances charged.
pub(crate) fn remitted(
    conn: &mut AnyConnection,
    terms: &CaseTerms,
    earlier: &[&LineRow],
    except: &BTreeSet<&str>,
) -> Result<Counted, AppError> {
    let reversed: BTreeSet<&str> = earlier
        .iter()
        .filter(|line| line.kind == "reversal")
        .map(|line| line.payment_id.as_str())
        .collect();
    let standing: Vec<PaymentRow> = earlier
        .iter()
        .filter(|line| line.kind == "payment")
        .filter(|line| !reversed.contains(line.payment_id.as_str()))
        .filter(|line| !except.contains(line.payment_id.as_str()))
        .map(|line| payments::find(conn, None, &line.payment_id))
        .collect::<Result<_, _>>()?;
    let refs: Vec<&PaymentRow> = standing.iter().collect();
    let splits = terms.splits(conn, &refs)?;
    Ok(Counted {
        recovered: splits.into_values().flat_map(|(_, part)| part).collect(),
        charged_minor: earlier
            .iter()
            .map(|line| i128::from(line.commission_minor))
            .sum(),
    })
}

/// The direct-payment commission lines of the case on invoices that stand.
pub(crate) fn direct_lines(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<FeeInvoiceLineRow>, AppError> {
    Ok(fee_invoices::standing_direct_lines(
        conn,
        &[case_id.to_owned()],
    )?)
}

/// Payments made to the creditor directly and billed on invoices that stand, leaving out their
/// reversals billed and `except`, and all commission those invoices charged on the case.
pub(crate) fn billed_direct(
    conn: &mut AnyConnection,
    terms: &CaseTerms,
    lines: &[FeeInvoiceLineRow],
    except: &BTreeSet<&str>,
) -> Result<Counted, AppError> {
    let items: BTreeSet<&str> = lines.iter().map(|line| line.item.as_str()).collect();
    let standing: Vec<PaymentRow> = lines
        .iter()
        .map(|line| line.item.as_str())
        .filter(|item| !item.ends_with(":reversal"))
        .filter(|item| !items.contains(fee_invoices::reversal_item(item).as_str()))
        .filter(|item| !except.contains(item))
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .map(|id| payments::find(conn, None, id))
        .collect::<Result<_, _>>()?;
    let refs: Vec<&PaymentRow> = standing.iter().collect();
    let splits = terms.splits(conn, &refs)?;
    Ok(Counted {
        recovered: splits.into_values().flat_map(|(_, part)| part).collect(),
        charged_minor: lines.iter().map(|line| i128::from(line.net_minor)).sum(),
    })
}
