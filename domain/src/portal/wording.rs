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

/// What an error of the portal says to a debtor in `language`, by its problem `code` (and
/// `no_session` for an `unauthenticated` request without a portal token); `None` for codes a
/// debtor does not meet (the English detail stands).
#[must_use]
pub fn error(code: &str, language: Language) -> Option<&'static str> {
    let texts = match code {
        "unauthenticated" => LOGIN_REFUSED,
        "no_session" => NO_SESSION,
        "token_revoked" | "token_expired" | "token_invalid" => SESSION_ENDED,
        "not_found" => NOT_FOUND,
        "validation_failed" => INVALID,
        "rate_limited" => WAIT,
        "case_closed" => CASE_CLOSED,
        "card_payments_off" => CARD_OFF,
        "payment_provider_unavailable" => PROVIDER_DOWN,
        "unavailable" => TRY_LATER,
        _ => return None,
    };
    Some(in_language(texts, language))
}

const LOGIN_REFUSED: Texts = [
    "The reference and access code do not match. Check both against the letter; after several wrong tries each new try waits longer.",
    "Referenz und Zugangscode passen nicht zusammen. Prüfen Sie beide anhand des Schreibens; nach mehreren Fehlversuchen wartet jeder neue Versuch länger.",
    "Het kenmerk en de toegangscode horen niet bij elkaar. Controleer beide met de brief; na enkele foute pogingen duurt elke nieuwe poging langer.",
    "La référence et le code d'accès ne correspondent pas. Vérifiez-les sur le courrier ; après plusieurs essais erronés, chaque nouvel essai attend plus longtemps.",
];
const NO_SESSION: Texts = [
    "Log in with the reference and access code on your letter first.",
    "Melden Sie sich zuerst mit der Referenz und dem Zugangscode aus Ihrem Schreiben an.",
    "Log eerst in met het kenmerk en de toegangscode uit uw brief.",
    "Connectez-vous d'abord avec la référence et le code d'accès de votre courrier.",
];
const SESSION_ENDED: Texts = [
    "Your session has ended. Log in again with the reference and access code of your latest letter.",
    "Ihre Sitzung ist beendet. Melden Sie sich mit Referenz und Zugangscode Ihres letzten Schreibens erneut an.",
    "Uw sessie is beëindigd. Log opnieuw in met het kenmerk en de toegangscode van uw laatste brief.",
    "Votre session a pris fin. Reconnectez-vous avec la référence et le code d'accès de votre dernier courrier.",
];
const NOT_FOUND: Texts = [
    "There is nothing here for you. Check the link, or go back to your cases.",
    "Hier ist nichts für Sie. Prüfen Sie den Link oder kehren Sie zu Ihren Fällen zurück.",
    "Hier is niets voor u. Controleer de link of ga terug naar uw dossiers.",
    "Il n'y a rien ici pour vous. Vérifiez le lien ou revenez à vos dossiers.",
];
const INVALID: Texts = [
    "Some of what you entered is not valid; see the fields marked.",
    "Einige Angaben sind ungültig; siehe die markierten Felder.",
    "Een deel van wat u invulde is niet geldig; zie de gemarkeerde velden.",
    "Certaines informations saisies ne sont pas valides ; voir les champs signalés.",
];
const WAIT: Texts = [
    "Too many tries. Wait a little before trying again.",
    "Zu viele Versuche. Warten Sie etwas, bevor Sie es erneut versuchen.",
    "Te veel pogingen. Wacht even voordat u het opnieuw probeert.",
    "Trop d'essais. Attendez un peu avant de réessayer.",
];
const CASE_CLOSED: Texts = [
    "This case is closed; nothing more can be arranged on it.",
    "Dieser Fall ist abgeschlossen; es kann nichts mehr dazu vereinbart werden.",
    "Dit dossier is gesloten; er kan niets meer over worden afgesproken.",
    "Ce dossier est clôturé ; plus rien ne peut y être convenu.",
];
const CARD_OFF: Texts = [
    "Paying by card is not available here; pay by bank transfer instead.",
    "Kartenzahlung ist hier nicht möglich; zahlen Sie bitte per Überweisung.",
    "Betalen met een kaart is hier niet mogelijk; betaal per overschrijving.",
    "Le paiement par carte n'est pas disponible ici ; payez par virement.",
];
const PROVIDER_DOWN: Texts = [
    "The card payment could not be started; nothing was charged. Try again later or pay by bank transfer.",
    "Die Kartenzahlung konnte nicht gestartet werden; es wurde nichts abgebucht. Versuchen Sie es später erneut oder zahlen Sie per Überweisung.",
    "De kaartbetaling kon niet worden gestart; er is niets afgeschreven. Probeer het later opnieuw of betaal per overschrijving.",
    "Le paiement par carte n'a pas pu démarrer ; rien n'a été débité. Réessayez plus tard ou payez par virement.",
];
const TRY_LATER: Texts = [
    "The service is busy. Try again in a moment.",
    "Der Dienst ist ausgelastet. Versuchen Sie es gleich noch einmal.",
    "De dienst is druk. Probeer het zo opnieuw.",
    "Le service est occupé. Réessayez dans un instant.",
];

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

/// Why the portal refuses what a debtor asks on a case (a plan, a claim to have paid): the
/// stable `reason` of the refusal, beside a sentence in the debtor's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The case is disputed: nothing is arranged until the dispute is decided.
    Disputed,
    /// The case is closed.
    Closed,
    /// The claim is before a court (or in insolvency): arrangements go through the collector.
    LegalProceedings,
    /// A payment plan is already running.
    OnPlan,
    /// The case is not yet (or no longer) in collection: its collector arranges things.
    NotNow,
    /// A plan request of the case is still waiting for an answer.
    RequestPending,
    /// A claim to have paid is still being checked.
    ClaimPending,
}

impl Refusal {
    /// The stable code.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Disputed => "disputed",
            Self::Closed => "closed",
            Self::LegalProceedings => "legal_proceedings",
            Self::OnPlan => "payment_plan",
            Self::NotNow => "not_available",
            Self::RequestPending => "request_pending",
            Self::ClaimPending => "claim_pending",
        }
    }

    /// The sentence in `language`.
    #[must_use]
    pub fn text(self, language: Language) -> &'static str {
        in_language(
            match self {
                Self::Disputed => REFUSED_DISPUTED,
                Self::Closed => REFUSED_CLOSED,
                Self::LegalProceedings => REFUSED_LEGAL,
                Self::OnPlan => REFUSED_ON_PLAN,
                Self::NotNow => REFUSED_NOT_NOW,
                Self::RequestPending => REFUSED_REQUEST_PENDING,
                Self::ClaimPending => REFUSED_CLAIM_PENDING,
            },
            language,
        )
    }
}

const REFUSED_DISPUTED: Texts = [
    "Your dispute of this case is being reviewed; a payment plan can be arranged once it is decided.",
    "Ihr Einwand gegen diesen Fall wird geprüft; eine Ratenzahlung kann vereinbart werden, sobald darüber entschieden ist.",
    "Uw bezwaar tegen dit dossier wordt beoordeeld; een betalingsregeling kan worden getroffen zodra daarover is beslist.",
    "Votre contestation de ce dossier est en cours d'examen ; un échéancier pourra être convenu une fois qu'elle sera tranchée.",
];
const REFUSED_CLOSED: Texts = [
    "This case is closed; nothing more can be arranged on it.",
    "Dieser Fall ist abgeschlossen; es kann nichts mehr dazu vereinbart werden.",
    "Dit dossier is gesloten; er kan niets meer over worden afgesproken.",
    "Ce dossier est clôturé ; plus rien ne peut y être convenu.",
];
const REFUSED_LEGAL: Texts = [
    "This claim is in legal proceedings; please contact your collector to arrange payment.",
    "Diese Forderung ist Gegenstand eines Verfahrens; bitte wenden Sie sich für eine Zahlungsvereinbarung an Ihren Sachbearbeiter.",
    "Over deze vordering loopt een procedure; neem voor een betalingsafspraak contact op met uw incassomedewerker.",
    "Cette créance fait l'objet d'une procédure ; veuillez contacter votre gestionnaire pour convenir du paiement.",
];
const REFUSED_ON_PLAN: Texts = [
    "A payment plan is already running on this case; pay each instalment on its date.",
    "Für diesen Fall läuft bereits eine Ratenzahlung; zahlen Sie jede Rate zu ihrem Termin.",
    "Voor dit dossier loopt al een betalingsregeling; betaal elke termijn op de afgesproken datum.",
    "Un échéancier est déjà en cours sur ce dossier ; payez chaque échéance à sa date.",
];
const REFUSED_NOT_NOW: Texts = [
    "A payment plan cannot be arranged here on this case just now; please contact your collector.",
    "Für diesen Fall kann hier gerade keine Ratenzahlung vereinbart werden; bitte wenden Sie sich an Ihren Sachbearbeiter.",
    "Voor dit dossier kan hier nu geen betalingsregeling worden getroffen; neem contact op met uw incassomedewerker.",
    "Un échéancier ne peut pas être convenu ici pour ce dossier pour le moment ; veuillez contacter votre gestionnaire.",
];
const REFUSED_REQUEST_PENDING: Texts = [
    "Your earlier request for a payment plan is still waiting for an answer.",
    "Ihr früherer Antrag auf Ratenzahlung wartet noch auf eine Antwort.",
    "Uw eerdere verzoek om een betalingsregeling wacht nog op een antwoord.",
    "Votre précédente demande d'échéancier attend encore une réponse.",
];
const REFUSED_CLAIM_PENDING: Texts = [
    "We are still checking the payment you told us about; we will tell you the outcome.",
    "Wir prüfen noch die Zahlung, die Sie uns gemeldet haben; wir teilen Ihnen das Ergebnis mit.",
    "Wij controleren de betaling die u ons meldde nog; wij laten u de uitkomst weten.",
    "Nous vérifions encore le paiement que vous nous avez signalé ; nous vous informerons du résultat.",
];

/// Where a debtor's plan request stands, in `language`; `status` is the request's stored status
/// (`accepted`, `pending`, `countered`, `declined`).
#[must_use]
pub fn plan_request_status(status: &str, language: Language) -> &'static str {
    in_language(
        match status {
            "accepted" => PLAN_ACCEPTED,
            "countered" => PLAN_COUNTERED,
            "declined" => PLAN_DECLINED,
            _ => PLAN_PENDING,
        },
        language,
    )
}

const PLAN_ACCEPTED: Texts = [
    "Your payment plan is agreed. Pay each instalment on its date.",
    "Ihre Ratenzahlung ist vereinbart. Zahlen Sie jede Rate zu ihrem Termin.",
    "Uw betalingsregeling is afgesproken. Betaal elke termijn op de afgesproken datum.",
    "Votre échéancier est convenu. Payez chaque échéance à sa date.",
];
const PLAN_PENDING: Texts = [
    "Your request goes beyond what can be agreed at once; your collector will answer it.",
    "Ihr Antrag geht über das hinaus, was sofort vereinbart werden kann; Ihr Sachbearbeiter wird ihn beantworten.",
    "Uw verzoek gaat verder dan wat direct kan worden afgesproken; uw incassomedewerker beantwoordt het.",
    "Votre demande dépasse ce qui peut être convenu immédiatement ; votre gestionnaire y répondra.",
];
const PLAN_COUNTERED: Texts = [
    "Your collector proposes other terms. Accept or decline them.",
    "Ihr Sachbearbeiter schlägt andere Bedingungen vor. Nehmen Sie sie an oder lehnen Sie sie ab.",
    "Uw incassomedewerker stelt andere voorwaarden voor. Aanvaard of weiger ze.",
    "Votre gestionnaire propose d'autres conditions. Acceptez-les ou refusez-les.",
];
const PLAN_DECLINED: Texts = [
    "No payment plan was agreed. The amount remains due.",
    "Es wurde keine Ratenzahlung vereinbart. Der Betrag bleibt fällig.",
    "Er is geen betalingsregeling afgesproken. Het bedrag blijft verschuldigd.",
    "Aucun échéancier n'a été convenu. Le montant reste dû.",
];

/// Where a debtor's claim to have paid stands, in `language`; `status` is the claim's stored
/// status (`pending`, `confirmed`, `rejected`).
#[must_use]
pub fn already_paid_status(status: &str, language: Language) -> &'static str {
    in_language(
        match status {
            "confirmed" => PAID_CONFIRMED,
            "rejected" => PAID_REJECTED,
            _ => PAID_PENDING,
        },
        language,
    )
}

const PAID_PENDING: Texts = [
    "Thank you. We are checking your payment; we will not contact you about this case for 10 days.",
    "Vielen Dank. Wir prüfen Ihre Zahlung; wir melden uns 10 Tage lang nicht wegen dieses Falls.",
    "Dank u wel. Wij controleren uw betaling; wij nemen 10 dagen geen contact met u op over dit dossier.",
    "Merci. Nous vérifions votre paiement ; nous ne vous contacterons pas au sujet de ce dossier pendant 10 jours.",
];
const PAID_CONFIRMED: Texts = [
    "Your payment is confirmed and counted towards this case.",
    "Ihre Zahlung ist bestätigt und auf diesen Fall angerechnet.",
    "Uw betaling is bevestigd en op dit dossier in mindering gebracht.",
    "Votre paiement est confirmé et imputé sur ce dossier.",
];
const PAID_REJECTED: Texts = [
    "We could not confirm your payment; the reason is given below.",
    "Wir konnten Ihre Zahlung nicht bestätigen; den Grund finden Sie unten.",
    "Wij konden uw betaling niet bevestigen; de reden staat hieronder.",
    "Nous n'avons pas pu confirmer votre paiement ; la raison est indiquée ci-dessous.",
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
