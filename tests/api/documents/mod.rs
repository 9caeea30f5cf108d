//! Documents on a case: multipart upload with a size limit, a media-type allow-list and a
//! signature check; list without content; byte-exact download with the SHA-256 as `ETag`. The
//! helpers here (a test PDF, a multipart form builder, a raw chunked sender) serve both files.

mod refusals;
mod transfer;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;

use reqwest::Response;
use serde_json::Value;

use crate::helpers::{Backend, TestApp, TestUser, body, spawn_app};

/// SHA-256 of [`pdf_bytes`], computed independently (Python's hashlib).
const PDF_SHA256: &str = "e768f066ba30948fe80d67f01e5a6c4fef2c208de2f6d693f2948cedcd9440de";
const MIB: usize = 1024 * 1024;

/// A small "PDF" whose body holds every byte value, so any text conversion would show.
pub(crate) fn pdf_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend((0..3000).map(|i| u8::try_from(i % 256).unwrap()));
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

/// One part of a multipart form.
pub(crate) struct Part<'a> {
    name: &'a str,
    filename: Option<&'a str>,
    content_type: Option<&'a str>,
    data: Vec<u8>,
}

impl<'a> Part<'a> {
    pub(crate) fn file(filename: &'a str, content_type: &'a str, data: Vec<u8>) -> Self {
        Self {
            name: "file",
            filename: Some(filename),
            content_type: Some(content_type),
            data,
        }
    }

    pub(crate) fn text(name: &'a str, value: &str) -> Self {
        Self {
            name,
            filename: None,
            content_type: None,
            data: value.as_bytes().to_vec(),
        }
    }
}

pub(crate) const BOUNDARY: &str = "solvo-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body, written by hand so that tests control every header.
pub(crate) fn form(parts: &[Part<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        let mut disposition = format!("Content-Disposition: form-data; name=\"{}\"", part.name);
        if let Some(filename) = part.filename {
            write!(disposition, "; filename=\"{filename}\"").unwrap();
        }
        out.extend_from_slice(disposition.as_bytes());
        out.extend_from_slice(b"\r\n");
        if let Some(content_type) = part.content_type {
            out.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(&part.data);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

pub(crate) fn documents_path(case_id: &str) -> String {
    format!("/v1/cases/{case_id}/documents")
}

pub(crate) async fn upload(
    app: &TestApp,
    token: &str,
    case_id: &str,
    parts: &[Part<'_>],
) -> Response {
    app.client
        .post(app.url(&documents_path(case_id)))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(parts))
        .send()
        .await
        .unwrap()
}

pub(crate) async fn upload_pdf(app: &TestApp, token: &str, case_id: &str) -> Value {
    let response = upload(
        app,
        token,
        case_id,
        &[
            Part::text("kind", "invoice"),
            Part::file("invoice.pdf", "application/pdf", pdf_bytes()),
        ],
    )
    .await;
    assert_eq!(response.status(), 201);
    body(response).await
}

/// Posts `body` with `Transfer-Encoding: chunked` over a plain socket (the HTTP client here
/// always knows the length) and returns the response status. The server may answer and close
/// before the whole body is sent; a write error after that is expected.
async fn send_chunked(app: &TestApp, token: &str, path: &str, body: Vec<u8>) -> u16 {
    let address = app.address.trim_start_matches("http://").to_owned();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: multipart/form-data; boundary={BOUNDARY}\r\nTransfer-Encoding: chunked\r\n\
         Connection: close\r\n\r\n"
    );
    tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(&address).unwrap();
        stream.write_all(head.as_bytes()).unwrap();
        for chunk in body.chunks(64 * 1024) {
            let sent = stream
                .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                .and_then(|()| stream.write_all(chunk))
                .and_then(|()| stream.write_all(b"\r\n"));
            if sent.is_err() {
                break;
            }
        }
        let _ = stream.write_all(b"0\r\n\r\n");
        let mut status_line = String::new();
        BufReader::new(stream).read_line(&mut status_line).unwrap();
        status_line.split(' ').nth(1).unwrap().parse().unwrap()
    })
    .await
    .unwrap()
}

/// A creditor member, the agency's collector, and one placed case.
pub(crate) async fn setting(backend: Backend) -> (TestApp, String, TestUser, TestUser, String) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let collector = app.create_covering_collector().await;
    let case_id = app.place_case(&member.token, "REF-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (app, creditor, member, collector, case_id)
}
