//! Closed sets of text the API answers with (statuses, kinds, sources) as OpenAPI enums, so a
//! generated client gets an enum instead of a string. Where the domain or the use-case layer has
//! the set as a type, fields name that type; [`closed_set!`] is for the sets that live only as
//! stored text. `--check-responses`, which every black-box test runs with, refuses an answer
//! whose value the enum does not list, so a list here cannot fall behind the code unnoticed.

/// Defines `$marker`, whose schema is the string enum of `$values`, for
/// `#[schema(value_type = $marker)]` on a field that holds one of them as text.
macro_rules! closed_set {
    ($(#[$meta:meta])* $marker:ident, $description:literal, [$($value:literal),+ $(,)?]) => {
        $(#[$meta])*
        pub enum $marker {}

        impl utoipa::PartialSchema for $marker {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some([$($value),+]))
                    .description(Some($description))
                    .into()
            }
        }

        impl utoipa::ToSchema for $marker {}
    };
}

pub(crate) use closed_set;
