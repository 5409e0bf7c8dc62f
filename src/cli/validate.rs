//! `cogov validate FEED [--json]`.

use super::{json, Args, Output};
use crate::dataset::Part;
use crate::problem::Report;

pub fn run(args: &Args) -> Result<Output, String> {
    args.only(&["json"])?;
    let path = args.positional(0, "FEED")?;
    let report = match super::read(path) {
        Ok(text) => {
            let loaded = crate::dataset::load(&text);
            let mut report = loaded.report;
            if let Some(ds) = loaded
                .dataset
                .as_ref()
                .filter(|ds| ds.usable(Part::Calendar))
            {
                report
                    .warnings
                    .extend(super::holidays::session_warnings(ds));
            }
            report
        }
        Err(super::Unread::Io(out)) => return Ok(out),
        Err(super::Unread::Report(report)) => report,
    };
    let code = u8::from(report.has_errors());
    if args.flag("json") {
        return Ok(Output {
            stdout: json(&report),
            code,
            ..Output::default()
        });
    }
    let mut stdout = human(&report);
    stdout.push_str(&format!(
        "{path}: {} error(s), {} warning(s)\n",
        report.errors.len(),
        report.warnings.len()
    ));
    Ok(Output {
        stdout,
        code,
        ..Output::default()
    })
}

/// One line a problem: `error: PATH: MESSAGE [CODE]`.
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    for (label, list) in [("error", &report.errors), ("warning", &report.warnings)] {
        for p in list {
            out.push_str(&format!("{label}: {p} [{}]\n", p.code));
        }
    }
    out
}
