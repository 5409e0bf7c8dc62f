//! Governance structure: the body graph (parts, supporting bodies, sub-bodies), composition
//! summaries (seats by side and role, totals, chairs), where an office sits across bodies, and
//! composition as of a date (people's terms).
//!
//! Output types are view models: plain, serializable, texts already in the asked language.

use crate::codes::Code;
use crate::dataset::{Dataset, Ref};
use crate::date::iso_date;
use crate::feed::{Body, Role, Seat, Side};
use crate::problem::Problem;
use crate::text::Lang;
use crate::view::{named, sources, text, text_opt};
pub use crate::view::{Named, SourceView};
use chrono::NaiveDate;
use serde::Serialize;

/// The body graph from one root (or from every top-level body).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StructureView {
    /// Publisher's name.
    pub publisher: String,
    /// The day compositions are given for, if any.
    pub as_of: Option<String>,
    /// Top-level bodies with their sub-bodies.
    pub roots: Vec<BodyNode>,
    /// Whether a cap cut the tree: some bodies under the roots are not shown ([`MAX_NODES`],
    /// [`MAX_DEPTH`]).
    pub truncated: bool,
    /// Bodies shown (each appears once).
    pub shown: u32,
    /// Bodies under the roots that are not shown because of a cap.
    pub hidden: u32,
}

/// One body and the bodies under it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BodyNode {
    /// Id.
    pub id: String,
    /// Kind word (`general_assembly`...).
    #[cfg_attr(test, ts(as = "crate::feed::BodyKind"))]
    pub kind: &'static str,
    /// How it hangs under its parent in this tree: `part_of` or `supports` (none for roots).
    #[cfg_attr(test, ts(as = "Option<crate::ts::Relation>"))]
    pub relation: Option<&'static str>,
    /// Name.
    pub name: String,
    /// Short name.
    pub short_name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Legal basis.
    pub legal_basis: Vec<LegalView>,
    /// Seats by side, with totals and chairs.
    pub composition: Composition,
    /// Member organizations or bodies.
    pub members: Vec<Named>,
    /// Functions.
    pub functions: Vec<String>,
    /// Cadence in words.
    pub cadence: Option<String>,
    /// Term in years.
    pub term_years: Option<f64>,
    /// Established (as written).
    pub established: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Page.
    pub url: Option<String>,
    /// Published figures.
    pub figures: Vec<FigureView>,
    /// Its other parents: every body of `part_of` and `supports` but the one it is shown under
    /// (a body appears once in the tree).
    pub also_under: Vec<Named>,
    /// Sources.
    pub sources: Vec<SourceView>,
    /// Illustrative, not from a source.
    pub illustrative: bool,
    /// Note.
    pub note: Option<String>,
    /// Sub-bodies shown under this one.
    pub children: Vec<BodyNode>,
    /// Sub-bodies of this one that a cap left out (they are counted in `hidden`).
    pub hidden_children: u32,
}

/// A statute article.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LegalView {
    /// Statute.
    pub statute: String,
    /// Article.
    pub article: Option<String>,
    /// Effective date.
    pub effective: Option<String>,
    /// Link.
    pub url: Option<String>,
}

/// A published figure.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FigureView {
    /// Metric id.
    pub metric: String,
    /// Label.
    pub label: String,
    /// Period.
    pub period: Option<String>,
    /// Value.
    pub value: f64,
}

/// Who sits in a body.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Composition {
    /// Places in all.
    pub total: u32,
    /// Seats grouped by side, in the format's order of sides.
    pub sides: Vec<SideGroup>,
    /// Seats whose role leads the body (chair, co-chair, standing director, representative).
    pub chairs: Vec<SeatView>,
}

/// The seats of one side.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SideGroup {
    /// Side word.
    #[cfg_attr(test, ts(as = "crate::feed::Side"))]
    pub side: &'static str,
    /// Places on this side.
    pub count: u32,
    /// Places by role word.
    #[cfg_attr(test, ts(as = "Vec<(crate::feed::Role, u32)>"))]
    pub roles: Vec<(&'static str, u32)>,
    /// The seats.
    pub seats: Vec<SeatView>,
}

/// One seat.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SeatView {
    /// Office or title.
    pub label: String,
    /// Office id when held ex officio.
    pub office: Option<String>,
    /// Role word.
    #[cfg_attr(test, ts(as = "crate::feed::Role"))]
    pub role: &'static str,
    /// Side word.
    #[cfg_attr(test, ts(as = "crate::feed::Side"))]
    pub side: &'static str,
    /// Places.
    pub count: u32,
    /// People holding it (on the `as_of` day when one is given).
    pub holders: Vec<HolderView>,
    /// Illustrative.
    pub illustrative: bool,
}

/// A person holding a seat.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HolderView {
    /// Name.
    pub name: String,
    /// First day.
    pub from: Option<String>,
    /// Last day.
    pub to: Option<String>,
    /// Illustrative.
    pub illustrative: bool,
}

/// A place an office holds.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Sitting {
    /// Body id.
    pub body: String,
    /// Body name.
    pub body_name: String,
    /// Role word.
    #[cfg_attr(test, ts(as = "crate::feed::Role"))]
    pub role: &'static str,
    /// Side word.
    #[cfg_attr(test, ts(as = "crate::feed::Side"))]
    pub side: &'static str,
}

/// Options of [`structure`].
#[derive(Clone, Copy, Debug)]
pub struct StructureQuery<'a> {
    /// Language of texts.
    pub lang: Lang,
    /// Start from this body instead of every top-level body.
    pub root: Option<&'a str>,
    /// Keep only people holding seats on this day.
    pub as_of: Option<NaiveDate>,
}

/// Most bodies one view shows. A body's row is about ten DOM nodes in `<cogov-structure>`, so a
/// full view stays near 10,000 nodes in its shadow root, under the widget's 20,000.
pub const MAX_NODES: usize = 1_000;

/// Most levels one view shows (the roots are level 1): the nested view stays shallow for every
/// recursive reader after the core (the JSON writers, `JSON.parse`, the JS renderer).
pub const MAX_DEPTH: usize = 32;

/// Marks in the walk's parent array: not under the roots, a root, under them (parent not chosen).
const NONE: u32 = u32::MAX;
const ROOT: u32 = u32::MAX - 1;
const SEEN: u32 = u32::MAX - 2;

/// The body graph as a tree. Each body appears once, under its first parent in the view: the
/// first body of its `part_of`, else of its `supports`, that is under the roots; its other
/// parents are its `also_under`. Sub-bodies are in feed order. The tree holds the first
/// [`MAX_NODES`] bodies breadth-first, down to [`MAX_DEPTH`] levels; `truncated`, `hidden` and
/// each node's `hidden_children` say what the caps left out. The work is linear in the feed.
///
/// ```
/// use cogov::structure::{structure, StructureQuery};
/// let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"bodies":[
///   {"id":"ga","kind":"association","name":"GA","sources":[]},
///   {"id":"assembly","kind":"general_assembly","name":"Assembly","part_of":["ga"],
///    "seats":[{"title":"Mayors","side":"local","count":17}],"sources":[]}]}"#).dataset.unwrap();
/// let v = structure(&ds, StructureQuery { lang: cogov::text::Lang::En, root: None, as_of: None }).unwrap();
/// assert_eq!(v.roots[0].children[0].composition.total, 17);
/// assert!(!v.truncated);
/// ```
pub fn structure(ds: &Dataset, q: StructureQuery) -> Result<StructureView, Problem> {
    let bodies = &ds.feed.bodies;
    let n = bodies.len();
    let roots: Vec<u32> = match q.root {
        Some(id) => vec![ds.body_index(id).ok_or_else(|| {
            Problem::error(
                "body",
                Code::QueryUnknownBody,
                format!("{} is not the id of any body", crate::text::quote(id)),
            )
        })? as u32],
        None => (bodies.iter().enumerate())
            .filter(|(_, b)| b.part_of.is_empty() && b.supports.is_empty())
            .map(|(i, _)| i as u32)
            .collect(),
    };
    // every (parent, body, by `supports`) link, by body in feed order, then in the order of
    // `part_of` and `supports`; each parent once per body
    let mut links: Vec<(u32, u32, bool)> = Vec::new();
    let mut last = vec![NONE; n];
    for (c, b) in bodies.iter().enumerate() {
        for (list, by_supports) in [(&b.part_of, false), (&b.supports, true)] {
            for id in list {
                match ds.body_index(id) {
                    Some(p) if p != c && last[p] != c as u32 => {
                        last[p] = c as u32;
                        links.push((p as u32, c as u32, by_supports));
                    }
                    _ => {}
                }
            }
        }
    }
    // the bodies under the roots, by an explicit stack (no recursion: chains can be long)
    let down = Under::new(n, &links);
    let mut parent = vec![NONE; n];
    let mut stack = Vec::new();
    for &r in &roots {
        parent[r as usize] = ROOT;
        stack.push(r);
    }
    while let Some(p) = stack.pop() {
        for &c in down.of(p) {
            if parent[c as usize] == NONE {
                parent[c as usize] = SEEN;
                stack.push(c);
            }
        }
    }
    // each body's first parent under the roots (its first link to one), and the tree's links
    let mut supports = vec![false; n];
    let mut tree_links = Vec::new();
    for &(p, c, by_supports) in &links {
        if parent[c as usize] == SEEN && parent[p as usize] != NONE {
            parent[c as usize] = p;
            supports[c as usize] = by_supports;
            tree_links.push((p, c, by_supports));
        }
    }
    drop(links);
    let tree = Under::new(n, &tree_links);
    // breadth-first within the caps: `order` holds the parent of each body it holds
    let mut order: Vec<u32> = Vec::new();
    let mut level = vec![0u8; n];
    for &r in roots.iter().take(MAX_NODES) {
        level[r as usize] = 1;
        order.push(r);
    }
    let mut next = 0;
    while next < order.len() && order.len() < MAX_NODES {
        let p = order[next] as usize;
        next += 1;
        if usize::from(level[p]) < MAX_DEPTH {
            for &c in tree.of(p as u32).iter().take(MAX_NODES - order.len()) {
                level[c as usize] = level[p] + 1;
                order.push(c);
            }
        }
    }
    let mut under = 0;
    for &p in &parent {
        under += u32::from(p != NONE);
    }
    // the nodes, last first: a node's sub-bodies come after it in `order`, so they are built
    // before it, into its list (last first, turned round when it is built)
    let mut at = vec![NONE; n];
    for (k, &i) in order.iter().enumerate() {
        at[i as usize] = k as u32;
    }
    let mut kids: Vec<Vec<BodyNode>> = Vec::new();
    kids.resize_with(order.len(), Vec::new);
    let mut tops = Vec::new();
    for k in (0..order.len()).rev() {
        let i = order[k] as usize;
        let mut children = std::mem::take(&mut kids[k]);
        children.reverse();
        let hidden_children = (tree.of(i as u32).len() - children.len()) as u32;
        let up = bodies.get(parent[i] as usize).map(|b| b.id.as_str());
        let relation = match up {
            None => None,
            Some(_) if supports[i] => Some("supports"),
            Some(_) => Some("part_of"),
        };
        let node = node(ds, &q, i, relation, up, children, hidden_children);
        match at
            .get(parent[i] as usize)
            .and_then(|&p| kids.get_mut(p as usize))
        {
            Some(list) => list.push(node),
            None => tops.push(node),
        }
    }
    tops.reverse();
    let shown = order.len() as u32;
    Ok(StructureView {
        publisher: text(&ds.feed.publisher.name, q.lang),
        as_of: q.as_of.map(iso_date),
        roots: tops,
        truncated: shown < under,
        shown,
        hidden: under - shown,
    })
}

/// Links grouped by parent: the bodies under `p`, in the order of the links.
struct Under {
    /// `kids[start[p]..start[p + 1]]` are the bodies under `p`.
    start: Vec<u32>,
    kids: Vec<u32>,
}

impl Under {
    fn new(n: usize, links: &[(u32, u32, bool)]) -> Under {
        let mut start = vec![0u32; n + 1];
        for &(p, _, _) in links {
            start[p as usize + 1] += 1;
        }
        for p in 0..n {
            start[p + 1] += start[p];
        }
        let mut fill = start.clone();
        let mut kids = vec![0u32; links.len()];
        for &(p, c, _) in links {
            kids[fill[p as usize] as usize] = c;
            fill[p as usize] += 1;
        }
        Under { start, kids }
    }

    fn of(&self, p: u32) -> &[u32] {
        let p = p as usize;
        &self.kids[self.start[p] as usize..self.start[p + 1] as usize]
    }
}

/// Bodies directly under `parent`, with how each hangs there: one pass over every body (a
/// whole tree is [`structure`], which indexes the links once).
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"bodies":[
/// #   {"id":"a","kind":"association","name":"A"},{"id":"w","kind":"working_council","name":"W","supports":["a"]}]}"#).dataset.unwrap();
/// assert_eq!(cogov::structure::children(&ds, 0), vec![(1, "supports")]);
/// ```
pub fn children(ds: &Dataset, parent: usize) -> Vec<(usize, &'static str)> {
    let id = ds.feed.bodies[parent].id.as_str();
    let mut out = Vec::new();
    for (i, b) in ds.feed.bodies.iter().enumerate() {
        if let Some(rel) = hangs_under(b, id) {
            out.push((i, rel));
        }
    }
    out
}

/// How `b` hangs under the body `parent_id`: `part_of`, `supports` or not at all.
fn hangs_under(b: &Body, parent_id: &str) -> Option<&'static str> {
    if b.part_of.iter().any(|p| p == parent_id) {
        Some("part_of")
    } else if b.supports.iter().any(|p| p == parent_id) {
        Some("supports")
    } else {
        None
    }
}

/// The view of body `i`, shown under `parent_id` (none for a root) with `children` under it.
fn node(
    ds: &Dataset,
    q: &StructureQuery,
    i: usize,
    relation: Option<&'static str>,
    parent_id: Option<&str>,
    children: Vec<BodyNode>,
    hidden_children: u32,
) -> BodyNode {
    let b = &ds.feed.bodies[i];
    let lang = q.lang;
    let also_under = (b.part_of.iter().chain(&b.supports))
        .filter(|p| Some(p.as_str()) != parent_id)
        .map(|p| named(ds, p, lang))
        .collect();
    BodyNode {
        id: b.id.clone(),
        kind: b.kind.as_str(),
        relation,
        name: text(&b.name, lang),
        short_name: text_opt(&b.short_name, lang),
        description: text_opt(&b.description, lang),
        legal_basis: b.legal_basis.iter().map(|l| legal(l, lang)).collect(),
        composition: composition(ds, b, lang, q.as_of),
        members: b.members.iter().map(|m| named(ds, m, lang)).collect(),
        functions: b.functions.iter().map(|t| text(t, lang)).collect(),
        cadence: text_opt(&b.cadence, lang),
        term_years: b.term_years,
        established: b.established.clone(),
        region: text_opt(&b.region, lang),
        url: b.url.clone(),
        figures: b.figures.iter().map(|f| figure(f, lang)).collect(),
        also_under,
        sources: sources(ds, &b.prov, lang),
        illustrative: b.prov.illustrative,
        note: text_opt(&b.prov.note, lang),
        children,
        hidden_children,
    }
}

fn legal(l: &crate::feed::LegalBasis, lang: Lang) -> LegalView {
    LegalView {
        statute: text(&l.statute, lang),
        article: l.article.clone(),
        effective: l.effective.map(iso_date),
        url: l.url.clone(),
    }
}

fn figure(f: &crate::feed::Figure, lang: Lang) -> FigureView {
    FigureView {
        metric: f.metric.clone(),
        label: text(&f.label, lang),
        period: f.period.clone(),
        value: f.value,
    }
}

/// Seats of a body grouped by side, with totals and chairs; people filtered to `as_of`.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"bodies":[
/// #   {"id":"c","kind":"citizen_council","name":"C","seats":[
/// #     {"title":"Citizen representative","side":"citizen","role":"representative"},
/// #     {"title":"Citizens","side":"citizen","count":24},{"title":"Officials","side":"official","count":5}]}]}"#).dataset.unwrap();
/// let c = cogov::structure::composition(&ds, &ds.feed.bodies[0], cogov::text::Lang::En, None);
/// assert_eq!(c.total, 30);
/// assert_eq!((c.sides[0].side, c.sides[0].count), ("citizen", 25));
/// assert_eq!(c.chairs[0].label, "Citizen representative");
/// ```
pub fn composition(ds: &Dataset, b: &Body, lang: Lang, as_of: Option<NaiveDate>) -> Composition {
    let mut c = Composition::default();
    for &side in Side::ALL {
        let mut g = SideGroup {
            side: side.as_str(),
            count: 0,
            roles: Vec::new(),
            seats: Vec::new(),
        };
        for s in &b.seats {
            if s.side == side {
                g.count = g.count.saturating_add(s.count);
                g.seats.push(seat_view(ds, s, lang, as_of));
            }
        }
        if g.seats.is_empty() {
            continue;
        }
        for &role in Role::ALL {
            let mut n: u32 = 0;
            for s in &b.seats {
                if s.side == side && s.role == role {
                    n += s.count;
                }
            }
            if n > 0 {
                g.roles.push((role.as_str(), n));
            }
        }
        c.total = c.total.saturating_add(g.count);
        c.sides.push(g);
    }
    // leading seats by role, in the order roles are listed (feed order within a role)
    for &role in Role::ALL {
        if role.leads() {
            for s in &b.seats {
                if s.role == role {
                    c.chairs.push(seat_view(ds, s, lang, as_of));
                }
            }
        }
    }
    c
}

fn seat_view(ds: &Dataset, s: &Seat, lang: Lang, as_of: Option<NaiveDate>) -> SeatView {
    let label = match (&s.title, &s.office) {
        (Some(t), _) => text(t, lang),
        (None, Some(o)) => ds.name_of(o, lang),
        (None, None) => String::new(),
    };
    let holders = (s.holders.iter())
        .filter(|h| as_of.is_none_or(|d| h.holds_on(d)))
        .map(|h| HolderView {
            name: text(&h.name, lang),
            from: h.from.map(iso_date),
            to: h.to.map(iso_date),
            illustrative: h.prov.illustrative,
        })
        .collect();
    SeatView {
        label,
        office: s.office.clone(),
        role: s.role.as_str(),
        side: s.side.as_str(),
        count: s.count,
        holders,
        illustrative: s.prov.illustrative,
    }
}

/// Every seat an office holds, across bodies.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
/// #   "offices":[{"id":"mois-minister","name":"Minister of the Interior and Safety"}],
/// #   "bodies":[{"id":"m","kind":"cooperation_meeting","name":"Meeting","seats":[{"office":"mois-minister","side":"central"}]}]}"#).dataset.unwrap();
/// let s = cogov::structure::where_sits(&ds, "mois-minister", cogov::text::Lang::En).unwrap();
/// assert_eq!((s[0].body.as_str(), s[0].role), ("m", "member"));
/// ```
pub fn where_sits(ds: &Dataset, office: &str, lang: Lang) -> Result<Vec<Sitting>, Problem> {
    if !matches!(ds.lookup(office), Some(Ref::Office(_))) {
        return Err(Problem::error(
            "office",
            Code::QueryUnknownOffice,
            format!("{} is not the id of any office", crate::text::quote(office)),
        ));
    }
    let mut out = Vec::new();
    for b in &ds.feed.bodies {
        for s in &b.seats {
            if s.office.as_deref() == Some(office) {
                out.push(Sitting {
                    body: b.id.clone(),
                    body_name: text(&b.name, lang),
                    role: s.role.as_str(),
                    side: s.side.as_str(),
                });
            }
        }
    }
    Ok(out)
}
