//! The demo's cast: the agency, its collectors, the two creditors and the businesses that owe
//! them money. Names and addresses are invented; VAT ids are made up to pass the syntax check
//! of each country (see `solvo_domain::identifiers`), never real registrations.

/// The demo agency's name.
pub(super) const AGENCY_NAME: &str = "Meridian Incasso B.V.";

/// A creditor of the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CreditorSeed {
    /// Legal name.
    pub name: &'static str,
    /// ISO 3166-1 country.
    pub country: &'static str,
    /// Domain of its users' emails.
    pub domain: &'static str,
    /// Prefix of its case references.
    pub reference_prefix: &'static str,
    /// Prefix of its invoice numbers.
    pub invoice_prefix: &'static str,
    /// Payment term in days, issue date to due date.
    pub payment_term_days: u64,
    /// The ERP its API key is named after.
    pub erp: &'static str,
    /// Its postal address, as fee invoices print it.
    pub address: [&'static str; 2],
    /// Its VAT number, as fee invoices print it.
    pub vat_id: &'static str,
}

/// The demo agency's postal address, VAT number and VAT rate (the Netherlands' standard 21 %,
/// Wet op de omzetbelasting 1968, article 9), as its fee invoices print them.
pub(super) const AGENCY_BILLING: ([&str; 2], &str, i32) = (
    ["Herengracht 500", "1017 CB Amsterdam"],
    "NL001234567B01",
    2100,
);

/// A Dutch wholesaler (index 0) and a German machine builder (index 1).
pub(super) const CREDITORS: [CreditorSeed; 2] = [
    CreditorSeed {
        name: "Van den Berg Groothandel B.V.",
        country: "NL",
        domain: "vandenberg.example",
        reference_prefix: "VDB",
        invoice_prefix: "VF",
        payment_term_days: 30,
        erp: "Exact Online",
        address: ["Industrieweg 12", "3542 AD Utrecht"],
        vat_id: "NL009876543B01",
    },
    CreditorSeed {
        name: "Kessler Maschinenbau GmbH",
        country: "DE",
        domain: "kessler.example",
        reference_prefix: "KM",
        invoice_prefix: "RE",
        payment_term_days: 60,
        erp: "SAP S/4HANA",
        address: ["Werkstraße 7", "70565 Stuttgart"],
        vat_id: "DE811234567",
    },
];

/// A collector of the agency and the (country, language) pairs they work.
#[derive(Debug, Clone, Copy)]
pub(super) struct CollectorSeed {
    /// The name debtors see.
    pub name: &'static str,
    /// Login.
    pub email: &'static str,
    /// Coverage areas; `*` matches any language.
    pub coverage: &'static [(&'static str, &'static str)],
}

/// Three collectors. Poland, Denmark and Sweden are left uncovered on purpose: cases there
/// wait in `submitted` for an agency admin, as they would in a real agency.
pub(super) const COLLECTORS: [CollectorSeed; 3] = [
    CollectorSeed {
        name: "Katrin Vogel",
        email: "katrin.vogel@agency.example",
        coverage: &[("DE", "*"), ("AT", "*"), ("CH", "*")],
    },
    CollectorSeed {
        name: "Joost de Vries",
        email: "joost.devries@agency.example",
        coverage: &[("NL", "*"), ("BE", "nl"), ("GB", "*"), ("IE", "*")],
    },
    CollectorSeed {
        name: "Claire Dubois",
        email: "claire.dubois@agency.example",
        coverage: &[("FR", "*"), ("BE", "fr"), ("IT", "*"), ("ES", "*")],
    },
];

/// Whether some collector works debtors of `country` speaking `language`.
pub(super) fn covered(country: &str, language: &str) -> bool {
    COLLECTORS.iter().any(|collector| {
        collector
            .coverage
            .iter()
            .any(|(c, l)| *c == country && (*l == "*" || *l == language))
    })
}

/// A business that owes money.
#[derive(Debug, Clone, Copy)]
pub(super) struct DebtorSeed {
    /// ISO 3166-1 country of establishment.
    pub country: &'static str,
    /// Registered name.
    pub name: &'static str,
    /// Street and number.
    pub street: &'static str,
    /// Postal code.
    pub postal_code: &'static str,
    /// City.
    pub city: &'static str,
    /// ISO 639-1 language for correspondence.
    pub language: &'static str,
    /// The contact in accounts payable.
    pub contact: &'static str,
    /// How often the debtor turns up, relative to the others.
    pub weight: u64,
}

/// One row of [`DEBTORS`]: country, name, street, postal code, city, language, contact, weight.
#[expect(
    clippy::too_many_arguments,
    reason = "one row of the debtor table; named fields would triple its length"
)]
const fn d(
    country: &'static str,
    name: &'static str,
    street: &'static str,
    postal_code: &'static str,
    city: &'static str,
    language: &'static str,
    contact: &'static str,
    weight: u64,
) -> DebtorSeed {
    DebtorSeed {
        country,
        name,
        street,
        postal_code,
        city,
        language,
        contact,
        weight,
    }
}

/// The debtors, thirteen countries; the weights make Germany and the Netherlands the bulk of
/// the book, as for a Dutch agency.
#[rustfmt::skip]
pub(super) const DEBTORS: &[DebtorSeed] = &[
    d("DE", "Brandt Logistik GmbH", "Hafenstraße 12", "20457", "Hamburg", "de", "Sabine Brandt", 4),
    d("DE", "Hoffmann Bau GmbH & Co. KG", "Industriestraße 44", "70565", "Stuttgart", "de", "Jörg Hoffmann", 4),
    d("DE", "Schulte Elektrotechnik GmbH", "Gewerbepark 7", "44149", "Dortmund", "de", "Anja Schulte", 4),
    d("DE", "Wagner Lebensmittel AG", "Marktplatz 3", "80331", "München", "de", "Thomas Wagner", 4),
    d("DE", "Krüger Metallbau GmbH", "Am Kanal 19", "04109", "Leipzig", "de", "Petra Krüger", 4),
    d("DE", "Neumann Druck & Medien GmbH", "Kölner Straße 88", "40211", "Düsseldorf", "de", "Stefan Neumann", 4),
    d("NL", "De Vries Installatietechniek B.V.", "Industrieweg 21", "3542 AD", "Utrecht", "nl", "Marieke de Vries", 4),
    d("NL", "Bakker Transport B.V.", "Havenweg 5", "3089 JE", "Rotterdam", "nl", "Henk Bakker", 4),
    d("NL", "Jansen Bouwmaterialen B.V.", "Celsiusstraat 14", "6716 BZ", "Ede", "nl", "Anouk Jansen", 4),
    d("NL", "Visser Horeca Groothandel B.V.", "Kruisweg 301", "2132 NA", "Hoofddorp", "nl", "Pieter Visser", 4),
    d("NL", "Smit & Mulder Retail B.V.", "Stationsplein 9", "8011 CW", "Zwolle", "nl", "Eva Mulder", 4),
    d("BE", "Peeters Bouw NV", "Noorderlaan 112", "2030", "Antwerpen", "nl", "Koen Peeters", 3),
    d("BE", "Janssens Logistics BV", "Brusselsesteenweg 45", "9050", "Gent", "nl", "Lies Janssens", 3),
    d("BE", "Dubois Matériaux SA", "Rue de l'Industrie 17", "4020", "Liège", "fr", "Luc Dubois", 3),
    d("BE", "Lambert Alimentation SRL", "Chaussée de Namur 230", "1300", "Wavre", "fr", "Sophie Lambert", 3),
    d("FR", "Martin Équipements SAS", "12 rue de la République", "69002", "Lyon", "fr", "Nicolas Martin", 3),
    d("FR", "Bernard Distribution SARL", "45 avenue Jean Jaurès", "31000", "Toulouse", "fr", "Julie Bernard", 3),
    d("FR", "Lefèvre Bâtiment SA", "8 boulevard Haussmann", "75009", "Paris", "fr", "Antoine Lefèvre", 3),
    d("FR", "Moreau Agroalimentaire SAS", "3 quai de la Fosse", "44000", "Nantes", "fr", "Camille Moreau", 3),
    d("GB", "Thornton Engineering Ltd", "14 Canal Street", "M1 3HE", "Manchester", "en", "Gareth Thornton", 3),
    d("GB", "Whitfield & Sons Builders Ltd", "2 Riverside Way", "LS1 4AP", "Leeds", "en", "Emma Whitfield", 3),
    d("GB", "Ashby Foods plc", "77 High Street", "B4 6AA", "Birmingham", "en", "Oliver Ashby", 3),
    d("GB", "Kensington Office Supplies Ltd", "5 Fleet Place", "EC4M 7RD", "London", "en", "Priya Shah", 3),
    d("AT", "Gruber Holzbau GmbH", "Salzburger Straße 22", "4020", "Linz", "de", "Franz Gruber", 2),
    d("AT", "Pichler Haustechnik GmbH", "Mariahilfer Straße 101", "1060", "Wien", "de", "Maria Pichler", 2),
    d("IT", "Rossi Meccanica S.r.l.", "Via Roma 45", "20121", "Milano", "it", "Marco Rossi", 2),
    d("IT", "Bianchi Costruzioni S.p.A.", "Corso Francia 12", "10138", "Torino", "it", "Giulia Bianchi", 2),
    d("IT", "Esposito Alimentari S.r.l.", "Via Toledo 156", "80134", "Napoli", "it", "Salvatore Esposito", 2),
    d("ES", "Construcciones García S.L.", "Calle de Alcalá 120", "28009", "Madrid", "es", "Lucía García", 2),
    d("ES", "Distribuciones Martínez S.A.", "Avinguda Diagonal 400", "08037", "Barcelona", "es", "Jordi Martínez", 2),
    d("IE", "O'Brien Agri Supplies Ltd", "Unit 4, Ballymount Industrial Estate", "D12 XW63", "Dublin", "en", "Siobhan O'Brien", 2),
    d("CH", "Meier Präzisionstechnik AG", "Bahnhofstrasse 50", "8001", "Zürich", "de", "Urs Meier", 2),
    d("PL", "Kowalski Transport Sp. z o.o.", "ul. Marszałkowska 84", "00-514", "Warszawa", "pl", "Piotr Kowalski", 1),
    d("PL", "Nowak Budownictwo S.A.", "ul. Piotrkowska 120", "90-006", "Łódź", "pl", "Agnieszka Nowak", 1),
    d("DK", "Nielsen Maskinfabrik A/S", "Industrivej 9", "8000", "Aarhus C", "da", "Mette Nielsen", 1),
    d("SE", "Lindqvist Bygg AB", "Industrigatan 3", "211 20", "Malmö", "sv", "Erik Lindqvist", 1),
];

/// The currency a creditor invoices a debtor of `country` in: the local one outside the euro
/// area, where European wholesalers commonly bill in the customer's currency.
pub(super) fn currency_of(country: &str) -> &'static str {
    match country {
        "GB" => "GBP",
        "CH" => "CHF",
        "PL" => "PLN",
        "DK" => "DKK",
        "SE" => "SEK",
        _ => "EUR",
    }
}

/// Roughly how many units of the currency a euro buys, so amounts look alike across countries.
pub(super) fn per_euro_percent(currency: &str) -> i64 {
    match currency {
        "GBP" => 85,
        "CHF" => 95,
        "PLN" => 430,
        "DKK" => 745,
        "SEK" => 1_140,
        _ => 100,
    }
}

/// A VAT id for the debtor that passes its country's syntax check; the digits come from a hash
/// of the name, so the same business has the same id with both creditors.
pub(super) fn vat_id(debtor: &DebtorSeed) -> String {
    let seed = super::plan::hash_str(debtor.name);
    let digits = |count: u32, salt: u64| {
        let n = super::plan::mix(seed, salt) % 10_u64.pow(count);
        format!("{n:0width$}", width = count as usize)
    };
    let country = debtor.country;
    match country {
        "NL" => format!("NL{}B01", digits(9, 1)),
        "BE" => format!("BE0{}", digits(9, 1)),
        "FR" => format!("FR{}{}", digits(2, 2), digits(9, 1)),
        "AT" => format!("ATU{}", digits(8, 1)),
        "IT" => format!("IT{}", digits(11, 1)),
        "ES" => format!("ESB{}{}", digits(7, 1), digits(1, 2)),
        "PL" | "SE" => {
            let number = format!("{country}{}", digits(10, 1));
            if country == "SE" {
                number + "01"
            } else {
                number
            }
        }
        "IE" => format!("IE{}W", digits(7, 1)),
        "DK" => format!("DK{}", digits(8, 1)),
        "CH" => format!("CHE{}", digits(9, 1)),
        _ => format!("{country}{}", digits(9, 1)),
    }
}

/// An email-safe slug of a name, for the debtor's invented domain.
pub(super) fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in name.split_whitespace().take(2) {
        let clean: String = word
            .to_lowercase()
            .chars()
            .map(ascii_of)
            .filter(|text| text.chars().all(|c| c.is_ascii_alphanumeric()))
            .collect();
        if !clean.is_empty() {
            if !out.is_empty() {
                out.push('-');
            }
            out.push_str(&clean);
        }
    }
    if out.is_empty() {
        "debtor".to_owned()
    } else {
        out
    }
}

/// The ASCII spelling of a lower-case letter as it is written in a domain name
/// (`ü` → `ue`, `é` → `e`); anything else that is not a letter or digit gives `"-"`, which the
/// caller drops.
fn ascii_of(c: char) -> &'static str {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    match c {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ą' => "a",
        'ç' | 'ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' => "e",
        'í' | 'î' | 'ï' => "i",
        'ł' => "l",
        'ñ' | 'ń' => "n",
        'ó' | 'ô' => "o",
        'ś' => "s",
        'ź' | 'ż' => "z",
        _ => LETTERS
            .find(c)
            .and_then(|at| LETTERS.get(at..=at))
            .unwrap_or("-"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use solvo_domain::identifiers::VatNumber;

    #[test]
    fn every_vat_id_passes_its_countrys_syntax_check() {
        for debtor in DEBTORS {
            let vat = vat_id(debtor);
            assert!(
                VatNumber::parse_with_country(debtor.country, &vat).is_ok(),
                "{} {vat}",
                debtor.name
            );
        }
    }

    #[test]
    fn the_debtors_span_at_least_eight_jurisdictions_with_some_left_uncovered() {
        let countries: std::collections::BTreeSet<_> = DEBTORS.iter().map(|d| d.country).collect();
        assert!(countries.len() >= 8, "{countries:?}");
        assert!(DEBTORS.iter().any(|d| !covered(d.country, d.language)));
        assert!(covered("BE", "fr") && covered("BE", "nl") && !covered("PL", "pl"));
    }

    #[test]
    fn slugs_spell_accented_names_in_ascii() {
        assert_eq!(slug("Krüger Metallbau GmbH"), "krueger-metallbau");
        assert_eq!(slug("Martin Équipements SAS"), "martin-equipements");
        assert_eq!(slug("O'Brien Agri Supplies Ltd"), "obrien-agri");
    }
}
