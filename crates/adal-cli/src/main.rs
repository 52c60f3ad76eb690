//! `adal`: the Adal Atlas publisher.
//!
//! `main` only parses the arguments, calls [`run`] and maps its outcome to an exit code: 0 when all went
//! well, 1 when the input or bundle has problems (all of them printed), 2 for a usage error or a file that
//! cannot be opened. The work itself is in `adal-core`; the modules here do the I/O.

mod assets;
mod cli;
mod demo;
mod pages;
mod previews;
mod publish;
mod serve;
mod site;
mod validate;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// How a command ended.
pub enum Outcome {
    /// Everything worked.
    Done,
    /// The input had problems; they were printed.
    Problems,
}

/// A failure that stops a command, with a message a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Bad arguments or configuration.
    #[error("{0}")]
    Usage(String),
    /// A file could not be read or written.
    #[error("{0}")]
    Io(String),
}

fn run(cli: Cli) -> Result<Outcome, Failure> {
    match cli.command {
        Command::Publish(args) => publish::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Demo(args) => demo::run(&args),
        Command::Share(args) => previews::run(&args),
        Command::Pages(args) => pages::run(&args),
        Command::Site(args) => site::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Schema(args) => {
            std::fs::create_dir_all(&args.out)
                .map_err(|e| Failure::Io(format!("cannot create {}: {e}", args.out.display())))?;
            for (name, text) in adal_publish::schema::all() {
                let path = args.out.join(name);
                std::fs::write(&path, text)
                    .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))?;
                println!("wrote {}", path.display());
            }
            Ok(Outcome::Done)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(e) => {
            eprintln!("adal: {e}");
            ExitCode::from(2)
        }
    }
}
