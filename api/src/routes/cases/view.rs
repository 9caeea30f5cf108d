//! Cases as the API returns them.

use crate::routes::collection::AssessmentView;
use chrono::NaiveDate;
use serde::Serialize;
use solvo_app::AppError;
use solvo_app::cases::balance::Balance;
use solvo_app::cases::list::CaseListRow;
use solvo_app::cases::prescription::PrescriptionSummary;
use solvo_app::cases::read::CaseDetails;
use solvo_app::clock;
use solvo_domain::money::Money;
use solvo_domain::prescription::WarningLevel;
use utoipa::ToSchema;

use crate::money::MoneyView;

/// The debtor of a case, in short.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseDebtor {
    /// `dbt_…`
    pub id: String,
    /// Legal name.
    pub legal_name: String,
    /// Country.
    #[schema(value_type = solvo_app::wire_names::CountryCodeName)]
    pub country: String,
}

/// An invoice of a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceView {
    /// `inv_…`
    pub id: String,
    /// The creditor's number.
    pub number: String,
    /// Issue date.
    pub issue_date: NaiveDate,
    /// Due date.
    pub due_date: NaiveDate,
    /// Amount placed.
    pub amount: MoneyView,
}

/// One line of statutory or contractual interest.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterestLineView {
    /// The invoice the interest runs on.
    pub invoice: String,
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (exclusive).
    pub to: NaiveDate,
    /// Days in the line.
    pub days: i64,
    /// Principal the interest runs on.
    pub base: MoneyView,
    /// Rate, percent per year, as a decimal string.
    #[schema(example = "11.27")]
    pub rate: String,
    /// Interest of the line.
    pub amount: MoneyView,
    /// Statute and article, or the contract.
    pub legal_basis: String,
    /// The reference rate was carried forward beyond its last published value.
    pub provisional: bool,
}

/// Interest to a date.
#[derive(Debug, Serialize, ToSchema)]
pub struct InterestView {
    /// Interest still owed (accrued minus what payments covered).
    pub total: MoneyView,
    /// Accrued interest by period, invoice and rate.
    pub lines: Vec<InterestLineView>,
    /// Invoices for which interest could not be computed, and why.
    pub gaps: Vec<String>,
}

/// What one invoice still owes on the balance's date.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceBalanceView {
    /// The creditor's invoice number.
    pub invoice_number: String,
    /// Due date.
    pub due_date: NaiveDate,
    /// Principal still owed.
    pub principal: MoneyView,
    /// Interest still owed (accrued on this invoice minus what payments covered).
    pub interest: MoneyView,
    /// Fixed recovery compensation still owed.
    pub compensation: MoneyView,
    /// Collection and legal costs still owed.
    pub costs: MoneyView,
}

/// A case's balance on a date. `outstanding` is what the debtor owes; `fees` are the agency's
/// fees to the creditor and not part of it.
#[derive(Debug, Serialize, ToSchema)]
pub struct BalanceView {
    /// The date of the balance (interest runs through this day).
    pub as_of: NaiveDate,
    /// Principal still owed.
    pub principal: MoneyView,
    /// Interest.
    pub interest: InterestView,
    /// Fixed recovery-cost compensation owed.
    pub compensation: MoneyView,
    /// Collection and legal costs owed.
    pub costs: MoneyView,
    /// Fees charged to the creditor.
    pub fees: MoneyView,
    /// Paid by the debtor.
    pub paid: MoneyView,
    /// Principal + interest + compensation + costs.
    pub outstanding: MoneyView,
    /// Payments received beyond everything owed, held for the debtor (not part of
    /// `outstanding`).
    pub unapplied: MoneyView,
    /// What each invoice still owes, in the order of the case's invoices.
    pub invoices: Vec<InvoiceBalanceView>,
}

impl From<Balance> for BalanceView {
    fn from(balance: Balance) -> Self {
        Self {
            as_of: balance.as_of,
            principal: balance.principal.into(),
            interest: InterestView {
                total: balance.interest.into(),
                lines: balance
                    .interest_lines
                    .into_iter()
                    .map(|line| InterestLineView {
                        invoice: line.invoice,
                        from: line.line.from,
                        to: line.line.to,
                        days: line.line.days,
                        base: line.line.base.into(),
                        rate: line.line.rate_percent.normalize().to_string(),
                        amount: line.line.amount.into(),
                        legal_basis: line.line.legal_basis,
                        provisional: line.line.provisional,
                    })
                    .collect(),
                gaps: balance
                    .interest_gaps
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            },
            compensation: balance.compensation.into(),
            costs: balance.costs.into(),
            fees: balance.fees.into(),
            paid: balance.paid.into(),
            outstanding: balance.outstanding.into(),
            unapplied: balance.unapplied.into(),
            invoices: balance
                .invoices
                .into_iter()
                .map(|invoice| InvoiceBalanceView {
                    invoice_number: invoice.number,
                    due_date: invoice.due_date,
                    principal: invoice.principal.into(),
                    interest: invoice.interest.into(),
                    compensation: invoice.compensation.into(),
                    costs: invoice.costs.into(),
                })
                .collect(),
        }
    }
}

/// The limitation deadline of a case: the earliest of its invoices'.
///
/// A field without a value is sent as `null`, never left out (so every field is required).
#[derive(Debug, Serialize, ToSchema)]
pub struct PrescriptionView {
    /// Last day to interrupt or sue, if the jurisdiction's rule is known.
    #[schema(required = true)]
    pub deadline: Option<NaiveDate>,
    /// The invoice that prescribes first.
    #[schema(required = true)]
    pub invoice: Option<String>,
    /// `within_90_days`, `within_30_days`, `expired`, or `null` when the deadline is further.
    #[schema(required = true)]
    pub warning: Option<String>,
    /// Days left until the deadline.
    #[schema(required = true)]
    pub days_left: Option<i64>,
    /// Statute and article.
    #[schema(required = true)]
    pub legal_basis: Option<String>,
}

/// A case with everything a creditor or collector needs on one screen.
///
/// A field without a value is sent as `null`, never left out (so every field is required).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseView {
    /// `case_…`
    pub id: String,
    /// The creditor organisation.
    pub organisation_id: String,
    /// Installation-wide case number.
    pub case_number: i64,
    /// ISO 11649 creditor reference for payments (electronic form).
    #[schema(example = "RF18539007547034")]
    pub rf_reference: String,
    /// The creditor's reference.
    pub creditor_reference: String,
    /// State (see `GET /v1/case-states`).
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "assessment")]
    pub state: String,
    /// Where a paused or disputed case returns to.
    #[schema(required = true, value_type = Option<solvo_app::wire_names::ResumableStateName>)]
    pub resume_to: Option<String>,
    /// Outcome once closed.
    #[schema(required = true, value_type = Option<solvo_app::wire_names::CaseOutcome>)]
    pub outcome: Option<String>,
    /// Date a paused case resumes by itself.
    #[schema(required = true)]
    pub resume_on: Option<NaiveDate>,
    /// Jurisdiction code.
    #[schema(value_type = solvo_app::wire_names::JurisdictionCodeName)]
    pub jurisdiction: String,
    /// ISO 4217 currency.
    #[schema(value_type = solvo_app::wire_names::CurrencyCode)]
    pub currency: String,
    /// The debtor.
    pub debtor: CaseDebtor,
    /// Assigned collector's user id.
    #[schema(required = true)]
    pub collector_id: Option<String>,
    /// Invoices.
    pub invoices: Vec<InvoiceView>,
    /// Contractual interest, percent per year.
    #[schema(required = true)]
    pub contractual_interest_rate: Option<String>,
    /// Notes.
    #[schema(required = true)]
    pub notes: Option<String>,
    /// The quote whose fee terms apply.
    #[schema(required = true)]
    pub quote_id: Option<String>,
    /// Limitation deadline and warning.
    pub prescription: PrescriptionView,
    /// Instruction types the caller may send now (`POST /v1/cases/{id}/instructions`).
    #[schema(value_type = Vec<solvo_app::wire_names::InstructionName>)]
    pub allowed_instructions: Vec<String>,
    /// Balance today.
    pub balance: BalanceView,
    /// The collector's assessment (recovery strategy), once recorded.
    #[schema(required = true)]
    pub assessment: Option<AssessmentView>,
    /// RFC 3339 time the assessment is due: 48 hours after placement.
    #[schema(format = DateTime)]
    pub assessment_due_at: String,
    /// The case still awaits its assessment past that time.
    pub assessment_overdue: bool,
    /// The day of the collector's next action, from the latest activity.
    #[schema(required = true)]
    pub next_action_on: Option<NaiveDate>,
    /// Version for `If-Match`.
    pub version: i64,
    /// RFC 3339 placement time.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339 time of the last change.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

/// A case in a list (no balance: computing interest for a whole page would make lists slow).
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseSummary {
    /// `case_…`
    pub id: String,
    /// The creditor organisation.
    pub organisation_id: String,
    /// Case number.
    pub case_number: i64,
    /// RF reference.
    pub rf_reference: String,
    /// The creditor's reference.
    pub creditor_reference: String,
    /// State.
    #[schema(value_type = solvo_app::wire_names::CaseStateName)]
    pub state: String,
    /// Outcome once closed.
    #[schema(value_type = Option<solvo_app::wire_names::CaseOutcome>)]
    pub outcome: Option<String>,
    /// Jurisdiction.
    #[schema(value_type = solvo_app::wire_names::JurisdictionCodeName)]
    pub jurisdiction: String,
    /// Currency.
    #[schema(value_type = solvo_app::wire_names::CurrencyCode)]
    pub currency: String,
    /// Debtor id.
    pub debtor_id: String,
    /// Assigned collector.
    pub collector_id: Option<String>,
    /// Version.
    pub version: i64,
    /// RFC 3339 placement time.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339 time of the last change.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

/// A page of cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseList {
    /// This page.
    pub data: Vec<CaseSummary>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

impl From<CaseListRow> for CaseSummary {
    fn from(row: CaseListRow) -> Self {
        Self {
            id: row.id,
            organisation_id: row.organisation_id,
            case_number: row.case_number,
            rf_reference: row.rf_reference,
            creditor_reference: row.creditor_reference,
            state: row.state.to_string(),
            outcome: row.outcome.map(|outcome| outcome.to_string()),
            jurisdiction: row.jurisdiction.to_string(),
            currency: row.currency.code().to_owned(),
            debtor_id: row.debtor_id,
            collector_id: row.collector_id,
            version: row.version,
            created_at: clock::rfc3339(row.created_at),
            updated_at: clock::rfc3339(row.updated_at),
        }
    }
}

/// The full case view of what [`solvo_app::cases::read`] loaded.
///
/// # Errors
/// A corrupt stored amount.
pub fn case_view(details: CaseDetails) -> Result<CaseView, AppError> {
    let CaseDetails {
        case,
        state,
        debtor,
        invoices,
        balance,
        prescription,
        allowed,
        assessment,
        assessment_due_at,
        assessment_overdue,
    } = details;
    let invoices = invoices
        .iter()
        .map(|invoice| {
            Ok(InvoiceView {
                id: invoice.id.clone(),
                number: invoice.number.clone(),
                issue_date: invoice.issue_date,
                due_date: invoice.due_date,
                amount: Money::from_minor(invoice.amount_minor, invoice.currency).into(),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(CaseView {
        resume_to: state
            .resume_to()
            .and_then(|to| serde_json::to_value(to).ok())
            .and_then(|value| value.as_str().map(ToOwned::to_owned)),
        id: case.id,
        organisation_id: case.organisation_id,
        case_number: case.case_number,
        rf_reference: case.rf_reference,
        creditor_reference: case.creditor_reference,
        state: case.state.to_string(),
        outcome: case.outcome.map(|outcome| outcome.to_string()),
        resume_on: case.resume_on,
        jurisdiction: case.jurisdiction.to_string(),
        currency: case.currency.code().to_owned(),
        debtor: CaseDebtor {
            id: debtor.id,
            legal_name: debtor.legal_name,
            country: debtor.country,
        },
        collector_id: case.collector_id,
        invoices,
        contractual_interest_rate: case.contractual_interest_rate,
        notes: case.notes,
        quote_id: case.quote_id,
        prescription: prescription.into(),
        allowed_instructions: allowed
            .into_iter()
            .map(|instruction| instruction.as_str().to_owned())
            .collect(),
        balance: balance.into(),
        assessment: assessment.map(AssessmentView::try_from).transpose()?,
        assessment_due_at: clock::rfc3339(assessment_due_at),
        assessment_overdue,
        next_action_on: case.next_action_on,
        version: case.version,
        created_at: clock::rfc3339(case.created_at),
        updated_at: clock::rfc3339(case.updated_at),
    })
}

impl From<PrescriptionSummary> for PrescriptionView {
    fn from(summary: PrescriptionSummary) -> Self {
        Self {
            deadline: summary.deadline,
            invoice: summary.invoice,
            warning: summary.warning.map(|level| match level {
                WarningLevel::Approaching { horizon_days } => format!("within_{horizon_days}_days"),
                WarningLevel::Expired => "expired".to_owned(),
            }),
            days_left: summary.days_left,
            legal_basis: summary.legal_basis,
        }
    }
}
