//! `cogov`: the command line for data authors, built from the same core as the widgets.
//! Exit codes: 0 fine, 1 the feed has errors, 2 usage or I/O problems.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cogov::cli::run(&args) {
        Ok(out) => {
            print!("{}", out.stdout);
            eprint!("{}", out.stderr);
            std::process::ExitCode::from(out.code)
        }
        Err(usage) => {
            eprintln!("cogov: {usage}\n\n{}", cogov::cli::USAGE);
            std::process::ExitCode::from(2)
        }
    }
}

/// The CLI is native only; the wasm build of the crate is the library.
#[cfg(target_arch = "wasm32")]
fn main() {}
