//! The OpenAPI document: generated from the handlers' `#[utoipa::path]` attributes, finished with
//! the security schemes and the error responses every operation can give. `solvo openapi`, the
//! served `/openapi.json` and the committed `openapi/openapi.json` all come from [`document`].

use actix_web::App;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, OpenApi as OpenApiDoc, Ref, RefOr, Response, ResponseBuilder,
};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::error::{FieldError, PROBLEM_JSON, Problem};
use crate::routes;
use solvo_app::events::payload::{
    CaseEventData, EndpointDisabledData, FeeInvoiceEventData, PaymentEventData,
    RemittanceEventData, WebhookTestData, data_schema,
};
use solvo_domain::webhook::EventType;

/// The static part of the document.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Solvo API",
        description = "B2B credit collection: creditors place unpaid invoices, collectors work the cases, debtors pay, creditors are told by webhook.\n\nErrors are RFC 9457 `application/problem+json`. Lists take `limit` and `cursor`. Authenticate with `Authorization: Bearer <access token>` (people) or `Authorization: Bearer sk_…` (API keys for ERPs).",
        license(name = "AGPL-3.0-or-later")
    ),
    components(schemas(Problem, FieldError, CaseEventData, PaymentEventData, RemittanceEventData, FeeInvoiceEventData, EndpointDisabledData, WebhookTestData, crate::routes::format::JsonOrPdf, crate::routes::format::JsonOrCsv, crate::routes::portal::plans::PlanRequestStatus, crate::routes::portal::plans::ClaimStatus, solvo_app::wire_names::RateSeriesId)),
    modifiers(&SecuritySchemes, &EventSchemas),
    tags(
        (name = "identity", description = "Login, sessions, organisations, users and API keys"),
        (name = "intake", description = "Debtors, case placement (single, bulk, CSV) and fee quotes"),
        (name = "tracking", description = "Cases, balances, timelines, creditor instructions and disputes"),
        (name = "collection", description = "Assessments, the activity log and the work queue of collectors"),
        (name = "money", description = "Payments, their allocation onto the ledger, reversals, promises to pay, payment plans, remittances to creditors and the agency's fee invoices"),
        (name = "webhooks", description = "Webhook endpoints (Standard Webhooks signatures), their deliveries, retries and replays, and the event feed"),
        (name = "collaboration", description = "Messages and documents on a case"),
        (name = "portal", description = "The debtor portal: access codes for letters, debtor sessions, and what a debtor sees and does about their own cases"),
        (name = "reference", description = "Jurisdictions, reference rates and the case state machine"),
        (name = "operations", description = "Health, metrics and the scheduler's jobs"),
        (name = "sandbox", description = "The test clock of a server started with `--test-clock`; never in production"),
    )
)]
struct ApiDoc;

struct SecuritySchemes;

/// One schema per event type (`PaymentReceivedEvent`, …) with its `type` fixed and its `data`
/// exact, and `Event`, one of them by `type`: what a webhook delivers and the feed lists.
struct EventSchemas;

impl Modify for EventSchemas {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        use utoipa::openapi::schema::{
            Discriminator, KnownFormat, ObjectBuilder, OneOfBuilder, SchemaFormat, Type,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        let string = || ObjectBuilder::new().schema_type(Type::String);
        let mut one_of = OneOfBuilder::new();
        let mut mapping = Vec::new();
        for kind in EventType::ALL {
            let name = format!("{}Event", pascal_case(kind.as_str()));
            let schema = ObjectBuilder::new()
                .description(Some(format!("A `{}` event.", kind.as_str())))
                .property(
                    "id",
                    string().description(Some("`evt_…`, also the `webhook-id`")),
                )
                .property("type", string().enum_values(Some([kind.as_str()])))
                .property(
                    "created_at",
                    string().format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime))),
                )
                .property("organisation_id", string())
                .property("data", Ref::from_schema_name(data_schema(*kind)))
                .required("id")
                .required("type")
                .required("created_at")
                .required("organisation_id")
                .required("data")
                .build();
            components.schemas.insert(name.clone(), schema.into());
            mapping.push((kind.as_str(), format!("#/components/schemas/{name}")));
            one_of = one_of.item(Ref::from_schema_name(name));
        }
        let event = one_of
            .description(Some("Any event, told apart by `type`."))
            // The mapping names each `type` value's schema: without it, a discriminator's
            // values are the schema names (OpenAPI 3.1 s.4.8.25), not `payment.received`.
            .discriminator(Some(Discriminator::with_mapping("type", mapping)))
            .build();
        components.schemas.insert(
            "Event".to_owned(),
            utoipa::openapi::Schema::OneOf(event).into(),
        );
    }
}

/// The request bodies that are one of several shapes told apart by a tag, whose Rust enums deny
/// unknown fields (`#[serde(deny_unknown_fields)]`): utoipa closes a struct's object but not an
/// enum variant's, so each variant's object is closed here, as the server reads it.
struct ClosedVariants;

impl Modify for ClosedVariants {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        use utoipa::openapi::RefOr;
        use utoipa::openapi::schema::{AdditionalProperties, Schema};
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        for name in ["ClaimDecisionInput", "PlanRequestDecision"] {
            if let Some(RefOr::T(Schema::OneOf(one_of))) = components.schemas.get_mut(name) {
                for item in &mut one_of.items {
                    if let RefOr::T(Schema::Object(object)) = item {
                        object.additional_properties =
                            Some(Box::new(AdditionalProperties::FreeForm(false)));
                    }
                }
            }
        }
    }
}

/// Member names for an enum whose values differ only in punctuation, in the `x-enum-varnames`
/// extension that client generators read: openapi-python-client otherwise derives `DD_MM_YYYY`
/// from both `DD.MM.YYYY` and `DD-MM-YYYY`, keeps one, and its client then refuses the answer of
/// an import that names the other.
struct EnumMemberNames;

impl Modify for EnumMemberNames {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        use solvo_app::cases::csv_import::dates::DateFormat;
        use utoipa::openapi::Schema;
        let member = |format: DateFormat| match format {
            DateFormat::Iso => "ISO",
            DateFormat::Dotted => "DOTTED",
            DateFormat::Slashed => "SLASHED",
            DateFormat::Dashed => "DASHED",
        };
        let formats = [
            DateFormat::Iso,
            DateFormat::Dotted,
            DateFormat::Slashed,
            DateFormat::Dashed,
        ];
        let Some(RefOr::T(Schema::Object(object))) = openapi
            .components
            .as_mut()
            .and_then(|components| components.schemas.get_mut("DateFormat"))
        else {
            return;
        };
        // In the order of the schema's values, which is how generators pair them; a value
        // without a name leaves the extension out rather than pairing names wrongly.
        let names: Option<Vec<&str>> = object
            .enum_values
            .iter()
            .flatten()
            .map(|value| {
                formats
                    .into_iter()
                    .find(|format| value.as_str() == Some(format.label()))
                    .map(member)
            })
            .collect();
        if let Some(names) = names {
            object
                .extensions
                .get_or_insert_with(Default::default)
                .insert("x-enum-varnames".to_owned(), serde_json::json!(names));
        }
    }
}

/// `payment_plan.agreed` -> `PaymentPlanAgreed`.
fn pascal_case(name: &str) -> String {
    name.split(['.', '_'])
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer_jwt",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("Access token from POST /v1/auth/token (15 minutes)."))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("sk_…")
                    .description(Some(
                        "API key from POST /v1/api-keys, sent as a bearer token.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "portal_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "A debtor's portal token from POST /v1/portal/session (one hour); refused outside /v1/portal/.",
                    ))
                    .build(),
            ),
        );
    }
}

/// The complete document.
#[must_use]
pub fn document() -> OpenApiDoc {
    let (_app, mut doc) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes::configure)
        .split_for_parts();
    add_error_responses(&mut doc);
    // After the routes are in: the schemas they name are collected from them.
    EnumMemberNames.modify(&mut doc);
    // After the routes' schemas are in: the modifiers of `ApiDoc` run before them.
    ClosedVariants.modify(&mut doc);
    doc
}

/// The document as the pretty JSON that is committed.
///
/// # Errors
/// Only if serialisation fails, which is a bug.
pub fn document_json() -> anyhow::Result<String> {
    Ok(format!("{}\n", document().to_pretty_json()?))
}

/// Adds the problem responses that the shared extractors produce, so that each operation lists
/// what it can really answer: 401/403 where credentials are needed, 400/413/415/422 where a body
/// is read, 404 where the path names a resource, 422 for query strings, 500/503 everywhere.
fn add_error_responses(doc: &mut OpenApiDoc) {
    for (path, item) in &mut doc.paths.paths {
        let names_resource = path.contains('{');
        let operations = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            add_to_operation(operation, names_resource);
        }
    }
}

fn add_to_operation(operation: &mut Operation, names_resource: bool) {
    let authenticated = operation.security.as_ref().is_some_and(|requirements| {
        requirements
            .iter()
            .any(|req| *req != SecurityRequirement::default())
    });
    let has_body = operation.request_body.is_some();
    let has_query = operation.parameters.as_ref().is_some_and(|params| {
        params.iter().any(|param| {
            matches!(
                param.parameter_in,
                utoipa::openapi::path::ParameterIn::Query
            )
        })
    });
    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.to_owned())
            .or_insert_with(|| problem_response(description));
    };
    if authenticated {
        add("401", "Missing, malformed, expired or revoked credentials");
        add("403", "The caller's role may not do this");
    }
    if has_body {
        add("400", "The body is not valid JSON");
        add("413", "The body is too large");
        add(
            "415",
            "The body's media type is not one this operation accepts",
        );
        add(
            "422",
            "A field has the wrong type or fails validation; `errors` names each",
        );
    } else if has_query {
        add("422", "A query parameter is invalid; `errors` names it");
    }
    if names_resource {
        add(
            "404",
            "No such resource (another organisation's resources answer the same)",
        );
    }
    add("500", "Unexpected error; logged with the request id");
    add("503", "The database is unavailable; retry later");
}

fn problem_response(description: &str) -> RefOr<Response> {
    RefOr::T(
        ResponseBuilder::new()
            .description(description)
            .content(
                PROBLEM_JSON,
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("Problem")))
                    .build(),
            )
            .build(),
    )
}
