//! A quote as the API returns it (and stores it, so `GET` answers exactly what `POST` did).

use chrono::NaiveDate;
use serde::Serialize;
use solvo_app::clock;
use solvo_app::quotes::{self as app, PricedQuote};
use solvo_domain::fees::{FeeComponent, FeeKind};
use solvo_domain::jurisdiction::CompensationUnit;
use utoipa::ToSchema;

use crate::money::MoneyView;
use crate::routes::reference::summary::{RuleTopicName, collection_costs_line};

/// Whether the debtor is in the creditor's country, which selects the commission rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteRoute {
    /// The debtor is established in the creditor organisation's country.
    Domestic,
    /// The debtor is established in another country.
    International,
}

impl From<app::QuoteRoute> for QuoteRoute {
    fn from(route: app::QuoteRoute) -> Self {
        match route {
            app::QuoteRoute::Domestic => Self::Domestic,
            app::QuoteRoute::International => Self::International,
        }
    }
}

/// What a fee line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteFeeKind {
    /// Flat fee per case at placement.
    IntroductionFee,
    /// Marginal-tier commission on the amount recovered.
    SuccessCommission,
    /// Extra commission on invoices that are old at placement.
    AgeSurcharge,
    /// What lifts the commission to the minimum.
    MinimumCommissionTopUp,
    /// Charged if the creditor withdraws the case.
    WithdrawalFee,
    /// Court, bailiff and lawyer costs at cost.
    LegalCosts,
    /// VAT on the lines that carry it.
    Vat,
}

impl From<FeeKind> for QuoteFeeKind {
    fn from(kind: FeeKind) -> Self {
        match kind {
            FeeKind::IntroductionFee => Self::IntroductionFee,
            FeeKind::SuccessCommission => Self::SuccessCommission,
            FeeKind::AgeSurcharge => Self::AgeSurcharge,
            FeeKind::MinimumCommissionTopUp => Self::MinimumCommissionTopUp,
            FeeKind::WithdrawalFee => Self::WithdrawalFee,
            FeeKind::LegalCosts => Self::LegalCosts,
            FeeKind::Vat => Self::Vat,
        }
    }
}

/// One fee line: what, how much, why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteFeeLine {
    /// What the line is for.
    pub kind: QuoteFeeKind,
    /// The amount.
    pub amount: MoneyView,
    /// One line a creditor can check by hand.
    pub explanation: String,
    /// Whether VAT is charged on the line.
    pub vat_applicable: bool,
}

impl From<FeeComponent> for QuoteFeeLine {
    fn from(component: FeeComponent) -> Self {
        Self {
            kind: component.kind.into(),
            amount: component.amount.into(),
            explanation: component.explanation,
            vat_applicable: component.vat_applicable,
        }
    }
}

/// What the agency would charge the creditor, under the house default fee schedule.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteFees {
    /// Due if the whole principal is recovered: introduction fee, commission lines and VAT where
    /// the schedule has a rate. Zero lines are listed so nothing is hidden.
    pub components: Vec<QuoteFeeLine>,
    /// Sum of `components`.
    pub total: MoneyView,
    /// Due only if it happens: withdrawal fee on the whole principal, legal costs.
    pub contingent: Vec<QuoteFeeLine>,
}

/// One stretch of days of one invoice with one base and one rate.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteInterestLine {
    /// Index of the invoice in the request (from 0).
    pub invoice: usize,
    /// First day of interest in the line.
    pub from: NaiveDate,
    /// First day after the line (exclusive, as in case balances): `days` is `to - from`, and one
    /// line's `to` is the next line's `from`.
    pub to: NaiveDate,
    /// Number of interest days.
    pub days: i64,
    /// The amount interest runs on.
    pub base: MoneyView,
    /// Yearly rate in percent, as a decimal string (`"11.27"` is 11.27 %).
    #[schema(example = "11.27")]
    pub rate: String,
    /// base x rate x days / 36 500, rounded once to the minor unit (half away from zero).
    pub amount: MoneyView,
    /// The statute behind the rate.
    pub legal_basis: String,
    /// True when the rate rests on a reference rate carried forward past its confirmed range.
    pub provisional: bool,
}

/// Statutory late-payment interest from the day after each due date up to and including `as_of`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteInterest {
    /// Sum of the lines.
    pub total: MoneyView,
    /// True when any line is provisional.
    pub provisional: bool,
    /// The lines, invoice by invoice, split at every change of rate.
    pub lines: Vec<QuoteInterestLine>,
}

/// Fixed recovery-cost compensation for one invoice.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteCompensationLine {
    /// Index of the invoice in the request.
    pub invoice: usize,
    /// The amount, in the statute's currency.
    pub amount: MoneyView,
    /// How often the statute grants it: `per_late_payment`, `per_claim` or `once_per_default`;
    /// each invoice is one late payment, claim and default here.
    pub unit: String,
    /// Statute and article.
    pub legal_basis: String,
}

/// Fixed recovery-cost compensation the debtor owes by statute (e.g. EUR 40 per invoice under
/// Directive 2011/7/EU art. 6), for the invoices overdue on `as_of`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteCompensation {
    /// Sum of the lines.
    pub total: MoneyView,
    /// One line per overdue invoice.
    pub lines: Vec<QuoteCompensationLine>,
}

/// Whether further collection costs can be charged to the debtor.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteCollectionCosts {
    /// Whether collection costs are recoverable from the debtor.
    pub recoverable: bool,
    /// `statutory_scale` (a fixed scale, see `scale_amount`) or `reasonable_costs` (proven costs).
    pub basis: String,
    /// The rule in a sentence.
    pub summary: String,
    /// The scale's figure for the quote's principal, where the basis is a scale and the claim is
    /// in the scale's currency.
    pub scale_amount: Option<MoneyView>,
    /// What the scale adds on top of `compensation.total`: where the rule counts the fixed
    /// compensation within the scale (the Netherlands, BW 6:96(4): the EUR 40 is the least the one
    /// compensation for extrajudicial costs can be), the scale amount less that compensation,
    /// never below zero; otherwise the whole scale amount. Add this, not `scale_amount`, to the
    /// compensation. `null` where either figure is not available or the basis is not a scale.
    pub beyond_compensation: Option<MoneyView>,
    /// Statute and article.
    pub legal_basis: String,
    /// Scope remarks.
    pub note: String,
}

/// The prescription (limitation) deadline of one invoice, with no interrupting event recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuotePrescription {
    /// The last day on which the claim can still be brought.
    pub deadline: NaiveDate,
    /// True when the deadline lies before `as_of`.
    pub time_barred: bool,
    /// The claims the rule covers.
    pub applies_to: String,
    /// Statute and article.
    pub legal_basis: String,
}

/// One invoice and what the law adds to it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteInvoiceEstimate {
    /// Index in the request (from 0).
    pub index: usize,
    /// The principal.
    pub amount: MoneyView,
    /// The due date.
    pub due_date: NaiveDate,
    /// Days past due on `as_of` (0 when not yet overdue).
    pub days_overdue: i64,
    /// Statutory interest of this invoice; `null` when not available (see `gaps`).
    pub interest: Option<MoneyView>,
    /// Fixed compensation of this invoice; `null` when not available or not yet due.
    pub compensation: Option<MoneyView>,
    /// Prescription deadline; `null` when not available (see `gaps`).
    pub prescription: Option<QuotePrescription>,
}

/// A figure the quote leaves out because a rule is not available, and why.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QuoteGap {
    /// The topic.
    pub topic: RuleTopicName,
    /// The invoices affected (indices); empty when the gap concerns the whole claim.
    pub invoices: Vec<usize>,
    /// Why the figure is not available.
    pub reason: String,
}

/// A quote: the fees the agency would charge and what the law lets the creditor claim on top,
/// computed for `as_of`.
///
/// Where a rule is not available for the jurisdiction the figure is `null` and `gaps` says why;
/// a figure is never guessed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Quote {
    /// `quo_…`
    pub id: String,
    /// RFC 3339 creation time.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339 time after which the quote's fee terms can no longer be used to place a case
    /// (30 days after creation).
    #[schema(format = DateTime)]
    pub expires_at: String,
    /// The day the figures are computed for.
    pub as_of: NaiveDate,
    /// ISO 3166-1 alpha-2 country of the debtor.
    #[schema(example = "DE")]
    pub debtor_country: String,
    /// The jurisdiction whose rules apply.
    #[schema(value_type = solvo_app::wire_names::JurisdictionCodeName, example = "DE")]
    pub jurisdiction: String,
    /// Its English name.
    pub jurisdiction_name: String,
    /// Domestic or international, by the creditor organisation's country.
    pub route: QuoteRoute,
    /// ISO 4217 currency of the invoices.
    #[schema(value_type = solvo_app::wire_names::CurrencyCode)]
    pub currency: String,
    /// Sum of the invoices.
    pub principal_total: MoneyView,
    /// The agency's fees.
    pub fees: QuoteFees,
    /// Statutory interest to `as_of`; `null` when not available for every invoice (see `gaps`).
    pub interest: Option<QuoteInterest>,
    /// Fixed recovery-cost compensation; `null` when not available for every overdue invoice.
    pub compensation: Option<QuoteCompensation>,
    /// Whether collection costs are recoverable; `null` when the rule is not available.
    pub collection_costs: Option<QuoteCollectionCosts>,
    /// Invoice by invoice.
    pub invoices: Vec<QuoteInvoiceEstimate>,
    /// What is not available and why.
    pub gaps: Vec<QuoteGap>,
}

/// The view of a priced quote: the body `POST` answers and `GET` replays.
#[must_use]
pub fn quote_view(priced: &PricedQuote) -> Quote {
    let request = &priced.request;
    let law = &priced.law;
    Quote {
        id: priced.id.clone(),
        created_at: clock::rfc3339(priced.created_at),
        expires_at: clock::rfc3339(priced.expires_at),
        as_of: request.as_of,
        debtor_country: request.debtor_country.to_string(),
        jurisdiction: request.jurisdiction.code.to_string(),
        jurisdiction_name: request.jurisdiction.name.to_owned(),
        route: priced.route.into(),
        currency: request.currency.code().to_owned(),
        principal_total: priced.fees.principal_total.into(),
        fees: QuoteFees {
            components: priced
                .fees
                .components
                .iter()
                .cloned()
                .map(Into::into)
                .collect(),
            total: priced.fees.total.into(),
            contingent: priced
                .fees
                .contingent
                .iter()
                .cloned()
                .map(Into::into)
                .collect(),
        },
        interest: law.interest.as_ref().map(interest_view),
        compensation: law
            .compensation
            .as_ref()
            .map(|compensation| QuoteCompensation {
                total: compensation.total.into(),
                lines: compensation
                    .lines
                    .iter()
                    .map(|line| QuoteCompensationLine {
                        invoice: line.invoice,
                        amount: line.amount.into(),
                        unit: unit_name(line.unit).to_owned(),
                        legal_basis: line.legal_basis.to_owned(),
                    })
                    .collect(),
            }),
        collection_costs: law
            .collection_costs
            .as_ref()
            .map(|costs| QuoteCollectionCosts {
                recoverable: true,
                basis: costs.basis.to_owned(),
                summary: collection_costs_line(&costs.rule).summary,
                scale_amount: costs.scale_amount.map(Into::into),
                beyond_compensation: costs.beyond_compensation.map(Into::into),
                legal_basis: costs.rule.legal_basis.to_owned(),
                note: costs.rule.note.to_owned(),
            }),
        invoices: law.invoices.iter().map(invoice_view).collect(),
        gaps: law
            .gaps
            .iter()
            .map(|gap| QuoteGap {
                topic: gap.topic.into(),
                invoices: gap.invoices.clone(),
                reason: gap.reason.clone(),
            })
            .collect(),
    }
}

fn interest_view(interest: &app::QuoteInterest) -> QuoteInterest {
    QuoteInterest {
        total: interest.total.into(),
        provisional: interest.provisional,
        lines: interest
            .lines
            .iter()
            .map(|line| QuoteInterestLine {
                invoice: line.invoice,
                from: line.line.from,
                to: line.line.to,
                days: line.line.days,
                base: line.line.base.into(),
                rate: line.line.rate_percent.normalize().to_string(),
                amount: line.line.amount.into(),
                legal_basis: line.line.legal_basis.clone(),
                provisional: line.line.provisional,
            })
            .collect(),
    }
}

fn invoice_view(invoice: &app::QuoteInvoiceEstimate) -> QuoteInvoiceEstimate {
    QuoteInvoiceEstimate {
        index: invoice.index,
        amount: invoice.amount.into(),
        due_date: invoice.due_date,
        days_overdue: invoice.days_overdue,
        interest: invoice.interest.map(Into::into),
        compensation: invoice.compensation.map(Into::into),
        prescription: invoice
            .prescription
            .as_ref()
            .map(|prescription| QuotePrescription {
                deadline: prescription.deadline,
                time_barred: prescription.time_barred,
                applies_to: prescription.applies_to.to_owned(),
                legal_basis: prescription.legal_basis.to_owned(),
            }),
    }
}

fn unit_name(unit: CompensationUnit) -> &'static str {
    match unit {
        CompensationUnit::PerLatePayment => "per_late_payment",
        CompensationUnit::PerClaim => "per_claim",
        CompensationUnit::OncePerDefault => "once_per_default",
    }
}
