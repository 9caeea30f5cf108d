//! IBAN lengths per country, from the SWIFT IBAN registry (ISO 13616).
//!
//! Only countries whose length we could state with confidence are listed; an IBAN from a country
//! not listed is refused as unknown rather than waved through, because a wrong IBAN on a
//! remittance is far more expensive than asking the creditor to check the number.
//! French overseas departments and territories (GP, MQ, RE, NC, ...) use the parent
//! country's code (FR), so they need no entry of their own.

/// One country's IBAN facts.
pub(super) struct IbanCountry {
    /// ISO 3166-1 alpha-2 code, as the IBAN starts.
    pub code: &'static str,
    /// Total IBAN length in characters, electronic form.
    pub length: usize,
    /// Whether the country is in the SEPA schemes' long-standing geographic scope (EU/EEA, CH,
    /// GB, MC, SM, VA, AD, GI). Countries admitted since 2024 (AL, MD, ME, MK, RS) are not
    /// flagged yet because their start dates differ per scheme.
    pub sepa: bool,
}

const fn c(code: &'static str, length: usize, sepa: bool) -> IbanCountry {
    IbanCountry { code, length, sepa }
}

/// The table, sorted by code.
pub(super) const IBAN_COUNTRIES: &[IbanCountry] = &[
    c("AD", 24, true),
    c("AE", 23, false),
    c("AL", 28, false),
    c("AT", 20, true),
    c("AZ", 28, false),
    c("BA", 20, false),
    c("BE", 16, true),
    c("BG", 22, true),
    c("BH", 22, false),
    c("BI", 27, false),
    c("BR", 29, false),
    c("BY", 28, false),
    c("CH", 21, true),
    c("CR", 22, false),
    c("CY", 28, true),
    c("CZ", 24, true),
    c("DE", 22, true),
    c("DJ", 27, false),
    c("DK", 18, true),
    c("DO", 28, false),
    c("EE", 20, true),
    c("EG", 29, false),
    c("ES", 24, true),
    c("FI", 18, true),
    c("FK", 18, false),
    c("FO", 18, false),
    c("FR", 27, true),
    c("GB", 22, true),
    c("GE", 22, false),
    c("GI", 23, true),
    c("GL", 18, false),
    c("GR", 27, true),
    c("GT", 28, false),
    c("HN", 28, false),
    c("HR", 21, true),
    c("HU", 28, true),
    c("IE", 22, true),
    c("IL", 23, false),
    c("IQ", 23, false),
    c("IS", 26, true),
    c("IT", 27, true),
    c("JO", 30, false),
    c("KW", 30, false),
    c("KZ", 20, false),
    c("LB", 28, false),
    c("LC", 32, false),
    c("LI", 21, true),
    c("LT", 20, true),
    c("LU", 20, true),
    c("LV", 21, true),
    c("LY", 25, false),
    c("MC", 27, true),
    c("MD", 24, false),
    c("ME", 22, false),
    c("MK", 19, false),
    c("MN", 20, false),
    c("MR", 27, false),
    c("MT", 31, true),
    c("MU", 30, false),
    c("NI", 28, false),
    c("NL", 18, true),
    c("NO", 15, true),
    c("OM", 23, false),
    c("PK", 24, false),
    c("PL", 28, true),
    c("PS", 29, false),
    c("PT", 25, true),
    c("QA", 29, false),
    c("RO", 24, true),
    c("RS", 22, false),
    c("RU", 33, false),
    c("SA", 24, false),
    c("SC", 31, false),
    c("SD", 18, false),
    c("SE", 24, true),
    c("SI", 19, true),
    c("SK", 24, true),
    c("SM", 27, true),
    c("SO", 23, false),
    c("ST", 25, false),
    c("SV", 28, false),
    c("TL", 23, false),
    c("TN", 24, false),
    c("TR", 26, false),
    c("UA", 29, false),
    c("VA", 22, true),
    c("VG", 24, false),
    c("XK", 20, false),
    c("YE", 30, false),
];

/// The entry for a country code, if the table has one.
pub(super) fn iban_country(code: &str) -> Option<&'static IbanCountry> {
    IBAN_COUNTRIES
        .binary_search_by(|entry| entry.code.cmp(code))
        .ok()
        .and_then(|index| IBAN_COUNTRIES.get(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_so_binary_search_works() {
        assert!(IBAN_COUNTRIES.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn every_eu_member_state_is_in_sepa() {
        let eu = [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        ];
        for code in eu {
            assert!(iban_country(code).is_some_and(|c| c.sepa), "{code}");
        }
    }
}
