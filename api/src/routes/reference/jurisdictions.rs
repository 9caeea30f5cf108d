//! `/v1/jurisdictions`: what Solvo knows about each jurisdiction's B2B collection law.

use actix_web::{HttpResponse, get, web};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_domain::allocation::AllocationRule;
use solvo_domain::country::CountryCode;
use solvo_domain::interest::InterestRule;
use solvo_domain::jurisdiction::{
    self, CollectionCostRule, JurisdictionCode, RecoveryCompensation,
};
use solvo_domain::prescription::PrescriptionRule;
use utoipa::{IntoParams, ToSchema};

use super::summary::{RuleSummaries, RuleTopicName, summaries};
use super::{ReferenceListParams, page_of};
use crate::auth::Caller;
use crate::error::ApiError;

/// A jurisdiction in the list: who it is and, topic by topic, what Solvo knows.
#[derive(Debug, Serialize, ToSchema)]
pub struct JurisdictionSummary {
    /// ISO 3166 code: a country (`DE`) or a subdivision where the law differs (`GB-SCT`, `US-NY`).
    #[schema(value_type = solvo_app::wire_names::JurisdictionCodeName, example = "DE")]
    pub code: String,
    /// English name.
    #[schema(example = "Germany")]
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    #[schema(value_type = solvo_app::wire_names::CountryCodeName, example = "DE")]
    pub country: String,
    /// The subdivision part of the code, if any (`SCT` for `GB-SCT`).
    pub subdivision: Option<String>,
    /// ISO 4217 code of the local currency.
    #[schema(value_type = solvo_app::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
    /// Official languages (BCP 47 primary tags), the one most used in commerce first.
    pub languages: Vec<String>,
    /// One summary per topic.
    pub rules: RuleSummaries,
}

/// A page of jurisdictions, ordered by code.
#[derive(Debug, Serialize, ToSchema)]
pub struct JurisdictionList {
    /// This page.
    pub data: Vec<JurisdictionSummary>,
    /// Cursor of the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// A rule, or part of one, that Solvo leaves out because no primary source confirms it.
#[derive(Debug, Serialize, ToSchema)]
pub struct JurisdictionGap {
    /// The topic affected.
    pub topic: RuleTopicName,
    /// What is missing and why.
    pub reason: String,
}

/// The full record of a jurisdiction: every rule with its legal basis, and what is not known.
///
/// The rule lists are the domain records as they are (see the summaries in `rules` for a
/// sentence each); an empty list or `null` means "not available", never "none": see `gaps`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Jurisdiction {
    /// ISO 3166 code.
    #[schema(value_type = solvo_app::wire_names::JurisdictionCodeName, example = "DE")]
    pub code: String,
    /// English name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    #[schema(value_type = solvo_app::wire_names::CountryCodeName)]
    pub country: String,
    /// The subdivision part of the code, if any.
    pub subdivision: Option<String>,
    /// ISO 4217 code of the local currency.
    #[schema(value_type = solvo_app::wire_names::CurrencyCode)]
    pub currency: String,
    /// Official languages (BCP 47 primary tags).
    pub languages: Vec<String>,
    /// One summary per topic.
    pub rules: RuleSummaries,
    /// Statutory interest rules (rate formula over a reference series or a fixed rate, fixing of
    /// the reference rate, compounding, day count, the claims each covers by date, legal basis).
    #[schema(value_type = Vec<Object>)]
    pub interest: &'static [InterestRule],
    /// Fixed recovery-cost compensation rules (flat or banded amount, unit, validity, legal basis).
    #[schema(value_type = Vec<Object>)]
    pub recovery_compensation: &'static [RecoveryCompensation],
    /// Further collection costs chargeable to a business debtor (statutory scale or reasonable
    /// costs), with legal basis.
    #[schema(value_type = Option<Object>)]
    pub collection_costs: Option<CollectionCostRule>,
    /// Order of applying part payments (`order.tiers`, `order.unranked`, invoice order), with
    /// legal basis.
    #[schema(value_type = Option<Object>)]
    pub allocation: Option<AllocationRule>,
    /// Prescription rules, the general one for B2B invoices first (period, start, what each event
    /// does, legal basis).
    #[schema(value_type = Vec<Object>)]
    pub prescription: &'static [PrescriptionRule],
    /// What is left out and why.
    pub gaps: Vec<JurisdictionGap>,
}

impl From<&jurisdiction::Jurisdiction> for JurisdictionSummary {
    fn from(record: &jurisdiction::Jurisdiction) -> Self {
        Self {
            code: record.code.to_string(),
            name: record.name.to_owned(),
            country: record.code.country().to_owned(),
            subdivision: record.code.subdivision().map(ToOwned::to_owned),
            currency: record.currency_code.to_owned(),
            languages: record.languages.iter().map(|l| (*l).to_owned()).collect(),
            rules: summaries(record),
        }
    }
}

impl From<&'static jurisdiction::Jurisdiction> for Jurisdiction {
    fn from(record: &'static jurisdiction::Jurisdiction) -> Self {
        let summary = JurisdictionSummary::from(record);
        Self {
            code: summary.code,
            name: summary.name,
            country: summary.country,
            subdivision: summary.subdivision,
            currency: summary.currency,
            languages: summary.languages,
            rules: summary.rules,
            interest: record.interest,
            recovery_compensation: record.recovery_compensation,
            collection_costs: record.collection_costs,
            allocation: record.allocation,
            prescription: record.prescription,
            gaps: record
                .gaps
                .iter()
                .map(|gap| JurisdictionGap {
                    topic: gap.topic.into(),
                    reason: gap.reason.to_owned(),
                })
                .collect(),
        }
    }
}

/// Filters of the jurisdiction list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JurisdictionFilter {
    /// Only the jurisdictions of this ISO 3166-1 alpha-2 country (`US` gives `US-CA`, `US-NY`).
    #[param(example = "US", value_type = Option<solvo_app::wire_names::CountryCodeName>)]
    pub country: Option<String>,
}

/// Lists every jurisdiction Solvo has rules for, with a summary of each rule.
#[utoipa::path(
    tag = "reference",
    operation_id = "list_jurisdictions",
    params(ReferenceListParams, JurisdictionFilter),
    responses((status = 200, description = "A page of jurisdictions", body = JurisdictionList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/jurisdictions")]
pub async fn list_jurisdictions(
    _caller: Caller,
    params: web::Query<ReferenceListParams>,
    filter: web::Query<JurisdictionFilter>,
) -> Result<HttpResponse, ApiError> {
    let country = match filter.into_inner().country {
        Some(raw) => Some(
            CountryCode::parse(&raw)
                .map_err(|err| AppError::invalid("country", "invalid_country", err.to_string()))?,
        ),
        None => None,
    };
    let records: Vec<&jurisdiction::Jurisdiction> = jurisdiction::all()
        .iter()
        .filter(|record| country.is_none_or(|c| record.code.country() == c.as_str()))
        .collect();
    let page = page_of(records, &params, |record| record.code.to_string())?;
    Ok(HttpResponse::Ok().json(JurisdictionList {
        data: page
            .items
            .into_iter()
            .map(JurisdictionSummary::from)
            .collect(),
        next_cursor: page.next_cursor,
    }))
}

/// Reads the full record of a jurisdiction, every rule with its legal basis.
///
/// The code is read in any case. `GB` alone stands for England and Wales and answers the
/// `GB-ENG` record (its `code` says so); `US`, `CA` and `AU` alone name no jurisdiction (their
/// law differs by state or province) and, like a code Solvo has no rules for, answer 404.
#[utoipa::path(
    tag = "reference",
    operation_id = "get_jurisdiction",
    params(("code" = String, Path, description = "ISO 3166 code, e.g. `DE`, `GB-SCT`, `us-ny`", example = "DE")),
    responses((status = 200, description = "The jurisdiction", body = Jurisdiction)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/jurisdictions/{code}")]
pub async fn get_jurisdiction(
    _caller: Caller,
    code: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let record = JurisdictionCode::parse(&code)
        .ok()
        .and_then(jurisdiction::find)
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok().json(Jurisdiction::from(record)))
}
