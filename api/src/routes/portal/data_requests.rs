//! `POST/GET /v1/portal/data-requests` and `GET /v1/portal/data-requests/{id}/export`: a
//! debtor's contact person asks for access to, rectification or erasure of the personal data
//! the agency holds on the debtor's contact persons (GDPR art. 15 to 17), answered within one
//! month (art. 12(3)); agency administrators complete them (`/v1/data-requests`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::clock;
use solvo_app::debtors::ContactInput;
use solvo_app::portal::data_requests::{self, DataRequestRow};
use solvo_domain::portal::language::Language;
use solvo_domain::portal::requests::{self, DataRequestKind};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::debtor::DebtorCaller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::state::AppState;

/// The right exercised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataRequestKindView {
    /// A copy of the personal data held (art. 15 GDPR).
    Access,
    /// Correction of inaccurate personal data (art. 16 GDPR); `text` says what is wrong.
    Rectification,
    /// Erasure of the contact persons' personal data (art. 17 GDPR).
    Erasure,
}

impl From<DataRequestKindView> for DataRequestKind {
    fn from(kind: DataRequestKindView) -> Self {
        match kind {
            DataRequestKindView::Access => Self::Access,
            DataRequestKindView::Rectification => Self::Rectification,
            DataRequestKindView::Erasure => Self::Erasure,
        }
    }
}

/// A data-protection request.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "access", "text": "I am Jan de Vries, accounts payable; please send me the data you hold on me."}))]
pub struct NewDataRequest {
    /// The right exercised.
    pub kind: DataRequestKindView,
    /// Who asks and, for a rectification, what is wrong and what is right; up to 4,000
    /// characters.
    #[validate(length(min = 1, max = 4000))]
    #[schema(
        min_length = 1,
        max_length = 4000,
        example = "I am Jan de Vries, accounts payable; please send me the data you hold on me."
    )]
    pub text: String,
}

/// A data-protection request as the debtor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalDataRequestView {
    /// `dsr_…`
    pub id: String,
    /// `access`, `rectification` or `erasure`.
    #[schema(value_type = DataRequestKindView, example = "access")]
    pub kind: String,
    /// The article of Regulation (EU) 2016/679 that grants the right.
    #[schema(example = "Art. 15 GDPR")]
    pub legal_basis: String,
    /// What was asked.
    pub text: String,
    /// `open` or `completed`.
    #[schema(value_type = crate::routes::data_requests::DataRequestStatus, example = "open")]
    pub status: String,
    /// Where it stands, in the portal's language.
    pub status_text: String,
    /// RFC 3339 time it arrived.
    #[schema(format = DateTime)]
    pub received_at: String,
    /// The last day of the answer: one month after receipt (art. 12(3) GDPR).
    pub due_on: NaiveDate,
    /// What the agency did, once completed.
    pub completion_note: Option<String>,
    /// RFC 3339 time of completion.
    #[schema(format = DateTime)]
    pub completed_at: Option<String>,
    /// Where the export of the personal data held is, once it can be read: at once for access,
    /// after completion for the others.
    pub export_url: Option<String>,
}

/// The debtor's data-protection requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalDataRequestList {
    /// Oldest first.
    pub data: Vec<PortalDataRequestView>,
}

/// Whose contact persons the export is about: the business (not personal data itself).
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportDebtor {
    /// `dbt_…`
    pub id: String,
    /// The business's legal name.
    pub legal_name: String,
}

/// A message the debtor's people wrote in the portal.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportMessage {
    /// The case.
    pub case_id: String,
    /// RFC 3339 time it was written.
    #[schema(format = DateTime)]
    pub written_at: String,
    /// The text.
    pub body: String,
}

/// The personal data held on the debtor's contact persons (art. 15 GDPR).
#[derive(Debug, Serialize, ToSchema)]
pub struct PersonalDataExport {
    /// The request answered.
    pub data_request_id: String,
    /// RFC 3339 time the export was read from the data held.
    #[schema(format = DateTime)]
    pub generated_at: String,
    /// The business the contact persons work for.
    pub debtor: ExportDebtor,
    /// The contact persons on the debtor record: names, e-mail addresses, phone numbers, roles.
    pub contacts: Vec<ContactInput>,
    /// What the debtor's people wrote to the agency in the portal, oldest first.
    pub messages: Vec<ExportMessage>,
}

fn view(row: DataRequestRow, language: Language) -> Result<PortalDataRequestView, ApiError> {
    let kind = DataRequestKind::parse(&row.kind).ok_or_else(|| {
        ApiError::from(solvo_app::AppError::corrupt(
            "data_request",
            &row.id,
            "kind",
        ))
    })?;
    let completed = row.status == "completed";
    let export_url = (kind == DataRequestKind::Access || completed)
        .then(|| format!("/v1/portal/data-requests/{}/export", row.id));
    Ok(PortalDataRequestView {
        status_text: requests::data_request_status(
            completed,
            row.received_at.date(),
            row.due_on,
            language,
        ),
        legal_basis: kind.article().to_owned(),
        id: row.id,
        kind: row.kind,
        text: row.text,
        status: row.status,
        received_at: clock::rfc3339(row.received_at),
        due_on: row.due_on,
        completion_note: row.completion_note,
        completed_at: row.completed_at.map(clock::rfc3339),
        export_url,
    })
}

/// Asks for access to, rectification or erasure of the personal data held on the debtor's
/// contact persons. Due one month after receipt: the same day of the next month, or its last
/// day when it has none (art. 12(3) GDPR). On the timeline of the session's case as
/// `data_request_received`.
#[utoipa::path(
    tag = "portal",
    operation_id = "create_portal_data_request",
    request_body = NewDataRequest,
    responses(
        (status = 201, description = "Received", body = PortalDataRequestView,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
        (status = 422, description = "`kind` unknown, or `text` blank or over 4,000 characters", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/data-requests")]
pub async fn create_portal_data_request(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    body: ApiJson<NewDataRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let now = state.clock.now();
    let language = debtor.language;
    let who = debtor.debtor.clone();
    let row = state
        .db
        .write(move |conn| data_requests::make(conn, &who, input.kind.into(), &input.text, now))
        .await?;
    let location = format!("/v1/portal/data-requests/{}", row.id);
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::LOCATION, location))
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(view(row, language)?))
}

/// The debtor's data-protection requests, with their deadlines and how they were answered.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_portal_data_requests",
    responses(
        (status = 200, description = "The debtor's requests", body = PortalDataRequestList,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/data-requests")]
pub async fn list_portal_data_requests(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let who = debtor.debtor.clone();
    let rows = state
        .db
        .read(move |conn| data_requests::of_debtor(conn, &who))
        .await?;
    let data = rows
        .into_iter()
        .map(|row| view(row, language))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(PortalDataRequestList { data }))
}

/// The personal data held on the debtor's contact persons, as JSON: the contacts on the debtor
/// record and the messages the debtor's people wrote in the portal, as held when it is read.
/// For an access request at once; for a rectification or erasure once completed.
#[utoipa::path(
    tag = "portal",
    operation_id = "export_portal_data_request",
    params(("id" = String, Path, description = "Data request id")),
    responses(
        (status = 200, description = "The export", body = PersonalDataExport,
            headers(("Content-Disposition" = String, description = "attachment; filename=\"personal-data-<id>.json\""))),
        (status = 404, description = "Not one of the debtor's requests", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A rectification or erasure not completed yet (`conflict`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/data-requests/{id}/export")]
pub async fn export_portal_data_request(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let who = debtor.debtor.clone();
    let filename = format!("personal-data-{id}.json");
    let held = state
        .db
        .read(move |conn| data_requests::export(conn, &who, &id))
        .await?;
    let export = PersonalDataExport {
        data_request_id: held.request.id,
        generated_at: clock::rfc3339(now),
        debtor: ExportDebtor {
            id: held.debtor_id,
            legal_name: held.legal_name,
        },
        contacts: held.contacts,
        messages: held
            .messages
            .into_iter()
            .map(|message| ExportMessage {
                case_id: message.case_id,
                written_at: clock::rfc3339(message.created_at),
                body: message.body,
            })
            .collect(),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .json(export))
}
