//! `cogov structure` and `cogov where-sits`.

use super::{json, load, Args, Output};
use crate::dataset::Part;
use crate::structure::{self, BodyNode, StructureQuery};

pub fn run(args: &Args) -> Result<Output, String> {
    args.only(&["json", "lang", "root", "as-of"])?;
    let ds = match load(args, Part::Structure)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    let q = StructureQuery {
        lang: args.lang()?,
        root: args.value("root"),
        as_of: args.date("as-of")?,
    };
    let view = match structure::structure(&ds, q) {
        Ok(v) => v,
        Err(p) => return Err(p.message),
    };
    if args.flag("json") {
        return Ok(Output {
            stdout: json(&view),
            ..Output::default()
        });
    }
    let mut out = String::new();
    for root in &view.roots {
        tree(&mut out, root, 0);
    }
    if view.truncated {
        out.push_str(&format!(
            "… {} of {} bodies shown: a view shows at most {} bodies and {} levels (use --root)\n",
            view.shown,
            view.shown + view.hidden,
            structure::MAX_NODES,
            structure::MAX_DEPTH
        ));
    }
    Ok(Output {
        stdout: out,
        ..Output::default()
    })
}

/// Writes `b` and the bodies under it (recursion bounded by `structure::MAX_DEPTH`).
fn tree(out: &mut String, b: &BodyNode, depth: usize) {
    let pad = "  ".repeat(depth);
    let rel = match b.relation {
        Some("supports") => "supports ← ",
        _ => "",
    };
    out.push_str(&format!("{pad}{rel}{} [{}] ({})\n", b.name, b.id, b.kind));
    let c = &b.composition;
    if c.total > 0 {
        let sides: Vec<String> = c
            .sides
            .iter()
            .map(|s| format!("{} {}", s.side, s.count))
            .collect();
        out.push_str(&format!(
            "{pad}    seats: {} ({})\n",
            c.total,
            sides.join(", ")
        ));
    }
    for ch in &c.chairs {
        out.push_str(&format!("{pad}    {}: {}\n", ch.role, ch.label));
    }
    for l in &b.legal_basis {
        let art = l
            .article
            .as_deref()
            .map(|a| format!(" art. {a}"))
            .unwrap_or_default();
        let eff = l
            .effective
            .as_deref()
            .map(|e| format!(", effective {e}"))
            .unwrap_or_default();
        out.push_str(&format!("{pad}    legal basis: {}{art}{eff}\n", l.statute));
    }
    for k in &b.children {
        tree(out, k, depth + 1);
    }
    if b.hidden_children > 0 {
        out.push_str(&format!("{pad}  … {} more\n", b.hidden_children));
    }
}

pub fn where_sits(args: &Args) -> Result<Output, String> {
    args.only(&["json", "lang"])?;
    let office = args.positional(1, "OFFICE")?;
    let ds = match load(args, Part::Structure)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    let seats = structure::where_sits(&ds, office, args.lang()?).map_err(|p| p.message)?;
    if args.flag("json") {
        return Ok(Output {
            stdout: json(&seats),
            ..Output::default()
        });
    }
    let mut out = String::new();
    for s in &seats {
        out.push_str(&format!(
            "{} [{}]: {} ({})\n",
            s.body_name, s.body, s.role, s.side
        ));
    }
    Ok(Output {
        stdout: out,
        ..Output::default()
    })
}
