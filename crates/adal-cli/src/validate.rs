//! `adal validate DIR`: checks a published bundle and prints every problem.

use std::fs;

use adal_core::validate::validate_bundle;

use crate::cli::ValidateArgs;
use crate::{Failure, Outcome};

pub fn run(args: &ValidateArgs) -> Result<Outcome, Failure> {
    let dir = &args.dir;
    if !dir.is_dir() {
        return Err(Failure::Usage(format!("{} is not a folder", dir.display())));
    }
    // validate_bundle only asks for plain file names; a forged manifest cannot lead it outside `dir`.
    let read = |name: &str| fs::read(dir.join(name)).map_err(|e| e.to_string());
    let problems = validate_bundle(&read);
    if problems.is_empty() {
        println!("{}: the bundle is valid.", dir.display());
        Ok(Outcome::Done)
    } else {
        for p in &problems {
            println!("{p}");
        }
        println!("{}: {} problem(s) found.", dir.display(), problems.len());
        Ok(Outcome::Problems)
    }
}
