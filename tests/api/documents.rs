//! Documents on a case: multipart upload with a size limit, a media-type allow-list and a
//! signature check; list without content; byte-exact download with the SHA-256 as ETag.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;

use reqwest::Response;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, TestUser, assert_problem, body, spawn_app};

both_backends!(
    a_document_round_trips_byte_for_byte,
    only_contributors_upload_and_every_reader_downloads,
    a_file_over_10_mib_is_refused_with_413,
    types_off_the_allow_list_are_refused_with_415,
    a_pdf_claim_with_other_bytes_is_refused_with_422,
    missing_and_unknown_parts_are_named_in_a_422,
    another_tenants_documents_answer_404_like_missing_ones,
);

/// SHA-256 of [`pdf_bytes`], computed independently (Python's hashlib).
const PDF_SHA256: &str = "e768f066ba30948fe80d67f01e5a6c4fef2c208de2f6d693f2948cedcd9440de";
const MIB: usize = 1024 * 1024;

/// A small "PDF" whose body holds every byte value, so any text conversion would show.
fn pdf_bytes() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend((0..3000).map(|i| u8::try_from(i % 256).unwrap()));
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

/// One part of a multipart form.
struct Part<'a> {
    name: &'a str,
    filename: Option<&'a str>,
    content_type: Option<&'a str>,
    data: Vec<u8>,
}

impl<'a> Part<'a> {
    fn file(filename: &'a str, content_type: &'a str, data: Vec<u8>) -> Self {
        Self {
            name: "file",
            filename: Some(filename),
            content_type: Some(content_type),
            data,
        }
    }

    fn text(name: &'a str, value: &str) -> Self {
        Self {
            name,
            filename: None,
            content_type: None,
            data: value.as_bytes().to_vec(),
        }
    }
}

const BOUNDARY: &str = "solvo-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body, written by hand so that tests control every header.
fn form(parts: &[Part<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        let mut disposition = format!("Content-Disposition: form-data; name=\"{}\"", part.name);
        if let Some(filename) = part.filename {
            disposition.push_str(&format!("; filename=\"{filename}\""));
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

fn documents_path(case_id: &str) -> String {
    format!("/v1/cases/{case_id}/documents")
}

async fn upload(app: &TestApp, token: &str, case_id: &str, parts: &[Part<'_>]) -> Response {
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

async fn upload_pdf(app: &TestApp, token: &str, case_id: &str) -> Value {
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
async fn setting(backend: Backend) -> (TestApp, String, TestUser, TestUser, String) {
    let app = spawn_app(backend).await;
    let agency = app.agency_id().await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let collector = app.create_user(&agency, "collector").await;
    let case_id = app.place_case(&member.token, "REF-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    (app, creditor, member, collector, case_id)
}

async fn a_document_round_trips_byte_for_byte(backend: Backend) {
    let (app, _, member, collector, case_id) = setting(backend).await;
    let response = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::file(
                "..\\..\\secret/Invoice 7.pdf",
                "application/pdf",
                pdf_bytes(),
            ),
            Part::text("kind", "invoice"),
        ],
    )
    .await;
    assert_eq!(response.status(), 201);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let created = body(response).await;
    let id = created["id"].as_str().unwrap();
    assert!(id.starts_with("doc_"));
    assert_eq!(location, format!("{}/{id}", documents_path(&case_id)));
    assert_eq!(created["case_id"], case_id);
    assert_eq!(created["kind"], "invoice");
    assert_eq!(created["filename"], "Invoice 7.pdf", "no path survives");
    assert_eq!(created["content_type"], "application/pdf");
    assert_eq!(created["size_bytes"], pdf_bytes().len());
    assert_eq!(created["sha256"], PDF_SHA256);
    assert_eq!(created["uploaded_by"], member.id);
    let timeline = body(
        app.get(&format!("/v1/cases/{case_id}/timeline"), &member.token)
            .await,
    )
    .await;
    let last = timeline["data"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["kind"].as_str(),
            last["detail"]["document_id"].as_str()
        ),
        (Some("document_uploaded"), Some(id))
    );
    assert_eq!(last["state_before"], last["state_after"]);

    let listed = body(app.get(&documents_path(&case_id), &collector.token).await).await;
    assert_eq!(
        listed["data"],
        json!([created]),
        "the list carries metadata, not content"
    );
    assert!(listed["next_cursor"].is_null());
    assert_eq!(body(app.get(&location, &member.token).await).await, created);

    let download = app
        .get(&format!("{location}/content"), &collector.token)
        .await;
    assert_eq!(download.status(), 200);
    let headers = download.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"Invoice 7.pdf\""
    );
    assert_eq!(
        headers["etag"].to_str().unwrap(),
        format!("\"{PDF_SHA256}\"")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(
        download.bytes().await.unwrap().to_vec(),
        pdf_bytes(),
        "byte for byte"
    );

    let cached = app
        .client
        .get(app.url(&format!("{location}/content")))
        .bearer_auth(&member.token)
        .header("if-none-match", format!("\"{PDF_SHA256}\""))
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), 304);

    let untyped = upload(
        &app,
        &collector.token,
        &case_id,
        &[
            Part::text("kind", "proof_of_delivery"),
            Part::file("scan", "application/octet-stream", pdf_bytes()),
        ],
    )
    .await;
    assert_eq!(
        untyped.status(),
        201,
        "an untyped PDF is recognised by its signature"
    );
    let untyped = body(untyped).await;
    assert_eq!(untyped["content_type"], "application/pdf");
    assert_eq!(untyped["uploaded_by"], collector.id);
    let invoices = body(
        app.get(
            &format!("{}?kind=invoice", documents_path(&case_id)),
            &member.token,
        )
        .await,
    )
    .await;
    assert_eq!(invoices["data"].as_array().unwrap().len(), 1);
    let page = body(
        app.get(
            &format!("{}?limit=1", documents_path(&case_id)),
            &member.token,
        )
        .await,
    )
    .await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = body(
        app.get(
            &format!("{}?limit=1&cursor={cursor}", documents_path(&case_id)),
            &member.token,
        )
        .await,
    )
    .await;
    assert_eq!(rest["data"][0]["id"], untyped["id"]);
}

async fn only_contributors_upload_and_every_reader_downloads(backend: Backend) {
    let (app, creditor, member, _, case_id) = setting(backend).await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    let refused = upload(
        &app,
        &viewer.token,
        &case_id,
        &[
            Part::text("kind", "other"),
            Part::file("a.txt", "text/plain", b"hi".to_vec()),
        ],
    )
    .await;
    assert_problem(refused, 403).await;
    let document = upload_pdf(&app, &member.token, &case_id).await;
    let content = format!(
        "{}/{}/content",
        documents_path(&case_id),
        document["id"].as_str().unwrap()
    );
    for token in [&viewer.token, &app.admin_token] {
        assert_eq!(app.get(&content, token).await.status(), 200);
    }
    let text = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "correspondence"),
            Part::file(
                "Brief an Müller.txt",
                "text/plain; charset=utf-8",
                b"Sehr geehrte".to_vec(),
            ),
        ],
    )
    .await;
    let text = body(text).await;
    assert_eq!(text["content_type"], "text/plain");
    let download = app
        .get(
            &format!(
                "{}/{}/content",
                documents_path(&case_id),
                text["id"].as_str().unwrap()
            ),
            &viewer.token,
        )
        .await;
    assert_eq!(
        download.headers()["content-disposition"].to_str().unwrap(),
        "attachment; filename=\"Brief an M_ller.txt\"; filename*=UTF-8''Brief%20an%20M%C3%BCller.txt"
    );
}

async fn a_file_over_10_mib_is_refused_with_413(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    let mut oversize = pdf_bytes();
    oversize.resize(10 * MIB + 1, b' ');
    let response = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "contract"),
            Part::file("big.pdf", "application/pdf", oversize),
        ],
    )
    .await;
    assert_eq!(
        assert_problem(response, 413).await["code"],
        "payload_too_large"
    );

    // Without a Content-Length (chunked), the limit is enforced while the body streams in.
    let mut streamed = pdf_bytes();
    streamed.resize(11 * MIB, b' ');
    let form = form(&[
        Part::text("kind", "contract"),
        Part::file("big.pdf", "application/pdf", streamed),
    ]);
    let status = send_chunked(&app, &member.token, &documents_path(&case_id), form).await;
    assert_eq!(status, 413);

    let mut largest = pdf_bytes();
    largest.resize(10 * MIB, b' ');
    let response = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "contract"),
            Part::file("big.pdf", "application/pdf", largest),
        ],
    )
    .await;
    assert_eq!(response.status(), 201, "exactly 10 MiB is accepted");
    assert_eq!(body(response).await["size_bytes"], 10 * MIB);
}

async fn types_off_the_allow_list_are_refused_with_415(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    for content_type in [
        "image/gif",
        "application/zip",
        "text/html",
        "application/x-msdownload",
    ] {
        let response = upload(
            &app,
            &member.token,
            &case_id,
            &[
                Part::text("kind", "other"),
                Part::file("x.bin", content_type, b"GIF89a....".to_vec()),
            ],
        )
        .await;
        assert_eq!(
            assert_problem(response, 415).await["code"],
            "unsupported_media_type",
            "{content_type}"
        );
    }
    let unrecognised = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "other"),
            Part::file("x.bin", "application/octet-stream", b"MZ\x90\x00".to_vec()),
        ],
    )
    .await;
    assert_problem(unrecognised, 415).await;
    let mut large_gif = b"GIF89a".to_vec();
    large_gif.resize(8 * MIB, 0);
    let refused_early = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "other"),
            Part::file("big.gif", "image/gif", large_gif),
        ],
    )
    .await;
    assert_problem(refused_early, 415).await;
    let alias = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "other"),
            Part::file("photo.jpg", "image/jpg", b"\xFF\xD8\xFF\xE0 JFIF".to_vec()),
        ],
    )
    .await;
    assert_eq!(alias.status(), 201, "image/jpg is read as image/jpeg");
    assert_eq!(body(alias).await["content_type"], "image/jpeg");
    let json_body = app
        .post(
            &documents_path(&case_id),
            &member.token,
            &json!({"kind": "other"}),
        )
        .await;
    assert_problem(json_body, 415).await;
    let listed = body(app.get(&documents_path(&case_id), &member.token).await).await;
    assert_eq!(
        listed["data"].as_array().unwrap().len(),
        1,
        "only the JPEG was stored"
    );
}

async fn a_pdf_claim_with_other_bytes_is_refused_with_422(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    let fakes: [(&str, &[u8]); 3] = [
        ("application/pdf", b"MZ\x90\x00\x03 this is an executable"),
        ("image/png", b"%PDF-1.4 not a png"),
        ("image/jpeg", b"\x89PNG\r\n\x1a\n not a jpeg"),
    ];
    for (content_type, bytes) in fakes {
        let response = upload(
            &app,
            &member.token,
            &case_id,
            &[
                Part::text("kind", "invoice"),
                Part::file("invoice.pdf", content_type, bytes.to_vec()),
            ],
        )
        .await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(problem["errors"][0]["field"], "file", "{content_type}");
        assert_eq!(problem["errors"][0]["code"], "content_mismatch");
    }
}

async fn missing_and_unknown_parts_are_named_in_a_422(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    let fields = |problem: &Value| -> Vec<(String, String)> {
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|error| {
                (
                    error["field"].as_str().unwrap().to_owned(),
                    error["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pair = |field: &str, code: &str| (field.to_owned(), code.to_owned());

    let no_file = upload(
        &app,
        &member.token,
        &case_id,
        &[Part::text("kind", "invoice")],
    )
    .await;
    assert_eq!(
        fields(&assert_problem(no_file, 422).await),
        [pair("file", "required")]
    );

    let misnamed = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "invoice"),
            Part {
                name: "upload",
                ..Part::file("a.pdf", "application/pdf", pdf_bytes())
            },
        ],
    )
    .await;
    assert_eq!(
        fields(&assert_problem(misnamed, 422).await),
        [pair("upload", "unknown_field"), pair("file", "required")]
    );

    let no_kind = upload(
        &app,
        &member.token,
        &case_id,
        &[Part::file("a.pdf", "application/pdf", pdf_bytes())],
    )
    .await;
    assert_eq!(
        fields(&assert_problem(no_kind, 422).await),
        [pair("kind", "required")]
    );

    let bad_kind = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "receipt"),
            Part::file("a.pdf", "application/pdf", pdf_bytes()),
        ],
    )
    .await;
    assert_eq!(
        fields(&assert_problem(bad_kind, 422).await),
        [pair("kind", "invalid_kind")]
    );

    let empty = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "other"),
            Part::file("a.txt", "text/plain", Vec::new()),
        ],
    )
    .await;
    assert_eq!(
        fields(&assert_problem(empty, 422).await),
        [pair("file", "empty")]
    );

    let twice = upload(
        &app,
        &member.token,
        &case_id,
        &[
            Part::text("kind", "other"),
            Part::file("a.pdf", "application/pdf", pdf_bytes()),
            Part::file("b.pdf", "application/pdf", pdf_bytes()),
        ],
    )
    .await;
    assert_eq!(
        fields(&assert_problem(twice, 422).await),
        [pair("file", "duplicate")]
    );

    let garbage = app
        .client
        .post(app.url(&documents_path(&case_id)))
        .bearer_auth(&member.token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body("this is not multipart at all")
        .send()
        .await
        .unwrap();
    assert_eq!(
        assert_problem(garbage, 422).await["errors"][0]["field"],
        "body"
    );

    let no_boundary = app
        .client
        .post(app.url(&documents_path(&case_id)))
        .bearer_auth(&member.token)
        .header("content-type", "multipart/form-data")
        .body(form(&[Part::text("kind", "other")]))
        .send()
        .await
        .unwrap();
    assert_problem(no_boundary, 415).await;
}

async fn another_tenants_documents_answer_404_like_missing_ones(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    let document_id = upload_pdf(&app, &member.token, &case_id).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let rival = app.create_creditor("Rival").await;
    let outsider = app.create_user(&rival, "creditor_admin").await;
    let missing_case = "case_00000000000000000000000000000000";
    let missing_document = "doc_00000000000000000000000000000000";

    for suffix in ["", "/DOC", "/DOC/content"] {
        let path = |case: &str, document: &str| {
            format!(
                "{}{}",
                documents_path(case),
                suffix.replace("DOC", document)
            )
        };
        let theirs = assert_problem(
            app.get(&path(&case_id, &document_id), &outsider.token)
                .await,
            404,
        )
        .await;
        let no_case = assert_problem(
            app.get(&path(missing_case, &document_id), &outsider.token)
                .await,
            404,
        )
        .await;
        assert_eq!(
            theirs, no_case,
            "GET …/documents{suffix}: the same answer as for a missing case"
        );
        if !suffix.is_empty() {
            let no_document = assert_problem(
                app.get(&path(&case_id, missing_document), &member.token)
                    .await,
                404,
            )
            .await;
            assert_eq!(
                theirs, no_document,
                "GET …/documents{suffix}: the same answer as for a missing document"
            );
        }
    }

    let parts = || {
        [
            Part::text("kind", "other"),
            Part::file("a.pdf", "application/pdf", pdf_bytes()),
        ]
    };
    let theirs = assert_problem(upload(&app, &outsider.token, &case_id, &parts()).await, 404).await;
    let no_case = assert_problem(
        upload(&app, &outsider.token, missing_case, &parts()).await,
        404,
    )
    .await;
    assert_eq!(theirs, no_case, "POST …/documents");

    let other_case = app.place_case(&member.token, "REF-2").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let elsewhere = app
        .get(
            &format!("{}/{document_id}", documents_path(&other_case)),
            &member.token,
        )
        .await;
    assert_problem(elsewhere, 404).await;
    let listed = body(app.get(&documents_path(&case_id), &member.token).await).await;
    assert_eq!(
        listed["data"].as_array().unwrap().len(),
        1,
        "the outsider stored nothing"
    );
}
