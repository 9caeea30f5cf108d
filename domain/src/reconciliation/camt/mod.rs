//! ISO 20022 cash management messages as banks send them: camt.053 (`BankToCustomerStatement`,
//! the day's statement) and camt.054 (`BankToCustomerDebitCreditNotification`), versions
//! `.001.02` to `.001.10`, read into one typed [`Statement`].
//!
//! The version is read from the document's namespace, never assumed, and every element is looked
//! up in that namespace by the names the message definitions give it. Where versions differ the
//! parser reads both shapes: the entry status is `<Sts>BOOK</Sts>` up to `.06` and
//! `<Sts><Cd>BOOK</Cd></Sts>` from `.07`; a party's name is `Dbtr/Nm` up to `.07` and
//! `Dbtr/Pty/Nm` from `.08`; a transaction detail's own amount and sign (`TxDtls/Amt`,
//! `TxDtls/CdtDbtInd`) exist from `.03`, `AmtDtls/TxAmt/Amt` in every version.
//!
//! One bank transaction is read per transaction detail (`Ntry/NtryDtls/TxDtls`): a batch entry
//! has several; an entry without details is one transaction of the entry's amount. The sign is
//! the credit/debit indicator alone (`CdtDbtInd`); a reversal indicator (`RvslInd`) says the
//! entry undoes an earlier one but does not flip the sign, as ISO 20022 defines it.
//!
//! The document is parsed whole by `roxmltree` with document type declarations refused, so no
//! entity (internal or external) is ever expanded, and with a bound on its nodes; the caller
//! bounds the bytes.

use std::str::FromStr;

use chrono::NaiveDate;
use roxmltree::{Document, Node, ParsingOptions};
use rust_decimal::Decimal;

use crate::money::{Currency, Money};

#[cfg(test)]
mod tests;

/// The most XML nodes read: far more than a 20 MB statement has (a transaction detail is some
/// 40 nodes), and a bound on the memory a hostile file can take.
const MAX_NODES: u32 = 4_000_000;

/// The placeholder a SEPA transfer carries when the payer gave no end-to-end id.
const NOT_PROVIDED: &str = "NOTPROVIDED";

/// Which message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// camt.053, a statement of the account.
    Statement,
    /// camt.054, a notification of credits and debits.
    Notification,
}

impl MessageKind {
    /// `camt.053` or `camt.054`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Statement => "camt.053",
            Self::Notification => "camt.054",
        }
    }
}

/// Credit or debit, from `CdtDbtInd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Money in (`CRDT`).
    Credit,
    /// Money out (`DBIT`).
    Debit,
}

impl Direction {
    /// `credit` or `debit`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Credit => "credit",
            Self::Debit => "debit",
        }
    }
}

/// The account a statement is of: its IBAN, or the bank's own identifier (`Othr/Id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountId {
    /// `Acct/Id/IBAN`, as written.
    pub iban: Option<String>,
    /// `Acct/Id/Othr/Id`, for an account without an IBAN.
    pub other: Option<String>,
}

/// A structured creditor reference (`Strd/CdtrRefInf`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructuredReference {
    /// `Ref`, as written.
    pub reference: String,
    /// `Tp/CdOrPrtry/Cd` (`SCOR`) or `Tp/CdOrPrtry/Prtry`.
    pub scheme: Option<String>,
    /// `Tp/Issr` (`ISO` for an ISO 11649 reference).
    pub issuer: Option<String>,
}

/// One bank transaction: one transaction detail, or an entry without details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    /// The entry's position in the statement, from 1.
    pub entry_number: usize,
    /// The detail's position in its entry, from 1 (1 for an entry without details).
    pub detail_number: usize,
    /// The entry's status code: `BOOK`, `PDNG`, `INFO`, `FUTR`.
    pub status: String,
    /// `BookgDt`, the date part of a `DtTm`.
    pub booking_date: Option<NaiveDate>,
    /// `ValDt`, the date part of a `DtTm`.
    pub value_date: Option<NaiveDate>,
    /// The amount, positive.
    pub amount: Money,
    /// From `CdtDbtInd` alone.
    pub direction: Direction,
    /// `RvslInd`: the entry reverses an earlier one.
    pub reversal: bool,
    /// The other party's name: the debtor of a credit, the creditor of a debit.
    pub counterparty_name: Option<String>,
    /// The other party's IBAN, compacted.
    pub counterparty_iban: Option<String>,
    /// `Refs/EndToEndId`, unless `NOTPROVIDED`.
    pub end_to_end_id: Option<String>,
    /// The bank's reference: `Refs/AcctSvcrRef`, else the entry's `AcctSvcrRef`, else `NtryRef`.
    pub bank_reference: Option<String>,
    /// Every `RmtInf/Strd/CdtrRefInf`.
    pub creditor_references: Vec<StructuredReference>,
    /// Every `RmtInf/Ustrd`, joined by a space, runs of white space made one.
    pub remittance_text: Option<String>,
    /// `RtrInf/Rsn/Cd` (or `Prtry`), e.g. `MS03`, `AC04`.
    pub return_reasons: Vec<String>,
}

/// A statement or notification, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// camt.053 or camt.054.
    pub kind: MessageKind,
    /// The version's last number, 2 to 10.
    pub version: u8,
    /// `GrpHdr/MsgId`.
    pub message_id: String,
    /// `Stmt/Id` or `Ntfctn/Id`.
    pub statement_id: String,
    /// `Acct/Id`.
    pub account: AccountId,
    /// `Acct/Ccy`, else the currency of the balances or entries.
    pub currency: Currency,
    /// The opening balance (`OPBD`, else the previous closing `PRCD`), signed.
    pub opening_balance: Option<Money>,
    /// The closing booked balance (`CLBD`), signed.
    pub closing_balance: Option<Money>,
    /// How many entries (`Ntry`) it holds.
    pub entry_count: usize,
    /// One per transaction detail.
    pub transactions: Vec<Transaction>,
}

impl Statement {
    /// `camt.053.001.02`, as the namespace names it.
    #[must_use]
    pub fn message_type(&self) -> String {
        format!("{}.001.{:02}", self.kind.as_str(), self.version)
    }
}

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CamtError {
    /// Not XML at all (or not UTF-8, the only encoding ISO 20022 messages are sent in).
    #[error("not XML: {0}")]
    NotXml(String),
    /// Well-formed XML this parser does not understand; names the element.
    #[error("{element}: {problem}")]
    Unreadable {
        /// The element, as a path from the statement (`Ntry[3]/CdtDbtInd`).
        element: String,
        /// What is wrong with it.
        problem: String,
    },
}

fn unreadable(element: impl Into<String>, problem: impl Into<String>) -> CamtError {
    CamtError::Unreadable {
        element: element.into(),
        problem: problem.into(),
    }
}

/// Reads a camt.053 or camt.054 file.
///
/// # Errors
/// [`CamtError::NotXml`] for bytes that are not well-formed UTF-8 XML;
/// [`CamtError::Unreadable`] naming the element for a document this parser does not understand
/// (another message, a version outside `.02`–`.10`, a required element missing or malformed).
pub fn parse(bytes: &[u8]) -> Result<Statement, CamtError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| {
        CamtError::NotXml(format!(
            "the file is not UTF-8 text (invalid byte at offset {})",
            err.valid_up_to()
        ))
    })?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
    };
    let document = Document::parse_with_options(text, options).map_err(|err| match err {
        roxmltree::Error::DtdDetected => unreadable(
            "!DOCTYPE",
            "a document type declaration is not accepted (ISO 20022 messages have none, and no \
             entity is expanded)",
        ),
        roxmltree::Error::NodesLimitReached => unreadable(
            "Document",
            format!("more than {MAX_NODES} XML nodes; split the file"),
        ),
        other => CamtError::NotXml(other.to_string()),
    })?;
    let root = document.root_element();
    if root.tag_name().name() != "Document" {
        return Err(unreadable(
            root.tag_name().name(),
            "the root element of an ISO 20022 message is `Document`",
        ));
    }
    let namespace = root.tag_name().namespace().unwrap_or_default();
    let (kind, version) = message_of(namespace)?;
    let reader = Reader { namespace };
    reader.statement(root, kind, version)
}

/// The message and version a namespace names.
fn message_of(namespace: &str) -> Result<(MessageKind, u8), CamtError> {
    let refused = || {
        unreadable(
            "Document",
            format!(
                "the namespace `{namespace}` is not camt.053.001.02 to .10 or camt.054.001.02 \
                 to .10"
            ),
        )
    };
    let name = namespace
        .strip_prefix("urn:iso:std:iso:20022:tech:xsd:")
        .ok_or_else(refused)?;
    let (kind, version) = if let Some(version) = name.strip_prefix("camt.053.001.") {
        (MessageKind::Statement, version)
    } else if let Some(version) = name.strip_prefix("camt.054.001.") {
        (MessageKind::Notification, version)
    } else {
        return Err(refused());
    };
    match version.parse::<u8>() {
        Ok(number @ 2..=10) if version.len() == 2 => Ok((kind, number)),
        _ => Err(refused()),
    }
}

/// Element look-ups in the document's namespace.
struct Reader<'n> {
    namespace: &'n str,
}

impl Reader<'_> {
    fn is(&self, node: &Node<'_, '_>, name: &str) -> bool {
        node.is_element()
            && node.tag_name().name() == name
            && node.tag_name().namespace().unwrap_or_default() == self.namespace
    }

    fn children<'a, 'i>(
        &self,
        node: Node<'a, 'i>,
        name: &'static str,
    ) -> impl Iterator<Item = Node<'a, 'i>> {
        node.children().filter(move |child| self.is(child, name))
    }

    fn child<'a, 'i>(&self, node: Node<'a, 'i>, name: &'static str) -> Option<Node<'a, 'i>> {
        self.children(node, name).next()
    }

    /// The element at `path` below `node`, each step the first child of that name.
    fn at<'a, 'i>(&self, node: Node<'a, 'i>, path: &[&'static str]) -> Option<Node<'a, 'i>> {
        path.iter()
            .try_fold(node, |current, name| self.child(current, name))
    }

    /// The trimmed text at `path`, `None` when absent or blank.
    fn text(&self, node: Node<'_, '_>, path: &[&'static str]) -> Option<String> {
        let found = self.at(node, path)?;
        let text = found.text().unwrap_or_default().trim();
        (!text.is_empty()).then(|| text.to_owned())
    }

    fn statement(
        &self,
        document: Node<'_, '_>,
        kind: MessageKind,
        version: u8,
    ) -> Result<Statement, CamtError> {
        let (message_name, statement_name) = match kind {
            MessageKind::Statement => ("BkToCstmrStmt", "Stmt"),
            MessageKind::Notification => ("BkToCstmrDbtCdtNtfctn", "Ntfctn"),
        };
        let message = self.child(document, message_name).ok_or_else(|| {
            unreadable(
                message_name,
                format!("missing: a {} document holds it", kind.as_str()),
            )
        })?;
        let message_id = self
            .text(message, &["GrpHdr", "MsgId"])
            .ok_or_else(|| unreadable("GrpHdr/MsgId", "missing"))?;
        let statements: Vec<Node<'_, '_>> = self.children(message, statement_name).collect();
        let statement = match statements.as_slice() {
            [one] => *one,
            [] => return Err(unreadable(statement_name, "missing: the file holds none")),
            more => {
                return Err(unreadable(
                    statement_name,
                    format!(
                        "the file holds {} of them; import one account's statement per file",
                        more.len()
                    ),
                ));
            }
        };
        let statement_id = self
            .text(statement, &["Id"])
            .ok_or_else(|| unreadable(format!("{statement_name}/Id"), "missing"))?;
        let account_node = self
            .child(statement, "Acct")
            .ok_or_else(|| unreadable(format!("{statement_name}/Acct"), "missing"))?;
        let account = AccountId {
            iban: self
                .text(account_node, &["Id", "IBAN"])
                .map(|iban| compact(&iban)),
            other: self.text(account_node, &["Id", "Othr", "Id"]),
        };
        if account.iban.is_none() && account.other.is_none() {
            return Err(unreadable(
                format!("{statement_name}/Acct/Id"),
                "neither an IBAN nor another identifier (Othr/Id)",
            ));
        }
        let currency = self.statement_currency(statement, account_node, statement_name)?;
        let mut opening = None;
        let mut previous_closing = None;
        let mut closing = None;
        for (index, balance) in self.children(statement, "Bal").enumerate() {
            let path = format!("{statement_name}/Bal[{}]", index + 1);
            let code = self
                .text(balance, &["Tp", "CdOrPrtry", "Cd"])
                .or_else(|| self.text(balance, &["Tp", "CdOrPrtry", "Prtry"]));
            let slot = match code.as_deref() {
                Some("OPBD") => &mut opening,
                Some("PRCD") => &mut previous_closing,
                Some("CLBD") => &mut closing,
                _ => continue,
            };
            if slot.is_some() {
                continue;
            }
            let amount = self.amount(balance, &path)?;
            let direction = self.direction(balance, &path)?;
            *slot = Some(match direction {
                Direction::Credit => amount,
                Direction::Debit => amount.negated(),
            });
        }
        let mut transactions = Vec::new();
        let mut entry_count = 0;
        for (index, entry) in self.children(statement, "Ntry").enumerate() {
            entry_count += 1;
            let path = format!("Ntry[{}]", index + 1);
            transactions.extend(self.entry(entry, index + 1, &path)?);
        }
        Ok(Statement {
            kind,
            version,
            message_id,
            statement_id,
            account,
            currency,
            opening_balance: opening.or(previous_closing),
            closing_balance: closing,
            entry_count,
            transactions,
        })
    }

    fn statement_currency(
        &self,
        statement: Node<'_, '_>,
        account: Node<'_, '_>,
        statement_name: &str,
    ) -> Result<Currency, CamtError> {
        if let Some(code) = self.text(account, &["Ccy"]) {
            return Currency::parse(&code)
                .map_err(|err| unreadable(format!("{statement_name}/Acct/Ccy"), err.to_string()));
        }
        let first_amount = self
            .children(statement, "Bal")
            .chain(self.children(statement, "Ntry"))
            .find_map(|node| self.child(node, "Amt"));
        let code = first_amount
            .and_then(|amount| amount.attribute("Ccy"))
            .ok_or_else(|| {
                unreadable(
                    format!("{statement_name}/Acct/Ccy"),
                    "missing, and no amount names a currency",
                )
            })?;
        Currency::parse(code.trim())
            .map_err(|err| unreadable(format!("{statement_name}/Acct/Ccy"), err.to_string()))
    }

    /// The transactions of one entry.
    fn entry(
        &self,
        entry: Node<'_, '_>,
        entry_number: usize,
        path: &str,
    ) -> Result<Vec<Transaction>, CamtError> {
        let amount = self.amount(entry, path)?;
        let direction = self.direction(entry, path)?;
        let reversal = self
            .text(entry, &["RvslInd"])
            .is_some_and(|flag| flag == "true" || flag == "1");
        let status = self
            .text(entry, &["Sts", "Cd"])
            .or_else(|| self.text(entry, &["Sts", "Prtry"]))
            .or_else(|| {
                // Up to .06 the code is the element's own text.
                let status = self.child(entry, "Sts")?;
                let own = status.text().unwrap_or_default().trim();
                (!own.is_empty()).then(|| own.to_owned())
            })
            .ok_or_else(|| unreadable(format!("{path}/Sts"), "missing"))?;
        let booking_date = self.date(entry, "BookgDt", path)?;
        let value_date = self.date(entry, "ValDt", path)?;
        let entry_reference = self
            .text(entry, &["AcctSvcrRef"])
            .or_else(|| self.text(entry, &["NtryRef"]));
        let details: Vec<Node<'_, '_>> = self
            .children(entry, "NtryDtls")
            .flat_map(|group| self.children(group, "TxDtls"))
            .collect();
        let base = Transaction {
            entry_number,
            detail_number: 1,
            status,
            booking_date,
            value_date,
            amount,
            direction,
            reversal,
            counterparty_name: None,
            counterparty_iban: None,
            end_to_end_id: None,
            bank_reference: entry_reference,
            creditor_references: Vec::new(),
            remittance_text: None,
            return_reasons: Vec::new(),
        };
        if details.is_empty() {
            return Ok(vec![base]);
        }
        let single = details.len() == 1;
        details
            .into_iter()
            .enumerate()
            .map(|(index, detail)| {
                let detail_path = format!("{path}/NtryDtls/TxDtls[{}]", index + 1);
                self.detail(detail, &base, index + 1, single, &detail_path)
            })
            .collect()
    }

    /// One transaction detail, on top of what its entry says.
    fn detail(
        &self,
        detail: Node<'_, '_>,
        entry: &Transaction,
        detail_number: usize,
        single: bool,
        path: &str,
    ) -> Result<Transaction, CamtError> {
        let own_amount = self
            .child(detail, "Amt")
            .or_else(|| self.at(detail, &["AmtDtls", "TxAmt", "Amt"]));
        // One detail is the whole entry: what reached the account is the entry's amount, in the
        // account's currency (the detail's may be the instructed amount in another currency).
        let amount = match own_amount {
            _ if single => entry.amount,
            Some(node) => self.money_of(node, &format!("{path}/Amt"))?,
            None => {
                return Err(unreadable(
                    format!("{path}/Amt"),
                    "missing: a detail of a batch entry must give its amount",
                ));
            }
        };
        let direction = match self.child(detail, "CdtDbtInd") {
            Some(_) => self.direction(detail, path)?,
            None => entry.direction,
        };
        // The other party: the payer of a credit, the payee of a debit.
        let (party, account, other_party, other_account) = match direction {
            Direction::Credit => ("Dbtr", "DbtrAcct", "Cdtr", "CdtrAcct"),
            Direction::Debit => ("Cdtr", "CdtrAcct", "Dbtr", "DbtrAcct"),
        };
        let parties = self.child(detail, "RltdPties");
        let name_of = |role: &'static str| {
            let node = parties?;
            self.text(node, &[role, "Nm"])
                .or_else(|| self.text(node, &[role, "Pty", "Nm"]))
        };
        let iban_of = |role: &'static str| {
            let node = parties?;
            self.text(node, &[role, "Id", "IBAN"])
                .map(|iban| compact(&iban))
        };
        let counterparty_name = name_of(party).or_else(|| name_of(other_party));
        let counterparty_iban = iban_of(account).or_else(|| iban_of(other_account));
        let end_to_end_id = self
            .text(detail, &["Refs", "EndToEndId"])
            .filter(|id| id != NOT_PROVIDED);
        let bank_reference = self
            .text(detail, &["Refs", "AcctSvcrRef"])
            .or_else(|| entry.bank_reference.clone());
        let mut creditor_references = Vec::new();
        let mut lines = Vec::new();
        for remittance in self.children(detail, "RmtInf") {
            for line in self.children(remittance, "Ustrd") {
                let text = line.text().unwrap_or_default();
                let squeezed = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !squeezed.is_empty() {
                    lines.push(squeezed);
                }
            }
            for structured in self.children(remittance, "Strd") {
                for info in self.children(structured, "CdtrRefInf") {
                    let Some(reference) = self.text(info, &["Ref"]) else {
                        continue;
                    };
                    creditor_references.push(StructuredReference {
                        reference,
                        scheme: self
                            .text(info, &["Tp", "CdOrPrtry", "Cd"])
                            .or_else(|| self.text(info, &["Tp", "CdOrPrtry", "Prtry"])),
                        issuer: self.text(info, &["Tp", "Issr"]),
                    });
                }
            }
        }
        let return_reasons = self
            .children(detail, "RtrInf")
            .filter_map(|info| {
                self.text(info, &["Rsn", "Cd"])
                    .or_else(|| self.text(info, &["Rsn", "Prtry"]))
            })
            .collect();
        Ok(Transaction {
            detail_number,
            amount,
            direction,
            counterparty_name,
            counterparty_iban,
            end_to_end_id,
            bank_reference,
            creditor_references,
            remittance_text: (!lines.is_empty()).then(|| lines.join(" ")),
            return_reasons,
            ..entry.clone()
        })
    }

    /// The `Amt` child of `node`, with its currency.
    fn amount(&self, node: Node<'_, '_>, path: &str) -> Result<Money, CamtError> {
        let amount = self
            .child(node, "Amt")
            .ok_or_else(|| unreadable(format!("{path}/Amt"), "missing"))?;
        self.money_of(amount, &format!("{path}/Amt"))
    }

    /// An `ActiveOrHistoricCurrencyAndAmount`: a non-negative decimal and its `Ccy` attribute.
    #[expect(clippy::unused_self, reason = "a reader's step like the others")]
    fn money_of(&self, amount: Node<'_, '_>, path: &str) -> Result<Money, CamtError> {
        let code = amount
            .attribute("Ccy")
            .ok_or_else(|| unreadable(format!("{path}/@Ccy"), "missing"))?;
        let currency = Currency::parse(code.trim())
            .map_err(|err| unreadable(format!("{path}/@Ccy"), err.to_string()))?;
        let text = amount.text().unwrap_or_default().trim();
        let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) || text.len() > 30 {
            return Err(unreadable(
                path,
                format!("`{}` is not a non-negative decimal amount", truncate(text)),
            ));
        }
        let value = Decimal::from_str(text)
            .map_err(|err| unreadable(path, format!("`{}`: {err}", truncate(text))))?;
        Money::new(value, currency).map_err(|err| unreadable(path, err.to_string()))
    }

    fn direction(&self, node: Node<'_, '_>, path: &str) -> Result<Direction, CamtError> {
        match self.text(node, &["CdtDbtInd"]).as_deref() {
            Some("CRDT") => Ok(Direction::Credit),
            Some("DBIT") => Ok(Direction::Debit),
            Some(other) => Err(unreadable(
                format!("{path}/CdtDbtInd"),
                format!("`{}` is neither CRDT nor DBIT", truncate(other)),
            )),
            None => Err(unreadable(format!("{path}/CdtDbtInd"), "missing")),
        }
    }

    /// A `DateAndDateTime2Choice`: `Dt`, or the date part of `DtTm` as the bank wrote it.
    fn date(
        &self,
        entry: Node<'_, '_>,
        name: &'static str,
        path: &str,
    ) -> Result<Option<NaiveDate>, CamtError> {
        let Some(node) = self.child(entry, name) else {
            return Ok(None);
        };
        let (raw, element) = if let Some(date) = self.text(node, &["Dt"]) {
            (date, format!("{path}/{name}/Dt"))
        } else if let Some(time) = self.text(node, &["DtTm"]) {
            (time, format!("{path}/{name}/DtTm"))
        } else {
            return Err(unreadable(format!("{path}/{name}"), "neither Dt nor DtTm"));
        };
        let day = raw.get(..10).unwrap_or(&raw);
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                unreadable(
                    element,
                    format!("`{}` is not a date (YYYY-MM-DD)", truncate(&raw)),
                )
            })
    }
}

/// An IBAN as stored: no spaces, upper case.
fn compact(iban: &str) -> String {
    iban.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// At most 40 characters of a value quoted in an error.
fn truncate(text: &str) -> String {
    text.chars().take(40).collect()
}
