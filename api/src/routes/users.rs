//! `/v1/users`: people who log in. Agency admins manage every organisation's users; creditor
//! admins manage their own organisation's, with creditor roles only.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::clock;
use solvo_app::passwords;
use solvo_app::users::{self, NewUser, UserRow, UserUpdate};
use solvo_domain::permission::Permission;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::extract::precondition::{if_match_version, version_etag};
use crate::roles::RoleName;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// A user (never with the password hash).
#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    /// `usr_…`
    pub id: String,
    /// The user's organisation.
    pub organisation_id: String,
    /// Login email (lowercase).
    pub email: String,
    /// Role.
    pub role: RoleName,
    /// Disabled users cannot log in.
    pub disabled: bool,
    /// The name the person goes by; debtors see their collector's in the portal; `null`
    /// (never left out) when none was given.
    #[schema(example = "Katrin Vogel", required = true)]
    pub name: Option<String>,
    /// Version for `If-Match`.
    pub version: i64,
    /// RFC 3339 creation time.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339 time of the last change.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl TryFrom<UserRow> for User {
    type Error = AppError;
    fn try_from(row: UserRow) -> Result<Self, AppError> {
        Ok(Self {
            role: row.role.into(),
            id: row.id,
            organisation_id: row.organisation_id,
            email: row.email,
            disabled: row.disabled,
            name: row.name,
            version: row.version,
            created_at: clock::rfc3339(row.created_at),
            updated_at: clock::rfc3339(row.updated_at),
        })
    }
}

/// A page of users.
#[derive(Debug, Serialize, ToSchema)]
pub struct UserList {
    /// This page.
    pub data: Vec<User>,
    /// Cursor of the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// A new user.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"email": "finance@creditor.example", "name": "Katrin Vogel", "password": "correct horse battery staple", "role": "creditor_member", "organisation_id": "org_0193b7c4a1e07a3c9d2f5e6b8a1c4d70"}))]
pub struct CreateUser {
    /// Login email, unique across the installation.
    #[validate(email, length(max = 254))]
    #[schema(
        example = "finance@creditor.example",
        format = "email",
        max_length = 254
    )]
    pub email: String,
    /// Initial password, 12 to 256 characters.
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256)]
    pub password: String,
    /// Role; must belong to the organisation's kind.
    pub role: RoleName,
    /// Target organisation; defaults to the caller's own.
    pub organisation_id: Option<String>,
    /// The name the person goes by (1 to 100 characters); debtors see their collector's.
    #[schema(example = "Katrin Vogel", min_length = 1, max_length = 100)]
    pub name: Option<String>,
}

/// Changes to a user.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"role": "creditor_viewer"}))]
pub struct UpdateUser {
    /// New role.
    pub role: Option<RoleName>,
    /// Disable or re-enable; disabling ends the user's sessions at once.
    pub disabled: Option<bool>,
    /// A new name (1 to 100 characters).
    #[schema(min_length = 1, max_length = 100)]
    pub name: Option<String>,
}

/// Extra filter of the user list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserListFilter {
    /// Only users of this organisation (agency admins; creditor admins always see their own).
    pub organisation_id: Option<String>,
}

/// Creates a user.
#[utoipa::path(
    tag = "identity",
    operation_id = "create_user",
    request_body = CreateUser,
    responses(
        (status = 201, description = "Created", body = User, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`"))),
        (status = 409, description = "The email is taken (agency administrators; a creditor administrator gets 422 `unavailable` on `email`, whichever organisation has it)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "As many passwords are being hashed as the server allows at once; retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/users")]
pub async fn create_user(
    state: web::Data<AppState>,
    caller: Caller,
    body: ApiJson<CreateUser>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let new = NewUser {
        email: body.email,
        password: body.password,
        role: body.role.into(),
        organisation_id: body.organisation_id,
        name: body.name,
    };
    let created = User::try_from(
        users::create(
            &state.db,
            &state.hash_gate,
            caller.0,
            new,
            state.clock.now(),
        )
        .await?,
    )?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/v1/users/{}", created.id)))
        .insert_header((header::ETAG, version_etag(created.version)))
        .json(created))
}

/// Lists users: agency admins all (or one organisation's), creditor admins their own.
#[utoipa::path(
    tag = "identity",
    operation_id = "list_users",
    params(ListParams, UserListFilter),
    responses((status = 200, description = "A page of users", body = UserList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/users")]
pub async fn list_users(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
    filter: web::Query<UserListFilter>,
) -> Result<HttpResponse, ApiError> {
    let query = params.query();
    let organisation_id = filter.into_inner().organisation_id;
    let rows = state
        .db
        .read(move |conn| users::list(conn, &caller, organisation_id, &query))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(User::try_from)
        .collect::<Result<_, _>>()?;
    Ok(HttpResponse::Ok().json(UserList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// Reads a user: oneself, or any user an admin manages (others answer 404).
#[utoipa::path(
    tag = "identity",
    operation_id = "get_user",
    params(("id" = String, Path, description = "User id")),
    responses((status = 200, description = "The user", body = User, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`")))),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/users/{id}")]
pub async fn get_user(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| users::get(conn, &caller, &id))
        .await?;
    let user = User::try_from(row)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version_etag(user.version)))
        .json(user))
}

/// Changes a user's role or disabled flag. Send `If-Match` with the version to avoid
/// overwriting a concurrent change (412 when stale).
#[utoipa::path(
    tag = "identity",
    operation_id = "update_user",
    params(
        ("id" = String, Path, description = "User id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The version (ETag) last read", pattern = r#"^(\*|(W/)?"?[0-9]{1,18}"?)$"#),
    ),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "Updated", body = User, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`"))),
        (status = 409, description = "Would lock the caller out (own role or disabled flag)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The user changed since the version in If-Match", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[patch("/v1/users/{id}")]
pub async fn update_user(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<UpdateUser>,
) -> Result<HttpResponse, ApiError> {
    // Refused before If-Match is read; the use case checks again.
    caller.require(Permission::ManageUsers)?;
    let expected_version = if_match_version(&request)?;
    let id = id.into_inner();
    let body = body.into_inner();
    let changes = UserUpdate {
        role: body.role.map(Into::into),
        disabled: body.disabled,
        name: body.name,
    };
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| users::update(conn, &caller, &id, changes, expected_version, now))
        .await?;
    let user = User::try_from(row)?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version_etag(user.version)))
        .json(user))
}

/// A reset token, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedPasswordReset {
    /// `pr_…`: hand it to the user, who sends it to `POST /v1/auth/password-reset` with a new
    /// password. It works once; issuing another withdraws it.
    pub token: String,
    /// RFC 3339 time it stops working (24 hours).
    #[schema(format = DateTime)]
    pub expires_at: String,
}

/// Issues a one-time password reset token for a user the caller manages (never for oneself:
/// use `POST /v1/me/password`). Earlier unused tokens of the user stop working.
#[utoipa::path(
    tag = "identity",
    operation_id = "issue_password_reset",
    params(("id" = String, Path, description = "User id")),
    responses(
        (status = 201, description = "Issued", body = IssuedPasswordReset),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/users/{id}/password-reset")]
pub async fn issue_password_reset(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = clock::system_now();
    let issued = state
        .db
        .write(move |conn| passwords::issue_reset(conn, &caller, &id, now))
        .await?;
    Ok(HttpResponse::Created().json(IssuedPasswordReset {
        token: issued.token,
        expires_at: clock::rfc3339(issued.expires_at),
    }))
}
