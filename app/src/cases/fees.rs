//! Fees posted on a case after placement.

use chrono::NaiveDateTime;
use solvo_domain::fees::{FeeSchedule, withdrawal_fee};
use solvo_domain::ledger::Account;
use solvo_domain::money::Money;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::fee_schedules;
use solvo_persistence::repositories::ledger::{self, PostingRow};

use crate::error::AppError;
use crate::money::to_minor;

/// Posts the case's withdrawal fee (per its fee terms, on the principal still owed) to the fees
/// account, when the schedule charges one.
///
/// # Errors
/// 500 when the stored fee terms are unreadable; database errors.
pub fn post_withdrawal_fee(
    conn: &mut AnyConnection,
    case: &CaseRow,
    principal: Money,
    at: NaiveDateTime,
) -> Result<(), AppError> {
    let terms = fee_schedules::terms(conn, &case.fee_schedule_id)?;
    let schedule: FeeSchedule = serde_json::from_str(&terms).map_err(|err| {
        AppError::Internal(anyhow::anyhow!(
            "case {} has unreadable fee terms: {err}",
            case.id
        ))
    })?;
    let fee = withdrawal_fee(&schedule, principal)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("withdrawal fee: {err}")))?;
    let minor = to_minor(fee.amount, "fees")?;
    if minor == 0 {
        return Ok(());
    }
    let posting = PostingRow {
        id: new_id("pst"),
        case_id: case.id.clone(),
        invoice_id: None,
        account: Account::Fees,
        amount_minor: minor,
        currency: case.currency,
        effective_date: at.date(),
        description: format!("Withdrawal fee: {}", fee.explanation),
        created_at: at,
        payment_id: None,
    };
    ledger::insert_all(conn, &[posting])?;
    Ok(())
}
