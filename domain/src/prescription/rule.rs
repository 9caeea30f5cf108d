//! A jurisdiction's prescription (limitation) rule for a payment claim.

use serde::Serialize;

/// How long a claim can be enforced, from when, and what the case's events do to the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PrescriptionRule {
    /// The claims the rule covers, in words ("contract claims", "sale of goods").
    pub applies_to: &'static str,
    /// The length of the period in years.
    pub period_years: u32,
    /// The day the period is counted from.
    pub start: PrescriptionStart,
    /// True when every period ends on 31 December of the year it would otherwise end in
    /// (PL KC art. 118 since 9 July 2018).
    pub ends_at_year_end: bool,
    /// A cap counted from the day the claim arose, or else its due date (CA-ON 15 years, CN 20,
    /// NZ 15).
    pub long_stop_years: Option<u32>,
    /// True when a restart also counts the cap anew from its day: an acknowledgment that deems the
    /// claim's act or omission to have happened on its day (CA-ON Limitations Act, 2002 s.13(1),
    /// with s.15(2) counting the ultimate period from that day). False where the cap holds whatever
    /// happens.
    pub long_stop_moves_with_restart: bool,
    /// What each kind of event does.
    pub effects: EventEffects,
    /// Statute and article of the period.
    pub legal_basis: &'static str,
    /// What the encoding approximates, in a sentence or two.
    pub note: &'static str,
}

/// The day a prescription period is counted from. The period ends on the same calendar day
/// `period_years` later (the start day itself is not counted, as in BGB s.187, OR Art. 132,
/// BW 3:307 "the day after").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrescriptionStart {
    /// The due date: the claim is enforceable, or the debtor is in breach, from then.
    DueDate,
    /// The end of the calendar year in which the claim fell due (DE BGB s.199(1)).
    EndOfYearOfDueDate,
    /// The day the claim became enforceable, the day after the due date, itself the first day of
    /// the period (PL KC art. 120 §1 "od dnia, w którym roszczenie stało się wymagalne", art. 112).
    /// It differs from [`PrescriptionStart::DueDate`] only where the period ends at a year-end
    /// and the due date is 31 December.
    DayAfterDueDate,
    /// The day the claim arose (SE Preskriptionslag s.2: "från fordringens tillkomst"), which the
    /// caller must supply because it usually precedes the due date.
    ClaimArose,
}

/// The effect of each kind of [`super::PrescriptionEventKind`] under one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct EventEffects {
    /// A written acknowledgment by the debtor.
    pub written_acknowledgement: EventEffect,
    /// An oral acknowledgment, or one by conduct other than payment.
    pub oral_acknowledgement: EventEffect,
    /// A part payment (of principal or interest).
    pub part_payment: EventEffect,
    /// A written demand for payment by the creditor.
    pub written_demand: EventEffect,
    /// A court claim (or payment order) filed by the creditor.
    pub court_filing: EventEffect,
    /// A judgment on the claim: where the law gives a judged claim a period of its own, it
    /// restarts from the judgment, also after a filing halted the period.
    pub judgment: EventEffect,
}

/// What one event does to the running period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventEffect {
    /// A new period of `years` starts on the day after the event.
    Restart {
        /// The length of the new period.
        years: u32,
        /// Statute and article.
        legal_basis: &'static str,
    },
    /// The claim has been brought: prescription no longer runs for collection purposes (it is
    /// suspended or interrupted for the proceedings, which this module does not follow).
    Halt {
        /// Statute and article.
        legal_basis: &'static str,
    },
    /// The law says the event does not affect the period.
    NoEffect {
        /// Statute, article or decision.
        legal_basis: &'static str,
    },
    /// The reference material does not establish an effect. Treated like no effect, which keeps
    /// the deadline on the safe (earlier) side, and reported as such.
    NotEstablished,
}
