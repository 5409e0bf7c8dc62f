//! The structure part's records: publisher, organizations, offices, bodies with their legal
//! basis, seats, holders and figures.

use super::{id, opt_ref, present, refs, texts};
use crate::codes::Code;
use crate::date::iso_date;
use crate::feed::kinds::*;
use crate::feed::model::*;
use crate::feed::reader::Reader;
use crate::json::Value;

pub(super) fn publisher(r: &mut Reader, v: &Value) -> Option<Publisher> {
    let f = r.object(v, &["id", "name", "url"])?;
    Some(Publisher {
        id: r.required(f, "id", |r, v| r.id(v)).unwrap_or_default(),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        url: r.field(f, "url", |r, v| r.url(v)),
    })
}

pub(super) fn organization(r: &mut Reader, v: &Value) -> Option<Organization> {
    let f = r.record(v, &["id", "kind", "name", "short_name", "url"])?;
    Some(Organization {
        id: id(r, f),
        kind: r
            .required(f, "kind", |r, v| r.word(v))
            .unwrap_or(OrgKind::Other),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        short_name: r.field(f, "short_name", |r, v| r.text(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
        prov: r.provenance(f),
    })
}

pub(super) fn office(r: &mut Reader, v: &Value) -> Option<Office> {
    let f = r.record(v, &["id", "name", "org"])?;
    Some(Office {
        id: id(r, f),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        org: opt_ref(r, f, "org"),
        prov: r.provenance(f),
    })
}

const BODY: [&str; 17] = [
    "id",
    "kind",
    "name",
    "short_name",
    "description",
    "part_of",
    "supports",
    "members",
    "legal_basis",
    "seats",
    "functions",
    "cadence",
    "term_years",
    "established",
    "region",
    "url",
    "figures",
];

pub(super) fn body(r: &mut Reader, v: &Value) -> Option<Body> {
    let f = r.record(v, &BODY)?;
    Some(Body {
        id: id(r, f),
        kind: r
            .required(f, "kind", |r, v| r.word(v))
            .unwrap_or(BodyKind::Other),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        short_name: r.field(f, "short_name", |r, v| r.text(v)),
        description: r.field(f, "description", |r, v| r.text(v)),
        part_of: refs(r, f, "part_of"),
        supports: refs(r, f, "supports"),
        members: refs(r, f, "members"),
        legal_basis: r.list(f, "legal_basis", legal_basis),
        seats: r.list(f, "seats", seat),
        functions: texts(r, f, "functions"),
        cadence: r.field(f, "cadence", |r, v| r.text(v)),
        term_years: r.field(f, "term_years", |r, v| {
            let n = r.number(v, 0)?;
            if n == 0.0 {
                r.error(Code::NumberRange, "must be more than 0");
                return None;
            }
            Some(n)
        }),
        established: r.field(f, "established", |r, v| r.partial_date(v)),
        region: r.field(f, "region", |r, v| r.text(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
        figures: r.list(f, "figures", figure),
        prov: r.provenance(f),
    })
}

pub(super) fn legal_basis(r: &mut Reader, v: &Value) -> Option<LegalBasis> {
    let f = r.object(v, &["statute", "article", "effective", "url"])?;
    Some(LegalBasis {
        statute: r
            .required(f, "statute", |r, v| r.text(v))
            .unwrap_or_default(),
        article: r.field(f, "article", |r, v| r.nonempty(v)),
        effective: r.field(f, "effective", |r, v| r.date(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
    })
}

pub(super) fn seat(r: &mut Reader, v: &Value) -> Option<Seat> {
    let f = r.record(v, &["office", "title", "side", "role", "count", "holders"])?;
    let office = opt_ref(r, f, "office");
    let title = r.field(f, "title", |r, v| r.text(v));
    if office.is_none() && title.is_none() && !present(f, "office") && !present(f, "title") {
        r.error(Code::SeatUnnamed, "a seat needs an office or a title");
    }
    Some(Seat {
        office,
        title,
        side: r.field(f, "side", |r, v| r.word(v)).unwrap_or(Side::Other),
        role: r.field(f, "role", |r, v| r.word(v)).unwrap_or(Role::Member),
        count: r.field(f, "count", |r, v| r.uint(v, 1)).unwrap_or(1),
        holders: r.list(f, "holders", holder),
        prov: r.provenance(f),
    })
}

pub(super) fn holder(r: &mut Reader, v: &Value) -> Option<Holder> {
    let f = r.record(v, &["name", "from", "to"])?;
    let h = Holder {
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        from: r.field(f, "from", |r, v| r.date(v)),
        to: r.field(f, "to", |r, v| r.date(v)),
        prov: r.provenance(f),
    };
    if let (Some(a), Some(b)) = (h.from, h.to) {
        if b < a {
            r.error_at(
                "to",
                Code::DateOrder,
                format!(
                    "term ends ({}) before it starts ({})",
                    iso_date(b),
                    iso_date(a)
                ),
            );
        }
    }
    Some(h)
}

pub(super) fn figure(r: &mut Reader, v: &Value) -> Option<Figure> {
    let f = r.record(v, &["metric", "label", "period", "value"])?;
    Some(Figure {
        metric: r.required(f, "metric", |r, v| r.id(v)).unwrap_or_default(),
        label: r.required(f, "label", |r, v| r.text(v)).unwrap_or_default(),
        period: r.field(f, "period", |r, v| r.partial_date(v)),
        value: r
            .required(f, "value", |r, v| r.number(v, 0))
            .unwrap_or_default(),
        prov: r.provenance(f),
    })
}
