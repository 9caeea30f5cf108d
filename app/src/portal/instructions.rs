//! How a debtor pays a case by bank transfer: the agency's collection account for the case's
//! currency, the RF reference to quote, what is owed today, and for a euro account the payload
//! of the EPC QR code that fills the transfer in. Reconciliation matches a transfer that quotes
//! the reference to the case.

use chrono::NaiveDate;
use solvo_domain::collection_accounts::{CollectionAccount, CollectionAccounts};
use solvo_domain::identifiers::CreditorReference;
use solvo_domain::money::Money;
use solvo_domain::portal::epc_qr::{self, CreditTransfer};
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;

use super::Debtor;
use super::scope::case_in_scope;
use crate::cases::balance;
use crate::error::AppError;

/// What the debtor needs to pay a case by transfer.
#[derive(Debug, Clone)]
pub struct PaymentInstructions {
    /// The case.
    pub case_id: String,
    /// The reference to quote.
    pub reference: CreditorReference,
    /// What is outstanding today.
    pub amount: Money,
    /// The account to pay into; `None` when the agency has none in the case's currency.
    pub account: Option<CollectionAccount>,
    /// The EPC QR payload: a euro account and something to pay.
    pub epc_payload: Option<String>,
}

/// The payment instructions of case `case_id` on `today`.
///
/// # Errors
/// [`AppError::NotFound`] outside the session's scope; [`AppError::Corrupt`] for a stored
/// reference that does not read; database errors.
pub fn of_case(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    accounts: &CollectionAccounts,
    rates: &RateTables,
    today: NaiveDate,
) -> Result<PaymentInstructions, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    let reference = CreditorReference::parse(&case.rf_reference)
        .map_err(|err| AppError::corrupt("case", &case.id, err))?;
    let amount = balance::load(conn, &case, rates, today)?.outstanding;
    let account = accounts.for_currency(amount.currency()).cloned();
    // Nothing to pay, or a currency the code does not carry, simply has no code.
    let epc_payload = account.as_ref().and_then(|account| {
        epc_qr::payload(&CreditTransfer {
            bic: Some(&account.bic),
            beneficiary: &account.holder,
            iban: &account.iban,
            amount,
            reference: &reference,
        })
        .ok()
    });
    Ok(PaymentInstructions {
        case_id: case.id,
        reference,
        amount,
        account,
        epc_payload,
    })
}
