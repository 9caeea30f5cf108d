//! Which methods each documented path answers, read from the OpenAPI document the routes
//! generate, so that a known path asked with another method answers `405` with `Allow`
//! (RFC 9110 s.15.5.6) instead of `404`, and the list can never drift from the routes.

use utoipa::openapi::OpenApi;

/// The documented paths as segments (`None` for a `{parameter}`), each with its `Allow` value.
#[derive(Debug, Default)]
pub struct RouteMethods {
    routes: Vec<(Vec<Option<String>>, String)>,
}

impl RouteMethods {
    /// The methods of every path in `doc`.
    #[must_use]
    pub fn of(doc: &OpenApi) -> Self {
        let json = serde_json::to_value(&doc.paths).unwrap_or_default();
        let routes = json
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(path, item)| {
                let mut methods: Vec<String> = item
                    .as_object()?
                    .keys()
                    .filter(|key| {
                        matches!(
                            key.as_str(),
                            "get" | "put" | "post" | "delete" | "patch" | "head" | "options"
                        )
                    })
                    .map(|key| key.to_ascii_uppercase())
                    .collect();
                methods.sort();
                Some((segments(path), methods.join(", ")))
            })
            .collect();
        Self { routes }
    }

    /// The `Allow` value for `path` when it is a documented path. Where several templates match
    /// one path (`/v1/cases/bulk` and `/v1/cases/{id}`), the most specific wins, a fixed segment
    /// before a parameter, so `Allow` lists exactly the methods the document gives that path.
    #[must_use]
    pub fn allowed(&self, path: &str) -> Option<String> {
        let asked: Vec<&str> = path.trim_end_matches('/').split('/').collect();
        let matching: Vec<&(Vec<Option<String>>, String)> = self
            .routes
            .iter()
            .filter(|(template, _)| {
                template.len() == asked.len()
                    && template.iter().zip(&asked).all(|(part, seg)| match part {
                        Some(fixed) => fixed == seg,
                        None => !seg.is_empty(),
                    })
            })
            .collect();
        let specificity = |template: &[Option<String>]| -> Vec<bool> {
            template.iter().map(Option::is_some).collect()
        };
        let most_specific = matching
            .iter()
            .map(|(template, _)| specificity(template))
            .max()?;
        let mut methods: Vec<&str> = matching
            .iter()
            .filter(|(template, _)| specificity(template) == most_specific)
            .flat_map(|(_, allow)| allow.split(", "))
            .collect();
        methods.sort_unstable();
        methods.dedup();
        (!methods.is_empty()).then(|| methods.join(", "))
    }
}

fn segments(template: &str) -> Vec<Option<String>> {
    template
        .trim_end_matches('/')
        .split('/')
        .map(|part| (!(part.starts_with('{') && part.ends_with('}'))).then(|| part.to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documented_path_lists_its_methods_and_an_unknown_one_none() {
        let methods = RouteMethods::of(&crate::openapi::document());
        assert_eq!(methods.allowed("/v1/me").as_deref(), Some("GET"));
        let cases = methods.allowed("/v1/cases").unwrap_or_default();
        assert!(cases.contains("GET") && cases.contains("POST"), "{cases}");
        assert!(methods.allowed("/v1/cases/case_1").is_some());
        assert_eq!(methods.allowed("/v1/cases/bulk").as_deref(), Some("POST"));
        assert_eq!(methods.allowed("/v1/nothing-here"), None);
        assert_eq!(methods.allowed("/v1/cases/case_1/nothing"), None);
    }
}
