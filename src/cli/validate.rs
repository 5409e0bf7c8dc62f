//! `cogov validate FEED [--json]`.

use super::{json, Args, Output};
use crate::problem::Report;

pub fn run(args: &Args) -> Result<Output, String> {
    args.only(&["json"])?;
    let path = args.positional(0, "FEED")?;
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return Ok(Output {
                stderr: format!("cogov: cannot read {path}: {e}\n"),
                code: 2,
                ..Output::default()
            })
        }
    };
    let report = crate::dataset::load(&text).report;
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
