//! The shape of an event as subscribers receive it: the envelope (`id`, `type`, `created_at`,
//! `data`), and the `data` of each kind. What a case event carries is what the creditor sees of
//! the case through the API: no fee terms, no notes of the agency.

use serde::Serialize;
use serde_json::Value;
use solvo_domain::money::{Currency, Money};
use solvo_persistence::repositories::case_events::CaseEventRow;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::events::EventRow;
use utoipa::ToSchema;

use crate::clock::rfc3339;
use crate::error::AppError;

/// An event as delivered and as the feed lists it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Envelope {
    /// `evt_…`: also the `webhook-id` of every delivery, retry and replay of it.
    pub id: String,
    /// The event type, e.g. `payment.received`.
    #[serde(rename = "type")]
    #[schema(value_type = EventTypeName)]
    pub kind: String,
    /// RFC 3339 time of the change.
    pub created_at: String,
    /// The creditor organisation it belongs to.
    pub organisation_id: String,
    /// What happened: a case event's `case` and `timeline_event`; a payment's `payment` and
    /// `outstanding`; a remittance's or fee invoice's summary.
    #[schema(value_type = Object)]
    pub data: Value,
}

impl Envelope {
    /// The envelope of a stored event.
    ///
    /// # Errors
    /// [`AppError::Corrupt`] when its data is not JSON.
    pub fn of(row: &EventRow) -> Result<Self, AppError> {
        Ok(Self {
            id: row.id.clone(),
            kind: row.event_type.clone(),
            created_at: rfc3339(row.created_at),
            organisation_id: row.organisation_id.clone(),
            data: serde_json::from_str(&row.data)
                .map_err(|err| AppError::corrupt("event", &row.id, err))?,
        })
    }

    /// The body a webhook delivers: this envelope as JSON.
    ///
    /// # Errors
    /// Never in practice: a `Value` always serialises.
    pub fn body(&self) -> Result<Vec<u8>, AppError> {
        serde_json::to_vec(self).map_err(|err| AppError::internal(err.to_string()))
    }
}

/// The catalogue of event types, as an OpenAPI enum built from the domain's one list.
pub struct EventTypeName;

impl utoipa::PartialSchema for EventTypeName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        let names: Vec<&str> = solvo_domain::webhook::EventType::ALL
            .iter()
            .map(|kind| kind.as_str())
            .collect();
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(names))
            .description(Some(
                "An event type. Case events (`case.*`, `promise.*`, `payment_plan.*`, \
                 `dispute.*`, `legal.decision_requested`, `message.created`, `document.added`, \
                 `prescription.warning`, `payment.reversed`) carry `CaseEventData`; \
                 `payment.received` carries `PaymentEventData`; `remittance.created` \
                 `RemittanceEventData`, `fee_invoice.issued` `FeeInvoiceEventData`, \
                 `webhook_endpoint.disabled` the endpoint and the reason; `webhook.test` is sent \
                 only by the test endpoint.",
            ))
            .into()
    }
}

impl ToSchema for EventTypeName {}

/// A case as an event shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
// Named apart from the case list's `CaseEventSummary` (another shape), which would otherwise take
// its place in the document.
#[schema(as = EventCase)]
pub struct CaseEventSummary {
    /// `case_…`
    pub id: String,
    /// The creditor organisation.
    pub organisation_id: String,
    /// Installation-wide case number.
    pub case_number: i64,
    /// ISO 11649 creditor reference for payments.
    pub rf_reference: String,
    /// The creditor's reference.
    pub creditor_reference: String,
    /// The debtor.
    pub debtor_id: String,
    /// State after the change.
    #[schema(value_type = crate::wire_names::CaseStateName)]
    pub state: String,
    /// Outcome once closed.
    #[schema(value_type = Option<crate::wire_names::CaseOutcome>)]
    pub outcome: Option<String>,
    /// Jurisdiction code.
    #[schema(value_type = crate::wire_names::JurisdictionCodeName)]
    pub jurisdiction: String,
    /// ISO 4217 currency.
    #[schema(value_type = crate::wire_names::CurrencyCode)]
    pub currency: String,
    /// Assigned collector's user id.
    pub collector_id: Option<String>,
    /// Version after the change.
    pub version: i64,
}

impl From<&CaseRow> for CaseEventSummary {
    fn from(case: &CaseRow) -> Self {
        Self {
            id: case.id.clone(),
            organisation_id: case.organisation_id.clone(),
            case_number: case.case_number,
            rf_reference: case.rf_reference.clone(),
            creditor_reference: case.creditor_reference.clone(),
            debtor_id: case.debtor_id.clone(),
            state: case.state.as_str().to_owned(),
            outcome: case.outcome.map(|outcome| outcome.as_str().to_owned()),
            jurisdiction: case.jurisdiction.as_str().to_owned(),
            currency: case.currency.code().to_owned(),
            collector_id: case.collector_id.clone(),
            version: case.version,
        }
    }
}

/// The timeline entry a case event comes from, as `GET /v1/cases/{id}/timeline` shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TimelineEntry {
    /// The timeline event's id (`evt_…`, the timeline's own).
    pub id: String,
    /// What happened, e.g. `placed`, `assign`, `record_payment`.
    #[schema(value_type = crate::wire_names::TimelineKindName)]
    pub kind: String,
    /// RFC 3339.
    #[schema(format = DateTime)]
    pub occurred_at: String,
    /// State before.
    #[schema(value_type = Option<crate::wire_names::CaseStateName>)]
    pub state_before: Option<String>,
    /// State after.
    #[schema(value_type = Option<crate::wire_names::CaseStateName>)]
    pub state_after: Option<String>,
    /// The entry's details.
    #[schema(value_type = Object)]
    pub detail: Value,
}

/// The `data` of an event about a case: the case after the change and the timeline entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CaseEventData {
    /// The case after the change.
    pub case: CaseEventSummary,
    /// The timeline entry.
    pub timeline_event: TimelineEntry,
}

impl CaseEventData {
    /// The data of `row` on `case`.
    #[must_use]
    pub fn new(case: &CaseRow, row: &CaseEventRow) -> Self {
        Self {
            case: CaseEventSummary::from(case),
            timeline_event: TimelineEntry {
                id: row.id.clone(),
                kind: row.kind.clone(),
                occurred_at: rfc3339(row.occurred_at),
                state_before: row.state_before.clone(),
                state_after: row.state_after.clone(),
                detail: serde_json::from_str(&row.detail).unwrap_or(Value::Null),
            },
        }
    }
}

/// A payment as its confirmation shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PaymentConfirmation {
    /// `pay_…`
    pub id: String,
    /// `agency` (into the collection account) or `creditor` (reported as paid directly).
    #[schema(value_type = crate::payments::input::ReceivedBy)]
    pub received_by: String,
    /// The amount, a decimal string.
    pub amount: String,
    /// ISO 4217.
    #[schema(value_type = crate::wire_names::CurrencyCode)]
    pub currency: String,
    /// The day the money counts from.
    pub value_date: chrono::NaiveDate,
    /// `bank_transfer`, `card`, `cash`, …
    #[schema(value_type = crate::payments::input::PaymentMethod)]
    pub method: String,
    /// Where it went, in the order applied.
    pub allocation: Vec<AllocatedAmount>,
    /// What no debt took, held for the debtor.
    pub unapplied: String,
}

/// One part of a payment's allocation.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AllocatedAmount {
    /// The creditor's invoice number.
    pub invoice_number: String,
    /// `costs`, `compensation`, `interest` or `principal`.
    #[schema(value_type = crate::wire_names::LedgerAccount)]
    pub account: String,
    /// The amount applied, a decimal string.
    pub amount: String,
}

/// The `data` of `payment.received`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PaymentEventData {
    /// The case after the payment.
    pub case: CaseEventSummary,
    /// The payment and its allocation.
    pub payment: PaymentConfirmation,
    /// What the debtor still owes on the case as of the value date, a decimal string.
    pub outstanding: String,
}

impl PaymentEventData {
    /// The confirmation of `payment` on `case`, leaving `outstanding`.
    #[must_use]
    pub fn new(
        case: &CaseRow,
        payment: &crate::payments::view::PaymentRecord,
        outstanding: solvo_domain::money::Money,
    ) -> Self {
        Self {
            case: CaseEventSummary::from(case),
            payment: PaymentConfirmation {
                id: payment.row.id.clone(),
                received_by: payment.row.received_by.clone(),
                amount: payment.amount.amount_string(),
                currency: payment.row.currency.code().to_owned(),
                value_date: payment.row.value_date,
                method: payment.row.method.clone(),
                allocation: payment
                    .allocation
                    .iter()
                    .map(|line| AllocatedAmount {
                        invoice_number: line.invoice_number.clone(),
                        account: line.account.as_str().to_owned(),
                        amount: line.amount.amount_string(),
                    })
                    .collect(),
                unapplied: payment.unapplied.amount_string(),
            },
            outstanding: outstanding.amount_string(),
        }
    }
}

/// A stored minor-unit amount as the decimal string the API shows.
fn decimal(minor: i64, currency: Currency) -> String {
    Money::from_minor(minor, currency).amount_string()
}

/// A remittance statement as its event shows it; amounts are decimal strings.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RemittanceEventSummary {
    /// `rem_…`
    pub id: String,
    /// The creditor paid.
    pub organisation_id: String,
    /// ISO 4217.
    #[schema(value_type = crate::wire_names::CurrencyCode)]
    pub currency: String,
    /// The last day the statement covers.
    pub period_end: chrono::NaiveDate,
    /// Money received on the creditor's cases.
    pub collected: String,
    /// Compensation and costs recovered, the agency's.
    pub costs: String,
    /// Overpayments held for debtors.
    pub unapplied: String,
    /// The success commission withheld.
    pub commission: String,
    /// What the creditor is paid.
    pub net: String,
    /// RFC 3339.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// The `data` of `remittance.created`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RemittanceEventData {
    /// The statement's totals (its lines: `GET /v1/remittances/{id}`).
    pub remittance: RemittanceEventSummary,
}

impl RemittanceEventData {
    /// The data of a stored statement.
    ///
    /// # Errors
    /// [`AppError`] for an unreadable currency.
    pub fn new(
        row: &solvo_persistence::repositories::remittances::RemittanceRow,
    ) -> Result<Self, AppError> {
        let c = row.currency;
        Ok(Self {
            remittance: RemittanceEventSummary {
                id: row.id.clone(),
                organisation_id: row.organisation_id.clone(),
                currency: row.currency.code().to_owned(),
                period_end: row.period_end,
                collected: decimal(row.collected_minor, c),
                costs: decimal(row.costs_minor, c),
                unapplied: decimal(row.unapplied_minor, c),
                commission: decimal(row.commission_minor, c),
                net: decimal(row.net_minor, c),
                created_at: rfc3339(row.created_at),
            },
        })
    }
}

/// A fee invoice or credit note as its event shows it; amounts are decimal strings.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeInvoiceEventSummary {
    /// `fin_…`
    pub id: String,
    /// The creditor billed.
    pub organisation_id: String,
    /// `invoice` or `credit_note`.
    #[schema(value_type = crate::wire_names::FeeDocumentKind)]
    pub kind: String,
    /// `INV-2026-000042`, `CRN-2026-000003`.
    pub number: String,
    /// For a credit note, the invoice it cancels.
    pub credits_id: Option<String>,
    /// ISO 4217.
    #[schema(value_type = crate::wire_names::CurrencyCode)]
    pub currency: String,
    /// The day of issue.
    pub issue_date: chrono::NaiveDate,
    /// Sum of the lines.
    pub net: String,
    /// VAT.
    pub vat: String,
    /// Net plus VAT.
    pub total: String,
    /// Commission already withheld from remittances.
    pub withheld: String,
    /// What the creditor pays.
    pub amount_due: String,
}

/// The `data` of `fee_invoice.issued`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeeInvoiceEventData {
    /// The figures (the document: `GET /v1/fee-invoices/{id}`, also as PDF).
    pub fee_invoice: FeeInvoiceEventSummary,
}

impl FeeInvoiceEventData {
    /// The data of a stored invoice or credit note.
    ///
    /// # Errors
    /// [`AppError`] for an unreadable row.
    pub fn new(
        row: &solvo_persistence::repositories::fee_invoices::FeeInvoiceRow,
    ) -> Result<Self, AppError> {
        use crate::fee_invoices::figures;
        let c = row.currency;
        Ok(Self {
            fee_invoice: FeeInvoiceEventSummary {
                id: row.id.clone(),
                organisation_id: row.organisation_id.clone(),
                kind: figures::kind(row)?.as_str().to_owned(),
                number: figures::number(row)?,
                credits_id: row.credits_id.clone(),
                currency: row.currency.code().to_owned(),
                issue_date: row.issue_date,
                net: decimal(row.net_minor, c),
                vat: decimal(row.vat_minor, c),
                total: decimal(figures::total_minor(row)?, c),
                withheld: decimal(row.withheld_minor, c),
                amount_due: decimal(figures::amount_due_minor(row)?, c),
            },
        })
    }
}

/// The `data` of `webhook_endpoint.disabled`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EndpointDisabledData {
    /// The endpoint disabled.
    pub endpoint_id: String,
    /// Its URL.
    pub url: String,
    /// Why: a 410 Gone, or every delivery failing for five days.
    pub reason: String,
}

/// The `data` of `webhook.test`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WebhookTestData {
    /// The endpoint tested.
    pub endpoint_id: String,
    /// A fixed sentence.
    pub message: String,
}

/// The name of the OpenAPI schema of each event type's `data`, so the document can describe
/// every type exactly.
#[must_use]
pub fn data_schema(kind: solvo_domain::webhook::EventType) -> &'static str {
    use solvo_domain::webhook::EventType as E;
    match kind {
        E::CaseCreated
        | E::CaseStateChanged
        | E::CaseAssigned
        | E::CaseClosed
        | E::PaymentReversed
        | E::PromiseCreated
        | E::PromiseKept
        | E::PromiseBroken
        | E::PaymentPlanAgreed
        | E::PaymentPlanDefaulted
        | E::DisputeRaised
        | E::DisputeResolved
        | E::LegalDecisionRequested
        | E::MessageCreated
        | E::DocumentAdded
        | E::PrescriptionWarning => "CaseEventData",
        E::PaymentReceived => "PaymentEventData",
        E::RemittanceCreated => "RemittanceEventData",
        E::FeeInvoiceIssued => "FeeInvoiceEventData",
        E::WebhookEndpointDisabled => "EndpointDisabledData",
        E::WebhookTest => "WebhookTestData",
    }
}
