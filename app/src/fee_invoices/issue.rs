//! Issuing a fee invoice: everything billable to one creditor in one currency by the period's
//! end, as the lines of one numbered invoice, in one transaction.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDateTime, NaiveTime};
use solvo_domain::country::CountryCode;
use solvo_domain::invoicing::{
    DocumentKind, InvoiceLine, LineSource, VatTreatment, totals, treatment,
};
use solvo_domain::money::{Currency, Money};
use solvo_domain::permission::Permission;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::fee_invoices::{self, FeeInvoiceLineRow, FeeInvoiceRow};
use solvo_persistence::repositories::organisations::{self, OrganisationRow};
use solvo_persistence::{AnyConnection, PersistenceError};

use super::billing::{self, Billing};
use super::direct;
use super::input::NewFeeInvoice;
use super::parties::Party;
use super::read::{FeeInvoice, assemble};
use crate::error::AppError;
use crate::money::to_minor;
use crate::principal::Principal;

/// A line before it is stored.
struct Draft {
    source: LineSource,
    item: String,
    case_id: Option<String>,
    description: String,
    net_minor: i64,
}

/// Issues the invoice `input` asks for.
///
/// # Errors
/// [`AppError::Forbidden`] without `issue_fee_invoices`; [`AppError::Validation`] for an
/// unknown creditor, a bad currency or period, missing billing details, or nothing to bill;
/// [`AppError::Conflict`] when another invoice billed some of the items at the same moment.
pub fn issue(
    conn: &mut AnyConnection,
    caller: &Principal,
    input: &NewFeeInvoice,
    now: NaiveDateTime,
) -> Result<FeeInvoice, AppError> {
    caller.require(Permission::IssueFeeInvoices)?;
    let currency = input.validate_for(now.date())?;
    let creditor = creditor(conn, &input.organisation_id)?;
    let agency = organisations::find_agency(conn)?
        .ok_or_else(|| AppError::internal("no agency organisation"))?;
    let seller = billing::required(conn, agency, "agency")?;
    let buyer = billing::required(conn, creditor, "organisation_id")?;
    let vat = vat_of(&seller, &buyer)?;
    let until = input
        .period_end
        .checked_add_days(Days::new(1))
        .unwrap_or(input.period_end)
        .and_time(NaiveTime::MIN);
    let drafts = drafts(conn, &buyer.organisation, currency, input, until)?;
    if drafts.is_empty() {
        return Err(AppError::invalid(
            "period_end",
            "nothing_to_invoice",
            "Nothing billable to this creditor in this currency by this day is waiting to be invoiced.",
        ));
    }
    let domain: Vec<InvoiceLine> = drafts
        .iter()
        .map(|draft| InvoiceLine {
            source: draft.source,
            net: Money::from_minor(draft.net_minor, currency),
        })
        .collect();
    let sums = totals(&domain, vat, currency).map_err(|err| AppError::internal(err.to_string()))?;
    let issue_date = now.date();
    let year = issue_date.year();
    let kind = DocumentKind::Invoice;
    let sequence = fee_invoices::next_sequence(conn, kind.series(), year).map_err(conflict)?;
    let id = new_id("fin");
    let row = FeeInvoiceRow {
        id: id.clone(),
        organisation_id: buyer.organisation.id.clone(),
        credits_id: None,
        reason: None,
        series: kind.series().to_owned(),
        year,
        sequence,
        currency,
        issue_date,
        period_end: input.period_end,
        vat_treatment: vat.as_str().to_owned(),
        vat_rate_bp: i32::try_from(vat.rate_bp()).map_err(AppError::internal)?,
        net_minor: to_minor(sums.net, "net")?,
        vat_minor: to_minor(sums.vat, "vat")?,
        withheld_minor: to_minor(sums.withheld, "withheld")?,
        seller: Party::of(&seller).stored()?,
        buyer: Party::of(&buyer).stored()?,
        created_by: caller.actor_id().to_owned(),
        created_at: now,
    };
    let lines: Vec<FeeInvoiceLineRow> = drafts
        .into_iter()
        .enumerate()
        .map(|(index, draft)| {
            Ok(FeeInvoiceLineRow {
                id: new_id("fil"),
                fee_invoice_id: id.clone(),
                position: i32::try_from(index + 1).map_err(AppError::internal)?,
                source: draft.source.as_str().to_owned(),
                item: draft.item,
                case_id: draft.case_id,
                description: draft.description,
                net_minor: draft.net_minor,
            })
        })
        .collect::<Result<_, AppError>>()?;
    fee_invoices::insert(conn, &row, &lines).map_err(conflict)?;
    crate::events::outbox::record(
        conn,
        &row.organisation_id,
        None,
        solvo_domain::webhook::EventType::FeeInvoiceIssued,
        &crate::events::payload::FeeInvoiceEventData::new(&row)?,
        now,
    )?;
    assemble(conn, row, lines)
}

fn conflict(err: PersistenceError) -> AppError {
    match err {
        PersistenceError::Conflict(_) => AppError::Conflict(
            "Another fee invoice was issued at the same moment; issue again.".into(),
        ),
        other => other.into(),
    }
}

/// The creditor organisation `id`, or a validation error.
fn creditor(conn: &mut AnyConnection, id: &str) -> Result<OrganisationRow, AppError> {
    match organisations::find(conn, id) {
        Ok(organisation) if organisation.kind == "creditor" => Ok(organisation),
        Ok(_) | Err(PersistenceError::NotFound) => Err(AppError::invalid(
            "organisation_id",
            "not_a_creditor",
            "No creditor organisation has this id.",
        )),
        Err(err) => Err(err.into()),
    }
}

/// The VAT between the agency and the creditor.
fn vat_of(seller: &Billing, buyer: &Billing) -> Result<VatTreatment, AppError> {
    let Some(rate) = seller.row.vat_rate_bp else {
        return Err(AppError::invalid(
            "agency",
            "vat_rate_missing",
            format!(
                "The agency has no VAT rate: set `vat_rate` with PUT /v1/organisations/{}/billing.",
                seller.organisation.id
            ),
        ));
    };
    let rate = u32::try_from(rate)
        .map_err(|err| AppError::corrupt("billing details", &seller.organisation.id, err))?;
    let country = |organisation: &OrganisationRow| {
        CountryCode::parse(&organisation.country)
            .map_err(|err| AppError::corrupt("organisation", &organisation.id, err))
    };
    Ok(treatment(
        &country(&seller.organisation)?,
        rate,
        &country(&buyer.organisation)?,
        buyer.row.vat_id.as_deref(),
    ))
}

/// Every line to bill, fees first, then remittance commission, then direct payments.
fn drafts(
    conn: &mut AnyConnection,
    creditor: &OrganisationRow,
    currency: Currency,
    input: &NewFeeInvoice,
    until: NaiveDateTime,
) -> Result<Vec<Draft>, AppError> {
    let mut out = Vec::new();
    let mut case_labels: HashMap<String, String> = HashMap::new();
    let fees = fee_invoices::unbilled_fees(conn, &creditor.id, currency.code(), input.period_end)?;
    for posting in fees {
        if !case_labels.contains_key(&posting.case_id) {
            let case = cases::find(conn, None, &posting.case_id)?;
            case_labels.insert(posting.case_id.clone(), label(&case));
        }
        let label = case_labels
            .get(&posting.case_id)
            .cloned()
            .unwrap_or_default();
        out.push(Draft {
            source: LineSource::CaseFee,
            item: posting.id.clone(),
            case_id: Some(posting.case_id.clone()),
            description: format!(
                "{}, {label}, {}",
                posting.description, posting.effective_date
            ),
            net_minor: posting.amount_minor,
        });
    }
    for remittance in
        fee_invoices::unbilled_remittances(conn, &creditor.id, currency.code(), until)?
    {
        out.push(Draft {
            source: LineSource::RemittanceCommission,
            item: remittance.id.clone(),
            case_id: None,
            description: format!(
                "Success commission withheld in remittance {} (payments to {})",
                remittance.id, remittance.period_end
            ),
            net_minor: remittance.commission_minor,
        });
    }
    for line in direct::lines(
        conn,
        &creditor.id,
        &creditor.country,
        currency,
        input.period_end,
        until,
    )? {
        out.push(Draft {
            source: LineSource::DirectPaymentCommission,
            item: line.item,
            case_id: Some(line.case.id.clone()),
            description: line.description,
            net_minor: line.net_minor,
        });
    }
    Ok(out)
}

fn label(case: &CaseRow) -> String {
    format!("case {} ({})", case.case_number, case.creditor_reference)
}
