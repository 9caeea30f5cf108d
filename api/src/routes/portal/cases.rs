//! `GET /v1/portal/cases` and `/v1/portal/cases/{id}`: the debtor's cases, what each owes today
//! and why, line by line.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use solvo_app::portal::read::{self, CollectorContact, PortalCaseDetail, PortalCaseSummary};
use solvo_domain::money::Money;
use solvo_domain::portal::language::Language;
use solvo_domain::portal::wording::{self, InterestLineFacts};
use utoipa::ToSchema;

use crate::auth::debtor::DebtorCaller;
use crate::error::ApiError;
use crate::money::MoneyView;
use crate::state::AppState;

/// The state of a case in the debtor's words.
#[derive(Debug, Serialize, ToSchema)]
pub struct DebtorStatusView {
    /// `open`, `payment_plan`, `disputed`, `on_hold`, `legal_action_considered`,
    /// `legal_proceedings`, `insolvency`, `settled` or `closed`.
    #[schema(value_type = DebtorCaseStatus, example = "open")]
    pub status: String,
    /// One sentence in the portal's language.
    pub text: String,
}

/// One of the debtor's cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalCaseSummaryView {
    /// `cas_…`
    pub id: String,
    /// The RF reference to pay with, as printed on the letter.
    #[schema(example = "RF18 5390 0754 7034")]
    pub reference: String,
    /// The creditor whose claim it is.
    pub creditor: String,
    /// Principal, interest, compensation and costs still owed today.
    pub outstanding: MoneyView,
    /// Where the case stands.
    pub state: DebtorStatusView,
}

/// The debtor's cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalCaseList {
    /// The case the letter is about and the debtor's other open cases with the same creditor,
    /// oldest first.
    pub data: Vec<PortalCaseSummaryView>,
}

impl From<PortalCaseSummary> for PortalCaseSummaryView {
    fn from(summary: PortalCaseSummary) -> Self {
        Self {
            id: summary.case.id,
            reference: summary.reference,
            creditor: summary.creditor,
            outstanding: summary.balance.outstanding.into(),
            state: DebtorStatusView {
                status: summary.status.status.to_owned(),
                text: summary.status.text.to_owned(),
            },
        }
    }
}

/// The debtor's cases: the one the letter is about and their other open cases with the same
/// creditor, each with what it owes today. Texts in the language of `Accept-Language`, else the
/// debtor's preferred language, else English (`Content-Language` says which).
#[utoipa::path(
    tag = "portal",
    operation_id = "list_portal_cases",
    responses(
        (status = 200, description = "The debtor's cases", body = PortalCaseList,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases")]
pub async fn list_portal_cases(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
) -> Result<HttpResponse, ApiError> {
    let rates = state.rates.current();
    let today = state.clock.now().date();
    let language = debtor.language;
    let cases = state
        .db
        .read(move |conn| read::list(conn, &debtor, &rates, today, language))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(PortalCaseList {
            data: cases.into_iter().map(PortalCaseSummaryView::from).collect(),
        }))
}

/// The collector working the case, as the debtor may know them.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalCollectorView {
    /// The name they go by, when the agency recorded one.
    #[schema(example = "Katrin Vogel")]
    pub name: Option<String>,
    /// The languages they work in (ISO 639-1).
    #[schema(example = json!(["de"]))]
    pub languages: Vec<String>,
}

/// One invoice of the case.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalInvoiceView {
    /// The creditor's invoice number.
    pub number: String,
    /// Issued on.
    pub issue_date: NaiveDate,
    /// Due on.
    pub due_date: NaiveDate,
    /// The invoice's amount.
    pub amount: MoneyView,
    /// Its principal still owed.
    pub principal_outstanding: MoneyView,
}

/// One line of interest, with the sentence that explains it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalInterestLineView {
    /// The invoice number it runs on.
    pub invoice: String,
    /// First interest day.
    pub from: NaiveDate,
    /// Last interest day (inclusive).
    pub to: NaiveDate,
    /// Days counted.
    pub days: i64,
    /// The amount interest runs on.
    pub base: MoneyView,
    /// Yearly rate in percent.
    #[schema(example = "11.27")]
    pub rate: String,
    /// Interest of the line.
    pub amount: MoneyView,
    /// The statute and article (or that the rate was agreed).
    pub legal_basis: String,
    /// The reference rate for these days is not yet published; the last one is used.
    pub provisional: bool,
    /// The line in plain words, in the portal's language.
    pub explanation: String,
}

/// Interest owed, line by line.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalInterestView {
    /// Interest still owed today.
    pub total: MoneyView,
    /// How it accrued.
    pub lines: Vec<PortalInterestLineView>,
    /// Interest that is not in `total`, and why (no statutory rule; days whose reference rate
    /// is not published yet), one sentence each in the portal's language.
    pub not_included: Vec<String>,
}

/// A charge with its legal basis.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalChargeView {
    /// Still owed today.
    pub amount: MoneyView,
    /// The statute and article; absent when nothing is charged under a rule.
    pub legal_basis: Option<String>,
    /// The charge in plain words, in the portal's language.
    pub explanation: Option<String>,
}

/// A payment received on the case.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalPaymentView {
    /// The day the money arrived.
    pub value_date: NaiveDate,
    /// How much.
    pub amount: MoneyView,
    /// `bank_transfer`, `card`, `direct_debit`, `cash` or `other`.
    #[schema(value_type = solvo_app::payments::input::PaymentMethod, example = "bank_transfer")]
    pub method: String,
}

/// A case as the debtor sees it: what is owed today and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalCaseView {
    /// The case, its creditor, what it owes today and its state.
    #[serde(flatten)]
    pub summary: PortalCaseSummaryView,
    /// The day the amounts are computed for (today).
    pub as_of: NaiveDate,
    /// The invoices.
    pub invoices: Vec<PortalInvoiceView>,
    /// Principal still owed.
    pub principal: MoneyView,
    /// Statutory or agreed interest.
    pub interest: PortalInterestView,
    /// Fixed compensation for recovery costs.
    pub compensation: PortalChargeView,
    /// Collection and legal costs.
    pub costs: PortalChargeView,
    /// Paid so far.
    pub paid: MoneyView,
    /// The payments received.
    pub payments: Vec<PortalPaymentView>,
    /// Paid beyond what is owed, held for the debtor (refunded on request).
    pub unapplied: MoneyView,
    /// Who works the case; absent until one is assigned.
    pub collector: Option<PortalCollectorView>,
}

fn money_text(money: Money) -> String {
    format!("{} {}", money.amount_string(), money.currency().code())
}

fn charge(
    amount: Money,
    basis: Option<&str>,
    explain: impl Fn(&str) -> String,
) -> PortalChargeView {
    // A basis is shown only where something is charged under it.
    let basis = basis.filter(|_| !amount.is_zero());
    PortalChargeView {
        amount: amount.into(),
        legal_basis: basis.map(str::to_owned),
        explanation: basis.map(explain),
    }
}

impl PortalCaseView {
    fn build(detail: PortalCaseDetail, language: Language) -> Self {
        let PortalCaseDetail {
            summary,
            invoices,
            payments,
            collector,
            compensation_basis,
            costs_basis,
        } = detail;
        let balance = summary.balance.clone();
        let currency = summary.case.currency;
        let invoice_views = invoices
            .into_iter()
            .map(|invoice| {
                let outstanding = balance
                    .invoices
                    .iter()
                    .find(|owed| owed.number == invoice.number)
                    .map_or_else(|| Money::zero(currency), |owed| owed.principal);
                PortalInvoiceView {
                    number: invoice.number,
                    issue_date: invoice.issue_date,
                    due_date: invoice.due_date,
                    amount: Money::from_minor(invoice.amount_minor, currency).into(),
                    principal_outstanding: outstanding.into(),
                }
            })
            .collect();
        let lines = balance
            .interest_lines
            .iter()
            .map(|line| {
                let last_day = line
                    .line
                    .to
                    .checked_sub_days(Days::new(1))
                    .unwrap_or(line.line.to);
                let rate = line.line.rate_percent.normalize().to_string();
                let facts = InterestLineFacts {
                    rate_percent: &rate,
                    base: &money_text(line.line.base),
                    first_day: line.line.from,
                    last_day,
                    days: line.line.days,
                    legal_basis: &line.line.legal_basis,
                    provisional: line.line.provisional,
                };
                PortalInterestLineView {
                    invoice: line.invoice.clone(),
                    from: line.line.from,
                    to: last_day,
                    days: line.line.days,
                    base: line.line.base.into(),
                    explanation: wording::interest_line(&facts, language),
                    rate,
                    amount: line.line.amount.into(),
                    legal_basis: line.line.legal_basis.clone(),
                    provisional: line.line.provisional,
                }
            })
            .collect();
        Self {
            as_of: balance.as_of,
            invoices: invoice_views,
            principal: balance.principal.into(),
            interest: PortalInterestView {
                total: balance.interest.into(),
                lines,
                not_included: balance
                    .interest_gaps
                    .iter()
                    .map(|gap| wording::interest_gap(gap, language))
                    .collect(),
            },
            compensation: charge(balance.compensation, compensation_basis, |basis| {
                wording::compensation(basis, language)
            }),
            costs: charge(balance.costs, costs_basis, |basis| {
                wording::costs(basis, language)
            }),
            paid: balance.paid.into(),
            payments: payments
                .into_iter()
                .map(|payment| PortalPaymentView {
                    value_date: payment.value_date,
                    amount: Money::from_minor(payment.amount_minor, currency).into(),
                    method: payment.method,
                })
                .collect(),
            unapplied: balance.unapplied.into(),
            collector: collector.map(|CollectorContact { name, languages }| PortalCollectorView {
                name,
                languages,
            }),
            summary: summary.into(),
        }
    }
}

/// One of the debtor's cases: the creditor, the invoices, the principal, interest line by line
/// with its rate, days and legal basis in plain words, compensation and costs with their legal
/// basis, the payments received, what is outstanding today, the collector and the state. Texts
/// in the portal's language (`Content-Language`).
#[utoipa::path(
    tag = "portal",
    operation_id = "get_portal_case",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case", body = PortalCaseView,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
        (status = 404, description = "Not one of the session's cases", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}")]
pub async fn get_portal_case(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let rates = state.rates.current();
    let today = state.clock.now().date();
    let language = debtor.language;
    let case_id = id.into_inner();
    let detail = state
        .db
        .read(move |conn| read::get(conn, &debtor, &case_id, &rates, today, language))
        .await?;
    let view = PortalCaseView::build(detail, language);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(view))
}

crate::closed_sets::closed_set!(
    /// Where a case stands, as the debtor is told.
    DebtorCaseStatus,
    "Where a case stands, as the debtor is told.",
    ["open", "payment_plan", "disputed", "on_hold", "legal_action_considered", "legal_proceedings", "insolvency", "settled", "closed"]
);
