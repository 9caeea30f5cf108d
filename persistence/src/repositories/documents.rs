//! Documents attached to a case (contracts, invoices, proofs of delivery), content kept in the
//! row. Lists and metadata reads select every column but `content`, so listing a case with
//! many scans never loads them; only [`content`] reads the bytes.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::documents;

/// A document's metadata: the row without its content.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = documents)]
pub struct DocumentMeta {
    /// `doc_…`
    pub id: String,
    /// The case it belongs to.
    pub case_id: String,
    /// `contract`, `invoice`, `proof_of_delivery`, `correspondence` or `other`.
    pub kind: String,
    /// Sanitised file name, without any path.
    pub filename: String,
    /// Media type the content is served with.
    pub content_type: String,
    /// Length of the content in bytes.
    pub size_bytes: i64,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
    /// User or API key id of the uploader.
    pub uploaded_by: String,
    /// Upload time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// A document to store, content borrowed so that an upload is not copied once more.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = documents)]
pub struct NewDocument<'a> {
    /// `doc_…`
    pub id: &'a str,
    /// The case.
    pub case_id: &'a str,
    /// Kind.
    pub kind: &'a str,
    /// Sanitised file name.
    pub filename: &'a str,
    /// Media type.
    pub content_type: &'a str,
    /// Length in bytes.
    pub size_bytes: i64,
    /// Lowercase hex SHA-256.
    pub sha256: &'a str,
    /// The bytes.
    pub content: &'a [u8],
    /// Uploader id.
    pub uploaded_by: &'a str,
    /// Upload time.
    pub created_at: NaiveDateTime,
}

/// Filters of [`list`].
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter {
    /// Only documents of this kind.
    pub kind: Option<String>,
    /// Uploaded at or after (documents never change, so this is also "changed since").
    pub since: Option<NaiveDateTime>,
}

/// Stores a document.
///
/// # Errors
/// Database errors only.
pub fn insert(
    conn: &mut AnyConnection,
    document: &NewDocument<'_>,
) -> Result<(), PersistenceError> {
    diesel::insert_into(documents::table)
        .values(document)
        .execute(conn)?;
    Ok(())
}

/// The case's documents in upload order, without content.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    case_id: &str,
    filter: &DocumentFilter,
    page: &PageRequest,
) -> Result<Page<DocumentMeta>, PersistenceError> {
    let mut query = documents::table
        .filter(documents::case_id.eq(case_id.to_owned()))
        .select(DocumentMeta::as_select())
        .into_boxed();
    if let Some(kind) = &filter.kind {
        query = query.filter(documents::kind.eq(kind.clone()));
    }
    if let Some(since) = filter.since {
        query = query.filter(documents::created_at.ge(since));
    }
    if let Some(after) = &page.after {
        query = query.filter(documents::id.gt(after.clone()));
    }
    let rows = query
        .order(documents::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// One document's metadata.
///
/// # Errors
/// [`PersistenceError::NotFound`] when the case has no such document.
pub fn find(
    conn: &mut AnyConnection,
    case_id: &str,
    id: &str,
) -> Result<DocumentMeta, PersistenceError> {
    Ok(documents::table
        .filter(documents::case_id.eq(case_id))
        .filter(documents::id.eq(id))
        .select(DocumentMeta::as_select())
        .first(conn)?)
}

/// One document's metadata and content.
///
/// # Errors
/// [`PersistenceError::NotFound`] when the case has no such document.
pub fn content(
    conn: &mut AnyConnection,
    case_id: &str,
    id: &str,
) -> Result<(DocumentMeta, Vec<u8>), PersistenceError> {
    Ok(documents::table
        .filter(documents::case_id.eq(case_id))
        .filter(documents::id.eq(id))
        .select((DocumentMeta::as_select(), documents::content))
        .first(conn)?)
}

/// How many documents the case holds and their bytes together.
///
/// # Errors
/// Database errors only.
pub fn usage(conn: &mut AnyConnection, case_id: &str) -> Result<(usize, i64), PersistenceError> {
    // Sizes are summed here: `SUM` of a BIGINT is NUMERIC on PostgreSQL and BIGINT on SQLite.
    let sizes: Vec<i64> = documents::table
        .filter(documents::case_id.eq(case_id))
        .select(documents::size_bytes)
        .load(conn)?;
    Ok((sizes.len(), sizes.iter().sum()))
}

/// The documents of case `case_id` that `uploaded_by` uploaded, oldest first, without content
/// (a debtor's own uploads in the portal).
///
/// # Errors
/// Database errors only.
pub fn uploaded_by(
    conn: &mut AnyConnection,
    case_id: &str,
    uploaded_by: &str,
) -> Result<Vec<DocumentMeta>, PersistenceError> {
    Ok(documents::table
        .filter(documents::case_id.eq(case_id))
        .filter(documents::uploaded_by.eq(uploaded_by))
        .select(DocumentMeta::as_select())
        .order(documents::id.asc())
        .load(conn)?)
}
