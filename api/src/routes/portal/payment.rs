//! `GET /v1/portal/cases/{id}/payment-instructions`, and its EPC QR code as `qr.png` and
//! `qr.svg`: where and how a debtor pays a case by bank transfer.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use solvo_app::portal::instructions::{self, PaymentInstructions};
use solvo_domain::portal::language::Language;
use solvo_domain::portal::wording;
use utoipa::ToSchema;

use super::qr;
use crate::auth::debtor::DebtorCaller;
use crate::error::ApiError;
use crate::money::MoneyView;
use crate::state::AppState;

/// The agency's account to pay into.
#[derive(Debug, Serialize, ToSchema)]
pub struct CollectionAccountView {
    /// The account holder, the beneficiary of the transfer.
    #[schema(example = "Solvo Demo Collections B.V.")]
    pub holder: String,
    /// The IBAN in groups of four, as printed.
    #[schema(example = "NL91 ABNA 0417 1643 00")]
    pub iban: String,
    /// The bank's BIC.
    #[schema(example = "ABNANL2A")]
    pub bic: String,
    /// The bank's name.
    pub bank: String,
}

/// How to pay a case by bank transfer.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentInstructionsView {
    /// The case.
    pub case_id: String,
    /// The RF reference to quote, in groups of four as printed.
    #[schema(example = "RF18 5390 0754 7034")]
    pub reference: String,
    /// The same reference without spaces, as a banking app's structured reference field takes
    /// it.
    #[schema(example = "RF18539007547034")]
    pub reference_electronic: String,
    /// What is outstanding today.
    pub amount: MoneyView,
    /// Where to pay; absent when the agency has no account in the case's currency.
    pub account: Option<CollectionAccountView>,
    /// The EPC QR code (SEPA credit transfer) as PNG, for a euro account when something is owed.
    #[schema(example = "/v1/portal/cases/cas_…/payment-instructions/qr.png")]
    pub qr_png: Option<String>,
    /// The same code as SVG.
    pub qr_svg: Option<String>,
    /// What to do, in the portal's language.
    pub text: String,
    /// Whether the case can also be paid by card (`POST …/card-payments`).
    pub card_payment_available: bool,
}

fn view(
    instructions: PaymentInstructions,
    language: Language,
    card_payment_available: bool,
) -> PaymentInstructionsView {
    let PaymentInstructions {
        case_id,
        reference,
        amount,
        account,
        epc_payload,
    } = instructions;
    let amount_text = format!("{} {}", amount.amount_string(), amount.currency().code());
    let text = match &account {
        Some(account) => wording::transfer(
            &amount_text,
            &account.holder,
            &account.iban.to_string(),
            &reference.to_string(),
            language,
        ),
        None => wording::no_account(amount.currency().code(), language),
    };
    let qr = |format: &str| {
        epc_payload
            .as_ref()
            .map(|_| format!("/v1/portal/cases/{case_id}/payment-instructions/qr.{format}"))
    };
    PaymentInstructionsView {
        qr_png: qr("png"),
        qr_svg: qr("svg"),
        reference: reference.to_string(),
        reference_electronic: reference.as_str().to_owned(),
        amount: amount.into(),
        account: account.map(|account| CollectionAccountView {
            holder: account.holder,
            iban: account.iban.to_string(),
            bic: account.bic,
            bank: account.bank,
        }),
        text,
        case_id,
        card_payment_available,
    }
}

async fn load(
    state: &web::Data<AppState>,
    debtor: DebtorCaller,
    case_id: String,
) -> Result<PaymentInstructions, ApiError> {
    let rates = state.rates.current();
    let today = state.clock.now().date();
    let accounts = state.collection_accounts.clone();
    Ok(state
        .db
        .read(move |conn| instructions::of_case(conn, &debtor, &case_id, &accounts, &rates, today))
        .await?)
}

/// How to pay the case by bank transfer: the agency's collection account for the case's
/// currency, the RF reference to quote (a transfer quoting it is matched to the case), what is
/// outstanding today, and for a euro account the EPC QR code a banking app scans.
#[utoipa::path(
    tag = "portal",
    operation_id = "get_payment_instructions",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The instructions", body = PaymentInstructionsView,
            headers(("Content-Language" = String, description = "The language of `text`: en, de, nl or fr"))),
        (status = 404, description = "Not one of the session's cases", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/payment-instructions")]
pub async fn get_payment_instructions(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let instructions = load(&state, debtor, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(view(instructions, language, state.card_provider.is_some())))
}

const NO_CODE: &str = "This case has no EPC QR code: the agency has no euro account for it, or \
     nothing is owed. `payment-instructions` says how to pay.";

/// A PNG image, as binary. `Vec<u8>` would be documented as an array of integers, which no
/// client reads an image as.
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a body the handler writes itself"
)]
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary, content_media_type = "image/png")]
pub struct PngFile(pub Vec<u8>);

/// The EPC QR code (EPC069-12, version 002) of the case's transfer as a PNG.
#[utoipa::path(
    tag = "portal",
    operation_id = "get_payment_qr_png",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The code", content_type = "image/png", body = PngFile),
        (status = 404, description = "Not one of the session's cases, or no code: no euro account, or nothing owed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/payment-instructions/qr.png")]
pub async fn get_payment_qr_png(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    qr_image(&state, debtor, id.into_inner(), "image/png", qr::png).await
}

/// The EPC QR code (EPC069-12, version 002) of the case's transfer as an SVG.
#[utoipa::path(
    tag = "portal",
    operation_id = "get_payment_qr_svg",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The code", content_type = "image/svg+xml", body = String),
        (status = 404, description = "Not one of the session's cases, or no code: no euro account, or nothing owed", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/payment-instructions/qr.svg")]
pub async fn get_payment_qr_svg(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    qr_image(
        &state,
        debtor,
        id.into_inner(),
        "image/svg+xml",
        |payload| qr::svg(payload).map(String::into_bytes),
    )
    .await
}

/// The case's EPC QR code drawn by `draw`, or 404 with why there is none.
async fn qr_image(
    state: &web::Data<AppState>,
    debtor: DebtorCaller,
    case_id: String,
    content_type: &'static str,
    draw: impl FnOnce(&str) -> Result<Vec<u8>, qr::QrImageError>,
) -> Result<HttpResponse, ApiError> {
    let payload = load(state, debtor, case_id)
        .await?
        .epc_payload
        .ok_or(ApiError::NotFoundBecause(NO_CODE))?;
    let image = draw(&payload).map_err(|err| ApiError::Internal(err.into()))?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(image))
}
