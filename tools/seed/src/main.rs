//! `livinglab-seed`: fills a livinglab database with a large, realistic catalogue of good
//! practices (organizations, accounts, endorsements, comments, adoptions) for development
//! and load tests. The same seed gives the same rows. Every account's password is
//! `seed-password-123`.
//!
//! It takes the server's options (`DATABASE_URL`, `LIVINGLAB_DATA_DIR`, `LIVINGLAB_LOG` ...):
//! with no `DATABASE_URL` it uses the private PostgreSQL in the data folder, the running
//! server's if there is one, as `livinglab migrate` does.

mod seed;
mod vocab;

use std::process::ExitCode;

use clap::Parser;
use livinglab::cli::ConfigArgs;
use livinglab::db::local::LocalAccess;
use livinglab::settings::Settings;
use secrecy::ExposeSecret;

// No Debug: the options hold the database URL.
#[derive(Parser)]
#[command(
    name = "livinglab-seed",
    version,
    about = "Fill the database with a large, realistic catalogue of practices (organizations, \
             accounts, endorsements, comments, adoptions) for development and load tests. \
             The same seed gives the same rows. Every account's password is \
             `seed-password-123`."
)]
struct Cli {
    #[command(flatten)]
    config: ConfigArgs,
    #[arg(long, default_value_t = 1000)]
    practices: usize,
    #[arg(long, default_value_t = 50)]
    organizations: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Add to a database that already has practices (new organizations and accounts).
    #[arg(long)]
    append: bool,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("livinglab-seed: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    livinglab::telemetry::init(&cli.config.log, cli.config.log_format);
    let settings = cli.config.settings();
    let options = seed::SeedOptions {
        practices: cli.practices,
        organizations: cli.organizations,
        seed: cli.seed,
        append: cli.append,
    };
    if let Some(url) = settings.database.url.clone() {
        return block_on(fill(&settings, url.expose_secret(), &options));
    }
    // The private cluster is started here, on the main thread, which lives until the end:
    // the cluster is told to stop if the thread that started it dies.
    let local = LocalAccess::open(&settings.data_dir)?;
    let result = block_on(fill(&settings, &local.url(), &options));
    local.stop();
    result
}

fn block_on<F: Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(f)
}

async fn fill(settings: &Settings, url: &str, options: &seed::SeedOptions) -> anyhow::Result<()> {
    livinglab::db::run_migrations(url).await?;
    let pool = livinglab::db::build_pool(url, &settings.database)?;
    let summary = seed::run(&pool, options).await?;
    println!("{summary}");
    Ok(())
}
