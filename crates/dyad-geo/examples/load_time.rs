//! Prints how long the embedded gazetteer takes to parse (a benchmark, not a test), and resolves
//! the names given on the command line:
//! `cargo run --release -p dyad-geo --example load_time -- Kyiv Georgia:USA "Tripoli:LBN"`.

use dyad_geo::{Gazetteer, Sources};
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let g = match Gazetteer::parse(&Sources::embedded()) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let first = t.elapsed().as_secs_f64() * 1e3;
    // The best of a few more parses, less disturbed by other work on the machine.
    let mut best = first;
    for _ in 0..4 {
        let t = Instant::now();
        let again = Gazetteer::parse(&Sources::embedded()).map(|g| g.len());
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        assert_eq!(again.ok(), Some(g.len()));
    }
    println!(
        "gazetteer: {first:.1} ms first parse, {best:.1} ms best of 5 ({} entries, {} names)",
        g.len(),
        g.name_count()
    );
    for arg in std::env::args().skip(1) {
        let (name, context) = arg.split_once(':').unwrap_or((arg.as_str(), ""));
        let context: Vec<&str> = context.split(',').filter(|c| !c.is_empty()).collect();
        let ids = g.lookup(name);
        match g.resolve(name, &context) {
            Some(p) => println!(
                "{name} {context:?}: {} ({:?}) {} {:?} {:.4},{:.4} [{} candidates]",
                p.name,
                p.precision,
                p.country,
                p.admin1,
                p.lat,
                p.lon,
                ids.len()
            ),
            None => println!("{name} {context:?}: not found"),
        }
    }
}
