use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match livinglab::cli::run(livinglab::cli::Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("livinglab: {e:#}");
            ExitCode::FAILURE
        }
    }
}
