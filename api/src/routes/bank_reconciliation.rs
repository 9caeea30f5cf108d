//! Bank reconciliation: `POST /v1/bank-statements` (an ISO 20022 camt.053 statement or camt.054
//! notification, as XML), `GET /v1/bank-transactions` and the hand work on one transaction:
//! `POST /v1/bank-transactions/{id}/match`, `…/unmatch` and `…/ignore`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use solvo_app::paging::ListQuery;
use solvo_app::reconciliation::manual::{self, NewMatch, NewReason};
use solvo_app::reconciliation::{self, Imported, TransactionRecord, TransactionStatus, read};
use solvo_app::{AppError, clock};
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::extract::body::{read_limited, require_media_type};
use crate::idempotency::{self, Created};
use crate::money::MoneyView;
use crate::state::AppState;

/// The largest statement accepted: a busy collection account's month of camt.053 fits.
pub const MAX_STATEMENT_BYTES: usize = 20 * 1024 * 1024;

/// The media types an XML body may be sent as.
const XML_TYPES: [&str; 2] = ["application/xml", "text/xml"];

/// Registers the routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(import_bank_statement)
        .service(list_bank_transactions)
        .service(get_bank_transaction)
        .service(match_bank_transaction)
        .service(unmatch_bank_transaction)
        .service(ignore_bank_transaction);
}

/// An ISO 20022 camt.053 or camt.054 file, as sent by the bank.
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a body the handler reads itself"
)]
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary, content_media_type = "application/xml")]
pub struct XmlFile(pub Vec<u8>);

/// The account a statement is of.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    /// Its IBAN.
    #[schema(example = "NL77ABNA0574908765")]
    pub iban: Option<String>,
    /// The bank's own identifier, for an account without an IBAN (`Othr/Id`).
    pub other_id: Option<String>,
}

/// A structured creditor reference of a transaction.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CreditorReferenceView {
    /// `Ref`, as written.
    #[schema(example = "RF18539007547034")]
    pub reference: String,
    /// `SCOR` or the bank's own scheme.
    pub scheme: Option<String>,
    /// `ISO` for an ISO 11649 reference.
    pub issuer: Option<String>,
}

/// One payment a transaction made on a case (for a return: the payment it reversed).
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchView {
    /// The case.
    pub case_id: String,
    /// The payment.
    pub payment_id: Option<String>,
    /// The part of the transaction.
    pub amount: MoneyView,
}

/// One bank transaction: one transaction detail of the statement, or an entry without details.
#[derive(Debug, Serialize, ToSchema)]
pub struct BankTransactionView {
    /// `btx_…`
    pub id: String,
    /// The statement it came in.
    pub statement_id: String,
    /// The entry's position in the statement, from 1.
    pub entry_number: i64,
    /// The detail's position in its entry, from 1.
    pub detail_number: i64,
    /// The bank's status of the entry: `BOOK`, `PDNG`, `INFO`, `FUTR`.
    #[schema(example = "BOOK")]
    pub entry_status: String,
    /// Booking date.
    pub booking_date: Option<NaiveDate>,
    /// Value date; a payment posted from it takes it.
    pub value_date: Option<NaiveDate>,
    /// `credit` or `debit`, from the bank's credit/debit indicator alone.
    #[schema(example = "credit")]
    pub direction: String,
    /// The amount, positive.
    pub amount: MoneyView,
    /// The bank marks the entry as reversing an earlier one (`RvslInd`).
    pub reversal_indicator: bool,
    /// The other party: the payer of a credit, the payee of a debit.
    pub counterparty_name: Option<String>,
    /// The other party's IBAN.
    pub counterparty_iban: Option<String>,
    /// The end-to-end id the payer gave.
    pub end_to_end_id: Option<String>,
    /// The bank's reference.
    pub bank_reference: Option<String>,
    /// Structured creditor references.
    pub creditor_references: Vec<CreditorReferenceView>,
    /// The unstructured remittance text, its lines joined.
    pub remittance_text: Option<String>,
    /// Return reason codes (ISO 20022 `ExternalReturnReason1Code`, e.g. `AC04`, `MS03`).
    pub return_reasons: Vec<String>,
    /// Where it stands.
    pub status: TransactionStatus,
    /// How it was matched: `structured_rf`, `text_rf`, `reference_and_debtor`, `return`,
    /// `manual`.
    #[schema(value_type = Option<MatchMethodName>)]
    pub match_method: Option<String>,
    /// Why it waits for review, was ignored or unmatched.
    pub status_reason: Option<String>,
    /// The case the matching found but could not post to (`review`).
    pub candidate_case_id: Option<String>,
    /// The case it paid, when it paid one.
    pub case_id: Option<String>,
    /// The payment it made (a return: the payment it reversed), when one.
    pub payment_id: Option<String>,
    /// Every payment it made, one per case (a split has several).
    pub matches: Vec<MatchView>,
    /// The matched credit a return reversed.
    pub reverses_transaction_id: Option<String>,
    /// RFC 3339 time of the import.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339 time of the last change.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl TryFrom<TransactionRecord> for BankTransactionView {
    type Error = AppError;

    fn try_from(record: TransactionRecord) -> Result<Self, AppError> {
        let row = record.row;
        let corrupt = |what: &str| AppError::corrupt("bank_transaction", &row.id, what);
        let status = TransactionStatus::parse(&row.status).ok_or_else(|| corrupt("status"))?;
        let creditor_references: Vec<CreditorReferenceView> =
            serde_json::from_str(&row.creditor_references)
                .map_err(|_| corrupt("creditor_references"))?;
        let return_reasons: Vec<String> =
            serde_json::from_str(&row.return_reasons).map_err(|_| corrupt("return_reasons"))?;
        let matches = record
            .matches
            .into_iter()
            .map(|found| {
                Ok(MatchView {
                    amount: Money::from_minor(found.amount_minor, found.currency).into(),
                    case_id: found.case_id,
                    payment_id: found.payment_id,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let (case_id, payment_id) = match matches.as_slice() {
            [one] => (Some(one.case_id.clone()), one.payment_id.clone()),
            _ => (None, None),
        };
        Ok(Self {
            amount: Money::from_minor(row.amount_minor, row.currency).into(),
            id: row.id,
            statement_id: row.bank_statement_id,
            entry_number: row.entry_number,
            detail_number: row.detail_number,
            entry_status: row.entry_status,
            booking_date: row.booking_date,
            value_date: row.value_date,
            direction: row.direction,
            reversal_indicator: row.reversal_indicator,
            counterparty_name: row.counterparty_name,
            counterparty_iban: row.counterparty_iban,
            end_to_end_id: row.end_to_end_id,
            bank_reference: row.bank_reference,
            creditor_references,
            remittance_text: row.remittance_text,
            return_reasons,
            status,
            match_method: row.match_method,
            status_reason: row.status_reason,
            candidate_case_id: row.candidate_case_id,
            case_id,
            payment_id,
            matches,
            reverses_transaction_id: row.reverses_transaction_id,
            created_at: clock::rfc3339(row.created_at),
            updated_at: clock::rfc3339(row.updated_at),
        })
    }
}

/// An imported statement with its transactions.
#[derive(Debug, Serialize, ToSchema)]
pub struct BankStatementView {
    /// `bst_…`
    pub id: String,
    /// The message and version, from the document's namespace.
    #[schema(example = "camt.053.001.02")]
    pub message_type: String,
    /// The bank's message id (`GrpHdr/MsgId`).
    pub message_id: String,
    /// The bank's statement id (`Stmt/Id`, `Ntfctn/Id`); with the account, what makes an import a
    /// repeat.
    pub statement_id: String,
    /// The account.
    pub account: AccountView,
    /// Whether the account is one of the agency's configured collection accounts. A statement of
    /// another account is imported and flagged; its credits wait for review.
    pub collection_account: bool,
    /// The account's currency.
    #[schema(example = "EUR")]
    pub currency: String,
    /// The opening balance (`OPBD`, else the previous closing `PRCD`), signed, when given.
    pub opening_balance: Option<MoneyView>,
    /// The closing booked balance (`CLBD`), signed, when given.
    pub closing_balance: Option<MoneyView>,
    /// Entries (`Ntry`) in the file.
    pub entry_count: i64,
    /// The user or API key that imported it.
    pub imported_by: String,
    /// RFC 3339 time of the import.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// One per transaction detail, in file order, as the matching left them.
    pub transactions: Vec<BankTransactionView>,
}

impl TryFrom<Imported> for BankStatementView {
    type Error = AppError;

    fn try_from(imported: Imported) -> Result<Self, AppError> {
        let row = imported.statement;
        let balance = |minor: Option<i64>| {
            minor.map(|minor| MoneyView::from(Money::from_minor(minor, row.currency)))
        };
        Ok(Self {
            opening_balance: balance(row.opening_balance_minor),
            closing_balance: balance(row.closing_balance_minor),
            transactions: imported
                .transactions
                .into_iter()
                .map(BankTransactionView::try_from)
                .collect::<Result<Vec<_>, _>>()?,
            id: row.id,
            message_type: row.message_type,
            message_id: row.message_id,
            statement_id: row.statement_id,
            account: AccountView {
                iban: row.account_iban,
                other_id: row.account_other_id,
            },
            collection_account: row.collection_account,
            currency: row.currency.code().to_owned(),
            entry_count: row.entry_count,
            imported_by: row.imported_by,
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

/// Imports the day's bank statement of a collection account (agency administrators): an ISO
/// 20022 camt.053 statement or camt.054 notification, versions `.001.02` to `.001.10`, as
/// `application/xml`, up to 20 MiB. Every transaction detail becomes a bank transaction, matched
/// at once in this order: a valid ISO 11649 RF reference of a case in the structured creditor
/// reference, an RF reference in the unstructured text, the creditor's case reference or an
/// invoice number with the debtor's name or an IBAN the debtor paid from before. A match posts
/// the payment on the case (its allocation, the statement's value date) in the same transaction;
/// a payment in another currency than the case's, on a closed case or on an account that is not
/// a configured collection account waits for review. A return of a matched credit (same
/// end-to-end id, or a return of the same amount and reference) reverses its payment. An RF
/// reference that fails its check digits is never trusted. The same statement of the same
/// account imported again is refused (`statement_already_imported`), never booked twice; nothing
/// of a refused file is kept. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "import_bank_statement",
    request_body(
        description = "The camt.053 or camt.054 file",
        content((XmlFile = "application/xml")),
    ),
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same file: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses(
        (status = 201, description = "Imported and matched", body = BankStatementView),
        (status = 400, description = "The file is not XML (`not_xml`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an agency administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This statement of this account was imported before (`statement_already_imported`, with `existing_statement_id`)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than 20 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not `application/xml`", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Well-formed XML that is not a camt.053 or camt.054 of versions .02 to .10 this server reads, or one with a required element missing or malformed (`statement_unreadable`, with `element` naming it); or the `Idempotency-Key` was used with another file (`idempotency_key_reused`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/bank-statements")]
pub async fn import_bank_statement(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ImportBankStatements)?;
    require_media_type(&request, &XML_TYPES)?;
    let key = idempotency::key_from(&request, &caller)?;
    let body = read_limited(&request, payload, MAX_STATEMENT_BYTES).await?;
    let print = hex::encode(Sha256::digest(&body));
    let statement = web::block(move || reconciliation::parse_statement(&body))
        .await
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("parsing a statement: {err}")))??;
    let accounts = std::sync::Arc::clone(&state.collection_accounts);
    let rates = state.rates.current();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    let fingerprint = format!("bank-statement:{print}");
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let imported =
            reconciliation::import(conn, &caller, &statement, &print, &accounts, &rates, now)?;
        Created::new(
            StatusCode::CREATED.as_u16(),
            &BankStatementView::try_from(imported)?,
            None,
        )
    })
    .await
}

/// Which bank transactions to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TransactionListParams {
    /// Only transactions in this status.
    pub status: Option<TransactionStatus>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A page of bank transactions.
#[derive(Debug, Serialize, ToSchema)]
pub struct BankTransactionList {
    /// Oldest first.
    pub data: Vec<BankTransactionView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// The organisation's bank transactions, oldest first, optionally of one status: the
/// reconciliation's work list is `?status=unmatched` and `?status=review` (agency
/// administrators).
#[utoipa::path(
    tag = "money",
    operation_id = "list_bank_transactions",
    params(TransactionListParams),
    responses(
        (status = 200, description = "A page of bank transactions", body = BankTransactionList),
        (status = 403, description = "Not an agency administrator", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `status`, `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/bank-transactions")]
pub async fn list_bank_transactions(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<TransactionListParams>,
) -> Result<HttpResponse, ApiError> {
    let params = params.into_inner();
    let page = ListQuery {
        limit: params.limit,
        cursor: params.cursor,
        updated_since: None,
    }
    .page()?;
    let status = params.status;
    let rows = state
        .db
        .read(move |conn| read::list(conn, &caller, status, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(BankTransactionView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(BankTransactionList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// One bank transaction with its matches (agency administrators).
#[utoipa::path(
    tag = "money",
    operation_id = "get_bank_transaction",
    params(("id" = String, Path, description = "Bank transaction id")),
    responses(
        (status = 200, description = "The transaction", body = BankTransactionView),
        (status = 403, description = "Not an agency administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transaction for the caller", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/bank-transactions/{id}")]
pub async fn get_bank_transaction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let record = state
        .db
        .read(move |conn| read::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(BankTransactionView::try_from(record)?))
}

/// Posts a credit the matching left (unmatched, for review, or ignored) on a case by hand, or
/// split over several cases whose parts add up to the whole amount (agency administrators). Each
/// part is an ordinary payment received by the agency (allocated, on the case's timeline,
/// `payment.received`, remitted like any other), valued on the statement's value date. A case in
/// another currency is refused: an amount is never converted.
#[utoipa::path(
    tag = "money",
    operation_id = "match_bank_transaction",
    params(("id" = String, Path, description = "Bank transaction id")),
    request_body = NewMatch,
    responses(
        (status = 200, description = "Matched", body = BankTransactionView),
        (status = 403, description = "Not an agency administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transaction for the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A debit, not booked, already matched (`conflict`), or a case that refuses the payment (`transition_refused`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Neither or both of `case_id` and `splits`; an unknown case (`unknown_case`); a case in another currency (`currency_differs`); parts that do not add up (`does_not_add_up`); or what the payment refuses (`allocation_order_required`)", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/bank-transactions/{id}/match")]
pub async fn match_bank_transaction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewMatch>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let record = state
        .db
        .write(move |conn| manual::match_transaction(conn, &caller, &id, &input, &rates, now))
        .await?;
    Ok(HttpResponse::Ok().json(BankTransactionView::try_from(record)?))
}

/// Undoes a match (agency administrators): the payments it made are reversed (on the cases'
/// timelines, `payment.reversed`) and the transaction is unmatched again, with the reason. A
/// return's reversal is final and cannot be unmatched.
#[utoipa::path(
    tag = "money",
    operation_id = "unmatch_bank_transaction",
    params(("id" = String, Path, description = "Bank transaction id")),
    request_body = NewReason,
    responses(
        (status = 200, description = "Unmatched", body = BankTransactionView),
        (status = 403, description = "Not an agency administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transaction for the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not matched, or a return (`conflict`); or the credit a payment left was refunded since (`credit_refunded`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason` is blank or too long", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/bank-transactions/{id}/unmatch")]
pub async fn unmatch_bank_transaction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewReason>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let record = state
        .db
        .write(move |conn| manual::unmatch(conn, &caller, &id, &input, &rates, now))
        .await?;
    Ok(HttpResponse::Ok().json(BankTransactionView::try_from(record)?))
}

/// Sets a transaction aside with a reason (an outgoing transfer, a bank fee, money that is not
/// the creditors'); agency administrators. A matched one must be unmatched first.
#[utoipa::path(
    tag = "money",
    operation_id = "ignore_bank_transaction",
    params(("id" = String, Path, description = "Bank transaction id")),
    request_body = NewReason,
    responses(
        (status = 200, description = "Ignored", body = BankTransactionView),
        (status = 403, description = "Not an agency administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such transaction for the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Matched: unmatch it first", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason` is blank or too long", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/bank-transactions/{id}/ignore")]
pub async fn ignore_bank_transaction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewReason>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    let now = state.clock.now();
    let record = state
        .db
        .write(move |conn| manual::ignore(conn, &caller, &id, &input, now))
        .await?;
    Ok(HttpResponse::Ok().json(BankTransactionView::try_from(record)?))
}

crate::closed_sets::closed_set!(
    /// How a bank transaction was tied to its case.
    MatchMethodName,
    "How a bank transaction was tied to its case.",
    ["structured_rf", "text_rf", "reference_and_debtor", "return", "manual"]
);
