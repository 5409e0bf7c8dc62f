//! View helpers shared by the domains' view models (structure, calendar, proposals): texts in
//! the asked language, names of records, resolved sources.

use crate::dataset::{Dataset, Ref};
use crate::feed::{Provenance, SourceRef};
use crate::text::{Lang, Text};
use serde::Serialize;

/// An id and its name.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Named {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A source.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SourceView {
    /// Title.
    pub title: String,
    /// Link.
    pub url: Option<String>,
    /// Date as written.
    pub date: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
}

/// The id and name of whatever `id` names.
pub(crate) fn named(ds: &Dataset, id: &str, lang: Lang) -> Named {
    Named {
        id: id.to_string(),
        name: ds.name_of(id, lang),
    }
}

/// Sources of a record, resolved.
pub(crate) fn sources(ds: &Dataset, prov: &Provenance, lang: Lang) -> Vec<SourceView> {
    let mut out = Vec::with_capacity(prov.sources.len());
    for s in &prov.sources {
        let src = match s {
            SourceRef::Inline(src) => src,
            SourceRef::Id(id) => match ds.lookup(id) {
                Some(Ref::Source(i)) => &ds.feed.sources[i],
                _ => continue,
            },
        };
        out.push(SourceView {
            title: text(&src.title, lang),
            url: src.url.clone(),
            date: src.date.clone(),
            publisher: text_opt(&src.publisher, lang),
        });
    }
    out
}

/// A text in `lang`, owned: one out-of-line function for the many view fields built this way.
#[inline(never)]
pub(crate) fn text(t: &Text, lang: Lang) -> String {
    t.get(lang).to_string()
}

/// An optional text in `lang`, owned.
#[inline(never)]
pub(crate) fn text_opt(t: &Option<Text>, lang: Lang) -> Option<String> {
    t.as_ref().map(|t| text(t, lang))
}
