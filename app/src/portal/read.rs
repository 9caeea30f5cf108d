//! What a debtor sees of their cases: the creditor, the amount outstanding today and the state
//! in debtor-friendly words. Nothing internal reaches here: no notes, fee terms, collector
//! activities or creditor messages, because these views are built field by field from the
//! ledger and the case, never from the staff views.

use chrono::NaiveDate;
use solvo_domain::case::CaseState;
use solvo_domain::identifiers::CreditorReference;
use solvo_domain::jurisdiction;
use solvo_domain::ledger::Balance;
use solvo_domain::portal::language::Language;
use solvo_domain::portal::wording::{self, DebtorStatus};
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::payments::{self, PaymentRow};
use solvo_persistence::repositories::{collectors, organisations, users};

use super::Debtor;
use super::scope::{case_in_scope, cases_in_scope};
use crate::cases::{balance, transition};
use crate::error::AppError;

/// One of the debtor's cases, as the portal lists it.
#[derive(Debug, Clone)]
pub struct PortalCaseSummary {
    /// The case.
    pub case: CaseRow,
    /// The reference to pay with, in groups of four.
    pub reference: String,
    /// The creditor's name.
    pub creditor: String,
    /// The balance today.
    pub balance: Balance,
    /// The state in the debtor's words.
    pub status: DebtorStatus,
}

/// The cases the session reaches, oldest first, each with its balance on `today`.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for unreadable stored rows.
pub fn list(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    rates: &RateTables,
    today: NaiveDate,
    language: Language,
) -> Result<Vec<PortalCaseSummary>, AppError> {
    let creditor = organisations::find(conn, &debtor.organisation_id)?.name;
    cases_in_scope(conn, debtor)?
        .into_iter()
        .map(|case| summary(conn, case, &creditor, rates, today, language))
        .collect()
}

/// The summary of one case in scope.
///
/// # Errors
/// As [`list`].
pub fn summary(
    conn: &mut AnyConnection,
    case: CaseRow,
    creditor: &str,
    rates: &RateTables,
    today: NaiveDate,
    language: Language,
) -> Result<PortalCaseSummary, AppError> {
    let balance = balance::load(conn, &case, rates, today)?;
    let state: CaseState = transition::state_of(&case)?;
    Ok(PortalCaseSummary {
        reference: printed_reference(&case),
        creditor: creditor.to_owned(),
        balance,
        status: wording::status_of(&state, language),
        case,
    })
}

/// The case's RF reference as printed on the letter (groups of four).
#[must_use]
pub fn printed_reference(case: &CaseRow) -> String {
    CreditorReference::parse(&case.rf_reference)
        .map_or_else(|_| case.rf_reference.clone(), |rf| rf.to_string())
}

/// Everything a debtor is shown about one case.
#[derive(Debug, Clone)]
pub struct PortalCaseDetail {
    /// The case, its creditor, balance today and state.
    pub summary: PortalCaseSummary,
    /// The invoices, as placed.
    pub invoices: Vec<InvoiceRow>,
    /// The payments that stand, oldest value date first.
    pub payments: Vec<PaymentRow>,
    /// Who works the case, if anyone yet.
    pub collector: Option<CollectorContact>,
    /// Why compensation is charged, when the jurisdiction has a rule for the case.
    pub compensation_basis: Option<&'static str>,
    /// Why collection costs are charged, when the jurisdiction has a rule.
    pub costs_basis: Option<&'static str>,
}

/// The collector as a debtor may know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectorContact {
    /// The name they go by, when the agency recorded one.
    pub name: Option<String>,
    /// The languages they work debtors in (ISO 639-1), from their coverage: a language named
    /// there, or for a whole country its official languages.
    pub languages: Vec<String>,
}

/// The case `case_id` if the session reaches it, with what the portal shows.
///
/// # Errors
/// [`AppError::NotFound`] for a case outside the session's scope; as [`list`].
pub fn get(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    rates: &RateTables,
    today: NaiveDate,
    language: Language,
) -> Result<PortalCaseDetail, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    let creditor = organisations::find(conn, &debtor.organisation_id)?.name;
    let invoices = invoices::of_case(conn, &case.id)?;
    let payments = payments::standing_of_case(conn, &case.id)?;
    let collector = match &case.collector_id {
        Some(user_id) => Some(collector_contact(conn, user_id)?),
        None => None,
    };
    let terms = balance::terms_of(&case)?;
    let rules = jurisdiction::find(terms.jurisdiction);
    let first_due = invoices.iter().map(|invoice| invoice.due_date).min();
    let compensation_basis = rules
        .zip(first_due)
        .and_then(|(rules, due)| rules.compensation_for(due))
        .map(|rule| rule.legal_basis);
    let costs_basis = rules
        .and_then(|rules| rules.collection_costs.as_ref())
        .map(|rule| rule.legal_basis);
    Ok(PortalCaseDetail {
        summary: summary(conn, case, &creditor, rates, today, language)?,
        invoices,
        payments,
        collector,
        compensation_basis,
        costs_basis,
    })
}

fn collector_contact(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<CollectorContact, AppError> {
    let name = users::find(conn, user_id)?.name;
    let mut languages: Vec<String> = Vec::new();
    for (country, language) in collectors::coverage_of(conn, user_id)? {
        // Covering every country names no language at all, so it adds none.
        let spoken: Vec<String> = if language == "*" {
            jurisdiction::all()
                .iter()
                .filter(|rules| in_country(rules.code.as_str(), &country))
                .flat_map(|rules| rules.languages.iter().map(|tag| (*tag).to_owned()))
                .collect()
        } else {
            vec![language]
        };
        for tag in spoken {
            if !languages.contains(&tag) {
                languages.push(tag);
            }
        }
    }
    Ok(CollectorContact { name, languages })
}

/// Whether the jurisdiction `code` (`DE`, or `GB-SCT` for one of a country's) is in `country`.
fn in_country(code: &str, country: &str) -> bool {
    code == country
        || code
            .strip_prefix(country)
            .is_some_and(|rest| rest.starts_with('-'))
}
