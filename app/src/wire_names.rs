//! The domain's closed sets as OpenAPI enums, each built from the domain's one list of values, so
//! the document cannot drift from what the server accepts and answers. The domain crate has no
//! utoipa: these marker types stand for the domain types in `#[schema(value_type = ...)]`, the
//! fields themselves keep the text the domain spells (`as_str`).

use solvo_domain::allocation::Component;
use solvo_domain::case::{CommandName, Instruction, Outcome, ResumableState, StateName};
use solvo_domain::country::CountryCode;
use solvo_domain::invoicing::{DocumentKind, LineSource};
use solvo_domain::jurisdiction;
use solvo_domain::ledger::Account;
use solvo_domain::money::Currency;
use solvo_domain::rates::RateSeries;
use solvo_domain::webhook::EventType;
use utoipa::openapi::schema::{Schema, Type};
use utoipa::openapi::{ObjectBuilder, RefOr};
use utoipa::{PartialSchema, ToSchema};

/// Defines a marker type whose schema is the string enum of `$values`, named `$name` in the
/// document's components.
macro_rules! wire_enum {
    ($(#[$meta:meta])* $marker:ident, $description:literal, $values:expr) => {
        $(#[$meta])*
        pub struct $marker;

        impl PartialSchema for $marker {
            fn schema() -> RefOr<Schema> {
                let names: Vec<_> = $values;
                let names: Vec<serde_json::Value> = names.into_iter().map(Into::into).collect();
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(names))
                    .description(Some($description))
                    .into()
            }
        }

        impl ToSchema for $marker {}
    };
}

wire_enum!(
    /// [`RateSeries`] on the wire.
    RateSeriesId,
    "A reference-rate series (`GET /v1/reference-rates`).",
    RateSeries::ALL.iter().map(|series| series.id()).collect()
);

wire_enum!(
    /// [`StateName`] on the wire.
    CaseStateName,
    "The name of a case state (`GET /v1/case-states` describes each).",
    StateName::ALL.iter().map(|state| state.as_str()).collect()
);

wire_enum!(
    /// [`ResumableState`] on the wire.
    ResumableStateName,
    "A state a paused or disputed case returns to.",
    ResumableState::ALL
        .iter()
        .map(|state| state.state().name().as_str())
        .collect()
);

wire_enum!(
    /// [`CommandName`] on the wire.
    CaseCommandName,
    "The name of a command of the case state machine (`GET /v1/case-states`).",
    CommandName::ALL.iter().map(|command| command.as_str()).collect()
);

wire_enum!(
    /// [`Outcome`] on the wire.
    CaseOutcome,
    "How a closed case ended.",
    Outcome::ALL.iter().map(|outcome| outcome.as_str()).collect()
);

wire_enum!(
    /// [`Account`] on the wire.
    LedgerAccount,
    "An account of a case's ledger.",
    Account::ALL.iter().map(|account| account.as_str()).collect()
);

wire_enum!(
    /// [`Instruction`] on the wire.
    InstructionName,
    "An instruction a creditor or collector sends (`POST /v1/cases/{id}/instructions`).",
    Instruction::ALL.iter().map(|instruction| instruction.as_str()).collect()
);

wire_enum!(
    /// [`Component`] on the wire.
    AllocationComponent,
    "A part of what an invoice owes, as an allocation order names it.",
    Component::ALL.iter().map(|component| component.as_str()).collect()
);

/// Every jurisdiction's code, as the registry spells it.
fn jurisdiction_codes() -> Vec<String> {
    jurisdiction::all()
        .iter()
        .map(|record| record.code.to_string())
        .collect()
}

wire_enum!(
    /// A jurisdiction's code on the wire.
    JurisdictionCodeName,
    "An ISO 3166 code of a jurisdiction Solvo has rules for: a country (`DE`) or a subdivision \
     where the law differs (`GB-SCT`, `US-NY`).",
    jurisdiction_codes()
);

wire_enum!(
    /// [`CountryCode`] on the wire.
    CountryCodeName,
    "An officially assigned ISO 3166-1 alpha-2 country code (the server also reads it in lower \
     case).",
    CountryCode::ASSIGNED.to_vec()
);

wire_enum!(
    /// A collector's coverage country: a [`CountryCode`] or `*`.
    CoverageCountry,
    "An ISO 3166-1 alpha-2 debtor country (the server also reads it in lower case), or `*` for \
     any.",
    std::iter::once("*")
        .chain(CountryCode::ASSIGNED.iter().copied())
        .collect()
);

wire_enum!(
    /// An [`EventType`] an endpoint can subscribe to (every one but `webhook.test`).
    SubscribableEventType,
    "An event type an endpoint can subscribe to (`webhook.test` is sent only by the test \
     endpoint).",
    EventType::subscribable().map(EventType::as_str).collect()
);

/// Every ISO 4217 code [`Currency::parse`] accepts, found by asking it of every three capital
/// letters once, when the document is built, so the list is the parser's own.
fn currency_codes() -> Vec<&'static str> {
    let letters = b'A'..=b'Z';
    letters
        .clone()
        .flat_map(|first| {
            letters
                .clone()
                .flat_map(move |second| (b'A'..=b'Z').map(move |third| [first, second, third]))
        })
        .filter_map(|code| {
            std::str::from_utf8(&code)
                .ok()
                .and_then(|text| Currency::parse(text).ok())
                .map(|currency| currency.code())
        })
        .collect()
}

wire_enum!(
    /// [`Currency`] on the wire.
    CurrencyCode,
    "An ISO 4217 currency code with a minor unit (not XAU, XDR, …), upper case.",
    currency_codes()
);

wire_enum!(
    /// [`TimelineKind`](crate::cases::timeline_kind::TimelineKind) on the wire.
    TimelineKindName,
    "What a timeline event records: `placed`, a command of the case state machine, or something \
     that happened without a change of state (`message_posted`, `promise_kept`, ...).",
    crate::cases::timeline_kind::TimelineKind::names().collect()
);

wire_enum!(
    /// [`DocumentKind`] on the wire.
    FeeDocumentKind,
    "An invoice of the agency's fees, or the credit note that cancels one.",
    [DocumentKind::Invoice, DocumentKind::CreditNote]
        .map(DocumentKind::as_str)
        .to_vec()
);

wire_enum!(
    /// [`LineSource`] on the wire.
    FeeLineSource,
    "What a fee invoice line bills.",
    [
        LineSource::CaseFee,
        LineSource::RemittanceCommission,
        LineSource::DirectPaymentCommission,
    ]
    .map(LineSource::as_str)
    .to_vec()
);
