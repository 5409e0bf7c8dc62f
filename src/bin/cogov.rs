//! `cogov`: the command line for data authors, built from the same core as the widgets.
//! Exit codes: 0 fine, 1 the feed has errors, 2 usage or I/O problems.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cogov::cli::run(&args) {
        Ok(out) => {
            print!("{}", out.stdout);
            eprint!("{}", out.stderr);
            ExitCode::from(out.code)
        }
        Err(usage) => {
            eprintln!("cogov: {usage}\n\n{}", cogov::cli::USAGE);
            ExitCode::from(2)
        }
    }
}
