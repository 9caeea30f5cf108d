//! `POST/GET /v1/portal/cases/{id}/card-payments`: a debtor pays a case by card at the payment
//! provider's hosted checkout.

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::card_payments::{self, CardPaymentRow};
use solvo_app::clock;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::debtor::DebtorCaller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::money::MoneyView;
use crate::psp::{CheckoutRefused, CheckoutRequest, PaymentProvider};
use crate::state::AppState;

/// How much to pay by card.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": "250.00"}))]
pub struct NewCardPayment {
    /// A positive decimal string in the case currency, at most what the case owes today.
    #[validate(length(min = 1, max = 30))]
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "250.00",
        min_length = 1,
        max_length = 30
    )]
    pub amount: String,
}

/// A card payment.
#[derive(Debug, Serialize, ToSchema)]
pub struct CardPaymentView {
    /// `cpy_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// What is to be taken.
    pub amount: MoneyView,
    /// `pending` (waiting for the checkout), `succeeded` (recorded as a payment), `failed`
    /// (not taken) or `review` (taken, but not as asked: the agency looks at it).
    #[schema(value_type = CardPaymentStatus, example = "pending")]
    pub status: String,
    /// Where to pay; open it in the browser.
    pub checkout_url: Option<String>,
    /// The payment recorded, once succeeded.
    pub payment_id: Option<String>,
    /// When it was started (RFC 3339).
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// The card payments of a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct CardPaymentList {
    /// Newest first.
    pub data: Vec<CardPaymentView>,
}

fn view(row: CardPaymentRow) -> CardPaymentView {
    CardPaymentView {
        amount: card_payments::amount_of(&row).into(),
        id: row.id,
        case_id: row.case_id,
        status: row.status,
        checkout_url: row.checkout_url,
        payment_id: row.payment_id,
        created_at: clock::rfc3339(row.created_at),
    }
}

/// Starts paying the case by card: a pending card payment and a checkout at the payment
/// provider (Stripe Checkout), whose `checkout_url` the debtor opens. The payment is recorded on
/// the case, allocated like any other, when the provider's signed event says the money was
/// taken.
#[utoipa::path(
    tag = "portal",
    operation_id = "create_card_payment",
    params(("id" = String, Path, description = "Case id")),
    request_body = NewCardPayment,
    responses(
        (status = 201, description = "Pending; pay at `checkout_url`", body = CardPaymentView),
        (status = 404, description = "Not one of the session's cases", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Card payment is switched off on this server (`card_payments_off`), or the case is closed (`case_closed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`amount` does not parse, is not positive, or is more than the case owes today (`more_than_owed`), or the payment provider takes no card payment of that size (`amount_out_of_range`: below its minimum charge, say; nothing was charged)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 502, description = "The payment provider could not be reached or refused the checkout (`payment_provider_unavailable`); nothing was charged", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/cases/{id}/card-payments")]
pub async fn create_card_payment(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
    body: ApiJson<NewCardPayment>,
) -> Result<HttpResponse, ApiError> {
    let provider = state
        .card_provider
        .clone()
        .ok_or(ApiError::CardPaymentsOff)?;
    let case_id = id.into_inner();
    let amount = body.into_inner().amount;
    let rates = state.rates.current();
    let now = state.clock.now();
    let name = provider.name();
    let (row, reference) = {
        let debtor = debtor.debtor.clone();
        state
            .db
            .write(move |conn| {
                card_payments::begin(conn, &debtor, &case_id, &amount, name, &rates, now)
            })
            .await?
    };
    let back = format!(
        "{}/cases/{}?card_payment={}",
        state.portal_url, row.case_id, row.id
    );
    let request = CheckoutRequest {
        card_payment_id: row.id.clone(),
        case_id: row.case_id.clone(),
        amount: card_payments::amount_of(&row),
        description: format!("Payment for case {reference}"),
        success_url: format!("{back}&result=paid"),
        cancel_url: format!("{back}&result=cancelled"),
    };
    let id = row.id.clone();
    let opened = match provider.create_checkout(&request).await {
        Ok(checkout) => {
            state
                .db
                .write(move |conn| {
                    card_payments::attach(conn, &id, &checkout.session_id, &checkout.url)
                })
                .await?
        }
        Err(why) => {
            tracing::warn!(card_payment = %id, %why, "payment provider refused a checkout");
            let reason = why.to_string();
            state
                .db
                .write(move |conn| card_payments::failed(conn, &id, &reason, now))
                .await?;
            // The provider's own words went to the log above; the debtor reads ours.
            return Err(match why {
                CheckoutRefused::AmountOutOfRange(_) => ApiError::invalid(
                    "amount",
                    "amount_out_of_range",
                    "The card payment provider takes no card payment of this amount (it is below its minimum or above its maximum charge); pay another amount, or by bank transfer.",
                ),
                CheckoutRefused::Unavailable(_) => ApiError::ProviderUnavailable(
                    "the card payment could not be started".to_owned(),
                ),
            });
        }
    };
    let location = format!("/v1/portal/cases/{}/card-payments", opened.case_id);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(view(opened)))
}

/// The case's card payments, newest first, with what became of each.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_card_payments",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The card payments", body = CardPaymentList),
        (status = 404, description = "Not one of the session's cases", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/card-payments")]
pub async fn list_card_payments(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| card_payments::of_case(conn, &debtor, &case_id))
        .await?;
    let data = rows.into_iter().map(view).collect();
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(CardPaymentList { data }))
}

crate::closed_sets::closed_set!(
    /// Where a card payment stands.
    CardPaymentStatus,
    "Where a card payment stands.",
    ["pending", "succeeded", "failed", "review"]
);
