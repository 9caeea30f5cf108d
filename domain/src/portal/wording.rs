//! What a debtor reads about the state of their case, in the portal's four languages.
//!
//! A debtor does not know the collector's workflow (`assessment`, `pre_legal`): they need to
//! know whether they still owe, whether a plan or a dispute is running, and whether court
//! action is being considered. So several states read alike, and each answer has a stable
//! `status` a client can branch on beside the text.

use super::language::Language;
use crate::case::{CaseState, Outcome};

/// A case's state as a debtor sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DebtorStatus {
    /// Stable code: `open`, `payment_plan`, `disputed`, `on_hold`, `legal_action_considered`,
    /// `legal_proceedings`, `insolvency`, `settled` or `closed`.
    pub status: &'static str,
    /// One sentence in the debtor's language.
    pub text: &'static str,
}

/// The debtor's view of `state`, in `language`.
#[must_use]
pub fn status_of(state: &CaseState, language: Language) -> DebtorStatus {
    let (status, texts) = match state {
        CaseState::Submitted | CaseState::Assessment | CaseState::Amicable => ("open", OPEN),
        CaseState::PaymentPlan => ("payment_plan", PAYMENT_PLAN),
        CaseState::Disputed { .. } => ("disputed", DISPUTED),
        CaseState::Paused { .. } => ("on_hold", ON_HOLD),
        CaseState::PreLegal => ("legal_action_considered", PRE_LEGAL),
        CaseState::Legal => ("legal_proceedings", LEGAL),
        CaseState::Insolvency => ("insolvency", INSOLVENCY),
        CaseState::Closed {
            outcome: Outcome::PaidInFull | Outcome::PaidDirect,
        } => ("settled", SETTLED),
        CaseState::Closed { .. } => ("closed", CLOSED),
    };
    DebtorStatus {
        status,
        text: in_language(texts, language),
    }
}

/// One line of statutory (or agreed) interest, in plain words: the rate, the amount it runs
/// on, the days and the legal basis. `last_day` is the line's last interest day (inclusive), as
/// a debtor counts; amounts come formatted by the caller (`1000.00 EUR`).
#[derive(Debug, Clone, Copy)]
pub struct InterestLineFacts<'a> {
    /// Yearly rate in percent, as written (`11.27`).
    pub rate_percent: &'a str,
    /// The amount interest runs on.
    pub base: &'a str,
    /// First interest day.
    pub first_day: chrono::NaiveDate,
    /// Last interest day.
    pub last_day: chrono::NaiveDate,
    /// Number of days.
    pub days: i64,
    /// The statute and article, or that the parties agreed the rate.
    pub legal_basis: &'a str,
    /// The rate rests on a reference rate carried forward past its last published value.
    pub provisional: bool,
}

/// The sentence explaining an interest line in `language`.
#[must_use]
pub fn interest_line(facts: &InterestLineFacts<'_>, language: Language) -> String {
    let InterestLineFacts {
        rate_percent,
        base,
        first_day,
        last_day,
        days,
        legal_basis,
        provisional,
    } = *facts;
    let mut text = match language {
        Language::En => format!(
            "{rate_percent}% a year on {base} for {days} days, {first_day} to {last_day}. Legal basis: {legal_basis}."
        ),
        Language::De => format!(
            "{rate_percent} % pro Jahr auf {base} für {days} Tage, {first_day} bis {last_day}. Rechtsgrundlage: {legal_basis}."
        ),
        Language::Nl => format!(
            "{rate_percent}% per jaar over {base} gedurende {days} dagen, {first_day} tot en met {last_day}. Wettelijke grondslag: {legal_basis}."
        ),
        Language::Fr => format!(
            "{rate_percent} % par an sur {base} pendant {days} jours, du {first_day} au {last_day}. Base légale : {legal_basis}."
        ),
    };
    if provisional {
        text.push(' ');
        text.push_str(in_language(PROVISIONAL, language));
    }
    text
}

/// The sentence explaining fixed recovery compensation under `legal_basis`.
#[must_use]
pub fn compensation(legal_basis: &str, language: Language) -> String {
    format!("{} {legal_basis}.", in_language(COMPENSATION, language))
}

/// The sentence explaining collection costs under `legal_basis`.
#[must_use]
pub fn costs(legal_basis: &str, language: Language) -> String {
    format!("{} {legal_basis}.", in_language(COSTS, language))
}

/// Why some interest is not in the amount owed, in `language`: no statutory rule for the
/// invoice, or days whose reference rate is not published yet (charged once it is).
#[must_use]
pub fn interest_gap(gap: &crate::ledger::InterestGap, language: Language) -> String {
    use crate::ledger::InterestGapReason;
    let invoice = &gap.invoice;
    match &gap.reason {
        InterestGapReason::NoRule { .. } | InterestGapReason::Unavailable(_) => match language {
            Language::En => format!("Invoice {invoice}: no interest is charged."),
            Language::De => format!("Rechnung {invoice}: Es werden keine Zinsen berechnet."),
            Language::Nl => format!("Factuur {invoice}: er wordt geen rente berekend."),
            Language::Fr => format!("Facture {invoice} : aucun intérêt n'est facturé."),
        },
        InterestGapReason::RateMissing(missing) => {
            let (from, last) = (missing.from, missing.to.pred_opt().unwrap_or(missing.to));
            match language {
                Language::En => format!(
                    "Invoice {invoice}: interest from {from} to {last} is not included yet; the reference rate for those days is not published."
                ),
                Language::De => format!(
                    "Rechnung {invoice}: Zinsen vom {from} bis {last} sind noch nicht enthalten; der Referenzzinssatz für diese Tage ist nicht veröffentlicht."
                ),
                Language::Nl => format!(
                    "Factuur {invoice}: rente van {from} tot en met {last} is nog niet inbegrepen; de referentierente voor die dagen is niet gepubliceerd."
                ),
                Language::Fr => format!(
                    "Facture {invoice} : les intérêts du {from} au {last} ne sont pas encore inclus ; le taux de référence de ces jours n'est pas publié."
                ),
            }
        }
    }
}

/// How to pay by transfer, in `language`: the amount, the account and the reference to quote.
#[must_use]
pub fn transfer(
    amount: &str,
    holder: &str,
    iban: &str,
    reference: &str,
    language: Language,
) -> String {
    match language {
        Language::En => format!(
            "Transfer {amount} to {holder}, IBAN {iban}, quoting the reference {reference} exactly: it tells us which case your payment settles."
        ),
        Language::De => format!(
            "Überweisen Sie {amount} an {holder}, IBAN {iban}, mit genau dem Verwendungszweck {reference}: daran erkennen wir, welchen Fall Ihre Zahlung begleicht."
        ),
        Language::Nl => format!(
            "Maak {amount} over naar {holder}, IBAN {iban}, met precies het kenmerk {reference}: daaraan zien wij welk dossier uw betaling voldoet."
        ),
        Language::Fr => format!(
            "Virez {amount} à {holder}, IBAN {iban}, en indiquant exactement la référence {reference} : elle nous dit quel dossier votre paiement règle."
        ),
    }
}

/// What to do when the agency has no account in the case's currency, in `language`.
#[must_use]
pub fn no_account(currency: &str, language: Language) -> String {
    match language {
        Language::En => format!(
            "Paying {currency} by bank transfer is not set up here; send a message to your collector."
        ),
        Language::De => format!(
            "Eine Überweisung in {currency} ist hier nicht eingerichtet; schreiben Sie Ihrem Sachbearbeiter."
        ),
        Language::Nl => format!(
            "Betalen in {currency} per overschrijving is hier niet ingericht; stuur uw incassomedewerker een bericht."
        ),
        Language::Fr => {
            format!("Le virement en {currency} n'est pas prévu ici ; écrivez à votre gestionnaire.")
        }
    }
}

const PROVISIONAL: Texts = [
    "The reference rate for these days is not published yet; the last published one is used until it is.",
    "Der Referenzzinssatz für diese Tage ist noch nicht veröffentlicht; bis dahin gilt der zuletzt veröffentlichte.",
    "De referentierente voor deze dagen is nog niet gepubliceerd; tot dan geldt de laatst gepubliceerde.",
    "Le taux de référence de ces jours n'est pas encore publié ; le dernier publié s'applique jusque-là.",
];
const COMPENSATION: Texts = [
    "A fixed sum the law grants the creditor for the cost of recovering a late payment. Legal basis:",
    "Eine Pauschale, die das Gesetz dem Gläubiger für die Kosten der Beitreibung einer verspäteten Zahlung gewährt. Rechtsgrundlage:",
    "Een vast bedrag dat de wet de schuldeiser toekent voor de kosten van het innen van een te late betaling. Wettelijke grondslag:",
    "Une indemnité forfaitaire que la loi accorde au créancier pour les frais de recouvrement d'un paiement tardif. Base légale :",
];
const COSTS: Texts = [
    "Costs of collecting the debt that the law lets the creditor recover from you. Legal basis:",
    "Kosten der Beitreibung, die der Gläubiger nach dem Gesetz von Ihnen ersetzt verlangen kann. Rechtsgrundlage:",
    "Kosten van de invordering die de schuldeiser volgens de wet op u mag verhalen. Wettelijke grondslag:",
    "Frais de recouvrement que la loi permet au créancier de vous réclamer. Base légale :",
];

/// The same sentence in English, German, Dutch and French.
pub(crate) type Texts = [&'static str; 4];

pub(crate) fn in_language(texts: Texts, language: Language) -> &'static str {
    match language {
        Language::En => texts[0],
        Language::De => texts[1],
        Language::Nl => texts[2],
        Language::Fr => texts[3],
    }
}

const OPEN: Texts = [
    "The amount below is due. Pay it, ask for a payment plan, or tell us if you disagree.",
    "Der unten genannte Betrag ist fällig. Zahlen Sie ihn, beantragen Sie eine Ratenzahlung oder teilen Sie uns mit, wenn Sie nicht einverstanden sind.",
    "Het onderstaande bedrag is verschuldigd. Betaal het, vraag een betalingsregeling aan of laat ons weten als u het er niet mee eens bent.",
    "Le montant ci-dessous est dû. Payez-le, demandez un échéancier ou dites-nous si vous le contestez.",
];
const PAYMENT_PLAN: Texts = [
    "A payment plan is agreed. Pay each instalment on its date.",
    "Eine Ratenzahlung ist vereinbart. Zahlen Sie jede Rate zu ihrem Termin.",
    "Er is een betalingsregeling afgesproken. Betaal elke termijn op de afgesproken datum.",
    "Un échéancier est convenu. Payez chaque échéance à sa date.",
];
const DISPUTED: Texts = [
    "Your dispute is being reviewed. We will tell you the outcome.",
    "Ihr Einwand wird geprüft. Wir teilen Ihnen das Ergebnis mit.",
    "Uw bezwaar wordt beoordeeld. Wij laten u de uitkomst weten.",
    "Votre contestation est en cours d'examen. Nous vous informerons du résultat.",
];
const ON_HOLD: Texts = [
    "Collection is on hold for now. The amount is still owed.",
    "Das Inkasso ruht vorerst. Der Betrag bleibt geschuldet.",
    "De incasso is voorlopig stilgezet. Het bedrag blijft verschuldigd.",
    "Le recouvrement est suspendu pour le moment. Le montant reste dû.",
];
const PRE_LEGAL: Texts = [
    "The creditor is deciding whether to take legal action. Paying now avoids court costs.",
    "Der Gläubiger prüft gerichtliche Schritte. Wenn Sie jetzt zahlen, vermeiden Sie Gerichtskosten.",
    "De schuldeiser overweegt juridische stappen. Door nu te betalen voorkomt u proceskosten.",
    "Le créancier envisage une action en justice. Payer maintenant évite des frais de procédure.",
];
const LEGAL: Texts = [
    "Legal proceedings are under way. You can still pay or contact us.",
    "Ein gerichtliches Verfahren läuft. Sie können weiterhin zahlen oder uns kontaktieren.",
    "Er loopt een gerechtelijke procedure. U kunt nog steeds betalen of contact met ons opnemen.",
    "Une procédure judiciaire est en cours. Vous pouvez toujours payer ou nous contacter.",
];
const INSOLVENCY: Texts = [
    "The claim is handled in the insolvency proceedings.",
    "Die Forderung wird im Insolvenzverfahren behandelt.",
    "De vordering wordt in de insolventieprocedure behandeld.",
    "La créance est traitée dans la procédure d'insolvabilité.",
];
const SETTLED: Texts = [
    "This case is settled. Thank you.",
    "Dieser Fall ist erledigt. Vielen Dank.",
    "Dit dossier is afgehandeld. Dank u wel.",
    "Ce dossier est réglé. Merci.",
];
const CLOSED: Texts = [
    "This case is closed. Nothing more is collected through this portal.",
    "Dieser Fall ist abgeschlossen. Über dieses Portal wird nichts mehr eingezogen.",
    "Dit dossier is gesloten. Via dit portaal wordt niets meer geïnd.",
    "Ce dossier est clôturé. Plus rien n'est recouvré par ce portail.",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::ResumableState;
    use crate::portal::language::ALL;

    #[test]
    fn the_collectors_workflow_is_one_open_state_to_the_debtor() {
        for state in [
            CaseState::Submitted,
            CaseState::Assessment,
            CaseState::Amicable,
        ] {
            assert_eq!(status_of(&state, Language::En).status, "open");
        }
        let paused = CaseState::Paused {
            resume_to: ResumableState::Amicable,
        };
        assert_eq!(status_of(&paused, Language::En).status, "on_hold");
    }

    #[test]
    fn paid_cases_read_settled_and_others_closed() {
        let paid = CaseState::Closed {
            outcome: Outcome::PaidDirect,
        };
        let withdrawn = CaseState::Closed {
            outcome: Outcome::Withdrawn,
        };
        assert_eq!(status_of(&paid, Language::De).status, "settled");
        assert_eq!(
            status_of(&paid, Language::De).text,
            "Dieser Fall ist erledigt. Vielen Dank."
        );
        assert_eq!(status_of(&withdrawn, Language::Fr).status, "closed");
    }

    #[test]
    fn an_interest_line_names_rate_base_days_and_basis() {
        let facts = InterestLineFacts {
            rate_percent: "11.27",
            base: "1000.00 EUR",
            first_day: chrono::NaiveDate::from_ymd_opt(2026, 2, 5).unwrap(),
            last_day: chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
            days: 146,
            legal_basis: "BGB s.288(2)",
            provisional: false,
        };
        assert_eq!(
            interest_line(&facts, Language::En),
            "11.27% a year on 1000.00 EUR for 146 days, 2026-02-05 to 2026-06-30. Legal basis: BGB s.288(2)."
        );
        assert_eq!(
            interest_line(&facts, Language::De),
            "11.27 % pro Jahr auf 1000.00 EUR für 146 Tage, 2026-02-05 bis 2026-06-30. Rechtsgrundlage: BGB s.288(2)."
        );
        let provisional = InterestLineFacts {
            provisional: true,
            ..facts
        };
        assert!(interest_line(&provisional, Language::Nl).ends_with("laatst gepubliceerde."));
    }

    #[test]
    fn every_state_reads_differently_in_each_language() {
        for state in [
            CaseState::Amicable,
            CaseState::PaymentPlan,
            CaseState::Legal,
        ] {
            let texts: std::collections::HashSet<_> = ALL
                .into_iter()
                .map(|language| status_of(&state, language).text)
                .collect();
            assert_eq!(texts.len(), ALL.len(), "{state:?}");
        }
    }
}
