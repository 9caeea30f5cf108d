//! Reading statements back: one with its lines, or a page of them.

use std::collections::HashMap;

use solvo_domain::money::{Currency, Money};
use solvo_domain::permission::Permission;
use solvo_domain::remittance::{LineKind, PaymentParts, RemittanceLine};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases;
use solvo_persistence::repositories::page::{Page, PageRequest};
use solvo_persistence::repositories::remittances::{self, LineRow, RemittanceRow};

use crate::error::AppError;
use crate::principal::Principal;

/// A line with the case it belongs to.
#[derive(Debug, Clone)]
pub struct StatementLine {
    /// The stored line.
    pub row: LineRow,
    /// The case's number.
    pub case_number: i64,
    /// The creditor's reference of the case.
    pub creditor_reference: String,
}

/// A statement with its lines.
#[derive(Debug, Clone)]
pub struct Statement {
    /// The stored statement.
    pub row: RemittanceRow,
    /// Its lines in the order written.
    pub lines: Vec<StatementLine>,
}

/// The statement `id` as the caller may see it (the agency every creditor's, a creditor its own).
///
/// # Errors
/// [`AppError::Forbidden`] without `read_remittances`; [`AppError::NotFound`].
pub fn get(conn: &mut AnyConnection, caller: &Principal, id: &str) -> Result<Statement, AppError> {
    caller.require(Permission::ReadRemittances)?;
    let row = remittances::find(conn, caller.tenant_scope(), id)?;
    let lines = remittances::lines_of(conn, &row.id)?;
    assemble(conn, row, lines)
}

/// One page of the statements the caller may see, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_remittances`.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    page: &PageRequest,
) -> Result<Page<RemittanceRow>, AppError> {
    caller.require(Permission::ReadRemittances)?;
    Ok(remittances::list(conn, caller.tenant_scope(), page)?)
}

/// A statement with its lines' case numbers.
///
/// # Errors
/// Database errors.
pub(super) fn assemble(
    conn: &mut AnyConnection,
    row: RemittanceRow,
    lines: Vec<LineRow>,
) -> Result<Statement, AppError> {
    let mut case_numbers: HashMap<String, (i64, String)> = HashMap::new();
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if !case_numbers.contains_key(&line.case_id) {
            let case = cases::find(conn, None, &line.case_id)?;
            case_numbers.insert(
                line.case_id.clone(),
                (case.case_number, case.creditor_reference),
            );
        }
        let (case_number, creditor_reference) =
            case_numbers.get(&line.case_id).cloned().unwrap_or_default();
        out.push(StatementLine {
            row: line,
            case_number,
            creditor_reference,
        });
    }
    Ok(Statement { row, lines: out })
}

/// A stored line in the domain's terms.
///
/// # Errors
/// [`AppError::Corrupt`] for an unknown kind.
pub(super) fn line_of(row: &LineRow, currency: Currency) -> Result<RemittanceLine, AppError> {
    let money = |minor: i64| Money::from_minor(minor, currency);
    let kind = LineKind::parse(&row.kind).ok_or_else(|| {
        AppError::corrupt("remittance line", &row.id, format!("kind `{}`", row.kind))
    })?;
    Ok(RemittanceLine {
        kind,
        parts: PaymentParts {
            amount: money(row.amount_minor),
            principal: money(row.principal_minor),
            interest: money(row.interest_minor),
            costs: money(row.costs_minor),
            unapplied: money(row.unapplied_minor),
        },
        commission: money(row.commission_minor),
    })
}
