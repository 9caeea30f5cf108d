//! The prescription summary a case shows: its earliest limitation deadline under the
//! jurisdiction's general rule, the invoice it falls on, and the warning due today.

use chrono::NaiveDate;
use solvo_domain::jurisdiction::{self, JurisdictionCode};
use solvo_domain::prescription::{
    ClaimDates, DEFAULT_WARNING_HORIZONS_DAYS, WarningLevel, deadline, warnings,
};
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::InvoiceRow;

/// A case's earliest limitation deadline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrescriptionSummary {
    /// Last day to interrupt or sue, if the jurisdiction's rule is known.
    pub deadline: Option<NaiveDate>,
    /// The invoice that prescribes first.
    pub invoice: Option<String>,
    /// The warning due today: approaching within a horizon, or expired.
    pub warning: Option<WarningLevel>,
    /// Days left until the deadline.
    pub days_left: Option<i64>,
    /// Statute and article.
    pub legal_basis: Option<String>,
}

impl PrescriptionSummary {
    /// Whether the earliest deadline has passed on `today` (the state machine's guard reads it).
    #[must_use]
    pub fn prescribed_on(&self, today: NaiveDate) -> bool {
        self.deadline.is_some_and(|deadline| deadline < today)
    }
}

/// The summary for `case` with `invoices` on `today`.
#[must_use]
pub fn summarise(case: &CaseRow, invoices: &[InvoiceRow], today: NaiveDate) -> PrescriptionSummary {
    let rule = JurisdictionCode::parse(&case.jurisdiction)
        .ok()
        .and_then(jurisdiction::find)
        .and_then(|rules| rules.general_prescription());
    let Some(rule) = rule else {
        return PrescriptionSummary::default();
    };
    let earliest = invoices
        .iter()
        .filter_map(|invoice| {
            deadline(rule, ClaimDates::due(invoice.due_date), &[])
                .ok()
                .and_then(|outcome| outcome.deadline())
                .map(|date| (date, invoice.number.clone()))
        })
        .min();
    let legal_basis = Some(rule.legal_basis.to_owned());
    let Some((date, invoice)) = earliest else {
        return PrescriptionSummary {
            legal_basis,
            ..PrescriptionSummary::default()
        };
    };
    let warning = warnings(date, today, &DEFAULT_WARNING_HORIZONS_DAYS)
        .into_iter()
        .last()
        .map(|warning| warning.level);
    PrescriptionSummary {
        deadline: Some(date),
        invoice: Some(invoice),
        warning,
        days_left: Some((date - today).num_days()),
        legal_basis,
    }
}
