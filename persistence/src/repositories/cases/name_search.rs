//! The case list's debtor-name filter, `lower(legal_name) LIKE '%text%'`, planned so that its
//! cost does not grow with the book.
//!
//! PostgreSQL serves the LIKE from a trigram GIN index on `lower(legal_name)` and its planner
//! weighs, from the column's statistics, reading the matching debtors against walking the book
//! in id order; the predicate is the plain LIKE.
//!
//! SQLite has no such statistics, so the plan is chosen here. The FTS5 trigram index
//! `debtor_names_fts` finds the debtors whose name contains the text (three characters or more:
//! "Substrings consisting of fewer than 3 unicode characters do not match any rows when used
//! with a full-text query", SQLite "SQLite FTS5 Extension", "The Trigram Tokenizer"). When few
//! debtors match, their cases' ids are the candidates and the page is read by id from them;
//! when many match, matching cases are dense in the book and walking it in id order finds a
//! page within a few thousand cases. Shorter texts are walked too: they match most names, and
//! a rare one costs a walk of the book but still gives the right page. Matches are counted
//! over every creditor's debtors (the index does not hold the creditor), so a text common
//! elsewhere but rare among the caller's own debtors is walked too, through the caller's book.
//!
//! The index only narrows: every candidate is checked by the same LIKE as before (on the name's
//! copy in `debtor_names`, which triggers keep equal to the debtor's), so the results are
//! exactly the LIKE's. The trigram tokenizer folds case for all of Unicode, SQLite's `lower`
//! and `LIKE` for ASCII only, so a name the LIKE matches is always among the index's matches.

use diesel::dsl::sql;
use diesel::expression::BoxableExpression;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::debtors::escape_like;
use crate::schema::cases;

/// Matching debtors up to which their cases are the candidates; beyond it walking the book is
/// cheaper. Measured at 1,000,000 cases and 250,000 debtors, both plans take about as long at
/// 2,000 matching debtors (some 20 ms): reading candidates grows with the matches, the walk
/// with the book divided by them.
const CANDIDATE_DEBTORS_MAX: i64 = 2_000;

/// The trigram index matches nothing for fewer characters than this.
const TRIGRAM_CHARS: usize = 3;

/// How a debtor-name filter is evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum NameSearch {
    /// SQLite, few matches: the candidate case ids from the FTS5 index, each checked by the LIKE.
    Candidates {
        /// The text as an FTS5 phrase.
        phrase: String,
        /// The `LIKE` pattern.
        like: String,
    },
    /// Each case's debtor checked by the LIKE; the database picks the order of work.
    Like {
        /// The `LIKE` pattern.
        like: String,
    },
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    matches: i64,
}

/// A filter on `cases` for [`super::list::ListQuery`].
type CasePredicate = Box<
    dyn BoxableExpression<cases::table, <AnyConnection as Connection>::Backend, SqlType = Bool>,
>;

impl NameSearch {
    /// Chooses how to search for debtor names containing `text` (case-insensitive).
    ///
    /// # Errors
    /// Database errors only.
    pub(super) fn plan(conn: &mut AnyConnection, text: &str) -> Result<Self, PersistenceError> {
        let lowered = text.to_lowercase();
        let like = format!("%{}%", escape_like(&lowered));
        let AnyConnection::Sqlite(sqlite) = conn else {
            return Ok(Self::Like { like });
        };
        if lowered.chars().count() < TRIGRAM_CHARS {
            return Ok(Self::Like { like });
        }
        let phrase = format!("\"{}\"", lowered.replace('"', "\"\""));
        let found: Count = diesel::sql_query(
            "SELECT count(*) AS matches FROM (SELECT 1 FROM debtor_names_fts \
             WHERE debtor_names_fts MATCH ? LIMIT ?)",
        )
        .bind::<Text, _>(&phrase)
        .bind::<BigInt, _>(CANDIDATE_DEBTORS_MAX + 1)
        .get_result(sqlite)?;
        Ok(if found.matches > CANDIDATE_DEBTORS_MAX {
            Self::Like { like }
        } else {
            Self::Candidates { phrase, like }
        })
    }

    /// The filter on `cases`.
    pub(super) fn predicate(&self) -> CasePredicate {
        match self.clone() {
            // `CROSS JOIN` keeps SQLite's join order (FTS5 matches, then their names, then the
            // debtors' cases: "The SQLite Query Optimizer Overview", "Manual Control Of Query
            // Plans Using CROSS JOIN"); the outer `id IN (…)` then reads the page by id in
            // order, with no sort.
            Self::Candidates { phrase, like } => Box::new(
                sql::<Bool>(
                    "cases.id IN (SELECT c.id FROM debtor_names_fts f \
                     CROSS JOIN debtor_names n ON n.id = f.rowid \
                     CROSS JOIN cases c ON c.debtor_id = n.debtor_id \
                     WHERE debtor_names_fts MATCH ",
                )
                .bind::<Text, _>(phrase)
                .sql(" AND lower(n.legal_name) LIKE ")
                .bind::<Text, _>(like)
                .sql(" ESCAPE '\\')"),
            ),
            Self::Like { like } => Box::new(
                sql::<Bool>(
                    "EXISTS (SELECT 1 FROM debtors d WHERE d.id = cases.debtor_id \
                     AND lower(d.legal_name) LIKE ",
                )
                .bind::<Text, _>(like)
                .sql(" ESCAPE '\\')"),
            ),
        }
    }
}
