//! What the law lets the creditor claim on top of the principal: statutory interest, fixed
//! compensation, collection costs and the prescription deadline, computed by the domain for each
//! invoice of a quote.
//!
//! A rule that is absent, or a figure the domain cannot give (a reference rate outside the shipped
//! history, thresholds in another currency), becomes a `null` figure and a [`QuoteGap`] with the
//! reason, never a guess. A total is given only when every invoice has its figure, so a total
//! never silently leaves an invoice out.

use chrono::NaiveDate;
use solvo_domain::interest::{
    BalanceSchedule, InterestBreakdown, InterestError, InterestLine, statutory_interest,
};
use solvo_domain::jurisdiction::{
    CollectionCostBasis, CollectionCostRule, CompensationUnit, Jurisdiction, RuleTopic,
};
use solvo_domain::ledger::{
    CompensationDue, CompensationGapReason, CompensationScope, LedgerInvoice, compensation_due,
};
use solvo_domain::money::{Currency, Money};
use solvo_domain::prescription::{ClaimDates, PrescriptionError, deadline};
use solvo_domain::rates::RateTables;

use super::input::{ParsedInvoice, ParsedQuote};
use crate::error::AppError;

/// One line of statutory interest of one invoice.
#[derive(Debug, Clone)]
pub struct QuoteInterestLine {
    /// Index of the invoice in the request (from 0).
    pub invoice: usize,
    /// The domain's line: days, base, rate, amount, legal basis.
    pub line: InterestLine,
}

/// Statutory interest over every invoice.
#[derive(Debug, Clone)]
pub struct QuoteInterest {
    /// Sum of the invoices' interest.
    pub total: Money,
    /// True when any line rests on a reference rate carried forward.
    pub provisional: bool,
    /// The lines, invoice by invoice.
    pub lines: Vec<QuoteInterestLine>,
}

/// Fixed recovery-cost compensation of one invoice.
#[derive(Debug, Clone)]
pub struct QuoteCompensationLine {
    /// Index of the invoice in the request.
    pub invoice: usize,
    /// The amount, in the statute's currency.
    pub amount: Money,
    /// How often the statute grants it.
    pub unit: CompensationUnit,
    /// Statute and article.
    pub legal_basis: &'static str,
}

/// Fixed compensation over every overdue invoice.
#[derive(Debug, Clone)]
pub struct QuoteCompensation {
    /// Sum of the lines.
    pub total: Money,
    /// One line per overdue invoice.
    pub lines: Vec<QuoteCompensationLine>,
}

/// The collection-cost rule of the jurisdiction and its figure for the quote.
#[derive(Debug, Clone)]
pub struct QuoteCollectionCosts {
    /// The rule (its summary, legal basis and note are shown as they are).
    pub rule: CollectionCostRule,
    /// `statutory_scale` or `reasonable_costs`.
    pub basis: &'static str,
    /// The scale's figure for the principal, where the basis is a scale in the claim's currency.
    pub scale_amount: Option<Money>,
    /// What the scale adds on top of the fixed compensation of the quote: the scale amount less
    /// that compensation where the rule counts it within the scale (NL BW 6:96(4)), never below
    /// zero; the whole scale amount where it does not. `None` where either figure is missing.
    pub beyond_compensation: Option<Money>,
}

/// The prescription deadline of one invoice, with no interrupting event recorded.
#[derive(Debug, Clone)]
pub struct QuotePrescription {
    /// The last day the claim can still be brought.
    pub deadline: NaiveDate,
    /// True when the deadline lies before `as_of`.
    pub time_barred: bool,
    /// The claims the rule covers.
    pub applies_to: &'static str,
    /// Statute and article.
    pub legal_basis: &'static str,
}

/// One invoice and what the law adds to it.
#[derive(Debug, Clone)]
pub struct QuoteInvoiceEstimate {
    /// Index in the request (from 0).
    pub index: usize,
    /// The principal.
    pub amount: Money,
    /// The due date.
    pub due_date: NaiveDate,
    /// Days past due on `as_of` (0 when not yet overdue).
    pub days_overdue: i64,
    /// Statutory interest of this invoice, when available.
    pub interest: Option<Money>,
    /// Fixed compensation of this invoice, when available and due.
    pub compensation: Option<Money>,
    /// Prescription deadline, when available.
    pub prescription: Option<QuotePrescription>,
}

/// A figure left out because a rule is not available, and why.
#[derive(Debug, Clone)]
pub struct QuoteGap {
    /// The topic.
    pub topic: RuleTopic,
    /// The invoices affected (indices); empty when the gap concerns the whole claim.
    pub invoices: Vec<usize>,
    /// Why the figure is not available.
    pub reason: String,
}

/// The statutory part of a quote.
#[derive(Debug, Clone)]
pub struct Statutory {
    /// Interest over every invoice, if available for all.
    pub interest: Option<QuoteInterest>,
    /// Compensation over every overdue invoice, if available for all.
    pub compensation: Option<QuoteCompensation>,
    /// The collection-cost rule, if known.
    pub collection_costs: Option<QuoteCollectionCosts>,
    /// Invoice by invoice.
    pub invoices: Vec<QuoteInvoiceEstimate>,
    /// What is not available and why.
    pub gaps: Vec<QuoteGap>,
}

/// Collects gaps, merging the same reason on the same topic into one entry with every invoice.
#[derive(Debug, Default)]
struct Gaps(Vec<QuoteGap>);

impl Gaps {
    fn add(&mut self, topic: RuleTopic, invoice: Option<usize>, reason: String) {
        if let Some(gap) = self
            .0
            .iter_mut()
            .find(|gap| gap.topic == topic && gap.reason == reason)
        {
            gap.invoices.extend(invoice);
        } else {
            self.0.push(QuoteGap {
                topic,
                invoices: invoice.into_iter().collect(),
                reason,
            });
        }
    }
}

/// Why a rule on `topic` is absent: the record's own gap reasons, or `fallback` when it has none.
fn absent(jurisdiction: &Jurisdiction, topic: RuleTopic, fallback: String) -> String {
    let reasons: Vec<&str> = jurisdiction.gaps_on(topic).map(|gap| gap.reason).collect();
    if reasons.is_empty() {
        fallback
    } else {
        format!(
            "Not available for {}: {}",
            jurisdiction.code,
            reasons.join(" ")
        )
    }
}

/// Computes every statutory figure of `quote`.
///
/// # Errors
/// Only on arithmetic overflow of amounts the input checks already bound, which is a bug.
pub fn statutory(
    quote: &ParsedQuote,
    rates: &RateTables,
    principal_total: Money,
) -> Result<Statutory, AppError> {
    let jurisdiction = quote.jurisdiction;
    let mut gaps = Gaps::default();
    let mut interest_lines = Vec::new();
    let mut interest_amounts = Vec::new();
    let mut compensation_lines = Vec::new();
    let mut compensation_amounts = Vec::new();
    let mut interest_complete = true;
    let mut compensation_complete = true;
    let mut invoices = Vec::with_capacity(quote.invoices.len());
    let due = quote_compensation(quote);
    for (index, invoice) in quote.invoices.iter().enumerate() {
        let interest = match invoice_interest(jurisdiction, rates, invoice, quote.as_of) {
            Ok(breakdown) => {
                // Interest after a rate the tables lack is a gap: the lines before it stay, the
                // total is withheld so it never silently leaves days out.
                if let Some(gap) = breakdown.as_ref().and_then(|b| b.gap.clone()) {
                    interest_complete = false;
                    gaps.add(
                        RuleTopic::Interest,
                        Some(index),
                        format!(
                            "Interest from {} to {} is not computed: {}",
                            gap.from,
                            gap.to.pred_opt().unwrap_or(gap.to),
                            interest_gap(rates, &InterestError::from(gap.reason))
                        ),
                    );
                }
                let total = breakdown.as_ref().map_or_else(
                    || Money::zero(invoice.principal.currency()),
                    |breakdown| breakdown.total,
                );
                interest_lines.extend(breakdown.into_iter().flat_map(|b| b.lines).map(|line| {
                    QuoteInterestLine {
                        invoice: index,
                        line,
                    }
                }));
                interest_amounts.push(total);
                Some(total)
            }
            Err(reason) => {
                interest_complete = false;
                gaps.add(RuleTopic::Interest, Some(index), reason);
                None
            }
        };
        let charge = due.charges.iter().find(|charge| charge.invoice == index);
        if let Some(charge) = charge {
            compensation_lines.push(QuoteCompensationLine {
                invoice: index,
                amount: charge.amount,
                unit: charge.unit,
                legal_basis: charge.legal_basis,
            });
            compensation_amounts.push(charge.amount);
        }
        if let Some(gap) = due.gaps.iter().find(|gap| gap.invoice == index) {
            compensation_complete = false;
            let reason = match gap.reason {
                CompensationGapReason::NoRule { .. } => absent(
                    jurisdiction,
                    RuleTopic::RecoveryCompensation,
                    gap.reason.to_string(),
                ),
                _ => gap.reason.to_string(),
            };
            gaps.add(RuleTopic::RecoveryCompensation, Some(index), reason);
        }
        let compensation = charge.map(|charge| charge.amount);
        let prescription = match invoice_prescription(jurisdiction, invoice, quote.as_of) {
            Ok(prescription) => Some(prescription),
            Err(reason) => {
                gaps.add(RuleTopic::Prescription, Some(index), reason);
                None
            }
        };
        invoices.push(QuoteInvoiceEstimate {
            index,
            amount: invoice.principal,
            due_date: invoice.due_date,
            days_overdue: (quote.as_of - invoice.due_date).num_days().max(0),
            interest,
            compensation,
            prescription,
        });
    }
    let interest = if interest_complete {
        Some(interest_total(
            quote.currency,
            interest_lines,
            interest_amounts,
        )?)
    } else {
        None
    };
    let compensation = if compensation_complete {
        compensation_total(
            quote.currency,
            compensation_lines,
            compensation_amounts,
            &mut gaps,
        )
    } else {
        None
    };
    let compensation_due = compensation.as_ref().map(|compensation| compensation.total);
    let collection_costs =
        collection_costs(jurisdiction, principal_total, compensation_due, &mut gaps);
    Ok(Statutory {
        interest,
        compensation,
        collection_costs,
        invoices,
        gaps: gaps.0,
    })
}

/// Interest of one invoice from the day after its due date up to and including `as_of`;
/// `Ok(None)` when it is not overdue on `as_of`.
fn invoice_interest(
    jurisdiction: &Jurisdiction,
    rates: &RateTables,
    invoice: &ParsedInvoice,
    as_of: NaiveDate,
) -> Result<Option<InterestBreakdown>, String> {
    if invoice.due_date >= as_of {
        return Ok(None);
    }
    // The statute's test date (when the obligation arose, or when interest starts) is not asked
    // for in a quote; the due date stands in for it, which only matters for claims on either side
    // of a reform date.
    let rule = jurisdiction
        .interest_rule_for(invoice.due_date)
        .ok_or_else(|| {
            absent(
                jurisdiction,
                RuleTopic::Interest,
                format!(
                    "No statutory interest rule of {} is known for a claim due on {}.",
                    jurisdiction.code, invoice.due_date
                ),
            )
        })?;
    let out_of_range = || "The dates are out of range.".to_owned();
    let from = invoice.due_date.succ_opt().ok_or_else(out_of_range)?;
    let to = as_of.succ_opt().ok_or_else(out_of_range)?;
    statutory_interest(
        rule,
        rates,
        &BalanceSchedule::constant(invoice.principal),
        from,
        to,
        None,
    )
    .map(Some)
    .map_err(|err| interest_gap(rates, &err))
}

fn interest_gap(rates: &RateTables, err: &InterestError) -> String {
    match err {
        InterestError::RateUnavailable {
            series,
            observed_on,
        } if rates.get(*series).is_none() => format!(
            "The history of the {} is not shipped with Solvo, so the statutory rate for {observed_on} \
             cannot be computed.",
            series.name()
        ),
        InterestError::RateUnavailable {
            series,
            observed_on,
        } => format!(
            "No {} is known for {observed_on}: the shipped history does not reach that day.",
            series.name()
        ),
        InterestError::FixedRateUnknown { day } => {
            format!("The statutory rate is not known from {day}.")
        }
        InterestError::RateNotEstablished { day } => format!(
            "Which reference rate applies from {day} is not established by the statute's text as \
             read (see the jurisdiction's interest gap)."
        ),
        other => format!("Interest could not be computed: {other}."),
    }
}

/// The fixed compensation of the quote's invoices overdue on `as_of`, by the one rule of how
/// often it is due (`solvo_domain::ledger::compensation_due`, which placement books by too).
fn quote_compensation(quote: &ParsedQuote) -> CompensationDue {
    let invoices: Vec<LedgerInvoice> = quote
        .invoices
        .iter()
        .enumerate()
        .map(|(index, invoice)| LedgerInvoice {
            id: index.to_string(),
            number: index.to_string(),
            due_date: invoice.due_date,
            principal: invoice.principal,
        })
        .collect();
    compensation_due(
        quote.jurisdiction.code,
        &invoices,
        CompensationScope::OverdueOn(quote.as_of),
    )
}

fn invoice_prescription(
    jurisdiction: &Jurisdiction,
    invoice: &ParsedInvoice,
    as_of: NaiveDate,
) -> Result<QuotePrescription, String> {
    let rule = jurisdiction.general_prescription().ok_or_else(|| {
        absent(
            jurisdiction,
            RuleTopic::Prescription,
            format!("No prescription rule of {} is known.", jurisdiction.code),
        )
    })?;
    let outcome =
        deadline(rule, ClaimDates::due(invoice.due_date), &[]).map_err(|err| match err {
            PrescriptionError::MissingArisingDate => {
                "The period runs from the day the claim arose, \
                                                  which a quote does not ask for."
                    .to_owned()
            }
        })?;
    // Without events nothing can halt prescription, so the outcome always has a deadline.
    let deadline = outcome
        .deadline()
        .ok_or_else(|| "Prescription is halted.".to_owned())?;
    Ok(QuotePrescription {
        deadline,
        time_barred: deadline < as_of,
        applies_to: rule.applies_to,
        legal_basis: rule.legal_basis,
    })
}

/// The interest of every invoice added up; each is in the quote's currency.
fn interest_total(
    currency: Currency,
    lines: Vec<QuoteInterestLine>,
    per_invoice: Vec<Money>,
) -> Result<QuoteInterest, AppError> {
    let total = Money::checked_sum(per_invoice, currency)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("interest total: {err}")))?;
    Ok(QuoteInterest {
        total,
        provisional: lines.iter().any(|line| line.line.provisional),
        lines,
    })
}

/// The compensation total, in the statute's currency; `None` (with a gap) in the unlikely case
/// that the invoices' rules use different currencies, which cannot be added up.
fn compensation_total(
    quote_currency: Currency,
    lines: Vec<QuoteCompensationLine>,
    amounts: Vec<Money>,
    gaps: &mut Gaps,
) -> Option<QuoteCompensation> {
    let currency = amounts.first().map_or(quote_currency, Money::currency);
    if let Ok(total) = Money::checked_sum(amounts, currency) {
        return Some(QuoteCompensation { total, lines });
    }
    gaps.add(
        RuleTopic::RecoveryCompensation,
        None,
        "The invoices' compensation is in different currencies, which are not added up.".to_owned(),
    );
    None
}

/// The collection-cost rule and, for a scale, its figure and what it adds on top of
/// `compensation_due`, the quote's fixed compensation total.
fn collection_costs(
    jurisdiction: &Jurisdiction,
    principal_total: Money,
    compensation_due: Option<Money>,
    gaps: &mut Gaps,
) -> Option<QuoteCollectionCosts> {
    let Some(rule) = jurisdiction.collection_costs else {
        gaps.add(
            RuleTopic::CollectionCosts,
            None,
            absent(
                jurisdiction,
                RuleTopic::CollectionCosts,
                format!(
                    "Whether collection costs can be charged to a business debtor in {} is not known.",
                    jurisdiction.code
                ),
            ),
        );
        return None;
    };
    let (basis, scale_amount) = match rule.basis {
        CollectionCostBasis::Scale { scale, .. } => match scale.amount_for(principal_total) {
            Ok(amount) => ("statutory_scale", Some(amount)),
            Err(err) => {
                gaps.add(
                    RuleTopic::CollectionCosts,
                    None,
                    format!("The scale's figure is not available: {err}."),
                );
                ("statutory_scale", None)
            }
        },
        CollectionCostBasis::ReasonableCosts { .. } => ("reasonable_costs", None),
    };
    // A scale error was reported above; a missing compensation total has its own gap, and one
    // in another currency than the scale has no figure to credit.
    let beyond_compensation = scale_amount
        .zip(compensation_due)
        .and_then(|(amount, due)| rule.basis.charged_beyond(amount, due).ok());
    Some(QuoteCollectionCosts {
        rule,
        basis,
        scale_amount,
        beyond_compensation,
    })
}
