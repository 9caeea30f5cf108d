//! What a debtor asks of the agency outside the claim itself: a data-protection request about
//! the personal data of their contact persons (Regulation (EU) 2016/679, the GDPR, articles 15
//! to 17) with its deadline, and what the portal tells the debtor about their requests,
//! complaints and disputes, in the portal's four languages.

use chrono::{Datelike, Months, NaiveDate};

use super::language::Language;
use super::wording::{Texts, in_language};

/// What a data subject asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataRequestKind {
    /// A copy of the personal data held (GDPR art. 15).
    Access,
    /// Correction of inaccurate personal data (GDPR art. 16).
    Rectification,
    /// Erasure of personal data (GDPR art. 17).
    Erasure,
}

impl DataRequestKind {
    /// Every kind.
    pub const ALL: [DataRequestKind; 3] = [Self::Access, Self::Rectification, Self::Erasure];

    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Access => "access",
            Self::Rectification => "rectification",
            Self::Erasure => "erasure",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == raw)
    }

    /// The article of Regulation (EU) 2016/679 that grants the right.
    #[must_use]
    pub fn article(self) -> &'static str {
        match self {
            Self::Access => "Art. 15 GDPR",
            Self::Rectification => "Art. 16 GDPR",
            Self::Erasure => "Art. 17 GDPR",
        }
    }
}

/// The day by which a request received on `received` must be answered.
///
/// GDPR art. 12(3) gives "one month of receipt of the request". A period in months is counted
/// as Regulation (EEC, Euratom) No 1182/71 art. 3(2)(c) counts it, which the Court of Justice
/// applies to time limits in Union acts: it ends on the day of the next month with the same
/// date as the day of receipt, or on that month's last day when it has no such date (received
/// 31 January, due 28 or 29 February). A flat 30 days would be a day short after 31-day months
/// and days long after February. The art. 3(4) extension to the next working day is not
/// applied: the agency answers by the earlier day. The extension by two further months for
/// complex requests (art. 12(3), second sentence) must be told to the data subject within the
/// first month, so it is not the default here.
#[must_use]
pub fn due_on(received: NaiveDate) -> NaiveDate {
    // chrono clamps to the month's last day, which is the rule above; past the last
    // representable date there is no later day to give.
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX)
}

/// What the portal says about a data request: received on, answered by.
#[must_use]
pub fn data_request_status(
    completed: bool,
    received: NaiveDate,
    due: NaiveDate,
    language: Language,
) -> String {
    if completed {
        return in_language(DATA_REQUEST_DONE, language).to_owned();
    }
    let (received, due) = (format_date(received), format_date(due));
    match language {
        Language::En => {
            format!("We received your request on {received} and answer it by {due} at the latest.")
        }
        Language::De => format!(
            "Wir haben Ihren Antrag am {received} erhalten und beantworten ihn spätestens bis zum {due}."
        ),
        Language::Nl => format!(
            "Wij hebben uw verzoek op {received} ontvangen en beantwoorden het uiterlijk op {due}."
        ),
        Language::Fr => format!(
            "Nous avons reçu votre demande le {received} et y répondrons au plus tard le {due}."
        ),
    }
}

/// What the portal says about a complaint.
#[must_use]
pub fn complaint_status(resolved: bool, language: Language) -> &'static str {
    if resolved {
        in_language(COMPLAINT_ANSWERED, language)
    } else {
        in_language(COMPLAINT_RECEIVED, language)
    }
}

/// What the portal says about a dispute, by its stored status (`open`, `upheld`, `rejected`).
#[must_use]
pub fn dispute_status(status: &str, language: Language) -> &'static str {
    match status {
        "upheld" => in_language(DISPUTE_UPHELD, language),
        "rejected" => in_language(DISPUTE_REJECTED, language),
        _ => in_language(DISPUTE_OPEN, language),
    }
}

/// ISO 8601, which reads the same in every language and cannot be mistaken for 2 March.
fn format_date(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

const DATA_REQUEST_DONE: Texts = [
    "Your request has been carried out.",
    "Ihr Antrag wurde ausgeführt.",
    "Uw verzoek is uitgevoerd.",
    "Votre demande a été exécutée.",
];
const COMPLAINT_RECEIVED: Texts = [
    "We received your complaint; the agency's management reviews it and answers you here.",
    "Wir haben Ihre Beschwerde erhalten; die Leitung des Inkassobüros prüft sie und antwortet Ihnen hier.",
    "Wij hebben uw klacht ontvangen; de directie van het incassobureau beoordeelt haar en antwoordt u hier.",
    "Nous avons reçu votre réclamation ; la direction de l'agence l'examine et vous répond ici.",
];
const COMPLAINT_ANSWERED: Texts = [
    "The agency's management has answered your complaint.",
    "Die Leitung des Inkassobüros hat Ihre Beschwerde beantwortet.",
    "De directie van het incassobureau heeft uw klacht beantwoord.",
    "La direction de l'agence a répondu à votre réclamation.",
];
const DISPUTE_OPEN: Texts = [
    "Your dispute is being reviewed; collection of the disputed claim waits for the outcome.",
    "Ihr Einwand wird geprüft; die Beitreibung der bestrittenen Forderung wartet auf das Ergebnis.",
    "Uw betwisting wordt beoordeeld; de invordering van de betwiste vordering wacht op de uitkomst.",
    "Votre contestation est en cours d'examen ; le recouvrement de la créance contestée attend l'issue.",
];
const DISPUTE_UPHELD: Texts = [
    "Your dispute was upheld: the claim is reduced or withdrawn as stated.",
    "Ihrem Einwand wurde stattgegeben: die Forderung wird wie angegeben gemindert oder zurückgenommen.",
    "Uw betwisting is toegewezen: de vordering wordt verminderd of ingetrokken zoals vermeld.",
    "Votre contestation a été admise : la créance est réduite ou retirée comme indiqué.",
];
const DISPUTE_REJECTED: Texts = [
    "Your dispute was rejected: the claim stands, for the reasons given.",
    "Ihr Einwand wurde zurückgewiesen: die Forderung bleibt aus den genannten Gründen bestehen.",
    "Uw betwisting is afgewezen: de vordering blijft staan, om de vermelde redenen.",
    "Votre contestation a été rejetée : la créance est maintenue, pour les motifs indiqués.",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn one_month_is_the_same_date_next_month_clamped_to_its_end() {
        assert_eq!(due_on(day(2030, 1, 15)), day(2030, 2, 15));
        assert_eq!(due_on(day(2030, 1, 31)), day(2030, 2, 28));
        assert_eq!(due_on(day(2028, 1, 31)), day(2028, 2, 29), "a leap year");
        assert_eq!(due_on(day(2030, 3, 31)), day(2030, 4, 30));
        assert_eq!(
            due_on(day(2030, 12, 20)),
            day(2031, 1, 20),
            "across the year"
        );
        assert_eq!(
            due_on(day(2030, 2, 28)),
            day(2030, 3, 28),
            "not the end of March"
        );
    }

    #[test]
    fn kinds_read_back() {
        for kind in DataRequestKind::ALL {
            assert_eq!(DataRequestKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(DataRequestKind::parse("portability"), None);
    }

    #[test]
    fn the_status_names_both_days() {
        let text = data_request_status(false, day(2030, 1, 31), day(2030, 2, 28), Language::De);
        assert_eq!(
            text,
            "Wir haben Ihren Antrag am 2030-01-31 erhalten und beantworten ihn spätestens bis zum 2030-02-28."
        );
    }
}
