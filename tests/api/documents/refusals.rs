//! What an upload refuses: files over the size limit, types off the allow-list, content that
//! is not what it claims, missing and unknown parts.

use super::{BOUNDARY, MIB, Part, documents_path, form, pdf_bytes, send_chunked, setting, upload};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};
use serde_json::json;

both_backends!(
    a_file_over_10_mib_is_refused_with_413,
    types_off_the_allow_list_are_refused_with_415,
    a_pdf_claim_with_other_bytes_is_refused_with_422,
    missing_and_unknown_parts_are_named_in_a_422,
);

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
    let fakes: [(&str, &[u8], &str); 3] = [
        (
            "application/pdf",
            b"MZ\x90\x00\x03 this is an executable",
            "content_refused",
        ),
        ("image/png", b"%PDF-1.4 not a png", "content_mismatch"),
        (
            "image/jpeg",
            b"\x89PNG\r\n\x1a\n not a jpeg",
            "content_mismatch",
        ),
    ];
    for (content_type, bytes, code) in fakes {
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
        assert_eq!(problem["errors"][0]["code"], code);
    }
}

async fn missing_and_unknown_parts_are_named_in_a_422(backend: Backend) {
    let (app, _, member, _, case_id) = setting(backend).await;
    let fields = crate::helpers::field_codes;
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
